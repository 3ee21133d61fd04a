"""Headline units: where the trailing headline block starts, and how headline lines group.

Extractors often emit headlines, kickers, subtitles, headline-block bylines
and some captions after all the body text, in no useful order.  This module
finds that block and turns it into units (kicker / title / subtitle / byline,
or a caption); :mod:`lishi_pub.parser.match` matches units to articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..classify import Line, ends_sentence
from ..conventions import Profile
from ..conventions.markers import Byline, Credit
from ..layout import Role, Roles
from ..measure import cells
from ..standing import credit_wrapped
from ..text import clean_spaces, join_lines, title_spaces

__all__ = ["Unit", "group_units", "line_kind", "split_tail"]

#: two spaced phrases (小土豆 大产业); a one-character "phrase" is a word the line broke (消费券发放 撬 / 动消费…)
_HAN_PHRASE_SPACE = re.compile(r"[\u4e00-\u9fff]{2} [\u4e00-\u9fff]{2}")


@dataclass(slots=True)
class Unit:
    """One headline (with its kicker, subtitle and byline) or one caption."""

    titles: list[str] = field(default_factory=list)
    subtitle: str | None = None
    byline: Byline | None = None
    caption: Credit | None = None
    tight: list[bool] = field(default_factory=list)  # per title line: same text box as the line above
    above: Unit | None = None  # the unit printed directly above, in the same run of headline lines
    apart: bool = False  # it opens a text box of its own (a blank line the extractor kept above it)
    #: what the story says of the first title line (match/kicker.py): a kicker (True), a word of the
    #: title the column broke (False), or nothing (None: its marks decide)
    story_kicker: bool | None = None
    #: characters of the first title's first printed line, where the column's wrap was joined on to it
    first_wrap: int | None = None
    top: bool = False  #: its first line is the page's first under the header (segment.drafts.Walker)
    first: bool = False  #: its first line is the page body's first, with a header above it or none
    in_block: bool = False  # printed in the headline block after the text, not above a story in its flow
    #: a title joined from the lines the column wrapped: its printed lines (match/unglue.py may cut between them)
    wrapped: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_headline(self) -> bool:
        return bool(self.titles)

    def take_kicker(self, upper: Unit) -> None:
        """Take a one-line unit printed just above as this headline's kicker."""
        self.titles[:0] = upper.titles
        self.tight[:0] = [False] * len(upper.titles)
        self.tight[len(upper.titles)] = False
        upper.titles = []
        self.top = self.top or upper.top
        self.first = self.first or upper.first
        self.first_wrap = upper.first_wrap  # (the wrap read was the title's, no longer the first line)

    def split_kicker(self, dashes: tuple[str, ...]) -> tuple[str | None, str]:
        """(kicker, main title).  A first line ending in —— or ：, or made of
        two spaced phrases, or in a box of its own, is a kicker (引题), unless
        the story says the break falls inside a word; one the story tells
        apart from the title is one too (match/kicker.py)."""
        titles = [t for t in self.titles if t]
        if len(titles) >= 2:
            first = titles[0]
            separate_box = len(self.tight) >= 2 and not self.tight[1]
            weak = _HAN_PHRASE_SPACE.search(first) or first.endswith(("，", "！", "？")) or separate_box
            if (first.endswith(dashes + ("：", ":")) or self.story_kicker
                    or weak and self.story_kicker is not False):
                kicker = first.rstrip("—－-：: ").strip() or None
                return kicker, _join_title(titles[1:])
        return None, _join_title(titles)

    @property
    def text(self) -> str:
        parts = list(self.titles)
        if self.subtitle:
            parts.append(self.subtitle)
        if self.caption:
            parts.append(self.caption.caption)
        return " ".join(parts)


def _join_title(lines: list[str]) -> str:
    return title_spaces(join_lines(lines))


_KINDS = {Role.BYLINE: "byline", Role.SUBTITLE: "subtitle", Role.CAPTION: "credit"}
_NONE = frozenset({Role.FURNITURE, Role.JUMP, Role.AFFILIATION, Role.VERSE, Role.SIGNATURE})


