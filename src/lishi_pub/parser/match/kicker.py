"""Match: kickers (引题), told from titles by the story under them, by where
they stand, and by the page's house style (docs/parsing.md, "Kickers").

A kicker is a slogan or a frame over the title (``老人吃饭不再犯愁`` over
``“暖心食堂”开进老旧小区``); a title restates the story's facts.  Where an
extractor gives both in one box and nothing marks the kicker (no ``——`` or
``：`` after it, no spaced phrases, no box of its own), only the story can
tell them from a title the layout broke in two (``离石区档案馆开展`` /
``“国家安全教育学习”活动``, one title).  So the first line is read as a
kicker only where weak signals agree (:func:`story_kicker`):

- the story: the first line shares few of its words with the story's text,
  and the lines after it clearly more;
- the break: it falls between phrases, not inside a word (the two characters
  around it are no word of the story), nor after a character that leaves a
  phrase open (``…的`` / ``“急救速度”``), nor before one that cannot open a
  phrase, nor inside a quotation;
- the form: both sides are phrases of a few characters at least, and the
  whole is no notice's title (``关于开展全民免`` / ``费健康体检的通知``);
- the page: no other story claims the line (two headlines in one box).

The same evidence also vetoes the weaker marks: a first line whose break
falls inside a word of the story is a title the column broke.  Where the
story says nothing either way, the shape may: a first line shorter than the
title line under it, which neither a column's wrap nor a designer's balanced
break makes, is a part of its own (:func:`short_first`); so is a first
line of three printed lines or more off the measure of the lines under it
(:func:`apart_first`).  Where the
headline stands over its story, a line in a box of its own above it that
heads nothing else is its kicker (:func:`adopt_standing_kickers`); a line
first under the page's header is the first story's kicker where the story
tells its words, the page's banner where it tells none, and where a word or
two is shared the page's house style decides (:func:`banner_over_first`).  Each check is a substring search of a few
bigrams or a look at a neighbour: linear in the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Paragraph
from ..conventions import Profile
from ..segment.drafts import Draft
from ..measure import cells
from ..segment.units import Unit
from ..text import BRACKET_PAIRS, grams, is_han, left_open
from .assign import Candidates
from .scorer import Scorer

__all__ = ["adopt_standing_kickers", "apart_first", "banner_over_first", "read_kickers", "short_first", "story_kicker"]


_OPENING = "".join(a for a, _ in BRACKET_PAIRS)


def _share(text: str, story: str) -> float:
    """The share of ``text``'s bigrams that occur in ``story``."""
    found = grams(text)
    return sum(g in story for g in found) / len(found) if found else 0.0


def story_kicker(lines: Sequence[str], story: str, profile: Profile) -> bool | None:
    """What ``story`` says of the first of a headline's ``lines``: True, a
    kicker; False, part of the title (the break falls inside one of the
    story's words); None, no evidence either way."""
    conv, tuning = profile.conventions, profile.tuning
    first = lines[0].rstrip("".join(conv.dashes) + "：: ").strip()
    rest = "".join(lines[1:]).strip()
    if not first or not rest:
        return None
    before, after = first[-1], rest[0]
    if is_han(before) and is_han(after) and before + after in story:
        return False  # 撬 / 动 where the story says 撬动: one title the column broke
    if len(first.replace(" ", "")) < tuning.title_min or len(rest.replace(" ", "")) < tuning.title_min:
        return None
    if before in conv.phrase_open_ends or after in conv.phrase_closed_starts or after in conv.line_start_forbidden:
        return None
    if first.startswith(conv.notice_openers) or profile.markers.names_its_kind(rest):
        return None  # a notice or a service column is headed by what it is: it carries no kicker
    if left_open(first):
        return None  # a quotation or bracket left open goes on in the next line (旱塬结出“金穗 / 子”…)
    own, title = _share(first, story), _share(rest, story)
    if own <= tuning.kicker_story_max and title - own >= tuning.kicker_story_gap:
        return True
    if own - title >= tuning.kicker_story_gap and first[-1:] in "，！？,!?":
        return False  # a phrase ending in a mark that restates the story better than the rest: the title's
    return None


