"""The review pack as one self-contained HTML page: no script, no request anywhere (the
pictures are inside as data: URIs, the style is inside, a Content-Security-Policy forbids
anything else), so it can be mailed to a client and opened offline. Each post shows, per
account, the composer's own preview text (``card_text.body_html``: its links, mentions and
fold as that network shows them) with its counter and findings. Everything the user wrote is
escaped."""

from __future__ import annotations

import base64
import html
from itertools import groupby

from PySide6.QtCore import QCoreApplication, QLocale

from somestudio.app.review_pack import PackImage, PackPost, PackTarget, ReviewPack
from somestudio.domain.networks.catalogue import descriptor
from somestudio.ui.composer.card_styles import style_of
from somestudio.ui.composer.card_text import body_html
from somestudio.ui.review_pack.pack_words import (
    count_text,
    day_text,
    made_text,
    period_text,
    shown_parts,
    target_words,
    time_text,
    title,
)
from somestudio.ui.theme.tokens import LIGHT

SCHEME = LIGHT  # a page for paper and mail: the light scheme, whatever the window uses

POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"

STYLE = f"""
body {{ font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif;
  color: {SCHEME.text}; background: {SCHEME.surface_alt}; margin: 0; padding: 24px; }}
header, main {{ max-width: 1100px; margin: 0 auto; }}
h1 {{ margin: 0 0 4px; font-size: 26px; }}
h2 {{ margin: 28px 0 8px; font-size: 18px; border-bottom: 1px solid {SCHEME.border};
  padding-bottom: 4px; }}
.muted {{ color: {SCHEME.text_muted}; font-size: 13px; }}
.post {{ background: {SCHEME.surface}; border: 1px solid {SCHEME.border};
  border-radius: 10px; padding: 12px 16px; margin: 12px 0; }}
.post > .when {{ font-weight: 600; margin: 0 0 8px; }}
.labels {{ color: {SCHEME.text_muted}; font-weight: normal; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 12px; }}
.card {{ background: {SCHEME.raised}; border: 1px solid {SCHEME.border}; border-radius: 12px;
  border-top: 4px solid var(--net); padding: 10px 12px; width: 320px; box-sizing: border-box; }}
.card .net {{ font-size: 12px; font-weight: 600; color: {SCHEME.text_muted}; }}
.card .who {{ margin: 4px 0; }}
.card .who b {{ margin-right: 4px; }}
.card .text {{ margin: 8px 0; overflow-wrap: anywhere; line-height: 1.4; }}
.card .part {{ border-left: 2px solid {SCHEME.border}; padding-left: 8px; margin: 8px 0 8px 4px; }}
.card .comment {{ margin: 8px 0 0 16px; }}
.card img {{ max-width: 100%; border-radius: 8px; display: block; margin: 6px 0; }}
.card .file {{ background: {SCHEME.surface_alt}; border-radius: 8px; padding: 16px;
  text-align: center; color: {SCHEME.text_muted}; margin: 6px 0; }}
.card .link {{ border: 1px solid {SCHEME.border}; border-radius: 8px; padding: 6px 8px;
  margin: 6px 0; font-size: 13px; }}
.checks {{ font-size: 12px; margin-top: 8px; border-top: 1px solid {SCHEME.border};
  padding-top: 6px; }}
.checks .over {{ color: {SCHEME.danger}; font-weight: 600; }}
.checks ul {{ margin: 4px 0 0; padding-left: 18px; }}
.state {{ float: right; font-size: 12px; color: {SCHEME.text_muted}; }}
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def review_html(pack: ReviewPack) -> str:
    language = "fi" if QLocale().language() == QLocale.Language.Finnish else "en"
    heading = f"{title()} · {period_text(pack.period)}"
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Some Studio">',
        f"<title>{_e(heading)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(title())}</h1>",
        f"<p><b>{_e(period_text(pack.period))}</b> · {_e(count_text(len(pack.posts)))}</p>",
        f'<p class="muted">{_e(made_text(pack))}</p>',
        "</header>",
        "<main>",
    ]
    if not pack.posts:
        nothing = QCoreApplication.translate("ReviewPack", "Nothing is planned for this period.")
        out.append(f"<p>{_e(nothing)}</p>")
    for _day, posts in groupby(pack.posts, key=lambda p: p.when.date()):
        day_posts = list(posts)
        out.append(f"<h2>{_e(day_text(day_posts[0].when))}</h2>")
        out.extend(_post(post) for post in day_posts)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def _post(post: PackPost) -> str:
    labels = f' <span class="labels">· {_e(", ".join(post.labels))}</span>' if post.labels else ""
    cards = "\n".join(_card(post, target) for target in post.targets)
    return (
        f'<article class="post" id="post-{post.post_id}">'
        f'<p class="when">{_e(time_text(post.when))}{labels}</p>'
        f'<div class="cards">{cards}</div></article>'
    )


def _card(post: PackPost, target: PackTarget) -> str:
    report = target.report
    composed = report.target
    style = style_of(composed.network)
    words = target_words(target, post.when)
    colour = descriptor(composed.network).colour
    handle = f"{words.handle} · " if words.handle and words.handle != words.name else ""
    out = [
        f'<section class="card" style="--net:{_e(colour)}">',
        f'<span class="state">{_e(words.state)}</span>',
        f'<div class="net">{_e(words.network)}</div>',
        f'<div class="who"><b>{_e(words.name)}</b> <span class="muted">{_e(handle)}'
        f"{_e(words.when)}</span></div>",
    ]

    def text(part: str, fold: int | None = None, lead: str = "") -> str:
        shown = body_html(
            part, channel=composed.channel, style=style, scheme=SCHEME, fold=fold, lead=lead
        )
        return f'<div class="text">{shown}</div>'

    def media() -> None:
        if post.images:
            out.extend(_picture(image) for image in post.images[:4])
            if len(post.images) > 4:
                more = QCoreApplication.translate("ReviewPack", "+%1 more").replace(
                    "%1", str(len(post.images) - 4)
                )
                out.append(f'<div class="muted">{_e(more)}</div>')
        elif post.card is not None and style.link_cards:
            out.append(_link_card(post))

    parts = shown_parts(target)
    if style.media_first:
        media()
    out.append(text(parts[0], report.fold, words.caption_lead))
    if not style.media_first:
        media()
    for number, part in enumerate(parts[1:], start=2):
        out.append(
            f'<div class="part"><div class="muted">{number}/{len(parts)}</div>{text(part)}</div>'
        )
    if words.actions:
        out.append(f'<div class="muted">{_e(words.actions)}</div>')
    if report.comment:
        heading = QCoreApplication.translate("ReviewPack", "First comment")
        out.append(
            f'<div class="comment"><div class="muted">↳ {_e(heading)}</div>'
            f"{text(report.comment)}</div>"
        )
    out.append(_checks(words.counter, words.over, words.findings))
    out.append("</section>")
    return "\n".join(out)


def _checks(counter: str, over: bool, findings: tuple[str, ...]) -> str:
    if over:
        fails = QCoreApplication.translate("ReviewPack", "does not pass the checks")
        mark = f' <span class="over">⚠ {_e(fails)}</span>'
    else:
        mark = f" ✓ {_e(QCoreApplication.translate('ReviewPack', 'passes the checks'))}"
    items = "".join(f"<li>{_e(f)}</li>" for f in findings)
    listed = f"<ul>{items}</ul>" if items else ""
    return f'<div class="checks">{_e(counter)}{mark}{listed}</div>'


def _picture(image: PackImage) -> str:
    if not image.data:
        return f'<div class="file">{_e(image.name)}</div>'
    encoded = base64.b64encode(image.data).decode("ascii")
    alt = image.alt_text or image.name
    return f'<img src="data:{image.mime};base64,{encoded}" alt="{_e(alt)}">'


def _link_card(post: PackPost) -> str:
    card = post.card
    assert card is not None
    picture = _picture(post.card_image) if post.card_image and post.card_image.data else ""
    return (
        f'<div class="link">{picture}<b>{_e(card.title)}</b>'
        f'<div class="muted">{_e(card.description)}</div>'
        f'<div class="muted">{_e(card.url)}</div></div>'
    )