def line_kind(line: Line) -> str | None:
    """What a line can be in a headline block: a byline, a subtitle, a caption,
    display text, or nothing (furniture, a closing ``（王艳）``, running text)."""
    if line.role is Roles.BYLINE and line.text.lstrip()[:1] in "（(":
        return None
    kind = _KINDS.get(line.role)
    if kind is not None:
        return kind
    if line.role in _NONE:
        return None
    return "display" if line.display else None


_CLOSING_ROLES = frozenset({Role.AFFILIATION, Role.JUMP})


def _closes_paragraph(line: Line) -> bool:
    # an affiliation line (（作者系…干部）) or a jump marker ends its story's text
    return line.terminal or line.closes or line.role in _CLOSING_ROLES


def _caption_above(lines: list[Line], start: int, profile: Profile) -> int | None:
    """Where a caption starts whose credit is broken over its last lines (a
    few lines, the last of them at ``start`` or just after it), or None."""
    first = start - 1
    while first > 0 and start - first < 4 and not _closes_paragraph(lines[first - 1]):
        first -= 1
    for last in range(start - 1, min(len(lines), start + 2)):
        text = join_lines([clean_spaces(x.text) for x in lines[first: last + 1]])
        if len(text) <= profile.tuning.caption_max and profile.markers.find_credit(text) is not None:
            # only a credit broken over lines: one read whole on its line is a caption of the body's
            # (a role word broken, ``…学习。 本报记`` / ``者 毛刚泽 摄``, leaves no sentence before it)
            own = profile.markers.find_credit(lines[last].text) if line_kind(lines[last]) == "credit" else None
            return first if own is None or not ends_sentence(own.caption) else None
    return None


def split_tail(lines: list[Line], profile: Profile) -> int:
    """Index of the first line of the trailing headline block (len(lines) if none).

    Walk back over headline-ish lines.  If the walk stopped inside a
    paragraph, the lines up to that paragraph's end (a caption, say) belong
    to the body, where reflow keeps them whole.
    """
    start = len(lines)
    while True:
        while start > 0 and line_kind(lines[start - 1]) is not None:
            start -= 1
        caption = _caption_above(lines, start, profile) if 0 < start < len(lines) else None
        if caption is None:
            break
        start = caption  # a caption wrapped over lines of the block: walk on above it
    if 0 < start < len(lines) and not _closes_paragraph(lines[start - 1]):
        # the walk stopped inside a paragraph (a caption, say): it runs on to
        # the line that closes it, read with the lines before it (a credit
        # wraps: ``（吴悦海`` / ``摄）``)
        pieces = [clean_spaces(lines[start - 1].text)]
        while start < len(lines) and not _closes_paragraph(lines[start]):
            pieces.append(clean_spaces(lines[start].text))
            start += 1
            if profile.markers.find_credit(join_lines(pieces)) is not None:
                break
        else:
            start += 1
    if not any(line_kind(line) == "display" for line in lines[start:]):
        return len(lines)
    return start


def _caption_lines_above(units: list[Unit], profile: Profile) -> list[Unit]:
    """The last units, each a single line with nothing under it, that read as one caption
    ending in a sentence's end (a title never ends in 。): ``国庆假期，碛口古镇游人如`` /
    ``织，游客们漫步在明清老街`` / ``上，感受古镇的历史风貌和`` / ``民俗文化。``, a box a line,
    then ``本报记者 侯昊 摄``.  At most ``caption_max`` characters are read back."""
    taken: list[Unit] = []
    size = 0
    for unit in reversed(units):
        if len(unit.titles) != 1 or unit.subtitle or unit.byline or unit.caption is not None:
            break
        text = unit.titles[0]
        if taken and text.rstrip()[-1:] in "。！？":
            break  # the sentence before the caption's
        size += len(text)
        if size > profile.tuning.caption_max:
            return []
        taken.append(unit)
    if len(taken) < 2 or taken[0].titles[0].rstrip()[-1:] not in "。！？":
        return []
    return taken[::-1]


