"""Classify: one pass over a page layout's lines, giving each a :class:`Role`.

Every marker test a later stage needs of a line runs here once, on the lines
whose characters make it possible at all (most body lines hold none), and is
kept on the line: the blocks stage reads these traits, the segment stage the
roles.  ``lishi-pub inspect --lines`` shows the roles as given here.

Roles come from the line itself and from the page around it: a text dump's
page header is the run of furniture at the top (date, weekday, page name,
staff lines), so a short label standing among furniture lines is furniture
too; a run of short lines that each end where a verse line ends is verse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .conventions import Profile
from .dump.style import PDFMINER
from .layout import PageLayout, Role, Roles, TextLine
from .text import CLOSING, SENTENCE_END, clean_spaces, close_justified, fold_fullwidth, is_letter_spaced, width

__all__ = ["Line", "classify", "display_like", "ends_sentence"]

_INDENT = re.compile(r"^(\u3000{1,4}|[ \t]{2,8})(?=\S)")
_INDENT_START = frozenset(" \t\u3000")
_CREDIT_LAST = frozenset("摄图供片照")
#: First characters of the lines that may be more than running text without being display text.
_SPECIAL_FIRST = frozenset("（(—－-▲△□■●◆◇○★☆◎图上下左右")


@dataclass(slots=True)
class Line:
    """A line as the stages read it: its text and geometry, its role, and the
    marker traits the blocks stage asks about."""

    text: str
    width: float
    gap: bool  # a block boundary (blank line that means something) comes before it
    blanks: int  # blank lines before it: 0 means the same text box as the line above
    indent: bool  # starts with a paragraph indent (U+3000 or several spaces)
    starts: bool | None = None  # the reader knows it opens a paragraph (True) or continues one (False)
    role: Role = Role.BODY
    hint: Role | None = None
    region: int | None = None
    terminal: bool = False  # ends a sentence
    opens: bool = False  # a marker opens a block here (dateline, □ byline, —— subtitle, ▲ caption)
    closes: bool = False  # a marker closes a block here (trailing byline, end dateline, credit)
    spaced: bool = False  # letter-spaced (justified short line or display type)
    subheading: bool = False  # built like a subheading
    display: bool = False  # headline-ish text: short, no sentence inside
    run_in: bool = False  # the rest of a line whose start was a run-in title: short only for that
    heads: bool = False  # a headline line right above the story it heads
    brackets: int = 0  # opened minus closed


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in CLOSING:
        if len(text) >= 2 and text[-2] in SENTENCE_END:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


_SENTENCE_INSIDE = re.compile("[。；;]")


def display_like(text: str, limit: int = 40) -> bool:
    """Headline-ish: short and no sentence inside it."""
    cleaned = clean_spaces(text) if " " in text or "\u3000" in text or "\t" in text else text
    if not cleaned or len(cleaned) > limit or _SENTENCE_INSIDE.search(cleaned) is not None:
        return False
    if cleaned[-1] in "，、," or cleaned.count("，") > (2 if len(cleaned) <= 24 else 1):
        return False  # a kicker may run 抓党建，促发展，惠民生; a sentence runs on
    return True


def _line_role(line: Line, text: str, profile: Profile) -> Role:
    """The role a line has on its own evidence (the page context is applied after).

    Each test runs only where the characters it needs are: most lines of a
    page are body text that none of them can match.
    """
    mk = profile.markers
    conv = profile.conventions
    tuning = profile.tuning
    first = text[:1]
    if mk.is_furniture(text):
        return Roles.FURNITURE
    if not (line.display or line.opens or line.closes or line.subheading or first in _SPECIAL_FIRST
            or first in mk.role_first):
        return Roles.PARAGRAPH_START if line.indent or line.starts else Roles.BODY  # running text
    if first in conv.byline_boxes or first in mk.role_first:
        if mk.parse_byline_line(text) is not None:
            return Roles.BYLINE
    if first in "（(":
        if line.closes and text.endswith(("版）", "版)")):
            jumps = mk.find_jumps(text)
            if len(jumps) == 1 and _only_jump(text, jumps[0]):
                return Roles.JUMP
        if mk.is_affiliation(clean_spaces(text)):
            return Roles.AFFILIATION
        if mk.parse_bracketed_byline(text) is not None:
            return Roles.BYLINE
    if mk.starts_with_dash(text) and display_like(mk.strip_dashes(text), tuning.display_max):
        return Roles.SUBTITLE
    if (line.closes or first in conv.caption_marks or text.startswith(conv.caption_openers)) \
            and len(text) <= 2 * tuning.caption_max and mk.find_caption(text) is not None \
            and len(clean_spaces(text)) <= tuning.caption_max:
        return Roles.CAPTION
    if line.opens and mk.might_open_dateline(text) \
            and mk.find_dateline(close_justified(clean_spaces(text))) is not None:
        return Roles.DATELINE
    if first in conv.item_marks and mk.item_title(text) is not None:
        return Roles.ITEM_TITLE
    if line.subheading:
        return Roles.SUBHEADING
    if line.display:
        return Roles.HEADLINE  # provisional: :func:`_display_in_context` keeps it only where it stands apart
    if line.indent or line.starts:
        return Roles.PARAGRAPH_START
    return Roles.BODY


def _only_jump(text: str, span: tuple[int, int]) -> bool:
    return not text[: span[0]].strip() and not text[span[1]:].strip()


def _traits(line: Line, text: str, profile: Profile) -> None:
    """Each marker test runs only when the characters it needs are there: most
    lines of a page are running text that none of them can match."""
    mk = profile.markers
    conv = profile.conventions
    tuning = profile.tuning
    first = text[:1]
    last = text[-1:]
    boxed = first in conv.byline_boxes
    has_space = " " in text
    opens = line.indent or boxed or first in conv.caption_marks or text.startswith(conv.dashes)
    if not opens and mk.might_open_dateline(text):
        opens = mk.opens_with_dateline(close_justified(clean_spaces(text)) if has_space else text)
    if not opens and first in "（(":
        opens = mk.opens_affiliation(text)
    line.opens = opens
    closing = last in "）)"
    closes = boxed
    if closing:
        cleaned = clean_spaces(text) if has_space else text
        closes = closes or mk.find_trailing_byline(cleaned) is not None \
            or mk.find_end_dateline(cleaned) is not None \
            or (text.endswith(("版）", "版)")) and bool(mk.find_jumps(text[-tuning.tail:]))) \
            or (first in "（(" and mk.parse_bracketed_byline(text) is not None)
    # A credit set off by a space or brackets (``执勤。 王晶晶 摄``, ``（王艳 摄）``) closes its
    # caption; one run solid into the text (``…。一一一摄``) may be a wrapped sentence going on,
    # so there the line's length decides, as for any paragraph end.
    if not closes and (has_space or closing) and (closing or last in _CREDIT_LAST or "摄" in text[-4:]) \
            and mk.might_end_with_credit(text):
        closes = mk.find_credit(text) is not None
    line.closes = closes
    short = len(text) <= tuning.display_max
    line.subheading = short and first in mk.subhead_first and text.startswith(mk.subhead_start) \
        and mk.is_subheading(clean_spaces(text) if has_space else text)
    if closing or "（" in text or "(" in text:
        line.brackets = text.count("（") + text.count("(") - text.count("）") - text.count(")")
    line.terminal = last in SENTENCE_END or (last in CLOSING and ends_sentence(text))
    if has_space:
        line.spaced = is_letter_spaced(text)
    line.display = short and not text.startswith(conv.qa_labels) and display_like(text, tuning.display_max)


def classify(layout: PageLayout, profile: Profile) -> list[Line]:
    """The page's text lines, each with its traits and role."""
    need = 2 if layout.style == PDFMINER else 1
    out: list[Line] = []
    blanks = 0
    for entry in layout.lines:
        if entry.hint is Roles.BLANK or not entry.text.strip():
            blanks += 1
            continue
        text = fold_fullwidth(entry.text.rstrip())
        if "摄" in text or "图" in text:  # a caption's credit with a dateline printed straight after it
            if " " in text and is_letter_spaced(text.strip()):
                text = clean_spaces(text)  # a justified line: its spaces are the extractor's
            first, sep, rest = profile.markers.separate_run_ins(text).partition("\n")
            if sep:
                out.append(_line(first, entry, out, blanks, need, profile))
                blanks = 0
                text = rest
        title = profile.markers.item_title(text) if text.lstrip()[:1] in profile.conventions.item_marks else None
        if title is not None and len(clean_spaces(text)) > len(title) + 1 \
                and profile.markers.parse_byline_line(text) is None:
            # a run-in item title (● 大风降温来袭 受冷空气影响…): the title is a line of its own
            _, _, rest = text.partition(title)
            out.append(_line(title, entry, out, blanks, need, profile))  # the item mark is layout, not text
            out[-1].role = Roles.ITEM_TITLE
            blanks = 0
            text = rest.strip()
            rest_line = _line(text, entry, out, blanks, need, profile)
            rest_line.opens = rest_line.run_in = True
            rest_line.role = Roles.PARAGRAPH_START
            out.append(rest_line)
            continue
        out.append(_line(text, entry, out, blanks, need, profile))
        blanks = 0
    _wrapped_datelines(out, profile)
    _heads_of_stories(out)
    _verse(out, profile)
    _display_in_context(out, profile)
    _page_header(out, profile)
    _signatures(out, profile)
    return out


