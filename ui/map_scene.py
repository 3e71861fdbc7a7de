"""The map's scene as images, and when they are drawn.

The scene (fills, outlines, names, points) is drawn into an image for a view and a paint
only blits it, shifted and scaled while the view moves on (``Scene.show``). The image
without its points and names (the base; the names are placed off the points) is kept while
only the points change (a live incident).
After the view rests, the sharp scene is drawn in slices of about ``SLICE_MS`` with the
event loop running in between, the image shown until it is done:
every kecamatan of Indonesia with 20,000 incidents takes some 100 ms, three frames, and a
Python thread cannot take it off the GUI thread (QPainter keeps the GIL while it draws).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Generator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QSize, QTimer
from PySide6.QtGui import QImage, QPainter, QTransform
from PySide6.QtWidgets import QWidget

from ui.map_colours import colours
from ui.map_geometry import Viewport

# The sharp scene after a rest is drawn in slices of about this much GUI-thread time, the
# event loop running between them (input, the shifted image): a national scene takes some
# 100 ms, three frames, and Python threads cannot take it off the GUI thread (QPainter keeps
# the GIL while it draws: a worker thread's one drawPoints of 200,000 points kept the GUI
# thread waiting its whole 420 ms).
SLICE_MS = 8.0

# Draws a part of the scene for a view of a size in steps, yielding where the drawing may
# pause for the event loop, with the painter's state as it left it. The base's last
# argument, *build*: simplify the regions not simplified yet in the view's zoom band
# (drawing in slices, where that costs no frame); else they are drawn in full (the first
# frame stays quick).
Steps = Generator[None, None, None]
BaseDrawer = Callable[[QPainter, QSize, Viewport, bool], Steps]
PointsDrawer = Callable[[QPainter, QSize, Viewport], Steps]


@dataclass
class _Job:
    """A sharp scene being drawn: for which view, its steps left, the time spent on it (ms)."""

    view: Viewport
    steps: Generator[None, None, tuple[QImage, bool]]
    ms: float = 0.0


class Scene:
    """The images of *widget*'s scene: ``image``, drawn for ``view``; the base (everything
    but the points and names) drawn by *draw_base*, the points and names over a copy of it by
    *draw_points*."""

    def __init__(self, widget: QWidget, draw_base: BaseDrawer, draw_points: PointsDrawer) -> None:
        self._widget = widget
        self._draw_base = draw_base
        self._draw_points = draw_points
        self.image: QImage | None = None
        self.view: Viewport | None = None
        self._base: QImage | None = None
        self._base_view: Viewport | None = None
        self.render_ms = 0.0  # how long the last whole sharp scene took
        # The sharp scene being drawn in slices after a rest (``refine``), and the timer that
        # runs its next slice once the event loop had its turn.
        self._job: _Job | None = None
        self._slice = QTimer(widget)
        self._slice.setSingleShot(True)
        self._slice.setInterval(0)
        self._slice.timeout.connect(self._next_slice)
        self._fresh = False  # a sharp scene arrived since the last paint

    def forget(self, *, base: bool) -> None:
        """The image no longer holds (the base too, if *base*): it is drawn again."""
        self.image = None
        if base:
            self._base = None

    @property
    def drawing(self) -> bool:
        """Whether a sharp scene is being drawn in slices."""
        return self._job is not None

    def take_fresh(self) -> bool:
        """Whether a sharp scene arrived from slices since the last call."""
        fresh, self._fresh = self._fresh, False
        return fresh

    def refine(self, view: Viewport) -> None:
        """Draw the whole sharp scene for *view* in slices of ``SLICE_MS``, simplifying what
        its zoom band has not simplified yet; the widget is updated once it is done."""
        self.drop_job()
        self._base = None
        self._job = _Job(Viewport(view.cx, view.cy, view.scale), self._scene(view, build=True))
        self._slice.start()

    def show(self, painter: QPainter, view: Viewport, *, settling: bool) -> bool:
        """Blit the image for *view* with *painter* (the widget's paint): the sharp scene,
        drawn at once if there is none, or none for *view* while the view is neither
        *settling* (it rests soon) nor being drawn in slices; else the image of an older view
        shifted and scaled to *view*. True: a sharp scene is shown for the first time."""
        widget = self._widget
        fresh = self.take_fresh()
        image, shown = self.image, self.view
        if image is None or (shown != view and not settling and not self.drawing):
            image, shown = self.draw_now(view), self.view
            fresh = True
        assert shown is not None
        if shown == view:
            painter.drawImage(QPointF(0, 0), image)
        else:
            # The view moved since the image was drawn: shift and scale it until it rests.
            painter.fillRect(widget.rect(), colours().water)
            f = view.scale / shown.scale
            w, h = widget.width() / 2, widget.height() / 2
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
            painter.setTransform(
                QTransform(
                    f,
                    0,
                    0,
                    f,
                    w - f * w + (shown.cx - view.cx) * view.scale,
                    h - f * h + (shown.cy - view.cy) * view.scale,
                )
            )
            painter.drawImage(QPointF(0, 0), image)
            painter.resetTransform()
        return fresh

    def draw_now(self, view: Viewport) -> QImage:
        """The sharp scene for *view*, drawn at once (a slice drawing is dropped)."""
        self.drop_job()
        image = self._advance(_Job(view, self._scene(view)), None)
        assert image is not None
        self.image, self.view = image, Viewport(view.cx, view.cy, view.scale)
        return image

    def _next_slice(self) -> None:
        job = self._job
        if job is None:
            return
        image = self._advance(job, SLICE_MS / 1000)
        if image is None:
            self._slice.start()
            return
        self._job = None
        self.image, self.view = image, job.view
        self._fresh = True
        self._widget.update()

    def _advance(self, job: _Job, budget: float | None) -> QImage | None:
        """Draw *job*'s steps for about *budget* seconds (None: to the end); its image once
        it is done."""
        started = time.perf_counter()
        try:
            while True:
                next(job.steps)
                if budget is not None and time.perf_counter() - started >= budget:
                    job.ms += (time.perf_counter() - started) * 1000
                    return None
        except StopIteration as done:
            job.ms += (time.perf_counter() - started) * 1000
            result: tuple[QImage, bool] = done.value
            image, whole = result
            if whole:  # what a moved view costs: it decides between shifting and drawing
                self.render_ms = job.ms
            return image

    def drop_job(self) -> None:
        """Forget a scene being drawn in slices: what it drew no longer holds."""
        if self._job is not None:
            self._job.steps.close()
            self._job = None
            self._slice.stop()

    def _scene(
        self, view: Viewport, *, build: bool = False
    ) -> Generator[None, None, tuple[QImage, bool]]:
        """The sharp scene for *view* in steps (*build*: see ``BaseDrawer``); the base drawn
        again only when the view or the regions' look changed, the points over a copy of it.
        Returns the image and whether the base was drawn again."""
        ratio = self._widget.devicePixelRatioF()
        size = self._widget.size()
        base = self._base
        whole = base is None or self._base_view != view
        if base is None or whole:
            base = QImage(
                max(1, round(size.width() * ratio)),
                max(1, round(size.height() * ratio)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            base.setDevicePixelRatio(ratio)
            painter = QPainter(base)
            try:  # a scene dropped halfway (``drop_job``) ends its painter too
                yield from self._draw_base(painter, size, view, build)
            finally:
                painter.end()
            self._base, self._base_view = base, Viewport(view.cx, view.cy, view.scale)
            yield
        image = base.copy()
        image.setDevicePixelRatio(ratio)
        painter = QPainter(image)
        try:
            yield from self._draw_points(painter, size, view)
        finally:
            painter.end()
        return image, whole