def group_units(lines: list[Line], profile: Profile) -> list[Unit]:
    """Group headline-block lines into units.

    Lines of one text box (no blank line between them) stay together; a
    byline closes its unit; a caption is a unit of its own; a box holding only
    a subtitle or a byline belongs to the headline above it.
    """
    mk = profile.markers
    units: list[Unit] = []
    current: Unit | None = None
    title_at: dict[int, list[int]] = {}  # each unit's title lines, where each starts
    printed_captions: dict[int, tuple[str, int]] = {}  # each caption unit's printed text and last line, by id
    for i, line in enumerate(lines):
        text = line.text.strip()
        # a run-in item title is its item's headline alone (the column's label above it is page text)
        new_box = i == 0 or (line.blanks > 0 and not line.same_unit) or line.role is Roles.ITEM_TITLE
        kind = line_kind(line) or "display"
        under_slogan = current is not None and len(current.titles) == 1 and not current.subtitle \
            and not current.byline and kind == "display" and mk.heads_notice_under_slogan(current.titles[0], text)
        if under_slogan:
            new_box = True  # a slogan over a notice's title is the page's banner (文明实践 你我同行 / 计划停电通知)
        elif current is not None and current.titles and not new_box and kind == "display" \
                and mk.names_its_kind("".join(current.titles[-3:])) and mk.is_notice_title(text) \
                and len(text) >= profile.tuning.item_title_min and text[:1] not in profile.conventions.dashes:
            new_box = True  # a title named complete by its kind, then another: two titles of one box
        elif current is not None and current.titles and not new_box and kind == "display" \
                and mk.names_its_kind("".join(current.titles[-3:])) and _kind_on_next(lines, i, profile):
            new_box = True  # ... the other wrapped, its kind on its next line (便民服务电话 / 恒固建材有限 / 公司招聘启事)
        if not line.joins and kind == "display" and _subtitle_goes_on(current, lines, i, profile):
            line.joins = True  # the subtitle wrapped in its box: ``——信义镇郭家庄村书`` / ``屋晚上开门迎读者``
        if line.joins and not under_slogan and current is not None and kind in ("display", "subtitle") and not current.byline:
            # a headline, kicker or subtitle the column wrapped: its lines are one text
            if current.subtitle is not None:
                current.subtitle = _join_title([current.subtitle, text])
                continue
            if current.titles:
                if len(current.titles) == 1 and current.first_wrap is None:
                    current.first_wrap = len(current.titles[0])
                joined = _join_title([current.titles[-1], text])
                printed = current.wrapped.pop(current.titles[-1], None) or [current.titles[-1]]
                printed.append(text)
                current.wrapped[joined] = printed
                current.titles[-1] = joined
                if mk.is_notice_title(text):
                    current = None  # complete where its kind is named (区职业中学 / 秋季招生简章)
                continue
        if (kind == "credit" or line.credit) and new_box:
            taken = _caption_lines_above(units, profile)
            boxed = mk.find_caption(join_lines([*(u.titles[0] for u in taken), text])) if taken else None
            if boxed is not None:  # a caption a box a line (pdfminer), its credit alone in the last box
                del units[-len(taken):]
                for unit in taken:
                    title_at.pop(id(unit), None)
                units.append(Unit(caption=boxed, apart=taken[0].apart))
                current = None
                continue
        if kind == "credit":
            last = units[-1] if units else None
            start: Unit | None = None
            head: list[str] = []
            n = 0
            open_unit = current is not None and bool(current.titles) and current.byline is None
            starts = title_at.get(id(current), []) if open_unit else []
            broken = open_unit and _credit_broken(lines, i, starts, profile)
            if current is not None and open_unit and (broken or not new_box):
                # a caption wrapped over lines of one box: the lines a caption fills, no headline's;
                # a credit the column broke (``…学习。 本报记`` / ``者 毛刚泽 摄``) takes the line above it
                n = 0 if new_box or current.subtitle else _caption_lines(lines, i, starts, len(current.titles), profile)
                n = max(n, int(broken))
                if n == len(current.titles) and not current.subtitle:
                    start, head = current, current.titles
                elif n:
                    start, head = Unit(apart=line.blanks > 0), current.titles[-n:]
            elif not new_box and last is not None and last.caption is not None and last.caption.credit is None:
                start, head = last, [last.caption.caption]  # a ▲ caption going on to its credit
            elif last is not None and printed_captions.get(id(last), ("", -1))[1] == i - 1 \
                    and mk.find_caption(text) is None:
                # the end of a credit the column broke, under a caption read whole with its credit cut
                # short (``…装置。 中阳县摄影`` / ``家协会供图``): the caption is read again with it
                start, head = last, [printed_captions[id(last)][0]]
            elif new_box and (wrapped := _wrapped_caption(units, lines, i, title_at, profile)):
                # a caption the column wrapped, each line a box of its own: its full lines above the credit's
                for unit in wrapped[:-1]:
                    units.remove(unit)
                start, head = wrapped[-1], [t for unit in wrapped for t in unit.titles]
            credit = mk.find_caption(join_lines([*head, text])) if start is not None else None
            if credit is not None and start is not None and current is not None and 0 < n < len(current.titles):
                del current.titles[-n:], current.tight[-n:]  # the caption's lines under the headline's
            elif credit is not None and start is not None:
                units.remove(start)
            else:
                head = []
                # (a credit line no caption reads as one, whatever it was marked: its text is kept as a caption)
                credit = mk.find_caption(text) or Credit(text, None)
            caption_unit = Unit(caption=credit, apart=start.apart if start is not None else line.blanks > 0)
            printed_captions[id(caption_unit)] = (join_lines([*head, text]), i)
            units.append(caption_unit)
            current = None
            continue
        if kind == "byline":
            byline = mk.parse_byline_line(text) or mk.parse_bracketed_byline(text) or mk.bare_byline(text)
            target = current if current is not None and current.byline is None else _last_headline(units)
            if target is not None and target.byline is None:
                target.byline = byline
            else:
                units.append(Unit(byline=byline))
            current = None
            continue
        if kind == "subtitle":
            target = current if current is not None else _last_headline(units)
            sub = title_spaces(mk.strip_dashes(text))
            if target is not None and target.subtitle is None and target.byline is None:
                target.subtitle = sub
            else:
                units.append(Unit(titles=[sub], tight=[False]))
            continue
        if current is not None and current.titles and not current.subtitle and not current.byline \
                and new_box and len(current.titles) == 1 and current.titles[-1].endswith(mk.kicker_ends):
            new_box = False  # a kicker ending in —— or ： heads the title printed after it
        if current is not None and len(current.titles) == 1 and not new_box and kind == "display" \
                and text.endswith(mk.kicker_ends) and not current.titles[0].endswith(mk.kicker_ends) \
                and not current.subtitle and not current.byline \
                and len(text.rstrip("".join(profile.conventions.dashes) + "：: ")) < profile.tuning.title_min:
            # a kicker the column wrapped, its mark on the last characters (``脱贫户变身养殖能`` / ``手——``):
            # one kicker, heading the title printed after it
            current.titles[0] = _join_title([current.titles[0], text])
            continue
        if current is not None and current.titles and not new_box and text.endswith(mk.kicker_ends):
            new_box = True  # a kicker ending in —— after a title in its box heads the next title, not this one
        if current is not None and current.subtitle is not None and not new_box:
            new_box = True  # a title is never printed under its own subtitle: a caption's first line, or another headline
        if current is None or new_box:
            current = Unit(apart=line.blanks > 0)
            units.append(current)
        current.tight.append(bool(current.titles) and line.blanks == 0)
        current.titles.append(title_spaces(text))
        starts = title_at.setdefault(id(current), [])
        del starts[len(current.titles) - 1:]  # (titles taken off it since: a caption's lines)
        starts.append(i)
        if mk.is_notice_title("".join(current.titles[-3:])):
            current = None  # a title naming its kind of notice (…的通告, 征文启事) is complete
    for upper, lower in zip(units, units[1:]):
        lower.above = upper
    return units


