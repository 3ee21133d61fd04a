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

from .classify import Line, ends_sentence
from .layout import Role, Roles
from .conventions import Conventions, Profile
from .conventions.tuning import Tuning
from .measure import (cells, half_runs, measures_of, opening_unit, page_margin, plain_widths, stretched, tolerance,
                      window_max)
from .text import clean_spaces, close_justified, join_lines

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
    its end), the mark hangs in the margin and the plain line is the measure
    (:func:`~.measure.measures_of`); so too where the sides differ by a
    cell and only the narrower is reached by a plain line.  A side needs two lines to count, and
    three where the text ends inside it: the last lines of any text close a
    paragraph and are short, so two of them say nothing of the column.
    Those three are counted without bylines, captions, jump markers and
    headline lines standing in the flow (one may span columns), which are
    no running text, and without the line itself when it ends a sentence:
    a paragraph's short last line, an indented first line and a short last
    line can end a story, and none of them is the column.
    """
    n = len(lines)
    window = tuning.window
    conv = conv or Conventions()
    widths = [0.0 if line.role in _NOT_RUNNING or line.heads or line.spaced else cells(line.text) for line in lines]
    plain = plain_widths([line.text.strip() for line in lines], widths, conv)
    # lines of CJK alone: a digit or Latin run prints wider than counted, so no hanging mark is read off it
    pure = [0.0 if half_runs(line.text) else w for line, w in zip(lines, widths)]
    # the widest line, widest plain line and widest line of CJK alone of the window ending at each line
    # and of the one starting there, for all lines at once (widths are never negative: the zero padding
    # stands for no line); a measure a plain line (CJK ending in no mark) reaches is sure
    pad = [0.0] * window
    padded, padded_plain, padded_pure = pad + widths + pad, pad + plain + pad, pad + pure + pad
    # (the window ending at line i is the one starting at line i - window: one list read at two offsets)
    widest_plain = window_max(padded_plain, window + 1)
    measures = measures_of(window_max(padded, window + 1), widest_plain, window_max(padded_pure, window + 1))
    left_plain, right_plain = widest_plain[:n], widest_plain[window: window + n]
    left, right = measures[:n], measures[window: window + n]
    valid = list(accumulate((w > 0 for w in widths), initial=0))
    same = tuning.same_column
    out: list[float] = []
    for i, (lw, rw) in enumerate(zip(left, right)):
        lo = i - window if i > window else 0
        left_ok = valid[i + 1] - valid[lo] >= 2
        if i + window < n:
            right_ok = valid[i + window + 1] - valid[i] >= 2
        else:  # a line ending a sentence may be a paragraph's short end: it is no witness of its own column
            right_ok = valid[n] - valid[i + 1] + (widths[i] > 0 and not lines[i].terminal) >= 3
        if left_ok and right_ok:
            # sides a cell apart see one column, each window's widest line pushed short by kinsoku
            # or a digit run's gaps; further apart, the column changes here and the narrower is the line's
            # (the narrower, where only it is reached by a plain line: the wider is a hanging mark)
            if lw == rw:
                out.append(lw)
                continue
            if lw < rw:
                lo_w, hi_w, hanging = lw, rw, left_plain[i] == lw and right_plain[i] != rw
            else:
                lo_w, hi_w, hanging = rw, lw, right_plain[i] == rw and left_plain[i] != lw
            out.append(hi_w if hi_w - lo_w <= same and not hanging else lo_w)
        elif left_ok or right_ok:
            out.append(lw if left_ok else rw)
        else:
            out.append(max(lw, rw, cells(lines[i].text)))
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
    if now.opens or was.closes or (was.role is Roles.AFFILIATION and _closes_affiliation(was)) \
            or (now.heads and _heads_story(lines, i, profile)):
        return True
    if now.role is Roles.CAPTION and was.role in _DISPLAY_ABOVE and _whole_caption(now.text, profile):
        # a photo printed under its story's headline or subtitle: a caption whole on its line
        # (``——获奖项目9个，其中一等奖2项`` / ``温子涵向评委介绍……监测装置。 许博泉 摄``)
        # is no part of the display line above it
        return True
    if line.starts is not None:  # the reader saw an indent or a gap, or saw none
        return line.starts
    if was.run_in:  # what is left of a line after its run-in title goes on
        return False
    if was.brackets + (lines[i - 2].brackets if len(current.lines) >= 2 else 0) > 0:
        # a bracket opened in the block's last two lines is still open: a byline
        # or an aside wraps onto the next line, whatever the geometry says
        return False
    if now.heads:
        # a headline printed above its story is no line of the text before it, even where that
        # text ends in no sentence (a paragraph the layout continued in another column)
        return True
    if terminal and _item_opening(now.text, profile):
        # a numbered item (一、 1. （一）) or a Q&A turn (问： 答：) after a sentence's end
        # opens a paragraph, set flush or not
        return True
    wide = cells(was.text)
    slack = col - wide
    tol = tolerance(was.text, margin, tuning)
    # the line stopped short of the measure on purpose: its successor's first unit
    # would have fit (a paragraph's first line has its indent less room)
    room = slack - (tuning.indent if len(current.lines) == 1
                    and _after_paragraph(lines, i - 1) else 0.0)
    # (a digit or Latin run prints wider than its half cells, so it leaves less room than counted)
    ended = slack > tol and opening_unit(now.text, profile.conventions) <= room + 2 * margin - tol
    if stretched(was.text) and (was.spaced or wide >= col - tuning.indent_max):
        # a justified line spread to the measure is never a paragraph's last line (spaces the
        # extractor put around digit runs, ``7 月 9 日 18:00。``, are no stretch)
        return False
    if line.gap:
        # a box boundary: a paragraph ends there only where the line before ends one, and
        # a line as wide as the measure is no paragraph's (indented) first line, unless a
        # caption's (set flush, its credit a line or two below)
        # (a line of running text ending no sentence ends a block there only as short as a display line)
        display = room >= max(tuning.indent_max, col * (1 - tuning.short_share)) \
            or was.role not in (Roles.BODY, Roles.PARAGRAPH_START)
        return (terminal and (not _full(now, cols[i], margin, tuning) or _caption_ahead(lines, i)
                              or (now.role is Roles.CAPTION and _whole_caption(now.text, profile)))) \
            or (ended and (terminal or display))
    if terminal and prev.width > tuning.unwrapped:
        return True
    if terminal and now.terminal and i + 1 < len(lines) and lines[i + 1].credit:
        # a caption of one line, its credit alone under it, after a sentence's end
        # (``…守到天亮。`` / ``乡村医生王德胜骑着摩托车出诊。`` / ``本报记者 王鑫建 摄``)
        return True
    if terminal and ended and len(current.lines) == 1 and col - tuning.indent_max <= wide \
            and _full(now, cols[i], margin, tuning):
        # an indented first line that happens to end a sentence: a new paragraph
        # would start indented too, and the next line is full
        return False
    if terminal and (mk.is_attribution(prev.text, line.text)
                     or len(current.lines) == 1 and mk.is_spoken_quotation(prev.text, line.text)):
        # “……。” then 某某说。 (or 他说。说这话时，… going on): a quotation and who said it are one paragraph
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


_DISPLAY_ABOVE = frozenset({Role.SUBTITLE, Role.HEADLINE})


def _whole_caption(text: str, profile: Profile) -> bool:
    """A caption and its credit on one line, the caption a sentence of its own."""
    found = profile.markers.find_caption(text.strip())
    return found is not None and found.credit is not None and ends_sentence(found.caption)
def _heads_story(lines: list[Line], i: int, profile: Profile) -> bool:
    """Line ``i`` is the first of a headline printed above its story (classify's head runs, which
    start where a text ended or a box begins): it is no line of the text before, however wide
    the column of the story under it (``…的魅力。`` / ``安全的弦一`` / ``刻也不能松`` /
    ``□ 本报评论员``), nor of a kicker in a box above it.  The headline goes on below it, or its
    story's opener does; a credit is its caption's."""
    line = lines[i]
    if not line.heads or i + 1 >= len(lines) or line.brackets or lines[i - 1].brackets > 0:
        return False  # (a bracket left open above goes on: ``（记者 范宏飞 特约记者`` / ``萧燕博）``)
    after = lines[i + 1]
    return (after.heads or after.role in _OPENERS) and profile.markers.credit_only(line.text.strip()) is None


_OPENERS = frozenset({Role.DATELINE, Role.SUBTITLE, Role.BYLINE})


def _closes_affiliation(line: Line) -> bool:
    """An affiliation's closing bracket (``（作者系…干部）``) ends its story: the line after it
    is the next story's (a headline printed above it: ``荒山变青山`` / ``的“种树人”``)."""
    return line.role is Roles.AFFILIATION and line.text.rstrip().endswith(("）", ")"))


