"""A channel's preview as HTML: the text as the feed shows it, links, mentions and hashtags
coloured, the fold behind "see more", a thread as separate posts, the link card under it."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from somestudio.domain.entities import Entities, extract_entities
from somestudio.domain.link_cards import LinkCard

MAX_PREVIEW = 5000  # characters per post shown; a preview of a megabyte helps nobody
CARD_THUMB_WIDTH = 240
MAX_CARD_DESCRIPTION = 300  # a feed shows a few lines of it


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
    after_posts: str = "",
) -> str:
    """The posts as the feed shows them, then ``after_posts`` (the link card's HTML), then a
    first comment below them, marked as a reply."""
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
    shown = "<hr>".join(blocks) + after_posts
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


def card_html(card: LinkCard, *, thumb_src: str, muted_colour: str) -> str:
    """The link card under the post, as networks show it: picture, title, description and
    the site's name."""
    site = urlsplit(card.url).hostname or card.url
    picture = (
        f'<img src="{html.escape(thumb_src)}" width="{CARD_THUMB_WIDTH}"><br>' if thumb_src else ""
    )
    title = f"<b>{html.escape(card.title)}</b><br>" if card.title else ""
    description = (
        f"{html.escape(card.description[:MAX_CARD_DESCRIPTION])}<br>" if card.description else ""
    )
    return (
        '<table border="1" cellpadding="6" cellspacing="0" width="100%"'
        f' style="border-color:{muted_colour}"><tr><td>{picture}{title}{description}'
        f'<span style="color:{muted_colour}">{html.escape(site)}</span></td></tr></table>'
    )