_STORY_OPENERS = frozenset({Role.DATELINE, Role.SUBTITLE})
_HEADLINE_LIKE = frozenset({Role.HEADLINE, Role.BODY, Role.PARAGRAPH_START})


def _heads_of_stories(lines: list[Line]) -> None:
    """Headline-ish text right above a dateline, a subtitle or a □ byline is the
    headline of the story below it (headlines printed above their stories),
    however wide the column beside it."""
    for line, after in zip(lines, lines[1:]):
        if line.display and not line.terminal and line.role in _HEADLINE_LIKE \
                and (after.role in _STORY_OPENERS or (after.role is Roles.BYLINE and after.text.lstrip()[:1] != "（")):
            line.role = Roles.HEADLINE
            line.closes = line.heads = True


def _wrapped_datelines(lines: list[Line], profile: Profile) -> None:
    """A dateline the column wrapped opens its lead on the line where it starts."""
    mk = profile.markers
    for line, after in zip(lines, lines[1:]):
        if line.opens or line.role is Roles.FURNITURE or not mk.might_open_dateline(after.text[:24]):
            continue
        if mk.dateline_spans(_compact(line.text), _compact(after.text)):
            line.opens = True
            line.role = Roles.DATELINE
            after.role = Roles.BODY if after.role is Roles.DATELINE else after.role


