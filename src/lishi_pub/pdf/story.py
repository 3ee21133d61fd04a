"""An Issue as a list of flowables: masthead, printed pages, headline apparatus, body, captions.

Each printed page (版) starts a new PDF page.  In two columns, the page's
opening (its label, furniture and banners, and the masthead on the first)
spans both columns: it gets a page template of its own whose top frame is
exactly as tall as the opening (:class:`Opening`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from attrs import frozen
from reportlab.lib.colors import HexColor
from reportlab.platypus.doctemplate import FrameBreak, NextPageTemplate
from reportlab.platypus.flowables import CondPageBreak, Flowable, HRFlowable, PageBreak

from .. import present
from ..model import Article, Figure, Heading, Issue, Page, Paragraph
from .balance import SectionEnd
from .cleantext import clean
from .contents import Contents
from .fonts import FontSet
from .labels import article_label, byline, issue_line, page_labels, publication, subtitle, title
from .outline import Anchor
from .styles import RULE, Styles
from .textblock import Span, TextBlock

__all__ = ["BODY_TEMPLATE", "CONTENTS_TEMPLATE", "Opening", "Story", "build_story"]

BODY_TEMPLATE = "body"
CONTENTS_TEMPLATE = "contents"
# An opening taller than this share of the frame is not worth a spanning frame.
_MAX_OPENING_SHARE = 0.45


@frozen
class Opening:
    """A page template whose top frame, ``height`` points tall, spans the columns."""

    template: str
    height: float


@frozen
class Story:
    """How to make the flowables, afresh for each layout pass and one article
    at a time as reportlab takes them (:class:`.queue.FlowableQueue`), so a
    pass holds the page being set, not the whole issue (bounded memory, issue
    13); and what the page templates need to know beforehand.  ``contents``
    is the table of contents, the one flowable that lives across passes."""

    flowables: Callable[[], Iterator[Flowable]]
    openings: tuple[Opening, ...]
    first_template: str
    contents: Contents | None = None


def _height(flowables: Sequence[Flowable], width: float) -> float:
    """The height ``flowables`` take stacked in a frame of ``width`` (space before the first dropped)."""
    total = 0.0
    for i, f in enumerate(flowables):
        total += f.wrap(width, 1e9)[1] + f.getSpaceAfter() + (f.getSpaceBefore() if i else 0.0)
    return total


class _Builder:
    def __init__(self, issue: Issue, styles: Styles, fonts: FontSet) -> None:
        self.issue = issue
        self.st = styles
        self.fonts = fonts
        self.geometry = styles.geometry

    def block(self, text: str, style_name: str, look_name: str | None = None) -> TextBlock:
        look = getattr(self.st, look_name or f"{style_name}_look")
        return TextBlock([Span(text, look)], getattr(self.st, style_name), self.fonts)

    def opening(self, page: Page, index: int, label: str) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = []
        if index == 1:
            name, line = publication(self.issue), issue_line(self.issue)
            if name:
                out.append(self.block(name, "masthead"))
            if line:
                out.append(self.block(line, "issue_line"))
        out.append(Anchor(f"p{index}", label, 0, running_label=label, reach=st.page_heading.leading))
        out.append(self.block(label, "page_heading"))
        # The label is already printed above: a furniture line that only repeats it (第3版) is left out.
        furniture = "　".join(t.strip() for t in page.header if t.strip() and t.strip() not in label)
        if furniture:
            out.append(self.block(furniture, "furniture"))
        out.extend(self.block(text, "banner") for text in page.banners if text.strip())
        return out

    def headline(self, article: Article, key: str) -> list[Flowable]:
        st = self.st
        out: list[Flowable] = [Anchor(key, article_label(article), 1, reach=st.title.leading + st.title.space_before)]
        if not article.title:
            out.append(HRFlowable(
                width="24%", thickness=0.6, color=HexColor(RULE), hAlign="CENTER",
                spaceBefore=st.title.space_before, spaceAfter=0.2 * st.body_size,
            ))
        if article.kicker:
            out.append(self.block(article.kicker, "kicker"))
        if headline := title(article):  # a derived title in brackets, in the same face as a printed one
            out.append(self.block(headline, "title"))
        if sub := subtitle(article):
            out.append(self.block(sub, "subtitle"))
        names = byline(article)
        if names:
            out.append(self.block(names, "byline"))
        return out

    def figure(self, figure: Figure) -> TextBlock:
        st = self.st
        spans = [Span(f"▲ {figure.caption}", st.caption_look)]
        if credit := present.credit(figure.credit):
            spans.append(Span(f"　{clean(credit)}", st.credit_look))
        return TextBlock(spans, st.caption, self.fonts)

    def body(self, article: Article) -> list[Flowable]:
        st = self.st
        width = self.geometry.column_width
        out: list[Flowable] = []
        dateline = article.dateline
        for block in article.blocks:
            if isinstance(block, Paragraph):
                spans = [Span(block.text, st.body_look)]
                if dateline:
                    spans[:0] = [Span(dateline, st.dateline_look), Span(" ", st.body_look)]
                    dateline = None
                out.append(TextBlock(spans, st.body, self.fonts))
            elif isinstance(block, Heading):
                heading = self.block(block.text, "heading")
                out.append(CondPageBreak(_height([heading], width) + heading.spaceBefore + 2 * st.body.leading))
                out.append(heading)
            else:
                out.append(self.figure(block))
        if dateline:
            out.insert(0, TextBlock([Span(dateline, st.dateline_look)], st.body, self.fonts))
        return out

    def article(self, article: Article, key: str) -> list[Flowable]:
        head = self.headline(article, key)
        space = _height(head, self.geometry.column_width) + 3 * self.st.body.leading
        return [CondPageBreak(space), *head, *self.body(article)]

    def story(self, toc: bool) -> Story:
        pages = self.issue.pages or (Page(),)
        labels = page_labels(tuple(pages))
        openings: dict[int, Opening] = {}
        if self.geometry.columns > 1:  # which openings span the columns: measured now, the templates need them
            for index, page in enumerate(pages, start=1):
                height = _height(self.opening(page, index, labels[index - 1]), self.geometry.frame_width) + 1.0
                if height <= _MAX_OPENING_SHARE * self.geometry.frame_height:
                    openings[index] = Opening(f"open-{index}", height)
        contents = Contents(self.st, self.fonts) if toc else None
        first_template = CONTENTS_TEMPLATE if contents is not None \
            else openings[1].template if 1 in openings else BODY_TEMPLATE

        def flowables() -> Iterator[Flowable]:
            started = contents is not None
            if contents is not None:
                yield Anchor("contents", "目录", 0, running_label="目录", in_contents=False)
                yield contents
            for index, page in enumerate(pages, start=1):
                opening = self.opening(page, index, labels[index - 1])
                spanning = openings.get(index)
                if spanning is not None:
                    if started:
                        yield from (NextPageTemplate(spanning.template), PageBreak())
                    yield from (*opening, FrameBreak(), NextPageTemplate(BODY_TEMPLATE))
                else:
                    if started:
                        yield from (NextPageTemplate(BODY_TEMPLATE), PageBreak())
                    yield from opening
                started = True
                for number, article in enumerate(page.articles, start=1):
                    yield from self.article(article, f"p{index}-a{number}")
                yield from (self.figure(figure) for figure in page.figures)
                yield SectionEnd()

        if contents is not None:
            contents.expect([f for f in flowables() if isinstance(f, Anchor)])
        return Story(flowables, tuple(openings.values()), first_template, contents)


def build_story(issue: Issue, styles: Styles, fonts: FontSet, *, toc: bool) -> Story:
    """The flowables of ``issue``, and the opening templates two columns need."""
    return _Builder(issue, styles, fonts).story(toc)
