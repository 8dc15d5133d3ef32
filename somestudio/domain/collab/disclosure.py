"""The marking a paid collaboration's post must carry, checked per channel.

The Finnish Consumer Ombudsman's guideline "Vaikuttajamarkkinointi sosiaalisessa mediassa"
(KKV, 2019, updated 2025; kkv.fi › Kuluttaja-asiamiehen linjaukset) asks that every
commercial post says so and names the company, e.g. "Mainos [Yritys/Tuotemerkki]", and that
the marking goes "heti julkaisun tekstikentän alkuun" — at the very start of the text, not
in a pile of hashtags at the end. A reader who sees only the feed sees the text up to the
network's "see more" fold, so the marking and the partner must both come before the fold
(``domain.folds``: the fold the composer already shows). Consumer protection law (KSL 2:4)
asks that the commercial purpose and on whose behalf are clear at once.

Accepted markings, Finnish and English, with or without "#": Kaupallinen yhteistyö, Mainos
(also "Mainos / Saatu"), Yhteistyössä, Maksettu kumppanuus, Sponsoroitu; Paid partnership,
Paid collaboration, Commercial collaboration, Advertisement, Ad, Sponsored, In partnership
with. Before the marking only spaces, punctuation and emoji may stand.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from somestudio.domain.collab.disclosure_messages import render
from somestudio.domain.findings import Severity
from somestudio.domain.folds import fold_offset

MARKINGS: tuple[str, ...] = (
    "kaupallinen yhteistyö",
    "kaupallinenyhteistyö",
    "maksettu kumppanuus",
    "yhteistyössä",
    "sponsoroitu",
    "mainos",
    "paid partnership",
    "paidpartnership",
    "paid collaboration",
    "commercial collaboration",
    "in partnership with",
    "advertisement",
    "sponsored",
    "ad",
)
_MARKING = regex.compile(
    r"#?(?:" + "|".join(regex.escape(m).replace(r"\ ", r"\s+") for m in MARKINGS) + r")(?!\w)",
    regex.IGNORECASE | regex.V1,
)
# Where the partner must be named when the network shows the whole post: the opening.
OPENING = 150
_LEAD = regex.compile(r"[\s\p{P}\p{S}\p{Cf}--[#]]*", regex.V1)


@dataclass(frozen=True, slots=True, order=True)
class DisclosureFinding:
    """``start``/``end`` are code-point offsets into the checked text."""

    start: int
    end: int
    code: str
    severity: Severity
    params: tuple[tuple[str, str | int], ...] = ()
    lang: str = "en"

    @property
    def message(self) -> str:
        return render(self.code, self.lang, dict(self.params))


def suggested_marking(partner: str, lang: str) -> str:
    """The opening line a new collaboration draft starts with."""
    if lang[:2].lower() == "fi":
        return f"Kaupallinen yhteistyö: {partner}"
    return f"Paid partnership with {partner}"


_WORD = regex.compile(r"[\p{L}\p{N}]+")
# Company forms a post leaves out ("Paahtimo Pohjoinen Oy" is "Paahtimo Pohjoinen").
LEGAL_FORMS = frozenset({"oy", "oyj", "ab", "ay", "ky", "tmi", "ry", "ltd", "inc", "llc", "gmbh"})


def _squeezed(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _inflected(wanted: str, word: str) -> bool:
    """``word`` is ``wanted`` or a Finnish case of it: Pohjoinen → Pohjoisen, Aurinko →
    Auringon, Kulma → Kulmalle (the stem may change in its last three letters)."""
    if word == wanted:
        return True
    if len(wanted) <= 4:
        # A short name keeps its letters when inflected (Glow'n, Glowin): "Glo" and
        # "Glossier" named "Glow" when three shared letters were enough.
        return word.startswith(wanted)
    shared = 0
    for a, b in zip(wanted, word, strict=False):
        if a != b:
            break
        shared += 1
    return shared >= max(min(len(wanted), 3), len(wanted) - 3)


def names_partner(text: str, partner: str) -> bool:
    """Whether ``text`` names ``partner``: "@kahvilaaurinko" or "KAHVILA AURINKO" (letters
    and digits, case and spacing aside), or its words in a Finnish case ("Yhteistyössä
    Paahtimo Pohjoisen kanssa"), the company form (Oy, Ltd) optional."""
    wanted = _squeezed(partner)
    if not wanted:
        return False
    if wanted in _squeezed(text):
        return True
    words = [w.casefold() for w in _WORD.findall(partner)]
    words = [w for w in words if w not in LEGAL_FORMS] or words
    found = [w.casefold() for w in _WORD.findall(text)]
    return all(any(_inflected(w, f) for f in found) for w in words)


def check_disclosure(
    text: str, partner: str, channel: str | None, *, channel_name: str = "", lang: str = "en"
) -> list[DisclosureFinding]:
    """Errors when ``text`` lacks the marking at its start, or the marking or the partner's
    name falls after ``channel``'s fold. Empty when the post is marked right.

    ``partner`` empty: a post ticked "paid collaboration" but linked to no collaboration;
    the partner is unknown here, so the marking alone is required (at the start, before the
    fold), with messages that say so (``collab.paid_*``)."""
    name = channel_name or (channel or "")
    lead = _LEAD.match(text)
    start = lead.end() if lead else 0
    marking = _MARKING.match(text, start)
    fold = fold_offset(text, channel) if channel else None

    unknown = not partner.strip()

    def found(code: str, begin: int, end: int, **params: str | int) -> DisclosureFinding:
        if unknown:
            code = code.replace("collab.", "collab.paid_", 1)
        params = {"partner": partner, "channel": name, **params}
        return DisclosureFinding(begin, end, code, Severity.ERROR, tuple(params.items()), lang)

    if marking is None:
        later = _MARKING.search(text)
        if later is not None:
            return [found("collab.marking_not_first", later.start(), later.end())]
        return [found("collab.marking_missing", 0, 0)]
    if fold is not None and marking.end() > fold:
        return [found("collab.marking_after_fold", marking.start(), marking.end(), limit=fold)]
    opening = text[: fold if fold is not None else OPENING]
    if unknown or names_partner(opening, partner):
        return []
    if fold is not None and names_partner(text, partner):
        return [found("collab.partner_after_fold", marking.start(), marking.end(), limit=fold)]
    return [found("collab.partner_missing", marking.start(), marking.end())]
