"""Small square thumbnails of posts' first images for calendar chips.

Images are decoded and scaled on a worker thread (``QImageReader`` reads only what the scaled
size needs); painting asks the cache and gets a pixmap or ``None`` at once, never waiting on a
file. ``ready`` tells the views to repaint when a thumbnail arrives.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from somestudio.ui.tasks import Tasks

CACHE_SIZE = 400  # thumbnails kept (each a few kB): a month and its neighbours


def load_thumbnail(path: str, pixels: int) -> QImage:
    """The image at ``path`` cropped to a centred square, ``pixels`` wide (null if unreadable)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and size.width() > 0 and size.height() > 0:
        scale = pixels / min(size.width(), size.height())
        reader.setScaledSize(
            QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale)))
        )
    image = reader.read()
    if image.isNull():
        return image
    image = image.scaled(
        pixels,
        pixels,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    left = (image.width() - pixels) // 2
    top = (image.height() - pixels) // 2
    return image.copy(left, top, pixels, pixels)


class Thumbnails(QObject):
    ready = Signal()

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self._tasks = Tasks(self, synchronous=synchronous)
        self._cache: OrderedDict[tuple[str, int], QPixmap | None] = OrderedDict()
        self._loading: set[tuple[str, int]] = set()

    def get(self, path: str, pixels: int) -> QPixmap | None:
        """The thumbnail if loaded; otherwise starts loading it and returns ``None``."""
        key = (path, pixels)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        if key not in self._loading:
            self._loading.add(key)
            self._tasks.run(
                lambda: load_thumbnail(path, pixels),
                lambda image: self._loaded(key, image),
                lambda _error: self._loaded(key, QImage()),
            )
        return None

    def wait(self) -> None:
        """Until every started load is done (shutdown, tests)."""
        self._tasks.wait()

    def _loaded(self, key: tuple[str, int], image: QImage) -> None:
        self._loading.discard(key)
        self._cache[key] = None if image.isNull() else QPixmap.fromImage(image)
        while len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        self.ready.emit()
