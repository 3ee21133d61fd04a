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
from collections.abc import Sequence
from dataclasses import dataclass

from .briefs import Column, mark_notice_titles
from .bylines import join_wrapped_bylines, mark_bare_bylines, mark_wrapped_closing_bylines
from .conventions import Profile, Tuning
from .dump.style import PDFMINER
from .layout import PageLayout, Role, Roles, TextLine
from .measure import window_max
from .narrowing import unmark_narrow_text
from .numbered import unwrap_numbered_items
from .runin import wrapped_item_title
from .standing import (mark_credit_lines, mark_head_runs, mark_standing_lines, mark_wrapped_credits,
                       may_hold_plain_item_title, plain_item_title)
from .stanzas import mark_stanza_labels
from .versewrap import rejoin_wrapped_verse
from .quoted import spoken_quotations
from .text import (CLOSING, SENTENCE_END, clean_spaces, close_justified, fold_fullwidth, is_letter_spaced,
                   is_spaced_name, width)

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
    joins: bool = False  # goes on with the headline, kicker or subtitle text of the line above (a wrapped one)
    same_unit: bool = False  # in the headline unit of the line above (a headline run above its story)
    brackets: int = 0  # opened minus closed
    credit: bool = False  # a photo credit alone on its line, closing the caption above it
    stanza: bool = False  # a part label of a poem in parts (``春`` / ``夏``): a subheading inside the poem


def ends_sentence(text: str) -> bool:
    text = text.rstrip()
    while text and text[-1] in CLOSING:
        if len(text) >= 2 and text[-2] in SENTENCE_END:
            return True
        text = text[:-1]
    return bool(text) and text[-1] in SENTENCE_END


#: Marks that end a sentence or a clause inside a line: a line holding one is running text, no headline.
_SENTENCE_INSIDE = "。；;"
_STOP, _SEMICOLON, _ASCII_SEMICOLON = _SENTENCE_INSIDE[0], _SENTENCE_INSIDE[1], _SENTENCE_INSIDE[2]


def _sentence_inside(text: str) -> bool:
    """Whether ``text`` holds one of :data:`_SENTENCE_INSIDE` (three substring tests in C are
    cheaper than a regex search; every line of a page is asked, most of them twice)."""
    return _STOP in text or _SEMICOLON in text or _ASCII_SEMICOLON in text


def display_like(text: str, limit: int = 40) -> bool:
    """Headline-ish: short and no sentence inside it."""
    cleaned = clean_spaces(text) if " " in text or "\u3000" in text or "\t" in text else text
    if not cleaned or len(cleaned) > limit or _STOP in cleaned or _SEMICOLON in cleaned or _ASCII_SEMICOLON in cleaned:
        return False  # a sentence inside (:func:`_sentence_inside`, inline: every line is asked)
    if cleaned[-1] in "，、," or cleaned.count("，") > (2 if len(cleaned) <= 24 else 1):
        return False  # a kicker may run 抓党建，促发展，惠民生; a sentence runs on
    if cleaned[-1] == "." and cleaned[-2:-1].isalpha():
        return False  # a sentence of spaced words ends in a full stop; a headline does not
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
    if mk.starts_with_dash(text) and display_like(mk.strip_dashes(text).rstrip("，、,"), tuning.display_max):
        return Roles.SUBTITLE  # (wrapped: ``——晒丰收、比技能、展风采，`` / ``农民唱主角``)
    if (line.closes or first in conv.caption_marks or text.startswith(conv.caption_openers)) \
            and len(text) <= 2 * tuning.caption_max and mk.find_caption(text) is not None \
            and len(clean_spaces(text)) <= tuning.caption_max:
        return Roles.CAPTION
    if line.opens and mk.might_open_dateline(text) \
            and _dateline_line(close_justified(clean_spaces(text)), profile):
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


