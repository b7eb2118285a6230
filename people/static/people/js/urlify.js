'use strict';
// Django's URLify drops Unicode marks, so a Khmer headline loses its vowel
// signs and subscript consonants and the prefilled slug is unreadable. For
// slug fields that accept Unicode, keep letters, marks and numbers together;
// people/slugs.py does the same on the server.
{
    const djangoURLify = window.URLify;
    window.URLify = function(s, numChars, allowUnicode) {
        if (!allowUnicode || !/[\u1780-\u17ff\u19e0-\u19ff]/.test(s)) {
            return djangoURLify(s, numChars, allowUnicode);
        }
        s = s.normalize('NFC').toLowerCase();
        s = s.replace(/[\u2010-\u2015/]/g, ' ');
        s = s.replace(/[^-_\p{L}\p{M}\p{N}\s]/gu, '');
        s = s.replace(/^\s+|\s+$/g, '');
        s = s.replace(/[-\s]+/g, '-');
        s = s.substring(0, numChars);
        return s.replace(/-+$/g, '');
    };
}
