"""Blocks: reflow hard-wrapped lines into blocks (paragraphs and one-line display text).

Indentation is usually lost, so paragraph ends are read from the geometry
that survives: a paragraph's last line is short and ends a sentence, its first
line is about two cells shorter than the column, and display lines (subheads,
headlines) are short without ending a sentence.  "Short" is relative to the
column width *around the line*, estimated on each side separately, because the
width changes between articles and inside one when text flows to a new column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import accumulate

from .classify import Line
from .layout import Role
from .conventions import Conventions, Profile
from .conventions.tuning import Tuning
from .measure import cells, opening_unit, page_margin, plain_widths, side_measure, stretched, tolerance
from .text import clean_spaces, close_justified, is_letter_spaced, join_lines

__all__ = ["Block", "column_widths", "reflow"]

#: Lines that are no running text and so say nothing of the column's width.
_NOT_RUNNING = frozenset({Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION})


@dataclass(slots=True)
class Block:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The block's text; running text over several lines loses the spaces of justification."""
        joined = clean_spaces(join_lines([clean_spaces(line.text) for line in self.lines]))
        return close_justified(joined) if len(self.lines) > 1 else joined

    @property
    def raw(self) -> str:
        return join_lines([line.text.strip() for line in self.lines])


def column_widths(lines: list[Line], tuning: Tuning, conv: Conventions | None = None) -> list[float]:
    """The column's measure around each line: the lesser of the two one-sided estimates.

    Each side takes the widest line of a short window, in cells without the
    extractor's spaces, leaving out letter-spaced lines (short lines spread
    to the column), so that short last lines never lower the estimate and a
    column change shows on one side only.  Where the widest line ends in a
    mark and is a cell wider than the widest plain line of CJK (no mark at
    its end, not pushed short: the line after it opens with one character),
    the mark hangs in the margin and the plain line is the measure
    (:func:`~.measure.side_measure`).  A side needs two lines to count, and
    three where the text ends inside it: the last lines of any text close a
    paragraph and are short, so two of them say nothing of the column.
    Those three are counted without bylines, captions and jump markers,
    which are no running text, and without the line itself when it ends a
    sentence: a paragraph's short last line, an indented first line and a
    short last line can end a story, and none of them is the column.
    """
    n = len(lines)
    window = tuning.window
    conv = conv or Conventions()
    widths = [0.0 if line.role in _NOT_RUNNING
              or " " in line.text.strip() and is_letter_spaced(line.text.strip()) else cells(line.text)
              for line in lines]
    plain = plain_widths([line.text.strip() for line in lines], widths, conv)
    left = [side_measure(widths[max(0, i - window): i + 1], plain[max(0, i - window): i + 1]) for i in range(n)]
    right = [side_measure(widths[i: i + window + 1], plain[i: i + window + 1]) for i in range(n)]
    valid = list(accumulate((w > 0 for w in widths), initial=0))
    out: list[float] = []
    for i in range(n):
        lo, hi = max(0, i - window), min(n, i + window + 1)
        left_ok = valid[i + 1] - valid[lo] >= 2
        if hi - i > window:
            right_ok = valid[hi] - valid[i] >= 2
        else:  # a line ending a sentence may be a paragraph's short end: it is no witness of its own column
            right_ok = valid[hi] - valid[i + 1] + (widths[i] > 0 and not lines[i].terminal) >= 3
        if left_ok and right_ok:
            # sides a cell apart see one column, each window's widest line pushed short by kinsoku
            # or a digit run's gaps; further apart, the column changes here and the narrower is the line's
            lo_w, hi_w = sorted((left[i], right[i]))
            out.append(hi_w if hi_w - lo_w <= tuning.same_column else lo_w)
        elif left_ok or right_ok:
            out.append(left[i] if left_ok else right[i])
        else:
            out.append(max(left[i], right[i], cells(lines[i].text)))
    return out


def reflow(lines: list[Line], cols: list[float], profile: Profile) -> list[Block]:
    """Group lines into blocks; every line lands in exactly one block, in order.

    ``cols`` is :func:`column_widths` of the lines.
    """
    if not lines:
        return []
    blocks: list[Block] = [Block([lines[0]])]
    margin = page_margin(lines, cols, profile.tuning)
    for i in range(1, len(lines)):
        if _break_before(lines, cols, i, blocks[-1], profile, margin):
            blocks.append(Block([lines[i]]))
        else:
            blocks[-1].lines.append(lines[i])
    return blocks