def _caption_ahead(lines: list[Line], i: int) -> bool:
    """Line ``i`` may open a caption: its credit closes the line after it or the next but one,
    run on after the caption's text or alone on its line after the caption's last sentence."""
    for k in (i + 1, i + 2):
        if k >= len(lines):
            return False
        if lines[k].credit:
            return True
        if k > i + 1 and lines[k - 1].terminal:
            return False
        if lines[k].role is Roles.CAPTION:
            return True
    return False


def _item_opening(text: str, profile: Profile) -> bool:
    """Opens with an item number (``一、`` ``（一）`` ``1.``, not ``1.5倍``), a Q&A label (``问：``) or a
    contact label (``联系电话：``),
    the extractor's spaces (``四 、 发现``) left out."""
    text = text.strip().replace(" ", "")
    if text.startswith(profile.conventions.qa_labels) or profile.markers.contact_line(text):
        return True  # (a notice's contact line, 联系电话：…, stands as a paragraph of its own)
    decimal = len(text) > 2 and text[0].isdigit() and text[1] in ".．" and text[2].isdigit()
    return not decimal and profile.markers.numbered(text)


def _after_paragraph(lines: list[Line], i: int) -> bool:
    """Line ``i`` may be a paragraph's (indented) first line: the text before it ended a paragraph,
    a subheading or the page's first block (a headline-ish line after a headline is display type)."""
    if i == 0:
        return True
    before = lines[i - 1]
    return before.terminal or before.closes or before.role is Roles.SUBHEADING or before.subheading