def _dateline_line(text: str, profile: Profile) -> bool:
    """A dateline opening its lead on this line, or a dateline filling the line whose lead
    starts on the next (``本报讯(记者 丁志昊)`` / ``近日，区民政局…``: a narrow column)."""
    mk = profile.markers
    if mk.find_dateline(text) is not None:
        return True
    found = mk.find_dateline(text + "\u3000…")  # the lead, on the next line
    return found is not None and found.end >= len(text)


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
    if not opens and text.startswith(conv.editor_notes):  # (the method's own first test, without its call)
        opens = mk.opens_editor_note(text)
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
        # a credit alone on its line (（白晓龙 摄）) closes the caption above it, too
        closes = mk.find_credit(text) is not None or mk.credit_only(text) is not None
    line.closes = closes
    short = len(text) <= tuning.display_max
    line.subheading = short and first in mk.subhead_first and text.startswith(mk.subhead_start) \
        and mk.is_subheading(clean_spaces(text) if has_space else text)
    if closing or "（" in text or "(" in text or "）" in text or ")" in text:
        line.brackets = text.count("（") + text.count("(") - text.count("）") - text.count(")")
    line.terminal = last in SENTENCE_END or (last in CLOSING and ends_sentence(text))
    if has_space:
        line.spaced = is_letter_spaced(text)
    line.display = short and not text.startswith(conv.qa_labels) and (
        display_like(text, tuning.display_max) or last in "，、," and text.startswith(conv.dashes)
        and display_like(text.rstrip("，、,"), tuning.display_max))  # a subtitle going on to its next line


def classify(layout: PageLayout, profile: Profile) -> list[Line]:
    """The page's text lines, each with its traits and role."""
    need = 2 if layout.style == PDFMINER else 1
    out: list[Line] = []
    blanks = 0
    column = Column(profile)
    seen = 0
    carry: tuple[int, str] | None = None  # the rest of a line whose start finished an item's title above it
    wrapped: str | None = None  # the end of a run-in title that opens the next line
    item_marks = profile.conventions.item_marks
    for at, entry in enumerate(layout.lines):
        if entry.hint is Roles.BLANK or not entry.text.strip():
            blanks += 1
            continue
        for x in out[seen:]:
            column.see(x)
        seen = len(out)
        text = fold_fullwidth(entry.text.rstrip())
        if carry is not None:
            rest, at_rest, carry = carry[1], carry[0] == at, None
            if at_rest and rest:
                # the rest of a line whose start ended the item's title above: the item's text opens here
                # (``城关二中获评省级`` / ``文明校园 日前，城关二``: 日前，城关二 is no display line)
                out.append(_run_in_rest(rest, entry, out, blanks, need, profile))
                blanks = 0
                continue
        lead = text.lstrip()[:1]
        # (_item_start's own first tests, without its call: most lines are in no column of items)
        taken, next_rest = _item_start(text, entry, out, blanks, need, profile, column, layout.lines, at) \
            if column.inside or lead in item_marks or lead in column.label_first \
            or (out and out[-1].role is Roles.SECTION_LABEL) else (False, None)
        if taken:
            blanks = 0
            if next_rest is not None:
                carry = (_next_at(layout.lines, at), next_rest)
            continue
        if "摄" in text or "图" in text:  # a caption's credit with a dateline printed straight after it
            if " " in text and is_letter_spaced(text.strip()):
                text = clean_spaces(text)  # a justified line: its spaces are the extractor's
            first, sep, rest = _run_in_split(text, layout.lines, at, profile)
            if sep:
                out.append(_line(first, entry, out, blanks, need, profile))
                blanks = 0
                text = rest
        if wrapped is not None:
            head, wrapped = wrapped, None
            if text.lstrip().startswith(head):  # the end of the run-in title above: the item's text goes on
                out.append(_run_in_rest(text.lstrip()[len(head):].strip(), entry, out, blanks, need, profile))
                blanks = 0
                continue
        before = out[-1] if out else None
        marked = text.lstrip()[:1] in item_marks
        title = profile.markers.item_title(text) if marked \
            else plain_item_title(text, before, _next_texts(layout.lines, at), profile) \
            if (" " in text or "\u3000" in text) and may_hold_plain_item_title(text, before) else None
        if marked and (title is None or len(clean_spaces(text)) <= len(clean_spaces(title)) + 1):
            found = wrapped_item_title(text, _next_texts(layout.lines, at)[0], profile)
            if found is not None:  # ``● 校园足球联赛开`` / ``幕 全区中小学…``: the title wrapped
                title, wrapped = found
                out.append(_line(title, entry, out, blanks, need, profile))
                out[-1].role = Roles.ITEM_TITLE
                blanks = 0
                continue
        if title is not None and len(clean_spaces(text)) > len(clean_spaces(title)) + 1 \
                and profile.markers.parse_byline_line(text) is None:
            # a run-in item title (● 大风降温来袭 受冷空气影响…): the title is a line of its own
            _, _, rest = text.partition(title)
            out.append(_line(title, entry, out, blanks, need, profile))  # the item mark is layout, not text
            out[-1].role = Roles.ITEM_TITLE
            blanks = 0
            out.append(_run_in_rest(rest.strip(), entry, out, blanks, need, profile))
            continue
        out.append(_line(text, entry, out, blanks, need, profile))
        if title is not None and out[-1].role is Roles.ITEM_TITLE:
            out[-1].closes = True  # a run-in title filling its line (``● 公交 8路调整线路``): its text starts below
        blanks = 0
    _wrapped_datelines(out, profile)
    mark_credit_lines(out, profile)
    mark_wrapped_credits(out, profile)
    _wrapped_affiliations(out, profile)
    join_wrapped_bylines(out, profile)
    mark_wrapped_closing_bylines(out, profile)
    mark_bare_bylines(out, profile)  # before verse and headline runs: a name under a title opens its story
    _heads_of_stories(out)
    _verse(out, profile)  # before the headline runs: a poem's last lines over the next title's byline are verse
    _spoken_lines_of_poems(out)
    spoken_quotations(out, profile)
    rejoin_wrapped_verse(out, profile)
    mark_stanza_labels(out, profile)
    mark_head_runs(out, profile)
    _display_in_context(out, profile)
    unmark_narrow_text(out, profile)
    _page_header(out, profile)
    _signatures(out, profile)
    unwrap_numbered_items(out, profile)  # after the signatures: they tell a notice's items
    mark_notice_titles(out, profile)
    mark_standing_lines(out, profile)
    return out


