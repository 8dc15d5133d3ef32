"""A channel's preview as HTML: the text as the feed shows it, links, mentions and hashtags
coloured, the fold behind "see more", a thread as separate posts."""

from __future__ import annotations

import html

from somestudio.domain.entities import Entities, extract_entities

MAX_PREVIEW = 5000  # characters per post shown; a preview of a megabyte helps nobody


def _marked(text: str, entities: Entities, link_colour: str) -> str:
    out: list[str] = []
    pos = 0
    for entity in entities.all():
        if entity.start < pos or entity.end > len(text):
            continue
        out.append(html.escape(text[pos : entity.start]))
        out.append(
            f'<span style="color:{link_colour}">{html.escape(text[entity.start : entity.end])}'
            "</span>"
        )
        pos = entity.end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def post_html(
    text: str,
    *,
    fold: int | None,
    see_more: str,
    link_colour: str,
    muted_colour: str,
) -> str:
    """One post: what the feed shows first, then "see more" and the rest greyed."""
    clipped = text[:MAX_PREVIEW]
    shown = clipped if fold is None else clipped[:fold]
    entities = extract_entities(shown)
    body = _marked(shown, entities, link_colour)
    if fold is not None:
        rest = html.escape(clipped[fold:]).replace("\n", "<br>")
        body += (
            f' <b style="color:{muted_colour}">{html.escape(see_more)}</b>'
            f'<span style="color:{muted_colour}">{rest}</span>'
        )
    elif len(text) > MAX_PREVIEW:
        body += f'<span style="color:{muted_colour}"> …</span>'
    return body


def preview_html(
    name: str,
    posts: list[str],
    *,
    fold: int | None,
    see_more: str,
    link_colour: str,
    muted_colour: str,
    comment: str = "",
    comment_heading: str = "",
) -> str:
    """The posts as the feed shows them; a first comment below them, marked as a reply."""
    blocks = []
    for i, text in enumerate(posts):
        body = post_html(
            text,
            fold=fold if i == 0 else None,
            see_more=see_more,
            link_colour=link_colour,
            muted_colour=muted_colour,
        )
        blocks.append(f"<p><b>{html.escape(name)}</b><br>{body}</p>")
    shown = "<hr>".join(blocks)
    if comment:
        body = post_html(
            comment,
            fold=None,
            see_more=see_more,
            link_colour=link_colour,
            muted_colour=muted_colour,
        )
        shown += (
            f'<p style="margin-left:18px"><span style="color:{muted_colour}">↳ '
            f"{html.escape(comment_heading)}</span><br><b>{html.escape(name)}</b><br>{body}</p>"
        )
    return shown