def _compact(text: str) -> str:
    text = text.strip()
    return close_justified(clean_spaces(text)) if " " in text else text


def _signatures(lines: list[Line], profile: Profile) -> None:
    """A notice's closing signature (落款): the issuer on a short line and the date
    on the next, after the notice's last sentence.  A bare date there is the
    notice's, not the page's (the page's date stands in the header with its weekday)."""
    mk = profile.markers
    for i in range(2, len(lines)):
        line = lines[i]
        if line.role is not Roles.FURNITURE or not mk.is_bare_date(line.text.strip()):
            continue
        issuer, before = lines[i - 1], lines[i - 2]
        if issuer.display and issuer.role not in _NOT_TEXT and before.terminal and before.role not in _NOT_TEXT:
            issuer.role = line.role = Roles.SIGNATURE
            issuer.opens = issuer.closes = line.opens = line.closes = True


_VERSE_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.PARAGRAPH_START})
_NOT_TEXT = frozenset({Role.FURNITURE, Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION})


def _verse(lines: list[Line], profile: Profile) -> None:
    """Verse: a run of short lines in one text box, ragged on the right, with no
    sentence ending inside them.  Running text fills its column line after
    line (its width changes only where the column does or a paragraph ends); a
    poem's lines end where the poet ended them, so at least half of them fall
    well short of the run's longest and most differ from the line before, and
    the longest is still short of the running text around the run (a headline
    block is no verse: its lines stand in boxes of their own)."""
    tuning = profile.tuning
    need = tuning.verse_run
    limit = tuning.display_max
    candidate = [_verse_candidate(x, limit) for x in lines]
    text_like = [not c and x.role not in _NOT_TEXT for c, x in zip(candidate, lines)]
    start = 0
    n = len(lines)
    while start < n:
        end = start
        while end < n and candidate[end] and (end == start or not lines[end].gap):
            end += 1
        if end - start >= need:
            run = lines[start:end]
            longest = max([x.width for x in run])
            around = _around(lines, text_like, start, end, tuning.window)
            ragged = sum(1 for x in run if x.width <= longest * tuning.verse_share)
            changes = sum(1 for a, b in zip(run, run[1:]) if abs(a.width - b.width) >= 2)
            if (not around or longest < max(around) - tuning.full) and 2 * ragged >= len(run) \
                    and changes >= tuning.verse_changes * (len(run) - 1):
                for x in run:
                    x.role = Roles.VERSE
                    x.opens = True
        start = max(end, start + 1)


