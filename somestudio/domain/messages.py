"""Finding messages in English and Finnish, keyed by finding code, filled with str.format.

The domain layer cannot use Qt's ``tr()``, so its user-facing sentences live here. A
``{unit}`` parameter holds a unit code (see ``channels.base.Unit``) and is shown by its name
in the chosen language.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("en", "fi")

_TOO_LONG = (
    "{channel}: too long ({count}/{limit} {unit}).",
    "{channel}: liian pitkä ({count}/{limit} {unit}).",
)
_FIELD_TOO_LONG = (
    "{channel}: the {field} is too long ({count}/{limit} {unit}).",
    "{channel}: {field} on liian pitkä ({count}/{limit} {unit}).",
)
_TOO_MANY = (
    "{channel}: {count} {things}; at most {limit} are allowed.",
    "{channel}: {count} {things}; enintään {limit} sallitaan.",
)

_CATALOGUE: dict[str, tuple[str, str]] = {
    "text.nul": (
        "The text contains a NUL character (U+0000), which no network accepts. Remove it.",
        "Tekstissä on NUL-merkki (U+0000), jota mikään palvelu ei hyväksy. Poista se.",
    ),
    "text.lone_surrogate": (
        "The text contains a broken character (a lone UTF-16 surrogate, U+{codepoint}). "
        "Remove it or type it again.",
        "Tekstissä on rikkinäinen merkki (pariton UTF-16-puolisko U+{codepoint}). "
        "Poista se tai kirjoita se uudelleen.",
    ),
    "text.control_character": (
        "The text contains an invisible control character (U+{codepoint}); "
        "some networks drop it or refuse the post.",
        "Tekstissä on näkymätön ohjausmerkki (U+{codepoint}); "
        "jotkin palvelut poistavat sen tai hylkäävät julkaisun.",
    ),
    "post_break.one_post": (
        "{channel}: the line of dashes (---) goes out as it is, in one post. To start a new "
        "post there, use Split into thread for this account too; else remove the line.",
        "{channel}: viivarivi (---) lähtee sellaisenaan yhdessä julkaisussa. Jos haluat "
        "uuden julkaisun siitä kohdasta, jaa ketjuksi myös tälle tilille; muuten poista rivi.",
    ),
    "post_break.no_thread": (
        "{channel}: the line of dashes (---) goes out as it is; {channel} has no threads. "
        "Remove the line, or give this account its own text.",
        "{channel}: viivarivi (---) lähtee sellaisenaan; palvelussa {channel} ei ole "
        "ketjuja. Poista rivi tai anna tälle tilille oma teksti.",
    ),
    "x.invalid_character": (
        "X does not accept U+{codepoint} (a byte order mark or a non-character). Remove it.",
        "X ei hyväksy merkkiä U+{codepoint} (tavujärjestysmerkki tai ei-merkki). Poista se.",
    ),
    "bluesky.too_many_bytes": (
        "{channel}: too long in bytes ({count}/{limit} {unit}); "
        "emoji and many letters take several bytes each.",
        "{channel}: liian pitkä tavuina ({count}/{limit} {unit}); "
        "emojit ja monet kirjaimet vievät useita tavuja.",
    ),
    "bluesky.tag_too_long": (
        "{channel}: a hashtag longer than {limit} characters does not become a link.",
        "{channel}: yli {limit} merkin aihetunnisteesta ei tule linkkiä.",
    ),
    "threads.too_many_links": (
        "{channel}: {count} different links; at most {limit} are allowed.",
        "{channel}: {count} eri linkkiä; enintään {limit} sallitaan.",
    ),
    "instagram.too_many_hashtags": _TOO_MANY,
    "instagram.hashtags_over_cap": (
        "{channel}: {count} hashtags; Instagram now allows at most {limit} a post.",
        "{channel}: {count} aihetunnistetta; Instagram sallii nyt enintään {limit} julkaisua "
        "kohden.",
    ),
    "threads.one_tag": (
        "{channel}: {count} hashtags; a Threads post takes only one topic tag.",
        "{channel}: {count} aihetunnistetta; Threads-julkaisulla voi olla vain yksi aihetunniste.",
    ),
    "instagram.too_many_mentions": _TOO_MANY,
    "youtube.forbidden_character": (
        "{channel}: the characters < and > are not allowed in a title or description.",
        "{channel}: merkit < ja > eivät ole sallittuja otsikossa eivätkä kuvauksessa.",
    ),
    "youtube.title_empty": (
        "{channel}: a video needs a title.",
        "{channel}: videolla on oltava otsikko.",
    ),
    "youtube.title_too_long": _FIELD_TOO_LONG,
    "pinterest.title_too_long": _FIELD_TOO_LONG,
    "pinterest.alt_text_too_long": _FIELD_TOO_LONG,
    "pinterest.link_too_long": _FIELD_TOO_LONG,
    "pinterest.link_invalid": (
        "{channel}: the link must be a web address that starts with http:// or https://.",
        "{channel}: linkin on oltava verkko-osoite, joka alkaa http:// tai https://.",
    ),
}
for _channel in (
    "x",
    "mastodon",
    "bluesky",
    "threads",
    "linkedin",
    "facebook",
    "instagram",
    "tiktok",
    "youtube",
    "pinterest",
):
    _CATALOGUE[f"{_channel}.too_long"] = _TOO_LONG

# Words that are parameters of a sentence, in each language.
_WORDS: dict[str, tuple[str, str]] = {
    "weighted": ("weighted characters", "painotettua merkkiä"),
    "graphemes": ("characters", "merkkiä"),
    "utf16_units": ("UTF-16 units", "UTF-16-yksikköä"),
    "utf8_bytes": ("bytes of UTF-8", "UTF-8-tavua"),
    "code_points": ("code points", "koodipistettä"),
    "threads_characters": ("characters, emoji as UTF-8 bytes", "merkkiä, emojit UTF-8-tavuina"),
    "items": ("items", "kpl"),
    "hashtags": ("hashtags", "aihetunnistetta"),
    "mentions": ("mentions", "mainintaa"),
    "title": ("title", "otsikko"),
    "alt_text": ("alt text", "vaihtoehtoinen teksti"),
    "link": ("link", "linkki"),
}
_TRANSLATED_PARAMS = ("unit", "things", "field")
_NUMBER_PARAMS = ("count", "limit")  # grouped in thousands as the counters show them


def language(lang: str) -> int:
    """Index of ``lang`` ("fi", "fi_FI.UTF-8", "FI") in LANGUAGES; English if unknown."""
    code = lang[:2].lower()
    return LANGUAGES.index(code) if code in LANGUAGES else 0


class Catalogue:
    """English and Finnish templates keyed by a stable code; ``str.format`` parameters."""

    def __init__(self, templates: Mapping[str, tuple[str, str]]) -> None:
        self._templates = dict(templates)

    def render(self, code: str, lang: str, params: Mapping[str, object]) -> str:
        """The message for ``code`` in ``lang``; an unknown code renders as the code itself."""
        templates = self._templates.get(code)
        if templates is None:
            return code
        return templates[language(lang)].format_map(params)

    def codes(self) -> frozenset[str]:
        return frozenset(self._templates)


def render(code: str, lang: str, params: Mapping[str, object]) -> str:
    """The message for ``code`` in ``lang``; an unknown code renders as the code itself."""
    index = language(lang)
    templates = _CATALOGUE.get(code)
    if templates is None:
        return code
    values = dict(params)
    for key in _TRANSLATED_PARAMS:
        word = _WORDS.get(str(values.get(key, "")))
        if word is not None:
            values[key] = word[index]
    for key in _NUMBER_PARAMS:
        number = values.get(key)
        if isinstance(number, int) and not isinstance(number, bool):
            values[key] = grouped(number, lang)
    return templates[index].format(**values)


def grouped(number: int, lang: str) -> str:
    """``number`` with its thousands grouped as the window's counters write it (Qt's
    ``QLocale``): 2,098 in English, 2 098 (a no-break space) in Finnish."""
    text = f"{number:,}"
    return text if language(lang) == 0 else text.replace(",", "\u00a0")


def codes() -> frozenset[str]:
    """Every finding code that has a message."""
    return frozenset(_CATALOGUE)
