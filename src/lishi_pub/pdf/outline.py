"""Anchors: invisible flowables that put a bookmark and an outline entry where they land.

The outline (bookmarks pane) gets one entry per printed page (level 0) and
one per article (level 1), with plain Unicode titles; the document template
also hands each anchor to the table of contents and the running head.
"""

from __future__ import annotations

from reportlab.platypus.flowables import Flowable

from .cleantext import clean

__all__ = ["Anchor"]


class Anchor(Flowable):
    """Marks the top of a page's or an article's first block.

    ``running_label`` is set on page anchors: the running head shows it from
    the PDF page where the anchor lands.  ``in_contents`` says whether the
    table of contents lists it.  Keys are positional (``p3``, ``p3-a2``), so
    they repeat identically on every pass of a multi-pass build.
    """

    _ZEROSIZE = True

    def __init__(
        self, key: str, title: str, level: int, *,
        running_label: str | None = None, in_contents: bool = True, reach: float = 0.0,
    ) -> None:
        super().__init__()
        self.key = key
        self.title = clean(title).strip() or key
        self.level = level
        self.running_label = running_label
        self.in_contents = in_contents
        self.reach = reach

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, self.reach)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)
