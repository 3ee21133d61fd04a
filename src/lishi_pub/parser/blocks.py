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
from .conventions import Profile
from .conventions.tuning import Tuning
from .text import OPENING_QUOTES, clean_spaces, close_justified, is_letter_spaced, join_lines

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


def column_widths(lines: list[Line], tuning: Tuning) -> list[float]:
    """The column width around each line: the lesser of the two one-sided estimates.

    Each side takes the widest line of a short window, leaving out
    letter-spaced lines (their stretch makes them look wider than the
    column), so that short last lines never lower the estimate and a column
    change shows on one side only.  A side needs two lines to count, and
    three where the text ends inside it: the last lines of any text close a
    paragraph and are short, so two of them say nothing of the column.
    Those three are counted without bylines, captions, jump markers and
    headline lines standing in the flow (one may span columns), which are no running text, and without the line itself when it ends a
    sentence: a paragraph's short last line, an indented first line and a
    short last line can end a story, and none of them is the column.
    """
    n = len(lines)
    window = tuning.window
    widths = [0.0 if line.role in _NOT_RUNNING or line.heads
              or " " in line.text.strip() and is_letter_spaced(line.text.strip()) else line.width
              for line in lines]
    pad = [0.0] * window
    padded = pad + widths + pad
    # widest line of the window ending at each line, and of the one starting there
    left = list(map(max, *(padded[k: k + n] for k in range(window + 1))))
    right = list(map(max, *(padded[k: k + n] for k in range(window, 2 * window + 1))))
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
            out.append(min(left[i], right[i]))
        elif left_ok or right_ok:
            out.append(left[i] if left_ok else right[i])
        else:
            out.append(max(left[i], right[i], lines[i].width))
    return out


def reflow(lines: list[Line], cols: list[float], profile: Profile) -> list[Block]:
    """Group lines into blocks; every line lands in exactly one block, in order.

    ``cols`` is :func:`column_widths` of the lines.
    """
    if not lines:
        return []
    blocks: list[Block] = [Block([lines[0]])]
    for i in range(1, len(lines)):
        if _break_before(lines, cols, i, blocks[-1], profile):
            blocks.append(Block([lines[i]]))
        else:
            blocks[-1].lines.append(lines[i])
    return blocks


def _break_before(lines: list[Line], cols: list[float], i: int, current: Block, profile: Profile) -> bool:
    prev, line = lines[i - 1], lines[i]
    was, now = prev, line
    tuning = profile.tuning
    mk = profile.markers
    col = cols[i - 1]
    terminal = was.terminal
    short = prev.width <= col - tuning.full
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
    if line.gap:
        return terminal or short
    if was.spaced:
        return False
    if terminal and prev.width > tuning.unwrapped:
        return True
    if terminal and short and len(current.lines) == 1 and col - tuning.indent_max <= prev.width \
            and line.width >= col - tuning.full:
        # an indented first line that happens to end a sentence: a new paragraph
        # would start indented too, and the next line is full
        return False
    if terminal and mk.is_attribution(prev.text, line.text):
        # “……。” then 某某说。: a quotation and who said it are one paragraph
        return False
    if terminal and short:
        return True
    if not terminal and prev.width <= min(col - tuning.indent_max, col * tuning.short_share) \
            and not _is_lead_start(current, profile):
        return True
    if len(current.lines) == 1 and was.subheading and short:
        return True
    if now.subheading and terminal and line.width <= cols[i] - tuning.subheading_short:
        return True
    if terminal and prev.width <= col - tuning.quote_full and line.text.lstrip()[:1] in OPENING_QUOTES:
        return True
    return terminal and _indented_first_line(lines, cols, i, tuning)


def _is_lead_start(block: Block, profile: Profile) -> bool:
    """A dateline's line is short in the dump (bold marker, lost indent) without ending anything;
    so is the first line of one the column wrapped (``中新网呼和`` / ``浩特9月25日电…``)."""
    return len(block.lines) == 1 and (block.lines[0].role is Role.DATELINE or profile.markers.opens_with_dateline(
        close_justified(clean_spaces(block.lines[0].text))))


def _indented_first_line(lines: list[Line], cols: list[float], i: int, tuning: Tuning) -> bool:
    """After a full line ending a sentence, a line about two cells short opens a paragraph.

    The following line must be full again, and the line itself must not end
    a sentence, so a paragraph's short last line is not mistaken for an
    indented first line.
    """
    col = cols[i]
    width = lines[i].width
    if not col - tuning.indent_max <= width <= col - tuning.full or i + 1 >= len(lines) or lines[i].terminal:
        return False
    following = lines[i + 1]
    # the next line is full again, or it ends a two-line paragraph
    return (following.width >= col - 2 and following.width >= width + 1) or following.terminal
