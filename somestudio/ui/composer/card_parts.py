"""The few parts every preview card is built from: the painted frame, the labels, the
avatar disc with the account's initials, the header (name, handle, time; laid out as the
network does) and the link card. The picture grid is in ``image_grid``."""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from somestudio.domain.link_cards import LinkCard
from somestudio.domain.networks import Network
from somestudio.ui.composer.card_styles import FeedStyle, Header, initials
from somestudio.ui.composer.image_grid import ImageGrid
from somestudio.ui.theme import SPACE, TYPE, Colours, network_mark

AVATAR = 36
HEADER_WIDTH = 190  # px for name and handle in a side-by-side card: avatar and mark beside
SMALL_AVATAR = 26
MAX_DESCRIPTION = 160
LINK_IMAGE_RATIO = 1.91  # the shape networks crop link images to (1200×630)


def _colour(label: QLabel, colour: str) -> None:
    """Text colour by palette, not a style sheet: a card has dozens of labels, and style
    sheets on each made drawing the previews ten times slower."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class CardFrame(QWidget):
    """A rounded box in the scheme's colours, painted (see ``_colour`` on style sheets)."""

    def __init__(self, scheme: Colours, *, fill: str, radius: float) -> None:
        super().__init__()
        self.scheme = scheme
        self._fill = fill
        self._radius = radius

    def restyle(self, scheme: Colours, fill: str) -> None:
        self.scheme, self._fill = scheme, fill
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.scheme.border)))
        painter.setBrush(QColor(self._fill))
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(rect, self._radius, self._radius)
        painter.end()


def muted_label(text: str, scheme: Colours, *, size: float = TYPE.caption) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * size)
    label.setFont(font)
    _colour(label, scheme.text_muted)
    return label


class WrappedLabel(QLabel):
    """A word-wrapped label as tall as its text at its real width: QLabel's own size hint
    guesses a narrower width, and the card showed a gap under every paragraph."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._heights: dict[tuple[int, str], int] = {}  # (width, text): height

    def heightForWidth(self, width: int) -> int:
        """QLabel lays its rich text out anew on every call, and a layout pass of the cards
        asks each label several times: kept per width (until the text or font changes)."""
        key = (width, self.text())
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 8:
                self._heights.clear()
            height = self._heights[key] = super().heightForWidth(width)
        return height

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.ContentsRectChange,
        ):
            self._heights.clear()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        width = self.width() if self.width() > 1 else hint.width()
        height = self.heightForWidth(width) if self.wordWrap() else -1
        return hint if height < 0 else QSize(hint.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()


def text_label(html: str, scheme: Colours) -> QLabel:
    label = WrappedLabel(html)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    _colour(label, scheme.text)
    # A new policy drops the height-for-width that word wrap set: without it the card's
    # layout knew only a line's height for the label, and where the previews were short (a
    # 1024 × 768 window) each post of a thread was cut to its first line.
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    return label


class AvatarDisc(QWidget):
    """The account's initials on a disc (a rounded square on Mastodon)."""

    def __init__(self, name: str, scheme: Colours, *, size: int, square: bool) -> None:
        super().__init__()
        self.letters = initials(name)
        self._scheme = scheme
        self._square = square
        self.setFixedSize(size, size)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(0.5, 0.5, self.width() - 1, self.height() - 1)
        painter.setPen(QPen(QColor(self._scheme.border)))
        painter.setBrush(QColor(self._scheme.surface_alt))
        radius = rect.width() * (0.22 if self._square else 0.5)
        painter.drawRoundedRect(rect, radius, radius)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, round(self.height() * (0.4 if len(self.letters) > 1 else 0.5))))
        painter.setFont(font)
        painter.setPen(QColor(self._scheme.text))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.letters)
        painter.end()


def header(
    network: Network,
    style: FeedStyle,
    name: str,
    handle: str,
    scheme: Colours,
    *,
    now: str,
    headline: str,
    small: bool = False,
) -> QWidget:
    """Avatar, then the name and handle as the network arranges them, the mark at the end."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(SPACE.s)
    compact = style.header is Header.COMPACT
    size = SMALL_AVATAR if small or compact else AVATAR
    layout.addWidget(
        AvatarDisc(name, scheme, size=size, square=style.square_avatar),
        0,
        Qt.AlignmentFlag.AlignTop,
    )
    lines = QVBoxLayout()
    lines.setSpacing(0)
    # One line each, cut with "…" as the apps do (a wrapped header leaves gaps in the card).
    room = HEADER_WIDTH - (size - AVATAR)
    bold_font = QFont(row.font())
    bold_font.setBold(True)
    first = _elided(handle or name if compact else name, bold_font, room)
    bold = f"<b>{_esc(first)}</b>"
    when_line: QLabel | None = None  # the time on a line of its own, where it is long
    if style.header is Header.INLINE:
        rest = room - QFontMetrics(bold_font).horizontalAdvance(first + " ")
        whole = " · ".join(p for p in (handle, now) if p)
        # A time too long to share the line (a scheduled post's) gets a line of its own.
        below = bool(handle) and QFontMetrics(row.font()).horizontalAdvance(whole) > rest
        tail = _elided(handle if below else whole, row.font(), rest)
        muted = f'<span style="color:{scheme.text_muted}">{_esc(tail)}</span>'
        top = text_label(f"{bold} {muted}", scheme)
        when_line = muted_label(_elided(now, row.font(), room), scheme) if below else None
    else:
        top = text_label(bold, scheme)
    top.setWordWrap(False)
    lines.addWidget(top)
    if when_line is not None:
        lines.addWidget(when_line)
    if style.header is Header.HEADLINE:
        lines.addWidget(muted_label(headline, scheme))
        lines.addWidget(muted_label(now, scheme))
    elif style.header is Header.STACKED:
        lines.addWidget(muted_label(_elided(handle or now, row.font(), room), scheme))
    layout.addLayout(lines, 1)
    mark = QLabel()
    mark.setPixmap(network_mark(network, 16, dark=scheme.dark, ratio=row.devicePixelRatioF()))
    layout.addWidget(mark, 0, Qt.AlignmentFlag.AlignTop)
    return row


def _elided(text: str, font: QFont, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(width, 24))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link_card(card: LinkCard, image: QImage, scheme: Colours) -> QWidget:
    """The card a link unfolds into: its picture, title, a line of description, the site."""
    box = CardFrame(scheme, fill=scheme.surface_alt, radius=10)
    box.setObjectName("PreviewLinkCard")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, SPACE.s)
    layout.setSpacing(SPACE.xxs)
    if not image.isNull():
        picture = ImageGrid([image], 1, scheme)
        picture.heightForWidth = lambda width: round(width / LINK_IMAGE_RATIO)  # type: ignore[method-assign]
        layout.addWidget(picture)
    site = urlsplit(card.url).hostname or card.url
    for widget in (
        muted_label(site.removeprefix("www."), scheme),
        text_label(f"<b>{_esc(card.title)}</b>", scheme) if card.title else None,
        muted_label(card.description[:MAX_DESCRIPTION], scheme) if card.description else None,
    ):
        if widget is not None:
            widget.setContentsMargins(SPACE.s, 0, SPACE.s, 0)
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)
            layout.addWidget(widget)
    return box
