"""Columns of short items: a 简讯 column's briefs, a 便民信息 column's service items.

Part of the classify stage (``classify`` asks a :class:`Column` of each line as it
reads the page, once, in order).  A column of items is headed by its name
(``简讯``, ``短讯``, ``便民信息``: the conventions' ``section_labels``), which is
page text over the items and no word of the first item's title; each item opens
with its title, marked (``●``) or set bold, run into its text after one space,
and usually closes with its author in brackets (``（王艳）``).

Inside such a column every item has a title, so where an item starts (below the
column's name or after the bracketed author closing the item before) the title
is read off the item's first line even where the one space after it is lost:

- the space fell at the line's end: the title is the whole line
  (``冬灌工作全面展开`` / ``连日来，全区各灌区……``), spread to the column in a justified
  one (``校 园 足 球 联 赛 开 幕``);
- the title wrapped: it ends at the space on the next line
  (``公交 8 路调整线`` / ``路 因北关街道路施……`` is 公交8路调整线路);
- a figure follows the space, which may also be an extractor's gap around digits:
  the phrase before it is the title when it is long enough to be one
  (``义诊活动走进吴城 11月`` / ``18日，区中医院……``).

A mark standing alone on its line (``● 区图书馆延长开放时间``) heads the next item in
such a column, where elsewhere it would open a subheading.

A notice's or a service item's title names its kind (``…的通知``, ``寻人启事``,
``菜价一览``, ``本周天气预报``: the conventions' ``notice_titles``).  Printed in the flow
after the text before it ended, over its text, it is the title of what follows,
however wide it is beside the column (:func:`mark_notice_titles`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from attrs import frozen

from .conventions import Conventions, Profile
from .layout import Role, Roles
from .leads import DATE, lead_at
from .leads import spread as spread_line
from .text import LETTER_SPACE, clean_spaces, fold_fullwidth, is_letter_spaced

if TYPE_CHECKING:
    from .classify import Line

__all__ = ["Column", "ItemStart", "ends_item", "mark_notice_titles"]

#: ... and, where an item starts, one before a quotation or a bracket (``摄影作品展开展 “山河新貌”主题…``).
_TITLE_SPACE = re.compile(r"(?<=[^\W\d_A-Za-z”’）》])[ \u3000]+(?=[^\W\d_A-Za-z]|[“‘（《])")
#: A space before a figure: an author's after a title, or an extractor's gap around a digit run.
_FIGURE_SPACE = re.compile(r"(?<=[^\W\d_A-Za-z”’）》])[ \u3000]+(?=\d)")
#: An author's space after a closing quotation, before a word: a headline's, never running text's.
_QUOTE_SPACE = re.compile(r"[”’][ \u3000]+[^\W\d_A-Za-z]")
#: A date opening a lead (``11 月 18 日``, ``2023年``, ``1至10月``).
_DATE = re.compile(DATE)
#: A figure ending a line, and a unit alone before a space opening the next (the title's end).
_LAST_FIGURE = re.compile(r"[ \u3000]\d+$")
_UNIT_ENDS = re.compile(r"\s*[^\W\d_A-Za-z][ \u3000]")
#: A title's last characters carried to the next line, a space, then the lead's date (``动 11月…``).
_CARRIED = re.compile(rf"([^\W\d_A-Za-z]{{1,2}})[ \u3000]+(?={DATE})")
#: Marks no title holds: a clause's or a sentence's.
_CLAUSE = re.compile(r"[，。、；：！？,;:!?（）()]")
#: Roles that close the text before them and leave no item open.
_OUT_OF_COLUMN = frozenset({Role.FURNITURE, Role.DATELINE, Role.SUBTITLE})
_OPENS_COLUMN = frozenset({Role.SECTION_LABEL, Role.ITEM_TITLE})
_NOT_AUTHOR = frozenset({Role.CAPTION, Role.JUMP, Role.AFFILIATION})


def ends_item(line: Line) -> bool:
    """The line closes an item with its author in brackets, alone (``（王艳）``) or run on
    after the item's last sentence (``……作。 （邓鑫）``)."""
    text = line.text.rstrip()
    if line.role is Roles.BYLINE:
        return text.lstrip()[:1] in "（("
    # a bracketed byline wrapped over two lines ends in the bracket closed on the second (``罗亮 李`` / ``霞）``)
    return (line.closes or line.brackets < 0) and text.endswith(("）", ")")) and line.role not in _NOT_AUTHOR


