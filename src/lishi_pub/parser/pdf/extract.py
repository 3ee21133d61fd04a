"""What a PDF page holds, as four kinds of object: glyphs, rules, frames, images.

Everything downstream sees only these records, so the extraction backend can
be swapped after measurement (pypdfium2, playa) without touching the layout
code.  Coordinates are PDF points with the origin at the page's top-left and
y growing downward, as in :class:`lishi_pub.parser.layout.Box`.

The pdfminer.six backend runs at glyph level (``laparams=None``): its own
layout analysis is skipped, which is what makes reading a page cheaper than
``extract_text``.  It is the only permissively licensed library that reads
Chinese from a subset TrueType font whose ToUnicode map was removed (it falls
back on the font's own cmap).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol


def _family(fontname: Any) -> str:
    """A font's name without its subset tag (``AAAAAB+NotoSerifCJKsc-Regular``):
    a producer may split one face into several subsets (reportlab does, 256
    glyphs each), and a line set in one face must not look restyled where its
    glyphs change subset."""
    name = str(fontname)
    tag, plus, rest = name.partition("+")
    return rest if plus and len(tag) == 6 and tag.isalpha() and tag.isupper() else name

__all__ = ["Extractor", "Glyph", "PageObjects", "Rect", "extractor", "PdfminerExtractor"]


@dataclass(slots=True)
class Glyph:
    """One drawn character.  ``size`` is the font size in page points;
    ``vertical`` is a vertical writing-mode font (-V CMaps)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str
    upright: bool = True
    vertical: bool = False
    invisible: bool = False

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True, frozen=True)
class Rect:
    """An axis-aligned box in page points (top-left origin)."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class PageObjects:
    """One page as the extractor saw it.

    ``rules`` are separators: line segments and thin filled rectangles;
    ``frames`` are stroked rectangles (boxes around 专栏, 简讯); ``images`` are
    raster images and large filled rectangles (photo placeholders, tints).
    """

    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    rules: list[Rect]
    frames: list[Rect]
    images: list[Rect]


class Extractor(Protocol):
    """A backend: PDF bytes in, one :class:`PageObjects` per page out, lazily."""

    name: str

    def pages(self, data: bytes) -> Iterator[PageObjects]: ...


# A filled rectangle at most this thick (points) is a rule, not a tint.
RULE_THICKNESS = 3.0
# Filled rectangles smaller than this on both sides are bullets or ornaments, not layout.
MIN_FILL = 8.0


def _classify_rect(out: PageObjects, r: Rect, stroke: bool, fill: bool) -> None:
    thin = min(r.width, r.height)
    if thin <= RULE_THICKNESS:
        if max(r.width, r.height) >= MIN_FILL:
            out.rules.append(r)
    elif stroke and not fill:
        out.frames.append(r)
    elif fill and r.width >= MIN_FILL and r.height >= MIN_FILL:
        # a stroked and filled box is a framed tint: its edges separate like a frame
        (out.frames if stroke else out.images).append(r)


class PdfminerExtractor:
    """pdfminer.six at glyph level, with a device that keeps only what the layout needs."""

    name = "pdfminer.six"

    def pages(self, data: bytes) -> Iterator[PageObjects]:
        import logging

        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.pdfpage import PDFPage

        quiet = logging.getLogger("pdfminer")
        if quiet.level == logging.NOTSET:  # its warnings about odd fonts are not the user's business
            quiet.setLevel(logging.ERROR)  # unless logging was set up (lishi-pub --debug)

        rsrc = PDFResourceManager(caching=True)
        device = _device_class()(rsrc)
        interpreter = PDFPageInterpreter(rsrc, device)
        for number, page in enumerate(PDFPage.get_pages(io.BytesIO(data)), start=1):
            interpreter.process_page(page)
            result = device.result
            result.number = number
            yield result


def extractor() -> Extractor:
    """The backend in use (one today, chosen by measurement: bench/bench_pdf_read.py)."""
    return PdfminerExtractor()


_DEVICE: Any = None


def _device_class() -> Any:
    """The pdfminer device, built on first use so importing this module stays cheap."""
    global _DEVICE
    if _DEVICE is not None:
        return _DEVICE
    from pdfminer.converter import PDFLayoutAnalyzer
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_pt, apply_matrix_rect

    class _Device(PDFLayoutAnalyzer):
        """Collects glyphs and paths into :class:`PageObjects` instead of pdfminer's layout tree."""

        def __init__(self, rsrc: Any) -> None:
            super().__init__(rsrc, laparams=None)
            self.result = PageObjects(0, 0.0, 0.0, [], [], [], [])
            self._figures: list[tuple[float, float, float, float]] = []
            self._render_mode = 0
            self._height = 0.0

        def begin_page(self, page: Any, ctm: Any) -> None:
            x0, y0, x1, y1 = apply_matrix_rect(ctm, page.mediabox)
            self.ctm = ctm
            self._height = abs(y1 - y0)
            self.result = PageObjects(0, abs(x1 - x0), self._height, [], [], [], [])
            self._figures = []

        def end_page(self, page: Any) -> None:
            self.pageno += 1

        def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
            from pdfminer.utils import mult_matrix

            m = mult_matrix(matrix, self.ctm)
            self._figures.append(apply_matrix_rect(m, bbox))

        def end_figure(self, name: str) -> None:
            if self._figures:
                self._figures.pop()

        def render_image(self, name: str, stream: Any) -> None:
            if self._figures:
                x0, y0, x1, y1 = self._figures[-1]
                h = self._height
                self.result.images.append(Rect(min(x0, x1), h - max(y0, y1), max(x0, x1), h - min(y0, y1)))

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            self._render_mode = textstate.render
            super().render_string(textstate, seq, ncs, graphicstate)
            # Character spacing (Tc) follows every glyph, a string's last one too (PDF 32000
            # 9.4.4), but pdfminer adds it only before a glyph that something precedes in the
            # string: a producer that shows one glyph per Tj (reportlab switching subsets)
            # would lose all its letter-spacing, and justified lines would seem to overrun.
            font = textstate.font
            if font is not None and textstate.charspace and seq and isinstance(seq[0], bytes) and seq[0]:
                tc = textstate.charspace * textstate.scaling * 0.01
                x, y = textstate.linematrix
                textstate.linematrix = (x, y + tc) if font.is_vertical() else (x + tc, y)

        def paint_path(self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any) -> None:
            shape = "".join(seg[0] for seg in path)
            if shape.count("m") > 1:
                start = 0
                for i in range(1, len(path) + 1):
                    if i == len(path) or path[i][0] == "m":
                        self.paint_path(gstate, stroke, fill, evenodd, path[start:i])
                        start = i
                return
            if not (stroke or fill) or shape[:1] != "m":
                return
            pts = [apply_matrix_pt(self.ctm, (float(seg[-2]), float(seg[-1])))
                   for seg in path if seg[0] != "h" and len(seg) >= 3]
            if len(pts) < 2:
                return
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            h = self._height
            r = Rect(min(xs), h - max(ys), max(xs), h - min(ys))
            if shape in ("ml", "mlh"):  # a line segment: a rule if axis-aligned
                if r.width < 0.5 or r.height < 0.5:
                    lw = max(float(gstate.linewidth or 0.0), 0.1) / 2
                    self.result.rules.append(Rect(r.x0 - lw, r.top - lw, r.x1 + lw, r.bottom + lw))
                return
            if "c" in shape or "v" in shape or "y" in shape:
                return  # curves are ornaments, not separators
            if len(set(round(x, 1) for x in xs)) <= 2 and len(set(round(y, 1) for y in ys)) <= 2:
                _classify_rect(self.result, r, stroke, fill)

        def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                        cid: int, ncs: Any, graphicstate: Any) -> float:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"
            adv: float = font.char_width(cid) * fontsize * scaling
            vertical = font.is_vertical()
            if vertical:
                vx, vy = font.char_disp(cid)
                vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                vy = (1000 - vy) * fontsize * 0.001
                bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
            else:
                descent = font.get_descent() * fontsize
                bbox = (0, descent + rise, adv, descent + rise + fontsize)
            a, b, c, d, _e, _f = matrix
            x0, y0, x1, y1 = apply_matrix_rect(matrix, bbox)
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
            h = self._height
            self.result.glyphs.append(Glyph(
                text, x0, h - y1, x1, h - y0, (x1 - x0) if vertical else (y1 - y0), _family(font.fontname),
                a * d * scaling > 0 and b * c <= 0, vertical, self._render_mode in (3, 7)))
            return adv

    _DEVICE = _Device
    return _DEVICE