def _full(line: Line, col: float, margin: float, tuning: Tuning) -> bool:
    """As wide as the measure: no paragraph's first line, which is indented.  An author's space
    (before a trailing byline) is printed white space, so the width with spaces counts too."""
    least = col - tolerance(line.text, margin, tuning)
    return cells(line.text) >= least or line.width >= least


def _is_lead_start(block: Block, profile: Profile) -> bool:
    """A dateline's line is short in the dump (bold marker, lost indent) without ending anything;
    so is the first line of one the column wrapped (``中新网呼和`` / ``浩特9月25日电…``)."""
    return len(block.lines) == 1 and (block.lines[0].role is Roles.DATELINE or profile.markers.opens_with_dateline(
        close_justified(clean_spaces(block.lines[0].text))))


def _indented_first_line(lines: list[Line], cols: list[float], i: int, margin: float, tuning: Tuning) -> bool:
    """After a full line ending a sentence, a line about two cells short opens a paragraph.

    The following line must be full again, or end a two-line paragraph.  A
    line that itself ends a sentence may be a paragraph's short last line
    instead, unless the line after it is as wide as the measure: that one is
    no paragraph's (indented) first line, so this one ended nothing and its
    shortness is its indent.  A digit or Latin run prints wider than counted,
    so it must still leave the line short.
    """
    col = cols[i]
    line = lines[i]
    width = cells(line.text) + tolerance(line.text, margin, tuning) - margin
    if not col - tuning.indent_max <= width <= col - tuning.full or i + 1 >= len(lines):
        return False
    following = lines[i + 1]
    spread = following.spaced or stretched(following.text)
    if line.terminal:
        return not following.opens and (_full(following, col, margin, tuning) or spread)
    # the next line is full again (or spread to the measure), or it ends a two-line paragraph
    printed = cells(following.text) + tuning.run_slack * half_runs(following.text)
    return printed >= max(col - tuning.indent, width + 1) or following.terminal or spread
