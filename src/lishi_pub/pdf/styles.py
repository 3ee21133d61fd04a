"""The typographic scale: page geometry, type sizes, looks and block styles of one build.

Everything is derived from the page width and the number of columns, so A4,
A5 and a custom size keep the same proportions.  Body text follows Chinese
book practice: 2 em first-line indent, no space between paragraphs, and a
leading of 1.45 (never more than 1.5, or ``pdftotext`` starts interleaving
the two columns).
"""

from __future__ import annotations

from attrs import frozen

from .settings import PdfSettings
from .textblock import BlockStyle, Look

__all__ = ["Geometry", "Styles", "styles_for"]

_MM = 72 / 25.4
BODY_LEADING = 1.45

INK = "#111111"
GREY = "#444444"
LIGHT = "#6b6b6b"
RED = "#a0141e"
RULE = "#9a9a9a"


@frozen
class Geometry:
    """Where things go on a page, in points from the bottom-left corner."""

    page_width: float
    page_height: float
    margin_x: float
    margin_top: float
    margin_bottom: float
    columns: int
    gutter: float

    @property
    def frame_width(self) -> float:
        return self.page_width - 2 * self.margin_x

    @property
    def frame_height(self) -> float:
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def column_width(self) -> float:
        return (self.frame_width - (self.columns - 1) * self.gutter) / self.columns

    @property
    def header_baseline(self) -> float:
        return self.page_height - self.margin_top * 0.55

    @property
    def footer_baseline(self) -> float:
        return self.margin_bottom * 0.45


@frozen
class Styles:
    """Every look and block style the story uses."""

    geometry: Geometry
    body_size: float
    body: BlockStyle
    body_look: Look
    dateline_look: Look
    masthead: BlockStyle
    masthead_look: Look
    issue_line: BlockStyle
    issue_line_look: Look
    page_heading: BlockStyle
    page_heading_look: Look
    furniture: BlockStyle
    furniture_look: Look
    banner: BlockStyle
    banner_look: Look
    kicker: BlockStyle
    kicker_look: Look
    title: BlockStyle
    title_look: Look
    derived_title_look: Look
    subtitle: BlockStyle
    subtitle_look: Look
    byline: BlockStyle
    byline_look: Look
    heading: BlockStyle
    heading_look: Look
    caption: BlockStyle
    caption_look: Look
    credit_look: Look
    running_look: Look
    folio_look: Look
    contents_title: BlockStyle
    contents_title_look: Look
    contents_page: BlockStyle
    contents_page_look: Look
    contents_article: BlockStyle
    contents_article_look: Look


def _body_size(page_width: float, columns: int) -> float:
    """五号 (10.5 pt) on A4, scaled with the square root of the width, in half points."""
    size = 10.5 * (page_width / (210 * _MM)) ** 0.5 - (0.5 if columns == 2 else 0.0)
    return max(8.0, min(13.0, round(float(size) * 2) / 2))


def styles_for(settings: PdfSettings) -> Styles:
    width, height = settings.page_size
    s = _body_size(width, settings.columns)
    margin = max(12 * _MM, min(24 * _MM, 0.095 * width))
    geometry = Geometry(
        page_width=width, page_height=height, margin_x=margin,
        margin_top=margin * 1.05 + 1.2 * s, margin_bottom=margin * 0.95 + s,
        columns=settings.columns, gutter=2 * s,
    )
    lead = BODY_LEADING * s

    def block(size: float, ratio: float, **kw: object) -> BlockStyle:
        return BlockStyle(leading=round(size * ratio, 2), **kw)  # type: ignore[arg-type]

    title_size = 2.0 * s if settings.columns == 1 else 1.75 * s
    return Styles(
        geometry=geometry,
        body_size=s,
        body=BlockStyle(leading=lead, align="justify", first_indent=2 * s),
        body_look=Look(s, INK),
        dateline_look=Look(s, INK, stroke=0.035, bold=True),
        masthead=block(3.2 * s, 1.25, align="center", balance=True, words=True, space_after=0.2 * s),
        masthead_look=Look(3.2 * s, RED, stroke=0.03, bold=True),
        issue_line=block(s, 1.45, align="center", space_after=1.2 * s),
        issue_line_look=Look(s, GREY),
        page_heading=block(1.25 * s, 1.4, align="left", space_before=0.5 * s, space_after=0.2 * s),
        page_heading_look=Look(1.25 * s, RED, stroke=0.04, bold=True),
        furniture=block(0.85 * s, 1.45, align="left", space_after=0.6 * s),
        furniture_look=Look(0.85 * s, LIGHT),
        banner=block(1.5 * s, 1.35, align="center", balance=True, words=True, space_before=0.4 * s, space_after=0.8 * s),
        banner_look=Look(1.5 * s, RED, stroke=0.03, bold=True),
        kicker=block(1.1 * s, 1.4, align="center", balance=True, words=True, space_before=1.4 * s),
        kicker_look=Look(1.1 * s, GREY),
        title=block(title_size, 1.3, align="center", balance=True, words=True, space_before=1.4 * s, space_after=0.25 * s),
        title_look=Look(title_size, INK, stroke=0.035, bold=True),
        derived_title_look=Look(title_size, GREY, stroke=0.015),
        subtitle=block(1.2 * s, 1.4, align="center", balance=True, words=True, space_after=0.2 * s),
        subtitle_look=Look(1.2 * s, GREY),
        byline=block(0.9 * s, 1.45, align="center", space_before=0.2 * s, space_after=0.8 * s),
        byline_look=Look(0.9 * s, LIGHT),
        heading=block(1.05 * s, 1.45, align="left", words=True, space_before=0.7 * s, space_after=0.3 * s),
        heading_look=Look(1.05 * s, INK, stroke=0.04, bold=True),
        caption=block(0.9 * s, 1.45, align="justify", left_indent=1 * s, space_before=0.5 * s, space_after=0.6 * s),
        caption_look=Look(0.9 * s, GREY),
        credit_look=Look(0.8 * s, LIGHT),
        running_look=Look(0.8 * s, GREY),
        folio_look=Look(0.9 * s, GREY),
        contents_title=block(1.8 * s, 1.3, align="center", balance=True, words=True, space_after=1.0 * s),
        contents_title_look=Look(1.8 * s, INK, stroke=0.035, bold=True),
        contents_page=block(1.05 * s, 1.45, align="left", space_before=0.6 * s, right_indent=3 * s),
        contents_page_look=Look(1.05 * s, RED, stroke=0.03, bold=True),
        contents_article=block(s, 1.45, align="left", left_indent=2 * s, right_indent=3 * s),
        contents_article_look=Look(s, INK),
    )