def _next_at(entries: Sequence[TextLine], at: int) -> int:
    return next((k for k in range(at + 1, min(len(entries), at + 4)) if entries[k].text.strip()), -1)


def _item_start(text: str, entry: TextLine, out: list[Line], blanks: int, need: int, profile: Profile,
                column: Column, entries: Sequence[TextLine], at: int) -> tuple[bool, str | None]:
    """A column of items' name, or an item's title read off the line where an item starts
    (:mod:`.briefs`): the lines are appended to ``out`` and True returned, with what is left
    of the next line when the title wrapped onto it."""
    before = out[-1] if out else None
    if len(text) <= profile.tuning.label_max * 2 and column.is_label(text):
        label = _line(text, entry, out, blanks, need, profile)
        label.role = Roles.SECTION_LABEL
        label.opens = label.closes = True
        out.append(label)
        return True, None
    if before is None or not (column.inside or before.role is Roles.SECTION_LABEL
                              or text.lstrip()[:1] in profile.conventions.item_marks):
        return False, None
    start = column.item_start(text, before, _next_texts(entries, at))
    if start is None:
        return False, None
    title = _line(start.title, entry, out, blanks, need, profile)
    title.role = Roles.ITEM_TITLE
    title.opens = title.closes = True
    out.append(title)
    if start.rest:
        rest = _line(start.rest, entry, out, 0, need, profile)
        rest.opens = rest.run_in = True
        rest.role = Roles.PARAGRAPH_START
        out.append(rest)
    return True, start.next_rest


_STORY_OPENERS = frozenset({Role.DATELINE, Role.SUBTITLE})
_HEADLINE_LIKE = frozenset({Role.HEADLINE, Role.BODY, Role.PARAGRAPH_START})


def _next_text(entries: Sequence[TextLine], at: int) -> str:
    """The text of the next line that has any (a blank line or two may stand between)."""
    return next((e.text.strip() for e in entries[at + 1: at + 4] if e.text.strip()), "")


def _next_texts(entries: Sequence[TextLine], at: int) -> tuple[str, str]:
    """The texts of the next two lines that have any."""
    found: list[str] = []
    for entry in entries[at + 1: at + 7]:  # asked of every line: stop at the second
        text = entry.text.strip()
        if text:
            found.append(text)
            if len(found) == 2:
                break
    return (found + ["", ""])[0], (found + ["", ""])[1]


