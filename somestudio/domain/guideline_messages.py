"""Messages for the guideline findings, in English and Finnish (see ``guidelines``)."""

from __future__ import annotations

from somestudio.domain.messages import Catalogue

_CATALOGUE: dict[str, tuple[str, str]] = {
    "guideline.banned_word": (
        "Guideline: \u201c{word}\u201d is not used in our posts.",
        "Someohjeistus: sanaa \u201d{word}\u201d ei käytetä julkaisuissamme.",
    ),
    "guideline.discouraged_word": (
        "Guideline: avoid \u201c{word}\u201d.",
        "Someohjeistus: vältä sanaa \u201d{word}\u201d.",
    ),
    "guideline.discouraged_word_instead": (
        "Guideline: avoid \u201c{word}\u201d; say \u201c{instead}\u201d instead.",
        "Someohjeistus: vältä sanaa \u201d{word}\u201d; sano mieluummin \u201d{instead}\u201d.",
    ),
    "guideline.disclosure_missing": (
        "Guideline: a paid collaboration must say so; add one of {tags}.",
        "Someohjeistus: kaupallinen yhteistyö on kerrottava; lisää jokin näistä: {tags}.",
    ),
    "guideline.too_many_hashtags": (
        "Guideline: {count} hashtags; we use at most {limit}.",
        "Someohjeistus: {count} aihetunnistetta; käytämme enintään {limit}.",
    ),
    "guideline.too_many_emoji": (
        "Guideline: {count} emoji; we use at most {limit}.",
        "Someohjeistus: {count} emojia; käytämme enintään {limit}.",
    ),
    "guideline.alt_text_missing": (
        "Guideline: image {number} needs an alt text.",
        "Someohjeistus: kuva {number} tarvitsee vaihtoehtoisen tekstin.",
    ),
    "guideline.utm_missing": (
        "Guideline: links on {channel} carry UTM tags; use \u201cTag links\u201d.",
        "Someohjeistus: palvelun {channel} linkkeihin lisätään UTM-tunnisteet; käytä painiketta "
        "\u201dMerkitse linkit\u201d.",
    ),
    "guideline.placeholder_left": (
        "{name} is a template placeholder that has not been filled in.",
        "{name} on pohjan paikkamerkki, jota ei ole täytetty.",
    ),
}


_MESSAGES = Catalogue(_CATALOGUE)
render = _MESSAGES.render
codes = _MESSAGES.codes