def _elsewhere(line: str, k: int, scorer: Scorer, profile: Profile) -> bool:
    """``line`` describes another story of the page better than story ``k``:
    a headline of its own printed over this one (two headlines in one box),
    no kicker."""
    try:
        others = [scorer.score(line, j) for j in Candidates.of_scorer(scorer, profile).of(line) if j != k]
    except ValueError:  # a line outside the page's headline vocabulary: nothing to compare
        return False
    best = max(others, default=0.0)
    return best >= profile.tuning.match_threshold and best > scorer.score(line, k)


def read_kickers(drafts: list[Draft], scorer: Scorer, profile: Profile) -> None:
    """Give each matched headline of two lines or more the story's word on its
    first line (never a kicker where another story of the page claims it)."""
    for k, draft in enumerate(drafts):
        unit = draft.unit
        if unit is None:
            continue
        lines = [t for t in unit.titles if t]
        wrap = unit.first_wrap
        if len(lines) < 2 and not wrap:
            continue
        story = "".join(b.text for b in draft.blocks if isinstance(b, Paragraph))
        printed = [p for t in lines for p in unit.wrapped.get(t, [t])]
        if wrap and unit.titles[0] and 0 < wrap < len(unit.titles[0]) \
                and not unit.titles[0].endswith(profile.markers.kicker_ends):  # (a kicker wrapped: 养殖能 / 手——)
            # the first line was read as wrapping on to the next (a kicker wider than its title):
            # the story may still say the two are a kicker and its title
            first = unit.titles[0]
            said = story_kicker([first[:wrap], first[wrap:], *lines[1:]], story, profile)
            if (said or said is None and apart_first(printed, story, profile)) \
                    and not _elsewhere(first[:wrap], k, scorer, profile):
                unit.titles[0:1] = [first[:wrap], first[wrap:]]
                unit.tight.insert(1, True)
                unit.story_kicker = True
                continue
        if len(lines) >= 2:
            # a line another story claims is its headline, whatever marks it (never the ——/：'s kicker)
            said = False if _elsewhere(lines[0], k, scorer, profile) else story_kicker(lines, story, profile)
            unit.story_kicker = True if said is None and (short_first(lines, profile)
                                                          or apart_first(printed, story, profile)) else said


def apart_first(printed: Sequence[str], story: str, profile: Profile) -> bool:
    """The first of a headline's three printed lines or more stands apart from the measure the
    lines under it are set to, so it is a part of its own, the kicker, where the story says
    nothing either way (:func:`read_kickers`).  The second line is no title's last, so it is
    full: a column filled it to the measure, or a designer broke the title into lines of a
    length (within ``head_balance`` of the next).  A line of that title above it would be set
    to the same measure: a first line wider than it by more than ``head_balance`` cells
    (``探访区急救中心调度大厅`` / ``守护生命的`` / ``“急救速度”``) is none; nor is one narrower than a
    measure the column filled: the break under the second line falls inside a word of the
    story (``守护绿水青山`` / ``蓝天碧水净土保`` / ``卫战取得新成效``: a column fills each line of a
    title before it starts the next), or the last line falls short of the measure by more than
    ``head_balance`` (``经济运行稳中有进`` / ``前三季度全区地区生`` / ``产总值增长 6.1%``: a
    designer's lines are of a length).  What line breaking explains is no evidence, as for
    :func:`short_first`; nor a first line leaving a phrase open."""
    conv, balance = profile.conventions, profile.tuning.head_balance
    if len(printed) < 3:
        return False
    first, second, third = (p.strip() for p in printed[:3])
    if not first or not second or not third or left_open(first) or first[-1] in conv.phrase_open_ends:
        return False
    measure = cells(second)
    if any(abs(cells(p) - measure) > balance for p in printed[2:-1]) or cells(printed[-1]) > measure + balance:
        return False  # the lines under the first are no one title set to one measure
    if cells(first) > measure + balance:
        return True
    column = cells(printed[-1]) < measure - balance or is_han(second[-1]) and is_han(third[0]) \
        and second[-1] + third[0] in story  # a designer breaks into lines of a length, a column where it is full
    return column and cells(first) < measure and not _break_explains(first, second, profile)