def _run_in_split(text: str, entries: Sequence[TextLine], at: int, profile: Profile) -> tuple[str, str, str]:
    """A credit and the dateline run on after it (``… 王晶晶 摄 本报讯 …``): (credit's line, sep, rest).
    The dateline may wrap onto the next line (``… 段斌然 摄 新华社运城 3月 7`` / ``日电（记者 汪博）…``):
    the line is read with the next one's start, and cut where the credit ends."""
    mk = profile.markers
    first, sep, rest = mk.separate_run_ins(text).partition("\n")
    if sep or at + 1 >= len(entries):
        return first, sep, rest
    following = _next_text(entries, at)
    if not following:
        return first, sep, rest
    head, sep, _ = mk.separate_run_ins(text + following[: profile.tuning.dateline_reach]).partition("\n")
    if sep and len(head) < len(text):
        return text[: len(head)], sep, text[len(head):].lstrip()
    return text, "", ""


def _heads_of_stories(lines: list[Line]) -> None:
    """Headline-ish text right above a dateline, a subtitle or a □ byline is the
    headline of the story below it (headlines printed above their stories),
    however wide the column beside it."""
    for line, after in zip(lines, lines[1:]):
        # (a line a marker closes is no headline: a credit, ``文辉悦 摄``, ending the caption above)
        if line.display and not line.terminal and not line.closes and line.role in _HEADLINE_LIKE \
                and (after.role in _STORY_OPENERS or (after.role is Roles.BYLINE and after.text.lstrip()[:1] != "（")):
            line.role = Roles.HEADLINE
            line.closes = line.heads = True


def _wrapped_datelines(lines: list[Line], profile: Profile) -> None:
    """A dateline the column wrapped opens its lead on the line where it starts.

    A line whose successor opens with a whole dateline of its own is no part
    of it: ``见效`` / ``本报讯 …`` is a headline's last line above the story
    (read together they would look like an agency ``见效本报`` and ``讯``)."""
    mk = profile.markers
    for line, after in zip(lines, lines[1:]):
        if line.opens or line.role is Roles.FURNITURE or not mk.might_open_dateline(line.text[-4:] + after.text[:24]) \
                or mk.opens_with_dateline(_compact(after.text)):
            continue
        if mk.dateline_spans(_compact(line.text), _compact(after.text)):
            line.opens = True
            line.role = Roles.DATELINE
            after.role = Roles.BODY if after.role is Roles.DATELINE else after.role


def _compact(text: str) -> str:
    text = text.strip()
    return close_justified(clean_spaces(text)) if " " in text else text


def _wrapped_affiliations(lines: list[Line], profile: Profile) -> None:
    """An affiliation line the column wrapped (``（作者系岚县作家`` / ``协会干部）``)
    is one, up to the line that closes its bracket."""
    mk = profile.markers
    for i, line in enumerate(lines):
        if line.brackets <= 0 or line.role is Roles.AFFILIATION or not line.opens \
                or not mk.opens_affiliation(line.text.strip()):
            continue
        depth = line.brackets
        for k in range(i + 1, min(len(lines), i + 3)):
            depth += lines[k].brackets
            if depth <= 0:
                for x in lines[i: k + 1]:
                    x.role = Role.AFFILIATION
                break


def _signatures(lines: list[Line], profile: Profile) -> None:
    """A notice's closing signature (落款): the issuer on a short line and the date
    on the next, after the notice's last sentence.  A bare date there is the
    notice's, not the page's (the page's date stands in the header with its weekday).
    A notice issued jointly names each issuer on a line of its own
    (``区教育局`` / ``区人力资源和社会保障局`` / ``2022年6月28日``)."""
    mk = profile.markers
    most = profile.tuning.signature_issuers
    wrapped: list[int] = []  # dates a narrow column broke (``2022年11月2`` / ``8日``), by their first line
    for i in range(2, len(lines)):
        line = lines[i]
        text = line.text.strip()
        if line.role is Roles.FURNITURE and mk.is_bare_date(text):
            date_end = i
        elif text[:1].isdigit() and i + 1 < len(lines) and not lines[i + 1].gap \
                and mk.is_bare_date(_compact(text + lines[i + 1].text)):
            date_end = i + 1
        else:
            continue
        first = i
        while first > 1 and i - first < most and _issuer(lines[first - 1]) \
                and not mk.numbered(clean_spaces(lines[first - 1].text)):  # (一、该老人于 / 2023年3月12日 goes on)
            first -= 1
        before = lines[first - 1]
        if first < i and before.terminal and before.role not in _NOT_TEXT:
            for x in lines[first: date_end + 1]:
                x.role = Roles.SIGNATURE
                x.opens = x.closes = True
            if date_end > i:
                wrapped.append(i)
    for i in reversed(wrapped):  # the date is one line, as printed before the column broke it
        date, rest = lines[i], lines[i + 1]
        date.text = _compact(date.text + rest.text)
        date.width += rest.width
        del lines[i + 1]


