"""A post's text as a network's feed shows it, as rich text for a QLabel: its links, mentions
and tags (found by that channel's own rules) coloured or left plain as the network does,
links shortened where it shortens them, the fold closing with its "see more"."""

from __future__ import annotations

import html

from somestudio.domain.channels import RULES
from somestudio.domain.entities import Entities, EntityKind, extract_entities
from somestudio.ui.composer.card_styles import FeedStyle, see_more_text, shown_link
from somestudio.ui.theme import Colours

MAX_PREVIEW = 1500  # characters per post shown: a feed shows no more before its own fold


def entities_of(text: str, channel: str | None) -> Entities:
    rule = RULES.get(channel) if channel is not None else None
    return rule.entities(text) if rule is not None else extract_entities(text)


def _escaped(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def body_html(
    text: str,
    *,
    channel: str | None,
    style: FeedStyle,
    scheme: Colours,
    fold: int | None = None,
    lead: str = "",
) -> str:
    """``text`` up to the ``fold`` (then the network's "see more"), with ``lead`` (a bold
    name, as Instagram starts a caption with it) in front."""
    clipped = text[:MAX_PREVIEW]
    shown = clipped if fold is None else clipped[:fold]
    out = [f"<b>{html.escape(lead)}</b> "] if lead else []
    pos = 0
    for entity in entities_of(shown, channel).all():
        if entity.kind not in style.linked or entity.start < pos:
            continue
        out.append(_escaped(shown[pos : entity.start]))
        words = shown[entity.start : entity.end]
        if entity.kind is EntityKind.URL:
            words = shown_link(words, style.link_length)
        weight = "font-weight:600;" if style.bold_tags and entity.kind is not EntityKind.URL else ""
        out.append(f'<span style="color:{scheme.mention};{weight}">{html.escape(words)}</span>')
        pos = entity.end
    out.append(_escaped(shown[pos:]))
    if fold is not None:
        out.append(
            f' <span style="color:{scheme.text_muted};font-weight:600">'
            f"{html.escape(see_more_text(style))}</span>"
        )
    elif len(text) > MAX_PREVIEW:
        out.append(f'<span style="color:{scheme.text_muted}"> …</span>')
    return "".join(out)
