"""The document template: page templates, running head and folio, bookmarks, metadata, determinism.

reportlab's invariant mode fixes the creation date and derives the file ID
from the content, so the same Issue and options give the same bytes.  Every
piece of text on the page, the running head and folio included, is drawn
with the build's fonts; the canvas's initial font is the CJK font too, so no
unembedded Helvetica is ever referenced.
"""

from __future__ import annotations

import gc

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.doctemplate import BaseDocTemplate, PageTemplate
from reportlab.platypus.flowables import Flowable
from reportlab.platypus.frames import Frame

from .. import present
from ..model import Issue
from . import metadata
from .fonts import FontSet
from .balance import MAX_PASSES, Balancer, SectionEnd
from .labels import page_labels, publication
from .outline import Anchor
from .pagestream import compress_pages_as_shown
from .queue import FlowableQueue
from .story import BODY_TEMPLATE, CONTENTS_TEMPLATE, Story
from .styles import RULE, Styles
from .textblock import Span, draw_line

__all__ = ["render_document"]


class _Sink:
    """Where reportlab writes the finished file.  It writes it once, whole;
    this keeps that bytes object, where a BytesIO would hold a second copy."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self._parts.append(data)
        return len(data)

    def value(self) -> bytes:
        return self._parts[0] if len(self._parts) == 1 else b"".join(self._parts)


def _frame(frame_id: str, x: float, y: float, width: float, height: float) -> Frame:
    return Frame(x, y, width, height, id=frame_id, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)


class IssueDocument(BaseDocTemplate):
    """One Issue's PDF.  Tracks which printed page each PDF page belongs to, for the running head."""

    def __init__(self, buffer: _Sink, issue: Issue, styles: Styles, fonts: FontSet, story: Story) -> None:
        g = styles.geometry
        self.meta = metadata.describe(issue)
        super().__init__(
            buffer,
            pagesize=(g.page_width, g.page_height),
            leftMargin=g.margin_x, rightMargin=g.margin_x,
            topMargin=g.margin_top, bottomMargin=g.margin_bottom,
            **metadata.template_args(self.meta),
            displayDocTitle=1,
            initialFontName=fonts.primary.name,
            initialFontSize=styles.body_size,
            invariant=1,
            pageCompression=1,
        )
        self.styles = styles
        self.fonts = fonts
        self.issue = issue
        self.running_title = " ".join(
            p for p in (publication(issue), present.chinese_date(issue.date) if issue.date else "") if p
        )
        self.first_label = page_labels(issue.pages)[0] if issue.pages else ""
        self.balancer = Balancer(step=styles.body.leading, full=styles.geometry.frame_height) \
            if styles.geometry.columns > 1 else None
        self._templates(story)

    def _makeCanvas(self, filename: str | None = None, canvasmaker: type[Canvas] = Canvas) -> Canvas:  # noqa: N802
        """reportlab's canvas, with the document information :mod:`.metadata` writes,
        compressing each page as it is finished (:mod:`.pagestream`)."""
        canv = super()._makeCanvas(filename=filename, canvasmaker=canvasmaker)
        metadata.install(canv, self.meta)
        compress_pages_as_shown(canv)
        return canv

    def _templates(self, story: Story) -> None:
        g = self.styles.geometry
        x, y, w, h = g.margin_x, g.margin_bottom, g.frame_width, g.frame_height
        cw = g.column_width

        def columns(prefix: str, height: float) -> list[Frame]:
            return [_frame(f"{prefix}-c{i}", x + i * (cw + g.gutter), y, cw, height) for i in range(g.columns)]

        templates = {
            CONTENTS_TEMPLATE: PageTemplate(CONTENTS_TEMPLATE, [_frame("contents", x, y, w, h)], onPageEnd=self._furniture),
            BODY_TEMPLATE: PageTemplate(BODY_TEMPLATE, columns("body", h), onPageEnd=self._furniture),
        }
        gap = self.styles.body_size
        for opening in story.openings:
            top = _frame(f"{opening.template}-top", x, y + h - opening.height, w, opening.height)
            templates[opening.template] = PageTemplate(
                opening.template, [top, *columns(opening.template, h - opening.height - gap)],
                onPageEnd=self._furniture,
            )
        first = templates.pop(story.first_template)
        self.addPageTemplates([first, *templates.values()])

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab API)
        self.canv.showOutline()  # /PageMode /UseOutlines: the reader opens with the bookmarks shown
        self._label = self.first_label
        self._labels_on_page: dict[int, str] = {}
        if self.balancer is not None:
            self.balancer.begin_pass()

    def handle_pageBegin(self) -> None:  # noqa: N802 (reportlab API)
        """Start a page; on a printed page's last one, with its columns cut to balance (:mod:`.balance`)."""
        if self.balancer is not None:
            height = self.balancer.page_begins(self.page + 1)
            if height is not None:
                current: PageTemplate = getattr(self, "pageTemplate")
                self.pageTemplate = _balanced(current, height)
        super().handle_pageBegin()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, SectionEnd) and self.balancer is not None:
            self.balancer.section_ends(self.page, [f for f in self.pageTemplate.frames if _is_column(f)])
            return
        if isinstance(flowable, Anchor):
            if flowable.running_label is not None:
                self._labels_on_page.setdefault(self.page, flowable.running_label)
            if flowable.in_contents:
                self.notify("TOCEntry", (flowable.level, flowable.title, self.page, flowable.key))

    def _furniture(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Running head (publication, date, page label) over a rule, and the folio below."""
        g, st = self.styles.geometry, self.styles
        label = self._labels_on_page.get(self.page, self._label)
        self._label = label
        left, right = g.margin_x, g.page_width - g.margin_x
        base = g.header_baseline
        gap = 2 * st.running_look.size
        label_width = draw_line(canv, self.fonts, right, base, Span(label, st.running_look), "right",
                                max_width=0.4 * g.frame_width) if label else 0.0
        if self.running_title:
            draw_line(canv, self.fonts, left, base, Span(self.running_title, st.running_look),
                      max_width=g.frame_width - label_width - gap)
        canv.saveState()
        canv.setStrokeColor(HexColor(RULE))
        canv.setLineWidth(0.5)
        canv.line(left, base - 0.45 * st.running_look.size, right, base - 0.45 * st.running_look.size)
        canv.restoreState()
        draw_line(canv, self.fonts, g.page_width / 2, g.footer_baseline, Span(str(self.page), st.folio_look), "center")


def _is_column(frame: Frame) -> bool:
    return "-c" in str(frame.id)


def _balanced(template: PageTemplate, height: float) -> PageTemplate:
    """``template`` with its column frames cut to ``height``, their tops kept."""
    frames = []
    for f in template.frames:
        if _is_column(f):
            top = f._y1 + f._height
            height_here = min(height, f._height)
            f = _frame(str(f.id), f._x1, top - height_here, f._width, height_here)
        frames.append(f)
    return PageTemplate(f"{template.id}-balanced", frames, onPageEnd=template.onPageEnd)


def render_document(issue: Issue, styles: Styles, fonts: FontSet, story: Story, *, toc: bool) -> bytes:
    """Lay ``story`` out and return the PDF; with a table of contents, until page numbers settle.

    In two columns it is laid out again until each printed page's last
    PDF page has balanced columns (:mod:`.balance`).  Every pass makes the
    story's flowables afresh as reportlab takes them (:class:`.queue.FlowableQueue`)
    and lets them go once drawn.
    """
    balancer: Balancer | None = None
    data = b""
    for _ in range(MAX_PASSES if styles.geometry.columns > 1 else 1):
        buffer = _Sink()
        data = b""  # the last pass's file is dropped before the next is laid out
        doc = IssueDocument(buffer, issue, styles, fonts, story)
        if balancer is None:
            balancer = doc.balancer
        else:
            doc.balancer = balancer
        flowables = FlowableQueue(story.flowables)
        if toc:
            doc.multiBuild(flowables, maxPasses=10)
        else:
            doc.build(flowables)
        data = buffer.value()
        del doc, buffer, flowables
        if story.contents is not None:  # reportlab leaves the canvas and frame on the flowable it placed
            for name in ("canv", "_frame", "_postponed"):
                story.contents.__dict__.pop(name, None)
        gc.collect()  # a laid-out document is a web of cycles: free it before the next pass, not whenever
        if balancer is None or not balancer.plan():
            break
    return data
