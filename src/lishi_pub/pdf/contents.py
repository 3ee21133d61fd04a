"""The table of contents: a page listing every printed page and article with its page number.

It is an indexing flowable: the document template notifies it of each
anchor as it lands, and ``multiBuild`` runs passes until the page numbers
stop moving.  Rows are :class:`.textblock.TextBlock` s (so titles break by
the kinsoku rules and need no markup escaping), each with a dotted leader, a
page number and a link to the anchor.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.tableofcontents import IndexingFlowable

from .fonts import FontSet
from .outline import Anchor
from .styles import RULE, Styles
from .textblock import BlockStyle, Look, Span, TextBlock, draw_line

__all__ = ["Contents", "ContentsRow"]

Entry = tuple[int, str, int, str]


class ContentsRow(TextBlock):
    """One entry: its title, a dotted leader and the page number, all one link."""

    def __init__(self, title: str, page: int, key: str, style: BlockStyle, look: Look, fonts: FontSet) -> None:
        super().__init__([Span(title, look)], style, fonts)
        self.page = page
        self.key = key
        self.look = look

    def draw(self) -> None:
        super().draw()
        lines = self.lines(self.width)
        if not lines:
            return
        canv = self.canv
        style, size = self.style, self.look.size
        baseline = self.baseline(len(lines) - 1)
        start, end = lines[-1]
        indent = style.first_indent if len(lines) == 1 else 0.0
        text_end = style.left_indent + indent + sum(self.setting.widths[start:end])
        number = str(self.page)
        number_width = draw_line(canv, self.fonts, self.width, baseline, Span(number, self.look), "right")
        leader_from, leader_to = text_end + 0.5 * size, self.width - number_width - 0.5 * size
        if leader_to > leader_from:
            canv.saveState()
            canv.setStrokeColor(HexColor(RULE))
            canv.setLineWidth(0.06 * size)
            canv.setLineCap(1)
            canv.setDash(0.01, 0.35 * size)
            canv.line(leader_from, baseline + 0.15 * size, leader_to, baseline + 0.15 * size)
            canv.restoreState()
        canv.linkRect("", self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


class Contents(IndexingFlowable):
    """The whole table; it splits into its rows when it does not fit on one page."""

    def __init__(self, styles: Styles, fonts: FontSet) -> None:
        super().__init__()
        self.styles = styles
        self.fonts = fonts
        self._entries: list[Entry] = []
        self._last: list[Entry] = []
        self._rows: list[Flowable] | None = None

    def expect(self, anchors: list[Anchor]) -> None:
        """Lay the first pass out with every row in place (page numbers still unknown),
        so the table has its final length at once and ``multiBuild`` needs two passes, not three."""
        self._last = [(a.level, a.title, 0, a.key) for a in anchors if a.in_contents]

    def notify(self, kind: str, stuff: object) -> None:
        if kind == "TOCEntry":
            self._entries.append(stuff)  # type: ignore[arg-type]

    def beforeBuild(self) -> None:  # noqa: N802 (reportlab API)
        if self._entries:
            self._last = self._entries
        self._entries = []
        self._rows = None

    def isSatisfied(self) -> bool:  # noqa: N802
        return self._entries == self._last

    def rows(self) -> list[Flowable]:
        if self._rows is None:
            st = self.styles
            rows: list[Flowable] = [
                TextBlock([Span("目　录", st.contents_title_look)], st.contents_title, self.fonts)
            ]
            for level, title, page, key in self._last:
                style, look = (
                    (st.contents_page, st.contents_page_look) if level == 0
                    else (st.contents_article, st.contents_article_look)
                )
                rows.append(ContentsRow(title, page, key, style, look, self.fonts))
            self._rows = rows
        return self._rows

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        height = 0.0
        for i, row in enumerate(self.rows()):
            height += row.wrap(availWidth, availHeight)[1] + row.getSpaceAfter()
            if i:
                height += row.getSpaceBefore()
        self.width, self.height = availWidth, height
        return availWidth, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return list(self.rows())

    def drawOn(self, canvas: object, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        top = y + self.height
        for i, row in enumerate(self.rows()):
            if i:
                top -= row.getSpaceBefore()
            _width, height = row.wrap(self.width, self.height)
            top -= height
            row.drawOn(canvas, x, top)
            top -= row.getSpaceAfter()
