"""Display lines standing in the flow: headlines, kickers and subtitles printed
above their stories, which the column wrapped or the reflow would glue onto
the story's first paragraph.

Part of the classify stage (``classify`` calls both passes once, after the
marker roles are given).  Each pass is linear: a line is looked at from the
opener below it, at most ``head_lines`` lines up, or against its neighbours.

*Headline runs above a story* (:func:`mark_head_runs`): a headline printed
above its story stands right above the story's opener (a dateline, a ``——``
subtitle, a ``□`` byline); a narrow column wraps it over several lines.  The
run of headline-ish lines above the opener, back to where the text before it
ends (a sentence end, a closing marker, furniture, the top of a text box), is
the story's headline unit: a ``——`` line opens its subtitle, which goes on to
the opener; a line ending in ``——`` or ``：`` ends a kicker.

*Lines that stand apart from their column* (:func:`mark_standing_lines`):
after the end of a text, a headline-ish line that cannot be a line of the
column below it is display text of its own, the headline of what follows:
it is wider than that column (it spans several columns), or the line after it
is the indented first line of a paragraph (a paragraph's first line cannot
follow its own first line).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .briefs import ends_item
from .conventions import Profile, Tuning
from .layout import Role, Roles
from .measure import cells, half_runs
from .subwrap import mark_subtitle_wrap, subtitle_end
from .text import LETTER_SPACE, SENTENCE_END, is_letter_spaced, left_open, width

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["credit_wrapped", "mark_credit_lines", "mark_head_runs", "mark_wrapped_credits",
           "mark_standing_lines", "may_hold_plain_item_title", "plain_item_title"]

#: Lines that end the text before them: what follows them starts anew.
_ENDS_TEXT = frozenset({Role.FURNITURE, Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION, Role.SIGNATURE,
                        Role.DATELINE})
#: Roles a line printed above a story may have been given on its own evidence.
_HEAD_ROLES = frozenset({Role.HEADLINE, Role.BODY, Role.PARAGRAPH_START, Role.SUBTITLE})
_STORY_OPENERS = frozenset({Role.DATELINE, Role.SUBTITLE})


def _opens_story(line: Line) -> bool:
    return line.role in _STORY_OPENERS or (line.role is Roles.BYLINE and line.text.lstrip()[:1] not in "（(")


def _head_like(line: Line, quoted: bool = False) -> bool:
    """Headline-ish, and no marker's line: no sentence end, no bracket left open or closed
    from another line (``（作者单位：…`` / ``局）``), nothing a marker opens or closes.
    ``quoted``: a line built like a subheading counts (a headline's wrapped ``“暖心食堂”``)."""
    if quoted and line.role is Roles.SUBHEADING:
        return line.display and not line.terminal and not line.closes and line.text.lstrip()[:1] in "“【"
    return line.display and not line.terminal and line.role in _HEAD_ROLES and not line.brackets \
        and (not line.closes or line.heads) and (not line.opens or line.role is Roles.SUBTITLE) \
        and not line.subheading


def _marked_caption_above(lines: list[Line], j: int, reach: int) -> int | None:
    """The first line of a caption opened by its mark (``▲ 国庆假期，游客在`` / ``凤山景区拍照留念。``)
    whose credit is the line right above ``j`` (``刘宁国摄``, read apart from the dateline run on
    after it), within ``reach`` lines; None where no marked caption opens there."""
    for k in range(j - 2, max(-1, j - 2 - reach), -1):
        if lines[k].role is Role.CAPTION:
            return k
        if lines[k].role not in _HEAD_ROLES:
            return None
    return None


def _notice_title(line: Line, profile: Profile) -> bool:
    """A headline-ish line ending in the name of a kind of notice, with no clause in it
    (``专职工作者的公告``; not ``本人不慎遗失以下证件，特此声明``, running text)."""
    text = line.text
    return _head_like(line) and _CLAUSE_MARK.search(text) is None and profile.markers.is_notice_title(text)


_CLAUSE_MARK = re.compile(r"[，、；：,;:]")


def _ends_text(line: Line) -> bool:
    """The text above a line ends with this one: a sentence end, a closing marker, page text,
    the bracket of a marker wrapped over lines (``（作者单位：方山县卫`` / ``生健康局）``)."""
    return line.terminal or line.closes or line.role in _ENDS_TEXT \
        or (line.brackets < 0 and line.text.rstrip().endswith(("）", ")")))


def mark_credit_lines(lines: list[Line], profile: Profile) -> None:
    """A credit alone on its line after a sentence's end (``…查看脱毒苗生长情况。`` /
    ``刘秀玉 摄``, ``中阳县文化和旅游局供图``) closes the caption above it: no sentence is
    only a name and 摄, and what follows it (a headline, a dateline, a lead) is not its text."""
    mk = profile.markers
    for above, line in zip(lines, lines[1:]):
        if not above.terminal or line.role not in _HEAD_ROLES:
            continue
        text = line.text.strip()
        if mk.might_end_with_credit(text) and mk.credit_only(text) is not None:
            line.credit = True  # the caption's block ends here (blocks: a caption ahead)
            if line.closes:
                continue  # set off by a space (``李升伟 摄``): already read as a credit
            # the segment stage joins it to the caption before it (``Walker``: a credit alone)
            line.role = Role.BODY
            line.display = False
            line.closes = True


def mark_wrapped_credits(lines: list[Line], profile: Profile) -> None:
    """A photo credit the column broke over two lines closes its caption: after the
    caption's sentence and one space, the credit's first characters end the line, and
    the line under it is the rest of the credit alone (``苗生长情况。 临县自然资源`` /
    ``局供图``; ``机来回穿梭。 交口`` / ``县供电公司供图``).  Neither line is a headline
    of the story printed under the photo."""
    mk = profile.markers
    for above, line in zip(lines, lines[1:]):
        text = line.text.strip()
        if line.role not in _HEAD_ROLES or line.terminal or line.closes or line.gap \
                or not mk.might_end_with_credit(text):
            continue
        conv = profile.conventions
        if line.blanks and text.replace(" ", "") in (*conv.photo_marks, *conv.source_credits, *conv.file_photos):
            continue  # the kind word alone on a line of its own (``田春`` / ``摄``): the credit closes there
        if credit_wrapped(above.text, text, profile):
            line.role = Role.CAPTION
            line.display = line.heads = False
            line.closes = line.credit = True


_CREDIT_START = re.compile(r"[。！？!?…][”’」』）)]* +(?=\S)")


def credit_wrapped(above: str, text: str, profile: Profile) -> bool:
    """``text`` is the rest of a photo credit that starts on the line ``above``, after the
    caption's sentence and a space: ``苗生长情况。 临县自然资源`` / ``局供图``,
    ``…学习。 本报记`` / ``者 毛刚泽 摄``, ``扫积雪。 本报记者 曹宁`` / ``军 摄``."""
    found = None
    for found in _CREDIT_START.finditer(above):
        pass
    if found is None:
        return False
    start = above[found.end():].rstrip()
    return bool(start) and start[-1] not in SENTENCE_END \
        and profile.markers.credit_only(start + text.strip()) is not None


def mark_head_runs(lines: list[Line], profile: Profile) -> None:
    """The headline lines printed above each story opener (see the module's docstring).

    A run is taken only where it starts where a text ended (or a text box
    starts): a run that stops inside running text is not a headline, and the
    single line right above the opener (``_heads_of_stories``) is all that is
    said of it then.
    """
    tuning = profile.tuning
    kicker_ends = profile.markers.kicker_ends
    dash = profile.markers.starts_with_dash
    jump_from = profile.conventions.jump_from
    for j, opener in enumerate(lines):
        # a story continued from another page opens with its jump line (（上接第1版）), its title repeated above it
        titled = not (_opens_story(opener) or opener.role is Roles.JUMP and any(w in opener.text for w in jump_from))
        if titled and not (j and not opener.heads and lines[j - 1].display and _notice_title(lines[j - 1], profile)
                           and not _notice_title(opener, profile) and not _head_like(opener)):
            # (a title naming its kind of notice is complete: the text under it is the notice's,
            # and the headline-ish lines above it, back to where a text ended, are its first lines,
            # none of them a notice's title itself nor a spaced column name: ``便 民``)
            continue
        if opener.role is Roles.SUBTITLE and opener.display and j + 1 < len(lines):
            if _subtitle_ends(lines, j, profile):
                opener.closes = True
            else:  # (its wrapped lines, or none: the story goes on under it in its box)
                mark_subtitle_wrap(lines, j, subtitle_end(lines, j, profile, lambda k: _measure_below(lines, k, tuning)))
        marked = _marked_caption_above(lines, j, tuning.window) if j and lines[j - 1].credit else None
        if marked is not None:
            j = marked  # a marked caption (▲ …) its credit closes, run solid before the dateline: the run is above it
        elif j and lines[j - 1].role is Roles.CAPTION and lines[j - 1].closes:
            # the story's photo printed between its headline and its text: the run is above its
            # caption, whose first lines are full lines of the column
            # (``新修好的…沿山势盘旋`` / ``而上。 段斌然 摄`` is one caption)
            j -= 1
            col = _measure(lines, j + 2, 1, tuning.window, _PROVISIONAL)
            if col is None:
                continue
            start = j
            while start > 0 and j - start < tuning.window and not _ends_text(lines[start - 1]) \
                    and not _box_top(lines, start) and lines[start - 1].width >= col - tuning.full:
                start -= 1  # the caption's full lines above its credit, in its box
            if start and not _ends_text(lines[start - 1]) and not _head_like(lines[start - 1]):
                continue
            j = start
        top = j
        boxed = 0  # 1: the run's first line is a kicker in a box of its own, no line of the title's wrap
        while top > 0 and j - top < tuning.head_lines and _head_like(lines[top - 1], quoted=True):
            if titled and top < j and (lines[top - 1].spaced or _notice_title(lines[top - 1], profile)
                                       or _CLAUSE_MARK.search(lines[top - 1].text) is not None):
                break  # (a clause in it: running text, ``上级征兵工作部署，现将本`` / ``年度…有关事项通告``)
            top -= 1
            if lines[top].gap:
                # the top of the headline's box; a kicker ending in —— or ： may stand in a box above it,
                # and a —— subtitle in a box of its own stands under its title's box
                if top > 0 and _head_like(lines[top - 1]) and (lines[top - 1].text.rstrip().endswith(kicker_ends)
                                                              or dash(lines[top].text.strip())):
                    continue
                if top > 0 and _head_like(lines[top - 1]) and _kicker_box(lines, top - 1):
                    boxed = 1
                    continue
                break
        if j == top or not (top == 0 or lines[top].gap or _ends_text(lines[top - 1])):
            continue
        run = lines[top:j]
        if sum(len(x.text.strip()) for x in run) > 2 * tuning.display_max:
            continue
        # the widest line of the title part and of the subtitle's: a line short of its part's widest
        # ended there (a subtitle is often longer than its title)
        pair = balanced_pair(run, profile)
        sub_at = _subtitle_at(run, profile)
        widest = max(x.width for x in run[boxed:sub_at]) if sub_at > boxed else 0.0
        widest_sub = max((x.width for x in run[sub_at:]), default=0.0)
        # the spacing inside a headline box: where any of its lines (or the opener) is set
        # tighter than the rest, the looser ones start boxes of their own
        tight = min(x.blanks for x in lines[top + 1: j + 1])
        subtitle = False
        for k, line in enumerate(run):
            above = run[k - 1] if k else None
            dashed = dash(line.text.strip())
            # a new part (kicker, title, subtitle) starts at a box's top, after a kicker's end,
            # below a line the column did not wrap, at a subtitle's dash, or in a looser box
            looser = above is not None and line.blanks > tight  # a box of its own: another headline
            starts_part = above is None or line.gap or looser or above.text.rstrip().endswith(kicker_ends) \
                or above.width < (widest_sub if k > sub_at else widest) - tuning.full or dashed
            if pair is not None and k in (pair, pair + 1) and not (line.gap or looser or dashed):
                starts_part = k == pair  # a title broken in two on purpose, under a kicker set to its own width
            kicker_after = not dashed and not subtitle and above is not None \
                and _kicker_after_title(above.text, line.text, profile)
            if kicker_after:
                starts_part = True
            # (after a subtitle: the next headline; a subtitle is never a headline of its own)
            new_unit = (looser and not dashed) or (starts_part and subtitle and not dashed) or kicker_after
            if dashed:
                subtitle = True
            elif new_unit:
                subtitle = False
            line.joins = not starts_part
            line.same_unit = k > 0 and not new_unit
            line.heads = True
            line.closes = True
            line.role = Role.SUBTITLE if subtitle else Role.HEADLINE
            line.subheading = False
        if top and not (len(run) == 1 and profile.markers.credit_only(run[0].text.strip()) is not None):
            # the text above ended there: the headline is no line of it (a credit alone is its caption's)
            lines[top - 1].closes = True


def _kicker_box(lines: list[Line], k: int) -> bool:
    """Line ``k`` stands alone in its text box right over a headline's box of several lines
    (set tighter than the space between the two), where the text above it ended: the
    headline group's first part, its kicker (引题), whatever the column
    (``…的诊断服务。`` / ``比学赶超强堡垒`` / ``基层党组织“星`` / ``级评定”结果出`` / ``炉``)."""
    below = lines[k + 2] if k + 2 < len(lines) else None
    return lines[k].gap and (k == 0 or _ends_text(lines[k - 1])) \
        and below is not None and below.blanks < lines[k + 1].blanks  # (the headline's box is set tighter)


def _kicker_after_title(above: str, text: str, profile: Profile) -> bool:
    """A line ending in ``——`` or ``：`` under a whole title line in its box is the kicker of
    the next headline, no wrapped end of that title (a title never ends in ——):
    ``“村晚”唱响乡村振兴好声音`` / ``寒来暑往守护出行路——`` / ``乡村公路上的“养路人”``.
    A kicker the column wrapped leaves the line above open (``旱塬结出“金穗`` / ``子”——``):
    a quotation or bracket, a phrase (``phrase_open_ends``), or the line starts with a
    character that opens no phrase."""
    conv = profile.conventions
    above, text = above.strip(), text.strip()
    if not text.endswith(profile.markers.kicker_ends) or left_open(above):
        return False
    head = text.rstrip("".join(conv.dashes) + "：: ").strip()
    tuning = profile.tuning
    if len(above.replace(" ", "")) < tuning.title_min or len(head.replace(" ", "")) < tuning.title_min:
        return False
    return above[-1] not in conv.phrase_open_ends and head[0] not in conv.phrase_closed_starts \
        and head[0] not in conv.line_start_forbidden and not left_open(head)


def _box_top(lines: list[Line], k: int) -> bool:
    """Line ``k`` opens a text box: a gap above it, or the line above is bound tighter to
    its own line above than ``k`` is to it (pdfminer: ``旱塬结出“金穗子”`` / ``信义镇…丰收`` one box,
    the caption under them a box of its own)."""
    return lines[k].gap or (k > 0 and lines[k].blanks > lines[k - 1].blanks)


def _subtitle_ends(lines: list[Line], j: int, profile: Profile) -> bool:
    """A ``——`` subtitle over its story ends on its line where its story's photo
    caption starts under it, or where a paragraph's indented first line does
    (a feature with no dateline: ``——信义镇郭家庄村书屋晚上开门迎读者`` /
    ``晚饭后，信义镇郭家庄村的农家书屋`` two cells short / a full line)."""
    tuning = profile.tuning
    after = lines[j + 1]
    if after.role is Roles.CAPTION and after.closes:
        return True
    if after.role not in _PROVISIONAL or after.spaced or after.terminal or j + 2 >= len(lines):
        return False
    col = _measure(lines, j + 1, 1, tuning.window, _PROVISIONAL)  # (before classify settles display lines)
    return col is not None and col - tuning.indent_max <= after.width <= col - tuning.full \
        and not lines[j + 2].gap and _steady(lines, j + 2, col, profile)


def _measure_below(lines: list[Line], start: int, tuning: Tuning) -> float | None:
    """The column's measure from line ``start`` down, past the lines printed in the column
    that are no running text (a jump marker, a photo's caption, a byline)."""
    k = start
    while k < len(lines) and k - start < tuning.window and lines[k].role in _IN_COLUMN:
        k += 1
    return _measure(lines, k, 1, tuning.window, _PROVISIONAL)


def balanced_pair(run: list[Line], profile: Profile) -> int | None:
    """Where the last two lines of a headline run's title part start, when they are a title a
    designer broke in two (as long as each other, within ``head_balance`` characters), alone or
    under a line of another width (a kicker: ``用爱点亮“星星的孩子”`` / ``特教老师的`` /
    ``“慢”功夫``).  A column wraps a title into lines of its width, the last one shorter; a
    balanced pair is one title whatever its widths, and a kicker of another width above it is
    no line of it, however wide (None: no such pair)."""
    end = _subtitle_at(run, profile)
    if end < 2:
        return None
    first, last = run[end - 2], run[end - 1]
    chars = [len(x.text.replace(" ", "").strip()) for x in (first, last)]
    if abs(chars[0] - chars[1]) > profile.tuning.head_balance \
            or first.text.rstrip().endswith(profile.markers.kicker_ends):
        return None  # (a kicker ending in —— or ： is no first line of its title)
    if end > 2 and abs(run[end - 3].width - first.width) <= profile.tuning.full:
        return None  # the line above is as wide: a title the column wrapped over three lines
    return end - 2


def _subtitle_at(run: list[Line], profile: Profile) -> int:
    """Where a headline run's subtitle starts (its ``——``), or its length."""
    dash = profile.markers.starts_with_dash
    return next((k for k, x in enumerate(run) if dash(x.text.strip())), len(run))


def _measure(lines: list[Line], start: int, step: int, window: int, running: frozenset[Role] | None = None) \
        -> float | None:
    """The column's measure on one side of a line: the widest of the next
    ``window`` lines of running text that way (None when fewer than two).
    Looking down, it stops where the text does (a marker, another story's
    headline); looking up, captions and bylines printed in the column are
    passed over.  ``running``: the roles of running text (before classify has
    settled which headline-ish lines stand apart, they are running text too)."""
    found: list[float] = []
    k = start
    text_roles = running or _TEXT
    while 0 <= k < len(lines) and len(found) < window:
        x = lines[k]
        if x.role in text_roles and not x.spaced:
            found.append(x.width)
        elif x.role not in _RUNNING and x.role not in text_roles and (step > 0 or x.role not in _IN_COLUMN):
            break
        k += step
    return max(found) if len(found) >= 2 else None


def _steady(lines: list[Line], start: int, col: float, profile: Profile) -> bool:
    """The lines from ``start`` to the paragraph's end (at most ``window``) fill the
    measure, all of them: a column set to a measure, where a line two cells short
    is an indent and not the extractor's ragged widths.  A line a cell short
    because of line breaking (kinsoku: the character before a ``，`` that may not
    open a line is carried down with it, a ``《`` that may not end one goes down)
    still fills it."""
    tuning = profile.tuning
    conv = profile.conventions
    end = min(len(lines), start + tuning.window)
    for k in range(start, end):
        line = lines[k]
        if line.terminal or line.role not in _TEXT:
            break
        if line.width >= col - tuning.steady:
            continue
        text = line.text.rstrip()
        following = lines[k + 1].text.lstrip()[:2] if k + 1 < len(lines) else ""
        carried = any(ch in conv.line_start_forbidden for ch in following) or text[-1:] in conv.line_end_forbidden \
            or following[:1] in conv.line_end_forbidden
        if not (carried and line.width >= col - 1 - tuning.steady):
            return False
    return start < len(lines) and lines[start].width >= col - 1 - tuning.steady


def _latin_near(line: Line, following: Line) -> bool:
    """A Latin or digit run in a line or at the start of the next: it is never broken and
    its half-width glyphs are spaced apart, so the line may end cells short of the measure."""
    start = following.text.lstrip()[:1]
    return any(ch.isascii() and ch.isalnum() for ch in line.text) or start.isascii() and start.isalnum()


_TEXT = frozenset({Role.BODY, Role.PARAGRAPH_START})
_PROVISIONAL = _TEXT | {Role.HEADLINE}
_RUNNING = frozenset({Role.BODY, Role.PARAGRAPH_START, Role.SUBHEADING})
_IN_COLUMN = frozenset({Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION})


def _shorter_than_next(line: Line, following: Line, tuning: Tuning) -> bool:
    """``line`` is a paragraph's indented first line by its own evidence: shorter than the
    line after it by more than a cell's jitter, and not by more than an indent (``西坡村下辖 5
    个自然村，最远的`` over ``一个离村卫生室有 9 公里，中间要翻``), each digit or Latin run
    counted at its widest (it prints wider than its half cells)."""
    if line.terminal or following.terminal or following.spaced:
        return False
    short = cells(following.text) - cells(line.text) \
        + tuning.run_slack * (half_runs(following.text) - half_runs(line.text))
    return tuning.full < short <= tuning.indent_max


def mark_standing_lines(lines: list[Line], profile: Profile) -> None:
    """Headline-ish lines after the end of a text that stand apart from the column below them."""
    tuning = profile.tuning
    full, indent = tuning.full, tuning.indent_max
    for i in range(len(lines) - 2):
        line = lines[i]
        if i and not (line.gap or _ends_text(lines[i - 1])):
            continue  # only where a text ended (most lines go on with one)
        if i and lines[i - 1].brackets > 0:
            continue  # inside a bracket left open above (a dateline's names wrapped: ``本报讯（记者`` / ``刘鹏慧 通讯员 蒋``)
        subheading = line.display and not line.terminal and not line.closes and (
            line.role is Roles.SUBHEADING
            or line.role in _TEXT and profile.markers.subheading_form(line.text))
        if not (subheading or line.role in _PROVISIONAL and _head_like(line)) \
                or line.heads or line.spaced:
            continue
        after, next2 = lines[i + 1], lines[i + 2]
        if after.role not in _TEXT or after.spaced:
            continue
        col = _measure(lines, i + 1, 1, tuning.window)
        if col is None:
            continue
        # wider than the column below, and no indented first line of the column above it
        above = _measure(lines, i - 1, -1, tuning.window) if i else None
        wider = line.width > col + full and after.width >= col - indent and not after.terminal \
            and not (above is not None and above - indent <= line.width <= above - full)
        # the line after it is a paragraph's indented first line (the next is full again),
        # and it is shorter still: no first line of that paragraph
        # the line after it is a paragraph's indented first line: this one ends a text without a
        # sentence end (or a colon's lead-in), so it is display text, unless it is an indented first
        # line itself and no shorter than the next
        own_indent = col - indent <= line.width <= col - full and line.width > after.width - full \
            and _latin_near(after, next2) and not (subheading and _shorter_than_next(after, next2, tuning))
        indented = col - indent <= after.width <= col - full and not after.terminal and not own_indent \
            and not line.text.rstrip().endswith(("：", ":")) and not next2.gap and _steady(lines, i + 2, col, profile)
        if subheading and (wider or indented):
            line.role = Role.SUBHEADING  # set in the column: it ends its block all the same
            line.subheading = line.closes = True
        elif wider or indented:
            line.role = Role.HEADLINE
            line.heads = line.closes = True


_TITLE_PUNCT = re.compile(r"[，。、；：！？,.;:!?（）()]")


def may_hold_plain_item_title(text: str, before: Line | None) -> bool:
    """What :func:`plain_item_title` asks first: a line after another, with a space in it.
    Every line is asked, so the caller looks ahead for the next lines' texts only where this holds."""
    stripped = text.strip()
    return before is not None and (" " in stripped or "\u3000" in stripped)


def plain_item_title(text: str, before: Line | None, following: tuple[str, str], profile: Profile) -> str | None:
    """The run-in title of a short-news item printed without a mark: a bold phrase set
    off from the item's text by a space (``“放心消费”示范店授牌 区市场监管局近日…``).

    Only where an item starts (after the closing byline of the item before, or the
    column's label: a bare word of up to ``label_max / 2`` characters, or a sentence's
    end), on a line that is not letter-spaced and is as wide as the next one, less its
    indent, the next one a full line of the column (a headline with a space in it, ``核桃“嫁接”新技术 助农亩增收千元``, stands
    shorter over its story's opener, a kicker ``与死神赛跑 为生命护航`` wider over its
    title), with that one space between words on it, and a phrase of
    ``item_title_min`` to ``item_title_max`` characters without a clause's mark."""
    if before is None or not may_hold_plain_item_title(text, before):
        return None
    stripped = text.strip()
    tuning = profile.tuning
    mk = profile.markers
    label = before.role is Roles.SECTION_LABEL or before.role is Roles.HEADLINE \
        and len(before.text.strip()) <= tuning.label_max // 2 and not mk.might_end_with_credit(before.text)
    closed = ends_item(before) or before.terminal
    nxt, then = following
    if not (label or closed) or is_letter_spaced(stripped) or not nxt \
            or not width(nxt) - tuning.indent_max <= width(stripped) <= width(nxt) + tuning.full \
            or mk.might_open_dateline(nxt[:12]) or not _full_line(nxt, then, profile):
        return None
    spaces = list(LETTER_SPACE.finditer(stripped))
    if len(spaces) != 1:
        return None
    title = stripped[: spaces[0].start()]
    if not tuning.item_title_min <= len(title.replace(" ", "")) <= tuning.item_title_max \
            or _TITLE_PUNCT.search(title) is not None or mk.might_open_dateline(title):
        return None
    return title


def _full_line(line: str, after: str, profile: Profile) -> bool:
    """A line of running text as wide as the one after it (the column's measure), or its
    paragraph ends on it or on the line after; a headline's wrapped line stands apart from
    the text under it."""
    if not after or line.rstrip()[-1:] in "。！？" or after.rstrip()[-1:] in "。！？":
        return True  # the paragraph ends there or on its short last line after
    return abs(width(line) - width(after)) <= profile.tuning.full
