"""Reflow hard-wrapped lines into blocks (paragraphs and one-line display text).

Indentation is usually lost, so paragraph ends are read from the geometry
that survives: a paragraph's last line is short and ends a sentence, its first
line is about two cells shorter than the column, and display lines (subheads,
headlines) are short without ending a sentence.  "Short" is relative to the
column width *around the line*, estimated on each side separately, because the
width changes between articles and inside one when text flows to a new column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate

from . import markers
from .lines import Line
from .text import CLOSING, SENTENCE_END, clean_spaces, is_letter_spaced, join_lines

__all__ = ["Block", "column_widths", "reflow"]

_WINDOW = 4
_FULL = 1.5  # a line within this many cells of the column is full
OPENING_QUOTES = "“‘「『"
_QUOTE_END = ("。”", "！”", "？”", "…”")
_ATTRIBUTION = re.compile(r"^[^，。！？“”]{1,16}(?:说|说道|表示|感慨道|告诉记者)[。！]$")
# No newspaper column is this wide: a longer line is a paragraph the extractor did not wrap.
_UNWRAPPED = 40


@dataclass(slots=True)
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return clean_spaces(join_lines([clean_spaces(line.text) for line in self.lines]))

    @property
    def raw(self) -> str:
        return join_lines([line.text.strip() for line in self.lines])


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in CLOSING:
        if len(text) >= 2 and text[-2] in SENTENCE_END:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


def column_widths(lines: list[Line]) -> list[float]:
    """The column width around each line: the lesser of the two one-sided estimates.

    Each side takes the widest line of a short window, leaving out
    letter-spaced lines (their stretch makes them look wider than the
    column), so that short last lines never lower the estimate and a column
    change shows on one side only.  A side needs two lines to count, and
    three where the text ends inside it: the last lines of any text close a
    paragraph and are short, so two of them say nothing of the column.
    """
    n = len(lines)
    widths = [0.0 if " " in line.text.strip() and is_letter_spaced(line.text.strip()) else line.width
              for line in lines]
    pad = [0.0] * _WINDOW
    padded = pad + widths + pad
    # widest line of the window ending at each line, and of the one starting there
    left = list(map(max, *(padded[k: k + n] for k in range(_WINDOW + 1))))
    right = list(map(max, *(padded[k: k + n] for k in range(_WINDOW, 2 * _WINDOW + 1))))
    valid = list(accumulate((w > 0 for w in widths), initial=0))
    out: list[float] = []
    for i in range(n):
        lo, hi = max(0, i - _WINDOW), min(n, i + _WINDOW + 1)
        left_ok = valid[i + 1] - valid[lo] >= 2
        right_ok = valid[hi] - valid[i] >= (2 if hi - i > _WINDOW else 3)
        if left_ok and right_ok:
            out.append(min(left[i], right[i]))
        elif left_ok or right_ok:
            out.append(left[i] if left_ok else right[i])
        else:
            out.append(max(left[i], right[i], lines[i].width))
    return out


@dataclass(slots=True)
class _Traits:
    """What reflow asks of each line, computed once per line."""

    terminal: bool
    starts: bool
    ends: bool
    spaced: bool
    subheading: bool
    brackets: int  # opened minus closed


_SUBHEAD_START = tuple("【“一二三四五六七八九十（(0123456789■◆●◇○★☆")
_CREDIT_END = ("摄", "图", "供", "提供", "片", "照")


def _traits(line: Line) -> _Traits:
    """Each marker test runs only when the characters it needs are there:
    most body lines hold none, and this runs on every line of a page."""
    text = line.text.strip()
    head = text[:40]
    bylined = text.startswith(("□", "■"))
    starts = line.indent or bylined or text.startswith(("——", "－－", "--", "▲", "△")) or (
        ("讯" in head or "电" in head) and markers.find_dateline(clean_spaces(text)) is not None)
    closing = text.endswith(("）", ")"))
    ends = bylined or (closing and (
        markers.find_trailing_byline(clean_spaces(text)) is not None
        or markers.find_end_dateline(clean_spaces(text)) is not None)) or (
        text.endswith(_CREDIT_END, 0, len(text)) or "摄" in text[-4:] or closing) and (
        markers.find_credit(text) is not None)
    subheading = len(text) <= 40 and text.startswith(_SUBHEAD_START) and markers.is_subheading(clean_spaces(text))
    brackets = text.count("（") + text.count("(") - text.count("）") - text.count(")") if "（" in text or "(" in text \
        or closing else 0
    return _Traits(terminal=ends_sentence(text), starts=starts, ends=bool(ends),
                   spaced=" " in text and is_letter_spaced(text), subheading=subheading, brackets=brackets)


def reflow(lines: list[Line], cols: list[float] | None = None) -> list[Block]:
    """Group lines into blocks; every line lands in exactly one block, in order.

    ``cols`` is :func:`column_widths` of the lines, when the caller has it already.
    """
    if not lines:
        return []
    if cols is None:
        cols = column_widths(lines)
    traits = [_traits(line) for line in lines]
    blocks: list[Block] = [Block([lines[0]])]
    for i in range(1, len(lines)):
        if _break_before(lines, traits, cols, i, blocks[-1]):
            blocks.append(Block([lines[i]]))
        else:
            blocks[-1].lines.append(lines[i])
    return blocks


def _break_before(lines: list[Line], traits: list[_Traits], cols: list[float], i: int, current: Block) -> bool:
    prev, line = lines[i - 1], lines[i]
    was, now = traits[i - 1], traits[i]
    col = cols[i - 1]
    terminal = was.terminal
    short = prev.width <= col - _FULL
    if now.starts or was.ends:
        return True
    if was.brackets + (traits[i - 2].brackets if len(current.lines) >= 2 else 0) > 0:
        # a bracket opened in the block's last two lines is still open: a byline
        # or an aside wraps onto the next line, whatever the geometry says
        return False
    if line.gap:
        return terminal or short
    if was.spaced:
        return False
    if terminal and prev.width > _UNWRAPPED:
        return True
    if terminal and short and len(current.lines) == 1 and col - 4 <= prev.width and line.width > col - _FULL:
        # an indented first line that happens to end a sentence: a new paragraph
        # would start indented too, and the next line is full
        return False
    if terminal and prev.text.rstrip().endswith(_QUOTE_END) and _ATTRIBUTION.search(line.text.strip()):
        # “……。” then 某某说。: a quotation and who said it are one paragraph
        return False
    if terminal and short:
        return True
    if not terminal and prev.width <= min(col - 4, col * 0.8) and not _is_lead_start(current):
        return True
    if len(current.lines) == 1 and was.subheading and short:
        return True
    if now.subheading and terminal and line.width <= cols[i] - 3:
        return True
    if terminal and prev.width <= col - 1 and line.text.lstrip()[:1] in OPENING_QUOTES:
        return True
    return terminal and _indented_first_line(lines, traits, cols, i)


def _is_lead_start(block: Block) -> bool:
    """A dateline's line is short in the dump (bold marker, lost indent) without ending anything."""
    return len(block.lines) == 1 and markers.find_dateline(clean_spaces(block.lines[0].text)) is not None


def _indented_first_line(lines: list[Line], traits: list[_Traits], cols: list[float], i: int) -> bool:
    """After a full line ending a sentence, a line about two cells short opens a paragraph.

    The following line must be full again, and the line itself must not end
    a sentence, so a paragraph's short last line is not mistaken for an
    indented first line.
    """
    col = cols[i]
    width = lines[i].width
    if not col - 4 <= width <= col - 1.5 or i + 1 >= len(lines) or traits[i].terminal:
        return False
    following = lines[i + 1].width
    return following >= col - 2 and following >= width + 1