def _kind_on_next(lines: list[Line], i: int, profile: Profile) -> bool:
    """Line ``i`` and the next line of its box make a notice's title (``“我的家乡我的家”`` /
    ``征文启事``), line ``i`` naming no kind itself and the next more than a kind word alone
    (``区职业中学秋季招生`` / ``简章`` is one title)."""
    if i + 1 >= len(lines) or lines[i + 1].blanks or line_kind(lines[i + 1]) != "display":
        return False
    text, nxt = lines[i].text.strip(), lines[i + 1].text.strip()
    mk = profile.markers
    return not mk.names_its_kind(text) and mk.is_notice_title(nxt) \
        and len(nxt) >= profile.tuning.item_title_min and text[:1] not in profile.conventions.dashes


def _caption_lines(lines: list[Line], i: int, starts: list[int], count: int,
                   profile: Profile) -> int:
    """How many of the last ``count`` title lines of the box above line ``i`` (a caption's
    credit) are its caption's: a caption is set like running text, so its lines above the
    credit's are as wide as the widest of the credit's line and the one above it; a shorter
    line above them ended a headline (``应急演练进社区`` / ``居民学会“自救互`` / ``救”`` /
    ``消防救援人员指导居民使`` / ``用灭火器。 孔静 摄``: one caption line)."""
    if not starts or starts[-1] != i - 1 or len(starts) != count:
        return count  # (titles joined from wrapped lines: read as before)
    full = profile.tuning.full
    measure = max(cells(lines[i].text), cells(lines[i - 1].text))  # (a justified line's spaces are no print)
    n = 0
    for k in reversed(starts):
        if cells(lines[k].text) < measure - full:
            break
        n += 1
    return n


