"""Messages of the disclosure rule (``disclosure``), in English and Finnish."""

from __future__ import annotations

from somestudio.domain.messages import Catalogue

_EXAMPLE = (
    "\u201cPaid partnership with {partner}\u201d or \u201cKaupallinen yhteistyö: {partner}\u201d"
)
_CATALOGUE: dict[str, tuple[str, str]] = {
    "collab.marking_missing": (
        "{channel}: a paid collaboration must say so at the very start, naming {partner}: "
        "begin with " + _EXAMPLE + " (Consumer Ombudsman).",
        "{channel}: kaupallinen yhteistyö on kerrottava heti alussa ja nimettävä {partner}: "
        "aloita esimerkiksi \u201cKaupallinen yhteistyö: {partner}\u201d tai "
        "\u201cMainos {partner}\u201d (kuluttaja-asiamies).",
    ),
    "collab.marking_not_first": (
        "{channel}: the paid-collaboration marking must open the post, not follow the text; "
        "begin with " + _EXAMPLE + ".",
        "{channel}: kaupallisen yhteistyön merkinnän on oltava julkaisun alussa, ei tekstin "
        "perässä; aloita esimerkiksi \u201cKaupallinen yhteistyö: {partner}\u201d.",
    ),
    "collab.marking_after_fold": (
        "{channel}: the paid-collaboration marking ({partner}) comes after \u201csee more\u201d "
        "(about {limit} characters show); move it to the start.",
        "{channel}: kaupallisen yhteistyön merkintä ({partner}) jää \u201cnäytä lisää\u201d "
        "-kohdan taakse (näkyvissä noin {limit} merkkiä); siirrä se alkuun.",
    ),
    "collab.partner_missing": (
        "{channel}: the marking must name the partner: add \u201c{partner}\u201d right after it.",
        "{channel}: merkinnässä on nimettävä yhteistyökumppani: lisää \u201c{partner}\u201d "
        "heti sen perään.",
    ),
    "collab.partner_after_fold": (
        "{channel}: {partner} is named only after \u201csee more\u201d (about {limit} "
        "characters show); name it in the marking at the start.",
        "{channel}: {partner} mainitaan vasta \u201cnäytä lisää\u201d -kohdan jälkeen "
        "(näkyvissä noin {limit} merkkiä); mainitse se alun merkinnässä.",
    ),
}

_MESSAGES = Catalogue(_CATALOGUE)
render = _MESSAGES.render
codes = _MESSAGES.codes
