"""The flowable that sets Chinese text: kinsoku line breaks, CJK justification, font fallback.

reportlab's ``Paragraph`` parses mini-markup (so every text would need
escaping and a stray ``<img`` opens a file), breaks CJK lines against the
rules (see :mod:`.linebreak`) and justifies by stretching spaces only, which
leaves Chinese lines ragged.  This flowable takes plain text, so nothing in it
is ever interpreted; it breaks lines with :func:`.linebreak.break_lines` and
justifies by character spacing (``Tc``), spreading the slack over every
character of the line.  Each character is drawn from the font that has it
(:class:`.fonts.FontSet`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Literal

from attrs import frozen
from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus.flowables import Flowable

from .cleantext import clean
from .fonts import FontSet
from .linebreak import break_lines

__all__ = ["BlockStyle", "Look", "Span", "TextBlock", "draw_line"]

Align = Literal["justify", "left", "center", "right"]

# Where the baseline sits in an em box (ideographs span about -0.12 to 0.88 em).
_ASCENT = 0.88
# Justifying a line wider than this per gap (in em) would look like letter-spaced display type.
_MAX_SPACING = 0.35


@frozen
class Look:
    """How a run of text is set.  ``stroke`` > 0 emphasises it (fill plus a thin outline of
    ``stroke`` em, text render mode 2), since the CJK fonts have no bold face."""

    size: float
    color: str = "#000000"
    stroke: float = 0.0


@frozen
class Span:
    """Text in one look; a block is a sequence of them (a dateline, then the lead)."""

    text: str
    look: Look


@frozen
class BlockStyle:
    """How a block sits: leading, alignment, indents and the space around it, in points."""

    leading: float
    align: Align = "justify"
    first_indent: float = 0.0
    left_indent: float = 0.0
    right_indent: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    #: Even out the lines of a headline rather than leave a short last line.
    balance: bool = False


@cache
def _color(hex_color: str) -> Color:
    return HexColor(hex_color)


class _Setting:
    """A text's characters with the font, look and advance width of each."""

    __slots__ = ("keys", "styles", "text", "widths")

    def __init__(self, text: str, widths: list[float], keys: list[int], styles: list[tuple[str, Look]]) -> None:
        self.text = text
        self.widths = widths
        self.keys = keys
        self.styles = styles

    @classmethod
    def of(cls, spans: Sequence[Span], fonts: FontSet) -> _Setting:
        texts: list[str] = []
        widths: list[float] = []
        keys: list[int] = []
        styles: list[tuple[str, Look]] = []
        index: dict[tuple[str, Look], int] = {}
        for span in spans:
            text, names, span_widths = fonts.assign(clean(span.text), span.look.size)
            texts.append(text)
            widths.extend(span_widths)
            key_of: dict[str, int] = {}
            for name in dict.fromkeys(names):
                style = (name, span.look)
                if style not in index:
                    index[style] = len(styles)
                    styles.append(style)
                key_of[name] = index[style]
            keys.extend(map(key_of.__getitem__, names))
        return cls("".join(texts), widths, keys, styles)

    def slice(self, start: int, end: int) -> _Setting:
        return _Setting(self.text[start:end], self.widths[start:end], self.keys[start:end], self.styles)


class _Pen:
    """What a text object is currently set to, so runs switch only what changes."""

    __slots__ = ("color", "font", "mode")

    def __init__(self) -> None:
        self.font: tuple[str, float] | None = None
        self.color: str | None = None
        self.mode: int | None = None


def _draw_runs(tx: PDFTextObject, setting: _Setting, start: int, end: int, pen: _Pen) -> None:
    """Emit the characters ``start:end`` into text object ``tx``, switching font and look as needed."""
    keys, styles, text = setting.keys, setting.styles, setting.text
    i = start
    while i < end:
        key = keys[i]
        j = i + 1
        while j < end and keys[j] == key:
            j += 1
        name, look = styles[key]
        if pen.font != (name, look.size):
            tx.setFont(name, look.size)
            pen.font = (name, look.size)
        if pen.color != look.color:
            color = _color(look.color)
            tx.setFillColor(color)
            tx.setStrokeColor(color)
            pen.color = look.color
        mode = 2 if look.stroke else 0
        if pen.mode != mode:
            tx.setTextRenderMode(mode)
            pen.mode = mode
        tx.textOut(text[i:j])
        i = j


def _stroke_width(setting: _Setting) -> float:
    return max((look.stroke * look.size for _name, look in setting.styles), default=0.0)


