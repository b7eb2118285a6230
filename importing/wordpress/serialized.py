"""
Reading the PHP serialized arrays a multilingual plugin writes into an
export's term descriptions: Polylang keeps a translation group as
``a:2:{s:2:"en";i:12;s:2:"km";i:14;}`` (language → post or term id) and a
language as ``a:3:{s:6:"locale";s:5:"en_US";s:3:"rtl";b:0;…}``.

Only the few kinds of value those arrays hold are read: arrays, strings,
integers, booleans, floats and null. Objects, references and anything else
make the whole text unreadable (``None``), and so does any fault: a count
that does not match, a string shorter than it says, a text left over. The
text is untrusted (anyone who could edit a term wrote it), so it is never
handed to a general unserializer; it is read in one pass, each byte once,
and a text longer than any such array, or nested deeper, is refused unread.
"""

import re

# A translation group of every language there is fits in far less.
MAX_LENGTH = 64 * 1024
MAX_DEPTH = 4
INTEGER = re.compile(rb"-?\d{1,19}")
FLOAT = re.compile(rb"-?(?:\d{1,30}(?:\.\d{0,30})?(?:[eE][+-]?\d{1,4})?|INF|NAN)")


class Unreadable(ValueError):
    """A text that is not a serialized value of the kinds read here."""


def php_array(text):
    """
    The array serialized in ``text`` as a dict (keys str or int), or None
    when ``text`` is not one this reads.
    """
    data = (text or "").strip().encode()
    if not data.startswith(b"a:") or len(data) > MAX_LENGTH:
        return None
    try:
        value, end = _value(data, 0, depth=0)
    except Unreadable:
        return None
    return value if end == len(data) else None


def _value(data, position, *, depth):
    kind = data[position : position + 2]
    if kind == b"N;":
        return None, position + 2
    if kind == b"i:":
        number, position = _match(INTEGER, data, position + 2)
        return int(number), _expect(data, position, b";")
    if kind == b"b:":
        flag = data[position + 2 : position + 3]
        if flag not in {b"0", b"1"}:
            raise Unreadable
        return flag == b"1", _expect(data, position + 3, b";")
    if kind == b"d:":
        number, position = _match(FLOAT, data, position + 2)
        return float(number), _expect(data, position, b";")
    if kind == b"s:":
        return _string(data, position + 2)
    if kind == b"a:":
        if depth >= MAX_DEPTH:
            raise Unreadable
        return _array(data, position + 2, depth=depth + 1)
    raise Unreadable


def _string(data, position):
    length, position = _match(INTEGER, data, position)
    length = int(length)
    start = _expect(data, position, b':"')
    end = start + length
    if length < 0 or end > len(data):
        raise Unreadable
    try:
        text = data[start:end].decode()
    except UnicodeDecodeError as error:
        raise Unreadable from error
    return text, _expect(data, end, b'";')


def _array(data, position, *, depth):
    count, position = _match(INTEGER, data, position)
    count = int(count)
    position = _expect(data, position, b":{")
    # Each entry takes at least eight bytes: a count larger than the text
    # left is a lie, found before any entry is read.
    if count < 0 or count * 8 > len(data) - position:
        raise Unreadable
    items = {}
    for _entry in range(count):
        key, position = _value(data, position, depth=depth)
        if not isinstance(key, str | int) or isinstance(key, bool):
            raise Unreadable
        items[key], position = _value(data, position, depth=depth)
    return items, _expect(data, position, b"}")


def _match(pattern, data, position):
    found = pattern.match(data, position)
    if found is None:
        raise Unreadable
    return found.group(), found.end()


def _expect(data, position, text):
    if data[position : position + len(text)] != text:
        raise Unreadable
    return position + len(text)