def _issuer(line: Line) -> bool:
    return line.display and not line.terminal and line.role not in _NOT_TEXT and line.role is not Roles.SIGNATURE


_VERSE_ROLES = frozenset({Role.BODY, Role.HEADLINE, Role.PARAGRAPH_START})
_GOES_ON = frozenset({*_VERSE_ROLES, Role.CAPTION})
_RUNNING = frozenset({Role.BODY, Role.PARAGRAPH_START})
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
    mk = profile.markers
    # a line naming a kind of notice (…征文启事, …的通告) is a title, never a line of a poem
    candidate = [_verse_candidate(x, limit) and not mk.is_notice_title(x.text) for x in lines]
    text_like = [not c and x.role not in _NOT_TEXT for c, x in zip(candidate, lines)]
    start = 0
    n = len(lines)
    while start < n:
        end = start
        widest = 0.0
        while end < n and candidate[end] and (end == start or not lines[end].gap
                                                    or _column_break(lines, start, end, widest, tuning.window)):
            if len(lines[end].text.strip()) > 1:
                widest = max(widest, lines[end].width)
            end += 1
        if end - start < need:  # trimming only shortens a run: one too short here stays too short
            start = max(end, start + 1)
            continue
        first = _past_paragraph_last_line(lines, _past_paragraph_tail(lines, start, end), end, tuning)
        last = _before_paragraph_head(lines, first, end, profile.tuning)
        last = _before_closing_paragraph(lines, first, last, profile.tuning)
        if last - first >= need:
            run = lines[first:last]
            longest = max([x.width for x in run])
            around = _around(lines, text_like, first, last, tuning.window)
            if _is_verse(run, lines[first - 1] if first else run[0], around, tuning):
                for x in run:
                    x.role = Roles.VERSE
                    x.opens = x.closes = True  # a line a paragraph: the prose after a poem is no line of it
        start = max(end, start + 1)


_LINE_END_MARKS = frozenset("，。！？；、,")
_CLAUSE_MARKS = frozenset("，。！？；、：,")


