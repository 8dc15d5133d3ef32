"""Character classes of the twitter-text URL rules, as regex class bodies (no brackets).

Transcribed from the twitter-text regular expressions (Apache-2.0) so that a URL is found
exactly where X finds one. The JavaScript originals use the ``i`` flag; ASCII letters are
spelled out in both cases here instead, which is what that flag means for these classes.
"""

from __future__ import annotations

PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"
SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
INVALID = r"\uFFFE\uFEFF\uFFFF"
DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"
LATIN_ACCENTS = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
    r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
CYRILLIC = r"\u0400-\u04FF"

# A character that may appear in a domain label (twitter-text's validDomainChars).
DOMAIN_CHAR = f"[^{PUNCT}{SPACES}{INVALID}{DIRECTIONAL}]"
# Characters of a "chain": labels and the dots, dashes and underscores between them
# (PUNCT without those three).
_PUNCT_OUTSIDE_LABELS = r"!'#%&()*+,\\/:;<=>?@\[\]^{|}~$"
CHAIN_CHAR = f"[^{_PUNCT_OUTSIDE_LABELS}{SPACES}{INVALID}{DIRECTIONAL}]"

PATH_CHAR = f"[A-Za-z{CYRILLIC}0-9!*';:=+,.$/%#\\[\\]\\-\u2013_~&|@{LATIN_ACCENTS}]"
PATH_END_CHAR = f"[+\\-A-Za-z{CYRILLIC}0-9=_#/{LATIN_ACCENTS}]"
QUERY_CHAR = r"[A-Za-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]"
QUERY_END_CHAR = r"[A-Za-z0-9\-_&=#/]"
# The characters of each class above that may not end a URL (class minus its ending class),
# so that "longest run that ends on an ending character" can be matched possessively.
PATH_INNER_CHAR = "[!*';:,.$%\\[\\]\u2013~&|@]"
QUERY_INNER_CHAR = r"[!?*'@();:+$%\[\].,~|]"
ASCII_DOMAIN_CHAR = f"[\\-A-Za-z0-9{LATIN_ACCENTS}]"

# A URL may not follow these (so ``#foo.com``, ``@foo.com``, ``$foo.com`` are not links).
NOT_BEFORE_URL = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@＠$#＃"
) | {
    "\ufffe",
    "\ufeff",
    "\uffff",
}
# A URL without a protocol is ignored after these (``-foo.com``, ``/foo.com``).
NOT_BEFORE_BARE_URL = frozenset("-_./")
# What may not follow a top-level domain (so ``foo.com-bar`` and ``foo.jp@x`` are not links).
NOT_AFTER_TLD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789@+-")

# The complement of DOMAIN_CHAR as a set, for per-character tests without a regex call
# (a unit test checks it against the class over the whole BMP).
NOT_DOMAIN_CHAR = frozenset(
    "!'#%&()*+,\\-./:;<=>?@[]^_{|}~$"
    + "".join(map(chr, [*range(0x09, 0x0E), 0x20, 0x85, 0xA0, 0x1680, 0x180E]))
    + "".join(map(chr, [*range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]))
    + "\ufffe\ufeff\uffff"
    + "".join(map(chr, [*range(0x202A, 0x202F), 0x061C, 0x200E, 0x200F, *range(0x2066, 0x206A)]))
)