def short_first(lines: Sequence[str], profile: Profile) -> bool:
    """The first of a headline's lines is shorter than the next by more than ``head_balance``
    cells, and nothing of line breaking explains it: no column wrapped them as one title (a
    column fills a line before it starts the next) nor did a designer break one in two (into
    lines of a length), so the first line is a part of its own, the kicker (``奔跑在三川河畔`` /
    ``马拉松赛事首次落户我区``), where the story says nothing either way (:func:`read_kickers`).
    A line cut short by kinsoku (the next opens with a mark that may not start a line, this one
    ends with one that may not end it), at a Latin or digit run (never broken, and the gap set
    beside it), inside a phrase that a space ends a few characters on (``旅游热起`` /
    ``来 服务要跟上``), or before a quotation (a designer keeps a
    quoted phrase whole: ``离石区档案馆开展`` / ``“国家安全教育学习”活动``, one title the lead
    restates) is no evidence."""
    first, after = lines[0].strip(), lines[1].strip()
    return not _break_explains(first, after, profile) and cells(after) - cells(first) > profile.tuning.head_balance


def _break_explains(first: str, after: str, profile: Profile) -> bool:
    """Line breaking explains a first line cut short over ``after`` (:func:`short_first`)."""
    conv = profile.conventions
    if not first or not after or any(m in after for m in "。；;"):
        return True  # (a sentence under it is no title's line: a caption read in its box)
    if " " in after and len(after.split(" ", 1)[0]) < profile.tuning.title_min:
        return True  # (``旅游热起`` / ``来 服务要跟上``: the break fell inside the phrase the space ends)
    nxt = after[0]
    return nxt in conv.line_start_forbidden or first[-1] in conv.line_end_forbidden or nxt.isascii() \
        or first[-1].isascii() or nxt in _OPENING


def adopt_standing_kickers(drafts: list[Draft], profile: Profile) -> None:
    """A headline printed above its story, with a line in a box of its own
    right above it that heads nothing (no byline, subtitle or text under it
    but that headline), takes the line as its kicker: a title has a story
    under it, a kicker has its title.  Only a headline placed by position
    (the draft's anchor) is read so, before headlines are matched (the line
    would otherwise be left over for a story without a headline), and never
    the page's first line, as likely a page banner (:func:`banner_over_first`
    reads one under the header); nor a column's label (``简讯``, ``本地快讯`` over an item:
    at most ``label_max / 2`` characters, as the page header's labels; a
    kicker runs longer), nor a notice's title (complete where its kind is named)."""
    anchors = {id(d.anchor) for d in drafts if d.anchor is not None}
    for draft in drafts:
        unit = draft.anchor
        if unit is None or not unit.titles:
            continue
        upper = unit.above
        if upper is None or upper.first or id(upper) in anchors or len(upper.titles) != 1 \
                or len(upper.titles[0].replace(" ", "")) <= profile.tuning.label_max // 2 \
                or profile.markers.is_notice_title(upper.titles[0]):
            continue
        if upper.byline is not None or upper.subtitle is not None or upper.caption is not None \
                or len("".join(unit.titles).replace(" ", "")) < profile.tuning.title_min:
            continue  # (a "title" of a character or two is a line's wrapped end, heading no kicker)
        if left_open(upper.titles[0]) or left_open(unit.titles[0]):
            continue  # one line the column broke (【电话铃响，分秒必 / 争】), no kicker over a title
        unit.take_kicker(upper)