def _wrapped_caption(units: list[Unit], lines: list[Line], i: int, title_at: dict[int, list[int]],
                     profile: Profile) -> list[Unit]:
    """The units above the credit's line ``i`` that are the first lines of its caption, wrapped
    by the column like running text with each line in a box of its own (a blank line between
    every two lines): the line right above is full (as wide as the measure, within ``full``)
    and ends no sentence, and the credit's line holds only the sentence's last words, shorter
    than that line (``信义镇后沟村村民在田间收割谷子，收割机来回穿`` / ``梭。 薛建朝 摄``); the
    full lines above it back to a sentence's end or a narrower line (a headline's) are the
    caption's too.  Empty where the credit's line holds a caption of its own."""
    found = profile.markers.find_credit(lines[i].text.strip())
    if found is None or not found.caption or i == 0:
        return []
    tuning = profile.tuning
    measure = cells(lines[i - 1].text)
    if cells(found.caption) >= measure - tuning.full:
        return []  # a caption whole on its line, as wide as the line above: that line is no part of it
    taken: list[Unit] = []
    at = i - 1
    for unit in reversed(units):
        starts = title_at.get(id(unit), [])
        if len(taken) >= tuning.caption_wrap_lines or unit.byline is not None or unit.subtitle is not None \
                or unit.caption is not None or len(unit.titles) != 1 or starts != [at]:
            break
        line = lines[at]
        if line.terminal or cells(line.text) < measure - tuning.full:
            break
        taken.append(unit)
        at -= 1
    if not taken or sum(len(u.titles[0]) for u in taken) + len(found.caption) > tuning.caption_max:
        return []
    return taken[::-1]


def _credit_broken(lines: list[Line], i: int, starts: list[int], profile: Profile) -> bool:
    """The credit on line ``i`` began at the end of the line above, after its caption's sentence and
    a space, and that line stands alone as a unit's last title line."""
    if not starts or starts[-1] != i - 1:
        return False
    return credit_wrapped(lines[i - 1].text, lines[i].text, profile)


def _subtitle_goes_on(current: Unit | None, lines: list[Line], i: int, profile: Profile) -> bool:
    """Line ``i`` goes on with the subtitle printed in the line above, in the same text box:
    a subtitle is a headline's last part, wrapped by the column like running text, so a line
    after it no wider than it (within ``full``) is its next line, unless it ended a sentence."""
    if current is None or current.subtitle is None or current.byline is not None or i == 0:
        return False
    above, line = lines[i - 1], lines[i]
    return line.blanks == 0 and line_kind(above) in ("subtitle", "display") \
        and not above.terminal and line.width <= above.width + profile.tuning.full


def _last_headline(units: list[Unit]) -> Unit | None:
    return units[-1] if units and units[-1].is_headline else None