class TextBlock(Flowable):
    """A paragraph of plain text in one or more looks, broken into lines by the kinsoku rules.

    Split across frames it leaves at least two lines on each side (no
    orphans, no widows); the first part's last line stays justified.
    """

    def __init__(self, spans: Sequence[Span], style: BlockStyle, fonts: FontSet) -> None:
        super().__init__()
        self.style = style
        self.fonts = fonts
        self.setting = _Setting.of(spans, fonts)
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self.indent_first = True
        self.justify_last = False
        self._lines: list[tuple[int, int]] | None = None
        self._wrapped_at: float | None = None
        self._size = max((look.size for _name, look in self.setting.styles), default=style.leading)

    @property
    def text(self) -> str:
        return self.setting.text

    def _inner_width(self, width: float) -> float:
        return width - self.style.left_indent - self.style.right_indent

    def lines(self, width: float) -> list[tuple[int, int]]:
        """The ``(start, end)`` slices of :attr:`text` set on each line at ``width``."""
        if self._lines is None or self._wrapped_at != width:
            inner = self._inner_width(width)
            indent = self.style.first_indent if self.indent_first else 0.0
            lines = break_lines(self.setting.text, self.setting.widths, inner - indent, inner)
            if self.style.balance and len(lines) > 1:
                lines = self._balanced(lines, inner, indent)
            self._lines = lines
            self._wrapped_at = width
        return self._lines

    def _balanced(self, lines: list[tuple[int, int]], inner: float, indent: float) -> list[tuple[int, int]]:
        """The same number of lines at the narrowest measure that still holds them."""
        text, widths = self.setting.text, self.setting.widths
        low, high = inner * (len(lines) - 1) / len(lines), inner
        best = lines
        for _ in range(12):
            mid = (low + high) / 2
            trial = break_lines(text, widths, mid - indent, mid)
            if len(trial) <= len(lines):
                best, high = trial, mid
            else:
                low = mid
        return best

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab API)
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        lines = self.lines(availWidth)
        fit = int((availHeight + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if len(lines) - fit < 2:
            fit = len(lines) - 2
        if fit < 2:
            return []
        head = self._part(0, lines[fit - 1][1])
        head._lines = lines[:fit]
        head._wrapped_at = availWidth
        head.justify_last = True
        head.spaceAfter = 0.0
        tail_start = lines[fit][0]
        tail = self._part(tail_start, len(self.setting.text))
        tail.indent_first = False
        tail.spaceBefore = 0.0
        return [head, tail]

    def _part(self, start: int, end: int) -> TextBlock:
        part = TextBlock.__new__(TextBlock)
        Flowable.__init__(part)
        part.style = self.style
        part.fonts = self.fonts
        part.setting = self.setting.slice(start, end)
        part.spaceBefore = self.spaceBefore
        part.spaceAfter = self.spaceAfter
        part.indent_first = self.indent_first
        part.justify_last = self.justify_last
        part._lines = None
        part._wrapped_at = None
        part._size = self._size
        return part

    def baseline(self, number: int) -> float:
        """The height of line ``number``'s baseline above the block's bottom edge."""
        size = self._size
        return self.height - number * self.style.leading - ((self.style.leading - size) / 2 + _ASCENT * size)

    def draw(self) -> None:
        lines = self.lines(self.width)
        if not lines:
            return
        canv: Canvas = self.canv
        style, setting = self.style, self.setting
        inner = self._inner_width(self.width)
        widths, size = setting.widths, self._size
        canv.saveState()
        stroke = _stroke_width(setting)
        if stroke:
            canv.setLineWidth(stroke)
        tx = canv.beginText()
        pen = _Pen()
        spacing = 0.0
        last = len(lines) - 1
        for number, (start, end) in enumerate(lines):
            indent = style.first_indent if number == 0 and self.indent_first else 0.0
            avail = inner - indent
            natural = sum(widths[start:end])
            x = style.left_indent + indent
            line_spacing = 0.0
            if style.align == "justify":
                if (number < last or self.justify_last) and end - start > 1:
                    line_spacing = (avail - natural) / (end - start - 1)
                    if line_spacing > _MAX_SPACING * size:
                        line_spacing = 0.0
            elif style.align == "center":
                x += (avail - natural) / 2
            elif style.align == "right":
                x += avail - natural
            if line_spacing != spacing:
                tx.setCharSpace(line_spacing)
                spacing = line_spacing
            tx.setTextOrigin(x, self.baseline(number))
            _draw_runs(tx, setting, start, end, pen)
        canv.drawText(tx)
        canv.restoreState()


def draw_line(
    canv: Canvas, fonts: FontSet, x: float, y: float, span: Span, align: Align = "left",
    max_width: float | None = None,
) -> float:
    """Draw ``span`` as one unbroken line with its baseline at ``y``; return its width.

    ``x`` is the left edge, the centre or the right edge, as ``align`` says.
    For page furniture (running heads, page numbers) that never wraps: text
    wider than ``max_width`` is cut short with an ellipsis.
    """
    setting = _Setting.of([span], fonts)
    end = len(setting.text)
    width = sum(setting.widths)
    if max_width is not None and width > max_width:
        ellipsis = _Setting.of([Span("…", span.look)], fonts)
        limit = max(0.0, max_width - ellipsis.widths[0])
        end, width = 0, 0.0
        while end < len(setting.text) and width + setting.widths[end] <= limit:
            width += setting.widths[end]
            end += 1
        setting = _Setting.of([Span(setting.text[:end] + "…", span.look)], fonts)
        end, width = len(setting.text), sum(setting.widths)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canv.saveState()
    stroke = _stroke_width(setting)
    if stroke:
        canv.setLineWidth(stroke)
    tx = canv.beginText(x, y)
    _draw_runs(tx, setting, 0, end, _Pen())
    canv.drawText(tx)
    canv.restoreState()
    return width
