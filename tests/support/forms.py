"""
Reading a form from a rendered page as a browser would submit it: every
field the page holds (management forms, inline prefixes, hidden initial
values), so tests post what a person's browser would post.
"""

import re
from html.parser import HTMLParser

BUTTONS = {"submit", "button", "image", "reset", "file"}


class FormReader(HTMLParser):
    """Read the fields a browser would submit from the form with ``form_id``."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.in_form = False
        self.data = {}
        self.select = None
        self.option = None
        self.textarea = None

    def add(self, name, value):
        self.data.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("id") == self.form_id
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type", "text") not in BUTTONS:
            if attrs.get("type") in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.add(name, attrs.get("value", "on"))
            else:
                self.add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self.select is not None:
            self.option = [attrs.get("value"), "selected" in attrs, ""]
            self.select["options"].append(self.option)
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.option is not None:
            self.option[2] += data
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "option":
            self.option = None
        elif tag == "select" and self.select is not None:
            options = [
                (text if value is None else value, selected)
                for value, selected, text in self.select["options"]
            ]
            chosen = [value for value, selected in options if selected]
            if not self.select["multiple"] and not chosen and options:
                chosen = [options[0][0]]
            elif not self.select["multiple"]:
                chosen = chosen[-1:]
            for value in chosen:
                self.add(self.select["name"], value)
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            # A newline right after <textarea> is not part of the value, and
            # browsers send line breaks as CRLF.
            text = re.sub(r"^\r?\n", "", text).replace("\r\n", "\n").replace("\n", "\r\n")
            self.add(name, text)
            self.textarea = None


def read_form(response, form_id):
    reader = FormReader(form_id)
    reader.feed(response.content.decode())
    return reader.data


def fill_rows(data, prefix, rows):
    """
    Replace the inline rows of ``prefix`` with ``rows`` (dicts of field values),
    each made from the admin's empty-form template. True ticks a checkbox,
    False leaves it unticked.
    """
    template = {key: value for key, value in data.items() if f"{prefix}-__prefix__-" in key}
    row_key = re.compile(rf"^(initial-)?{re.escape(prefix)}-\d+-")
    for key in [key for key in data if row_key.match(key)]:
        del data[key]
    for index, row in enumerate(rows):
        for key, value in template.items():
            data[key.replace("__prefix__", str(index))] = value
        for name, value in row.items():
            key = f"{prefix}-{index}-{name}"
            if value is False:
                data.pop(key, None)
            else:
                data[key] = ["on" if value is True else str(value)]
    data[f"{prefix}-TOTAL_FORMS"] = [str(len(rows))]