def _is_verse(run: list[Line], before: Line, around: list[float], tuning: Tuning) -> bool:
    """Ragged verse: most lines fall well short of the run's longest and, where
    a line ends no sentence, the next line's width differs from it (running
    text goes on at its column's width; a wrapped line changes width only at
    a sentence end).  Regular verse (七言, 五言): every line ends in a mark, as
    no column of running text does.  Both stand in one kind of box: a run
    whose lines are grouped unevenly (two-line titles of a headline block,
    ``城区农贸市`` / ``场菜价一览``) is no poem."""
    blanks = [x.blanks for x in run[1:]]
    usual = max(set(blanks), key=blanks.count)
    # a stretch of other breaks counts once: pdfminer may group a few lines of a poem set a box a line
    # into one box where they stand closer (``麦浪一层推着一层`` / ``把汗水推到了天边`` / ``打麦场上``)
    uneven = sum(1 for k, b in enumerate(blanks) if b != usual and (k == 0 or blanks[k - 1] == usual))
    if uneven > (1 if len(run) >= 2 * tuning.verse_run else 0):  # a long poem may go on in another column
        return False
    longest = max([x.width for x in run])
    short_of_around = not around or longest < max(around) - tuning.full
    # stanza labels (春, 夏 over a quatrain each) are no lines of the verse
    lines = [x.text.strip() for x in run if len(x.text.strip()) > 2]
    marked = sum(1 for text in lines if text[-1] in _LINE_END_MARKS)
    # 五言, 七言 and 词 lines are short: paragraphs given a line each (a source that did not wrap) end in marks too
    if len(lines) >= tuning.verse_run and marked >= tuning.verse_marked * len(lines) \
            and max(len(text) for text in lines) <= tuning.verse_line_max:
        return True
    if any(len(x.text.strip()) < 2 and not _wrapped_tail(run, k, longest, tuning.window) for k, x in enumerate(run)):
        return False  # a lone character is a headline the column wrapped (``保`` / ``卫战取得新成``)
    # short of its own longest line, or (a poem whose lines run alike) of the prose around it
    reach = max(longest, max(around)) if short_of_around and around else longest
    ragged = sum(1 for x in run if x.width <= reach * tuning.verse_share)
    # pairs inside a sentence, away from a paragraph's short last line and its
    # first line's lost indent: running text is as wide there as its column
    # (the run's first line opens something, a paragraph with its lost indent or a poem,
    # unless running text goes on into it)
    going_on = [(a, b) for before, a, b in zip([before, *run], run, run[1:])
                if not (before.terminal or a.terminal or b.terminal)
                and (a is not run[0] or (_goes_on(before, a) and not before.closes))]
    changes = sum(1 for a, b in going_on if abs(a.width - b.width) >= 2)
    if changes < tuning.verse_changes * len(going_on):
        # a poem whose lines run alike (7, 5, 6, 7, 7, 8): small steps, but more widths than a column
        # has (mid-paragraph, running text is as wide as its column, or one more for a hanging mark)
        inside = [x.width for pair in going_on for x in pair]
        if inside and max(inside) - min(inside) >= tuning.verse_spread:
            changes = sum(1 for a, b in going_on if abs(a.width - b.width) >= 1)
    # running text breaks its lines inside clauses, so a line often opens with the end of
    # one (``设，经研究……``, ``弹，就要……``); a poem's line opens a phrase of its own
    broken = sum(1 for x in run[1:] if x.text.lstrip()[1:2] in _CLAUSE_MARKS)
    if broken > tuning.verse_broken * len(run):
        return False
    # and most of its lines end no sentence: a poem's sentence runs over lines
    return 2 * ragged >= len(run) and 2 * len(going_on) >= len(run) - 1 and len(going_on) >= 2 \
        and changes >= tuning.verse_changes * len(going_on)


def _column_break(lines: list[Line], start: int, at: int, widest: float, window: int) -> bool:
    """A text box opening with the lone end of the line above (``父亲走了一辈子的那些泥`` /
    (the next column) ``泞`` / ``村口，母亲站着``): the poem goes on in the next column,
    in that box and the one after it (an extractor may give the lone character a box of its own).
    ``widest`` is the widest line of the run so far."""
    if at - start >= 3 and len(lines[at - 1].text.strip()) == 1 and lines[at - 1].gap \
            and len(lines[at].text.strip()) > 1 and _column_break(lines, start, at - 1, widest, window):
        return True
    if len(lines[at].text.strip()) != 1 or at - start < 2:
        return False
    run = lines[max(start, at - 1 - window):at + 1]  # the lines near it only: linear in the page
    return _wrapped_tail(run, len(run) - 1, widest, window)


def _wrapped_tail(run: list[Line], k: int, longest: float, window: int) -> bool:
    """A lone character under the run's widest line (wider by a cell than the poem's lines
    within ``window`` on both sides), neither ending in a mark: the
    end of a poem's line the column wrapped (``滚过石板街，滚过老码`` / ``头``),
    joined back by :func:`rejoin_wrapped_verse` once the run is verse."""
    text = run[k].text.strip()
    if k == 0 or not text or text[-1] in _LINE_END_MARKS or text in _CREDIT_LAST:
        return False
    above = run[k - 1]
    # strictly the widest: a headline the column wrapped runs at one width (``蓝天碧水净土`` / ``保`` / ``卫战取得新成``)
    near = [*run[max(0, k - 1 - window):k - 1], *run[k + 1:k + 1 + window]]
    others = [x.width for x in near if len(x.text.strip()) > 1]
    return above.width >= longest and (not others or above.width >= max(others) + 1) \
        and above.text.rstrip()[-1:] not in _LINE_END_MARKS and len(above.text.strip()) > 1


