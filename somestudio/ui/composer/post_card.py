"""One account's preview: the post as that network's feed draws it — header, text (folded
where it folds), pictures or the link card, the rest of a thread, the first comment as a
reply. Built from the shared parts in ``card_parts`` and the network's ``FeedStyle`` (from
its descriptor)."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from somestudio.app.composer import Target
from somestudio.domain.link_cards import LinkCard
from somestudio.ui.composer.card_parts import (
    CardFrame,
    header,
    link_card,
    muted_label,
    text_label,
)
from somestudio.ui.composer.card_styles import (
    actions_text,
    handle_of,
    name_of,
    see_more_text,
    style_of,
)
from somestudio.ui.composer.card_text import body_html
from somestudio.ui.composer.image_grid import ImageGrid
from somestudio.ui.theme import SPACE, Colours

# Posts of a thread a card shows (a 20,000-character text is some 70 posts on X: a card of
# them all took a tenth of a second to lay out, in one turn of the event loop).
MAX_PARTS_SHOWN = 5


@dataclass(frozen=True)
class CardContent:
    target: Target
    posts: tuple[str, ...]  # one text, or the parts of a thread
    fold: int | None = None
    comment: str = ""
    card: LinkCard | None = None
    card_image: QImage = field(default_factory=QImage)
    images: tuple[QImage, ...] = ()  # thumbnails of the attached pictures, in order
    image_count: int = 0  # attachments (a thumbnail may still be on its way)
    when: str = ""  # the scheduled time, in words, for the header; "" says "now"


class PostCard(CardFrame):
    def __init__(self, target: Target, scheme: Colours, parent: QWidget | None = None) -> None:
        super().__init__(scheme, fill=scheme.raised, radius=12)
        if parent is not None:
            self.setParent(parent)
        self.target = target
        self.setObjectName("PostCard")
        self.plain_text = ""  # what the card says, for tests and screen readers
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(SPACE.m, SPACE.m, SPACE.m, SPACE.m)
        self._layout.setSpacing(SPACE.s)

    def show_content(self, content: CardContent, scheme: Colours) -> None:
        self.restyle(scheme, scheme.raised)
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        target = content.target
        style = style_of(target.network)
        name, handle = name_of(target), handle_of(target)
        now = content.when or QCoreApplication.translate("PostCard", "now")
        said: list[str] = [name, handle]

        def add(widget: QWidget) -> None:
            self._layout.addWidget(widget)

        headline = QCoreApplication.translate("PostCard", "Your headline")
        no_picture = QCoreApplication.translate(
            "PostCard", "No picture yet: this network shows one here"
        )

        def head(small: bool = False) -> QWidget:
            return header(
                target.network,
                style,
                name,
                handle,
                scheme,
                now=now,
                headline=headline,
                small=small,
            )

        def body(text: str, fold: int | None = None, lead: str = "") -> QWidget:
            html_text = body_html(
                text, channel=target.channel, style=style, scheme=scheme, fold=fold, lead=lead
            )
            return text_label(html_text, scheme)

        def media() -> None:
            if content.image_count:
                images = list(content.images)
                add(ImageGrid(images, content.image_count, scheme, square=style.media_first))
            elif style.media_first:  # the picture is the post there: say one is missing
                add(ImageGrid([], 0, scheme, square=True, empty=no_picture))
                said.append(no_picture)
            elif content.card is not None and style.link_cards:
                add(link_card(content.card, content.card_image, scheme))
                said.extend((content.card.title, content.card.url, content.card.description))

        add(head())
        if style.media_first:
            media()
        first, *rest = content.posts or ("",)
        lead = (handle or name) if style.caption_after_name else ""
        add(body(first, content.fold, lead))
        said.append(
            first if content.fold is None else f"{first[: content.fold]} {see_more_text(style)}"
        )
        if not style.media_first:
            media()
        actions = actions_text(style)
        for number, part in enumerate(rest[: MAX_PARTS_SHOWN - 1], start=2):
            add(muted_label(f"│  {number}/{len(content.posts)}", scheme))
            add(head(small=True))
            add(body(part))
            said.append(part)
        if len(rest) >= MAX_PARTS_SHOWN:
            more = QCoreApplication.translate(
                "PostCard", "… the thread goes on: %1 posts in all"
            ).replace("%1", str(len(content.posts)))  # always more than MAX_PARTS_SHOWN
            add(muted_label(f"│  {more}", scheme))
            said.append(more)
        if actions:
            add(muted_label(actions, scheme))
        if content.comment:
            heading = "↳ " + QCoreApplication.translate("PostCard", "First comment")
            add(muted_label(heading, scheme))
            add(head(small=True))
            reply = body(content.comment)
            reply.setContentsMargins(SPACE.xl, 0, 0, 0)
            add(reply)
            said += [heading, content.comment]
        self._layout.addStretch(1)
        self.plain_text = "\n".join(s for s in said if s)
        self.setAccessibleName(
            QCoreApplication.translate("PostCard", "Preview for %1").replace("%1", target.label)
        )
        # All the card says, each post whole (also one it shows only the first characters
        # of): cut at 500 characters it stopped mid-word in a thread's second post.
        self.setAccessibleDescription(html.unescape(self.plain_text))