def banner_over_first(drafts: list[Draft], scorer: Scorer, profile: Profile) -> list[str]:
    """A line first under the page's header, over the first headline, is a
    page banner (a slogan across the top of the page) or that headline's
    kicker.  A mark (``——``, ``：``) makes it a kicker.  Else the story under
    it decides where it can: a kicker frames its own story, so a line whose
    rarer words recur there (told at least ``kicker_told_min``: ``黄土坡上踢出精气神``
    over a story of a football team on the 黄土 slopes) is its kicker, and a
    slogan is about none of the page's stories, so a line the story tells no
    word of (``文明实践 你我同行``) is the banner.  Between the two (a common word or
    two shared: ``全面推进乡村振兴``) the page's house style decides: a paper
    sets kickers over several stories of a page, so where no other headline
    of the page has one, the line is the page's banner.
    Returns the banners taken off their headlines."""
    dashes = profile.conventions.dashes
    marks = profile.markers.kicker_ends
    _take_top_box(drafts, scorer, profile)
    units = [d.unit for d in drafts if d.unit is not None]
    top = next((u for u in units if u.top), None)
    printed = [k for k, t in enumerate(top.titles) if t] if top is not None else []
    if top is not None and len(printed) == 1 and not any(u.split_kicker(dashes)[0] for u in units if u is not top):
        story = next(("".join(b.text for b in d.blocks if isinstance(b, Paragraph)) for d in drafts if d.unit is top), "")
        banner = _wrapped_banner(top, printed[0], story, profile)
        if banner is not None:
            return [banner]
    if top is None or len(printed) < 2 or top.titles[printed[0]].endswith(marks):
        return []
    kicker, _ = top.split_kicker(dashes)
    if kicker is None:
        return []
    told = _told(kicker, next(k for k, d in enumerate(drafts) if d.unit is top), scorer)
    if told >= profile.tuning.kicker_told_min:
        return []
    if told > 0 and any(u.split_kicker(dashes)[0] for u in units if u is not top):
        return []
    line = top.titles.pop(printed[0])
    top.tight.pop(printed[0])
    top.tight[printed[0]] = False  # the title's first line now heads the unit
    top.story_kicker = None
    top.first_wrap = None
    return [line]


def _take_top_box(drafts: list[Draft], scorer: Scorer, profile: Profile) -> None:
    """The page's first line under the header, in a box of its own right over
    the first story's headline and heading nothing else (as
    :func:`adopt_standing_kickers` reads a line over any later story's), joins
    that headline where the story under it tells a word of it: then
    :func:`banner_over_first` reads the two together, as a line an extractor
    printed in the title's box (a line the story tells nothing of stays the banner)."""
    placed = {id(d.unit) for d in drafts if d.unit is not None}
    for k, draft in enumerate(drafts):
        unit = draft.unit
        if unit is None:
            continue
        upper = unit.above
        if upper is None or not upper.top or id(upper) in placed or len(upper.titles) != 1 \
                or upper.byline is not None or upper.subtitle is not None or upper.caption is not None:
            continue
        line = upper.titles[0]
        if len(line.replace(" ", "")) <= profile.tuning.label_max // 2 or profile.markers.is_notice_title(line) \
                or left_open(line) or len("".join(unit.titles).replace(" ", "")) < profile.tuning.title_min:
            return
        if _told(line, k, scorer) > 0:
            unit.take_kicker(upper)
        return


def _told(line: str, k: int, scorer: Scorer) -> float:
    """How well story ``k`` tells ``line`` (its words weighted by their rarity on the page)."""
    try:
        return scorer.score(line, k)
    except ValueError:  # a line outside the page's headline vocabulary: nothing to compare
        return 0.0
def _wrapped_banner(top: Unit, at: int, story: str, profile: Profile) -> str | None:
    """A line first under the page's header that was read as a title's first line the column
    wrapped (``慎终如始做好常态化疫情防控`` / ``夜宿坪头乡山村`` over a poem), taken off the title
    as the page's banner where it is no line of it: the break falls between phrases (as for a
    kicker, :func:`story_kicker`), and the line shares few of its words with the story under it
    (a slogan tells no story; a title's first line restates its story).  The title under it
    may share no word with its story (a poem's), so, unlike a kicker's, its share is not asked."""
    wrap = top.first_wrap
    title = top.titles[at]
    if not wrap or not 0 < wrap < len(title):
        return None
    conv, tuning = profile.conventions, profile.tuning
    first, rest = title[:wrap].strip(), title[wrap:].strip()
    if min(len(first.replace(" ", "")), len(rest.replace(" ", ""))) < tuning.title_min or first.endswith(
            profile.markers.kicker_ends) or left_open(first):
        return None
    before, after = first[-1], rest[0]
    if before + after in story or before in conv.phrase_open_ends or after in conv.phrase_closed_starts \
            or after in conv.line_start_forbidden:
        return None  # one title the column broke
    if first.startswith(conv.notice_openers) or profile.markers.is_notice_title(rest) \
            or _share(first, story) > tuning.kicker_story_max:
        return None
    top.titles[at] = rest
    top.first_wrap = None
    top.story_kicker = None
    return first