def _before_paragraph_head(lines: list[Line], start: int, end: int, tuning: Tuning) -> int:
    """Where a run of short lines stops being verse: the first lines of a
    paragraph (or a caption) after it are as wide as the line that goes on
    below them (a poem's last line, then ``在我们晋西北，小米粥是家家户户饭桌上少不了``
    / ``的。早上一碗，……``)."""
    after = lines[end] if end < len(lines) else None
    if after is None or not _goes_on(lines[end - 1], after) or after.text.lstrip()[:1] in "（(":
        return end
    last = end
    column = after.width
    # a paragraph is as wide as its column but for its first line, short by a lost indent:
    # the line above that one is no line of the paragraph (a poem's last line as wide as it)
    while last > start and not lines[last - 1].terminal \
            and lines[last - 1].width >= lines[last].width - tuning.indent_max:
        last -= 1
        column = max(column, lines[last].width)
        if lines[last].width <= column - tuning.indent:
            break
    return last


def _before_closing_paragraph(lines: list[Line], start: int, end: int, tuning: Tuning) -> int:
    """Where a run of short lines stops being verse when it ends in a whole
    paragraph of prose (a photo's caption under a poem, set in a narrow column
    that leaves its lines short): lines going on at one width, wider than any
    line of the poem above, to a short last line ending a sentence
    (``落下一地金黄的日子`` 9 / ``国庆假期，碛口古镇游人如`` 12 / ``织，游客们漫步在明清老街`` 12
    / ``上，感受古镇的历史风貌和`` 12 / ``民俗文化。`` 5)."""
    if end - start < 3 or not lines[end - 1].terminal:
        return end
    column = lines[end - 2].width
    k = end - 2
    while k > start and not lines[k - 1].terminal and abs(lines[k - 1].width - column) <= tuning.full:
        k -= 1
    if k > start and not lines[k - 1].terminal and abs(column - tuning.indent - lines[k - 1].width) <= tuning.steady:
        k -= 1  # the paragraph's first line, short by its lost indent
    full = sum(1 for x in lines[k:end - 1] if abs(x.width - column) <= tuning.full)
    if full < 2 or lines[end - 1].width > column or k == start \
            or max(x.width for x in lines[start:k]) > column - tuning.full:
        return end
    return k


def _goes_on(line: Line, after: Line) -> bool:
    """Running text may go on from ``line`` into ``after`` (roles are still
    provisional here: a short line of running text is a headline until
    :func:`_display_in_context` says otherwise), unless one of them is a title
    standing in a box of its own."""
    return line.role in _VERSE_ROLES and after.role in _GOES_ON and not (line.heads or after.heads) \
        and not (after.gap and (line.display or after.display))


def _past_paragraph_tail(lines: list[Line], start: int, end: int) -> int:
    """Where a run of short lines may start being verse: a paragraph of prose
    going on into the run (the line before it ends no sentence) owns the run's
    lines up to its sentence end (``……最`` / ``后什么也没买，只买了一个糖`` /
    ``人，递给了我的女儿。`` then the poem)."""
    before = lines[start - 1] if start else None
    if before is None or not _goes_on(before, lines[start]) or before.terminal or before.closes or before.brackets:
        return start
    for k in range(start, end):
        if lines[k].terminal:
            return k + 1
    return end


def _past_paragraph_last_line(lines: list[Line], start: int, end: int, tuning: Tuning) -> int:
    """A paragraph whose full line ends a sentence may still go on: its short
    last line, ending a sentence too, is no poem's first line where it is
    wider by two cells than every line of the run after it
    (``…想起母亲弯腰守在锅边的身影。`` 18 / ``一碗小米粥，盛着的是家的温度。`` 15 /
    ``雨刚刚停了`` 5 / ``河水涨了一拃`` 6 …)."""
    if start < 2 or end - start < 3 or not lines[start].terminal:
        return start
    before, above = lines[start - 1], lines[start - 2]
    if not (before.terminal and not above.terminal and above.role in _VERSE_ROLES and before.role in _VERSE_ROLES
            and abs(before.width - above.width) <= tuning.full and _goes_on(before, lines[start])
            and not before.closes):
        return start  # the line before is no full line of a paragraph that might go on
    if lines[start].width > before.width or lines[start].width < max(x.width for x in lines[start + 1:end]) + 2:
        return start
    return start + 1


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
    # a headline over a byline, and a bracket (an affiliation line wrapped: ``（作者单位：…`` / ``局）``) are no verse
    if line.role not in _VERSE_ROLES or line.spaced or line.heads or line.brackets or line.opens or line.closes:
        return False
    text = line.text.strip()
    body = text[:-1]
    return len(text) <= limit and text[:1] not in "（(" and _fewer_than_two_latin(text) \
        and not _sentence_inside(body) and "！" not in body and "？" not in body