def _around(lines: list[Line], text_like: list[bool], start: int, end: int, window: int) -> list[float]:
    """Widths of the running text nearest a run, on both sides (other short lines, a poem's other stanzas, skipped)."""
    found: list[float] = []
    for step, k in ((-1, start - 1), (1, end)):
        taken = 0
        while 0 <= k < len(lines) and taken < window:
            if text_like[k]:
                found.append(lines[k].width)
                taken += 1
            k += step
    return found


def _verse_candidate(line: Line, limit: int) -> bool:
    text = line.text.strip()
    return line.role in _VERSE_ROLES and len(text) <= limit and not line.spaced \
        and _SENTENCE_INSIDE.search(text, 0, len(text) - 1) is None and "！" not in text[:-1] and "？" not in text[:-1]


def _display_in_context(lines: list[Line], profile: Profile) -> None:
    """Headline-ish text is a headline line only where it stands apart from the
    column around it: shorter than the lines on both sides by more than a
    paragraph's lost indent (a wrapped body line is as wide as its column, a
    first line two cells less), or alone in its box."""
    window = profile.tuning.window
    indent = profile.tuning.indent_max
    n = len(lines)
    # most lines of a narrow column are headline-ish until seen in context, so the
    # widest line of the window before and after each line is taken for all at once
    # (widths are positive: the zero padding stands for no line)
    pad = [0.0] * window
    padded = pad + [x.width for x in lines] + pad
    widest_before = list(map(max, *(padded[k: k + n] for k in range(window)))) if window > 1 else padded[:n]
    widest_after = list(map(max, *(padded[k: k + n] for k in range(window + 1, 2 * window + 1)))) \
        if window > 1 else padded[window + 1: window + 1 + n]
    for i, line in enumerate(lines):
        if line.role is not Roles.HEADLINE or line.heads:
            continue
        if line.gap and (i + 1 == n or lines[i + 1].gap):
            continue
        before = widest_before[i]
        after = widest_after[i]
        col = min(before, after) if before and after else before or after
        if line.width > col - indent:
            line.role = Roles.PARAGRAPH_START if line.indent or line.starts else Roles.BODY


def _line(text: str, entry: TextLine, out: list[Line], blanks: int, need: int, profile: Profile) -> Line:
    # positional: a page builds hundreds of these, and keywords cost a dataclass call twice the time
    line = Line(text, width(text), bool(out) and blanks >= need, blanks,
                text[:1] in _INDENT_START and _INDENT.match(text) is not None, entry.starts_paragraph)
    if entry.hint is not None:
        line.hint = entry.hint
    if entry.region is not None:
        line.region = entry.region
    stripped = text.strip()
    _traits(line, stripped, profile)
    line.role = entry.hint if entry.hint is not None and entry.hint is not Roles.BODY \
        else _line_role(line, stripped, profile)
    return line


def _page_header(lines: list[Line], profile: Profile) -> None:
    """A page name standing among the furniture at the top of the page
    (``社会`` between ``A5`` and ``责任编辑：…``, a letter-spaced ``综 合 新 闻``)
    is furniture too.  The header is the run of furniture lines at the top
    and the short labels between them; a label after the last furniture line
    counts when it is letter-spaced display type or a bare name of up to
    ``label_max / 2`` characters (a kicker runs longer)."""
    limit = profile.tuning.label_max
    furniture_seen = False
    pending: list[Line] = []
    for line in lines:
        if line.role is Roles.FURNITURE:
            furniture_seen = True
            for p in pending:
                p.role = Roles.FURNITURE
            pending = []
            continue
        compact = clean_spaces(line.text)
        if line.role is Roles.HEADLINE and len(compact) <= limit and len(pending) < 2:
            pending.append(line)
            continue
        break
    if furniture_seen:
        for p in pending:
            if p.spaced or len(clean_spaces(p.text)) <= limit // 2:
                p.role = Roles.FURNITURE