def _credits(text: str, conv: Conventions) -> bool:
    """A byline's or a credit's line: opening with a role word or closing with a credit."""
    return text.split(maxsplit=1)[0] in conv.roles or text.rstrip("）) ").endswith(
        conv.photo_marks + conv.source_credits + conv.file_photos)


def _heads_story(text: str) -> bool:
    """A subtitle's dash, a byline's box, or a headline's space after a quotation (``河道“清四乱” 还河于民``)."""
    text = text.lstrip()
    return text.startswith(("——", "□", "■")) or _QUOTE_SPACE.search(text) is not None


@frozen
class ItemStart:
    """An item's title read off its first line: the title, what is left of the line
    (empty when the title is the whole line), and what is left of the next line when the
    title wrapped onto it (None when it did not)."""

    title: str
    rest: str
    next_rest: str | None = None


class Column:
    """Whether the lines read so far stand in a column of items, and where its items start."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.inside = False
        #: the labels' first characters: every short line is asked, and most open with none of them
        self.label_first = frozenset(label[:1] for label in profile.conventions.section_labels)

    def is_label(self, text: str) -> bool:
        """``简讯``, ``短 讯``: the name of a column of items, alone on its line."""
        if text.lstrip()[:1] not in self.label_first:
            return False  # (cleaning spaces keeps the first character)
        compact = clean_spaces(text).replace(" ", "")
        return compact in self.profile.conventions.section_labels

    def see(self, line: Line) -> None:
        """Note a line as it is appended to the page: a column's name or an item's title opens
        a column, furniture, a dateline or a subtitle (another story) leaves it."""
        if line.role in _OPENS_COLUMN:  # a set, not two ``Role.X`` (slow in 3.11): asked of every line
            self.inside = True
        elif line.role in _OUT_OF_COLUMN:
            self.inside = False

    def item_start(self, text: str, before: Line | None, following: tuple[str, str]) -> ItemStart | None:
        """The title of the item starting on this line, where the line starts one in a column
        of items (see the module's docstring)."""
        if before is None:
            return None
        stripped = text.strip()
        conv = self.profile.conventions
        marked = stripped[:1] in conv.item_marks
        # a plain line starts an item only after the column's name or an item closed by its
        # author; a mark after any text's end in a column, and anywhere where the item's text
        # runs on after its title (``● ETC 服务网点进乡镇 为方便群众…``)
        column = before.role is Roles.SECTION_LABEL or (self.inside and (
            ends_item(before) or (marked and before.terminal)))
        # after a sentence's end in a column, a plain line runs its title in after one space
        run_in = marked or (self.inside and before.terminal)
        if not column and (not run_in or self.profile.markers.parse_byline_line(stripped) is not None):
            return None  # (``■ 本报记者 赵敏``: the box of a byline, which no column of items holds)
        if not marked and _credits(stripped, conv):
            return None  # ``本报记者 郭平英 摄``: a photo's credit, no item
        if marked:
            stripped = stripped[1:].lstrip()
        nxt = following[0]
        if not stripped or self.profile.markers.opens_with_dateline(clean_spaces(stripped).replace(" ", "")):
            return None  # a story's dateline after a column of items (本报讯 …)
        spread = is_letter_spaced(stripped)
        if not spread:
            words = list(_TITLE_SPACE.finditer(stripped))
            if words:  # a title run in after one space (plain_item_title's case, here after any item end)
                return self._cut(stripped, words[0].start(), words[0].end())
        kind = self.profile.markers.names_its_kind
        if not (column or marked and spread) or not nxt or _heads_story(nxt) or _heads_story(following[1]) \
                or kind(clean_spaces(nxt)) or kind(clean_spaces(following[1])):
            # a mark alone on its line outside a column of items opens a subheading (unless spread over
            # the line like a run-in title that filled it: ``■ 打 击 电 信 诈 骗 宣 传 周``); a line
            # over a subtitle, a byline or a notice's title is a headline's (the headline block after the
            # column's last item)
            return None
        return self._first_line(stripped, spread, nxt)

    def _first_line(self, stripped: str, spread: bool, nxt: str) -> ItemStart | None:
        """The title of an item whose first line holds no space between words: the title ends
        before a date (``义诊活动走进吴城 11月``), at the line's end, or on the next line."""
        tuning = self.profile.tuning
        low, high = tuning.item_title_min, tuning.item_title_max
        whole = clean_spaces(stripped).replace(" ", "") if spread else clean_spaces(stripped)
        clause = _CLAUSE.search(whole) is not None
        figure = _FIGURE_SPACE.search(stripped)
        if figure is not None and (clause or _DATE.match(stripped[figure.end():] + nxt.lstrip()) is not None
                                   or (_LAST_FIGURE.search(stripped) is not None and _UNIT_ENDS.match(nxt) is None)):
            # a lead opens with a date or a figure (``新登记市场主体增长 1`` / ``至10月，…``); a count
            # whose unit ends the title on the next line (``城区新增口袋公园 5`` / ``处 今年…``) is the title's own
            head = clean_spaces(stripped[: figure.start()]).replace(" ", "")
            if low <= len(head) <= high and _CLAUSE.search(head) is None and not any(c.isdigit() for c in head):
                return ItemStart(head, stripped[figure.end():].strip())
        conv = self.profile.conventions
        if spread and not clause:
            # the title's line spread to the measure holds the lead's first words (``城 关 二 中 获 评 省 级
            # 文 明 校 园 日`` / ``前，…``): the lead opens where its date or time word does
            after = fold_fullwidth(nxt).replace(" ", "")
            at = lead_at(whole + after[:tuning.item_carry_max], low, len(whole) - 1, conv, broken=len(whole))
            if at is not None and at <= high:
                return ItemStart(whole[:at], whole[at:])
        if clause or " " in whole or len(whole) > high:
            return None
        if nxt[:1] in conv.line_start_forbidden:
            return None  # the line was wrapped inside a clause
        if spread_line(nxt):
            # the title wrapped onto a spread line, its space lost there (``公交8路调整线`` / ``路 因 北 关 街``):
            # its last characters go up to where the lead opens
            after = fold_fullwidth(nxt).replace(" ", "")
            at = lead_at(whole + after, len(whole), len(whole) + tuning.item_carry_max, conv, broken=len(whole))
            if at == len(whole) and len(whole) >= low:
                return ItemStart(whole, "")  # the lead opens the next line: the title filled its own
            if at is not None and at <= high and _CLAUSE.search(after[: at - len(whole)]) is None:
                return ItemStart(whole + after[: at - len(whole)], "", after[at - len(whole):])
        wrapped = None if spread_line(nxt) else LETTER_SPACE.search(nxt)
        if wrapped is not None:
            head = clean_spaces(nxt[: wrapped.start()])
            if head and len(whole) + len(head) <= high and _CLAUSE.search(head) is None:
                return ItemStart(whole + head, "", nxt[wrapped.end():].strip())
        carried = _CARRIED.match(nxt)
        if carried is not None and carried.group(1) not in self.profile.conventions.time_prepositions \
                and len(whole) + len(carried.group(1)) <= high:
            # the title's last characters wrapped before the lead's date (冬季供暖正式启 / 动 11月…);
            # a time phrase's preposition (区图书馆延长开放时间 / 自 12月…) opens the lead instead
            return ItemStart(whole + carried.group(1), "", nxt[carried.end():].strip())
        if len(whole) < low:
            return None
        return ItemStart(whole, "")

    def _cut(self, text: str, start: int, end: int) -> ItemStart | None:
        title = clean_spaces(text[:start])
        tuning = self.profile.tuning
        if not tuning.item_title_min <= len(title.replace(" ", "")) <= tuning.item_title_max \
                or _CLAUSE.search(title) is not None:
            return None
        return ItemStart(title, text[end:].strip())


#: Roles of the lines a text ends with: what follows them starts anew.
_ENDS_TEXT = frozenset({Role.FURNITURE, Role.BYLINE, Role.CAPTION, Role.JUMP, Role.AFFILIATION, Role.SIGNATURE,
                        Role.DATELINE, Role.SECTION_LABEL, Role.ITEM_TITLE})
_TITLE_ROLES = frozenset({Role.HEADLINE, Role.BODY, Role.PARAGRAPH_START})
_RUNNING = frozenset({Role.BODY, Role.PARAGRAPH_START})


def mark_notice_titles(lines: list[Line], profile: Profile) -> None:
    """Titles naming a kind of notice, printed over their text after the text before ended.

    The title may be wrapped over up to ``head_lines`` lines (``城乡公交新线`` /
    ``路运行时刻表``): the lines from where the text before ended down to the one naming the
    kind are one headline.  Running text must follow (a line naming a kind at the end of a
    column is the trailing headline block's, matched there)."""
    mk = profile.markers
    reach = profile.tuning.head_lines
    service = profile.conventions.service_titles
    for i, line in enumerate(lines[:-1]):
        if not _title_line(line) or line.heads:
            continue
        title = clean_spaces(line.text)
        if len(title) < profile.tuning.kind_break and i and _title_line(lines[i - 1]) and not lines[i].gap:
            title = clean_spaces(lines[i - 1].text) + title  # the column broke the kind's word (``…出行提`` / ``示``)
        after = lines[i + 1]
        running = after.terminal or not after.display or _CLAUSE.search(after.text) is not None
        if mk.is_notice_title(title):
            pass
        elif not (title.endswith(service) and running):
            continue  # a service column's title stands over a line of running text, not over a title's next line
        # (a line of running text may still be taken for a headline here: a narrow column's ``刘某某，男，7``)
        if after.role not in _RUNNING and not (after.role is Roles.HEADLINE and running) \
                or _title_ahead(lines, i + 1, reach, profile):
            continue
        top = i
        while top > 0 and i - top < reach - 1 and not lines[top].gap and not _text_ended(lines[top - 1]) \
                and _title_line(lines[top - 1]) and not mk.is_notice_title(clean_spaces(lines[top - 1].text)):
            top -= 1
        if top > 0 and not lines[top].gap and not _text_ended(lines[top - 1]):
            continue  # the run stops inside running text: a sentence that happens to end in 通知
        for k in range(top, i + 1):
            x = lines[k]
            x.role = Role.HEADLINE
            x.heads = x.closes = True
            x.joins = x.same_unit = k > top
            x.subheading = False


def _title_ahead(lines: list[Line], start: int, reach: int, profile: Profile) -> bool:
    """Another title naming a kind of notice follows within ``reach`` lines, before any text
    ends: the lines stand in a headline block (``…招聘教师公告`` / ``周末天气及出行提示`` / …)."""
    mk = profile.markers
    for x in lines[start: start + reach]:
        if not _title_line(x):
            return False
        if mk.is_notice_title(clean_spaces(x.text)):
            return True
    return False


def _title_line(line: Line) -> bool:
    """A line that may be one of a title's: display text without a clause's mark in it."""
    return line.display and not line.terminal and line.role in _TITLE_ROLES and not line.brackets \
        and not line.opens and not line.spaced and _CLAUSE.search(line.text) is None


def _text_ended(line: Line) -> bool:
    return line.terminal or line.closes or line.role in _ENDS_TEXT