def _break_before(lines: list[Line], cols: list[float], i: int, current: Block, profile: Profile,
                  margin: float) -> bool:
    prev, line = lines[i - 1], lines[i]
    was, now = prev, line
    tuning = profile.tuning
    mk = profile.markers
    col = cols[i - 1]
    terminal = was.terminal
    if now.opens or was.closes:
        return True
    if line.starts is not None:  # the reader saw an indent or a gap, or saw none
        return line.starts
    if was.run_in:  # what is left of a line after its run-in title goes on
        return False
    if was.brackets + (lines[i - 2].brackets if len(current.lines) >= 2 else 0) > 0:
        # a bracket opened in the block's last two lines is still open: a byline
        # or an aside wraps onto the next line, whatever the geometry says
        return False
    if terminal and mk.numbered(now.text) and not _decimal(now.text):
        return True  # a numbered item (一、 1. （一）) after a sentence's end opens a paragraph, full line or not
    wide = cells(was.text)
    slack = col - wide
    tol = tolerance(was.text, margin, tuning)
    # the line stopped short of the measure on purpose: its successor's first unit
    # would have fit (a paragraph's first line has its indent less room)
    room = slack - (tuning.indent if len(current.lines) == 1 and _after_paragraph(lines, i - 1) else 0.0)
    ended = slack > tol and opening_unit(now.text, profile.conventions) <= room + tol
    if line.gap:
        # a box boundary: a paragraph ends there only where the line before ends one, and
        # a line as wide as the measure is no paragraph's (indented) first line
        return (terminal and not _full(now, cols[i], margin, tuning)) or ended
    if (was.spaced or stretched(was.text)) and not (terminal and ended):
        return False  # a justified line spread to the measure; a short one ending a sentence ends
    if terminal and prev.width > tuning.unwrapped:
        return True
    if terminal and ended and len(current.lines) == 1 and col - tuning.indent_max <= wide \
            and _full(now, cols[i], margin, tuning):
        # an indented first line that happens to end a sentence: a new paragraph
        # would start indented too, and the next line is full
        return False
    if terminal and mk.is_attribution(prev.text, line.text):
        # “……。” then 某某说。: a quotation and who said it are one paragraph
        return False
    if terminal and ended:
        return True
    if not terminal and ended and room >= max(tuning.indent_max, col * (1 - tuning.short_share)) \
            and not _is_lead_start(current, profile):
        return True
    if len(current.lines) == 1 and was.subheading and slack >= tuning.full \
            and not (wide >= col - tuning.indent_max and cells(now.text) >= cols[i] - tuning.full
                     and mk.numbered(prev.text)):
        # a numbered line short of its column by no more than a lost indent, with a full
        # line after it, is the first line of a numbered clause running on
        # (``4.考试采取笔试`` / ``和面试相结合的方式，…``); after a subheading, a paragraph's
        # first line is short by its own lost indent
        return True
    if now.subheading and terminal and cells(now.text) <= cols[i] - tuning.subheading_short:
        return True
    return terminal and _indented_first_line(lines, cols, i, margin, tuning)


def _decimal(text: str) -> bool:
    """``1.5倍``: a number, not an item's."""
    text = text.lstrip()
    return len(text) > 2 and text[0].isdigit() and text[1] in ".．" and text[2].isdigit()


def _after_paragraph(lines: list[Line], i: int) -> bool:
    """Line ``i`` may be a paragraph's (indented) first line: the text before it ended a paragraph,
    a subheading or the page's first block (a headline-ish line after a headline is display type)."""
    if i == 0:
        return True
    before = lines[i - 1]
    return before.terminal or before.closes or before.role is Role.SUBHEADING or before.subheading


def _full(line: Line, col: float, margin: float, tuning: Tuning) -> bool:
    """As wide as the measure: no paragraph's first line, which is indented.  An author's space
    (before a trailing byline) is printed white space, so the width with spaces counts too."""
    least = col - tolerance(line.text, margin, tuning)
    return cells(line.text) >= least or line.width >= least


def _is_lead_start(block: Block, profile: Profile) -> bool:
    """A dateline's line is short in the dump (bold marker, lost indent) without ending anything;
    so is the first line of one the column wrapped (``中新网呼和`` / ``浩特9月25日电…``)."""
    return len(block.lines) == 1 and (block.lines[0].role is Role.DATELINE or profile.markers.opens_with_dateline(
        close_justified(clean_spaces(block.lines[0].text))))


def _indented_first_line(lines: list[Line], cols: list[float], i: int, margin: float, tuning: Tuning) -> bool:
    """After a full line ending a sentence, a line about two cells short opens a paragraph.

    The following line must be full again, and the line itself must not end
    a sentence, so a paragraph's short last line is not mistaken for an
    indented first line.
    """
    col = cols[i]
    width = cells(lines[i].text)
    if not col - tuning.indent_max <= width <= col - tuning.full \
            or i + 1 >= len(lines) or lines[i].terminal:
        return False
    following = lines[i + 1]
    # the next line is full again, or it ends a two-line paragraph
    return (cells(following.text) >= max(col - tuning.indent, width + 1)) or following.terminal