_LATIN = re.compile("[0-9A-Za-z]")  # what ``isascii() and isalnum()`` accepts


def _fewer_than_two_latin(text: str) -> bool:
    """At most one ASCII letter or digit (two searches in C, not a test per character)."""
    first = _LATIN.search(text)
    return first is None or _LATIN.search(text, first.end()) is None


def _display_in_context(lines: list[Line], profile: Profile) -> None:
    """Headline-ish text is a headline line only where it stands apart from the
    column around it: shorter than the lines on both sides by more than a
    paragraph's lost indent (a wrapped body line is as wide as its column, a
    first line two cells less), or alone in its box."""
    window = profile.tuning.window
    indent = profile.tuning.indent_max
    names_kind = profile.markers.names_its_kind
    n = len(lines)
    # most lines of a narrow column are headline-ish until seen in context, so the
    # widest line of the window before and after each line is taken for all at once
    # (widths are positive: the zero padding stands for no line)
    pad = [0.0] * window
    padded = pad + [x.width for x in lines] + pad
    widest = window_max(padded, window)  # (before line i: the window at i; after it: the one at i + window + 1)
    widest_before, widest_after = widest[:n], widest[window + 1: window + 1 + n]
    for i, line in enumerate(lines):
        if line.role is not Roles.HEADLINE or line.heads:
            continue
        if line.gap and (i + 1 == n or lines[i + 1].gap):
            continue
        if i and lines[i - 1].role is Roles.HEADLINE and names_kind(line.text.strip()):
            continue  # a run of titles each naming its kind of notice: a headline block, whatever the column
        before = widest_before[i]
        after = widest_after[i]
        col = min(before, after) if before and after else before or after
        if line.width > col - indent:
            line.role = Roles.PARAGRAPH_START if line.indent or line.starts else Roles.BODY


def _run_in_rest(text: str, entry: TextLine, out: list[Line], blanks: int, need: int, profile: Profile) -> Line:
    """What follows a run-in item title: the item's text, opening a paragraph."""
    line = _line(text, entry, out, blanks, need, profile)
    line.opens = line.run_in = True
    line.role = Roles.PARAGRAPH_START
    return line


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
    for at, line in enumerate(lines):
        if at == 0 and line.role is not Roles.FURNITURE and _top_page_name(line, limit):
            line.role = Roles.FURNITURE  # ``生 活 服 务`` over the page's first title, the staff line in the footer
            furniture_seen = True
            continue
        if line.role is Roles.FURNITURE:
            furniture_seen = True
            for p in pending:
                p.role = Roles.FURNITURE
            pending = []
            continue
        compact = clean_spaces(line.text)
        # a letter-spaced name (``文 化 周 刊``) is display type however wide its spacing makes it
        label = line.role is Roles.HEADLINE or (line.display and line.role in _RUNNING and is_spaced_name(line.text))
        if label and len(compact) <= limit and len(pending) < 2:
            pending.append(line)
            continue
        break
    if furniture_seen:
        for p in pending:
            if p.spaced or len(clean_spaces(p.text)) <= limit // 2:
                p.role = Roles.FURNITURE


def _top_page_name(line: Line, limit: int) -> bool:
    """A page's name set letter-spaced as its first line (``生 活 服 务``), though no other
    furniture stands at the top (the date and staff lines may be in the footer): a story's
    headline is set solid, a page name in spaced display type."""
    text = line.text.strip()
    return line.display and not line.terminal and is_spaced_name(text) and len(text.split()) <= limit


def _spoken_lines_of_poems(lines: list[Line]) -> None:
    """A line in quotation marks between two lines of a poem is a line of it (the words someone
    says in the poem: ``那一声轻轻的`` / ``“别怕，有我在”`` / ``走廊很长``), not a subheading: a
    story's subheading stands between paragraphs, never inside a run of verse."""
    for above, line, below in zip(lines, lines[1:], lines[2:]):
        if line.role is Roles.SUBHEADING and above.role is Roles.VERSE and below.role is Roles.VERSE \
                and line.text.lstrip()[:1] in "“「『\"":
            line.role = Roles.VERSE
            line.subheading = False
