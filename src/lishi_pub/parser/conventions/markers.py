"""The printed marks of structure, compiled from :class:`~.Conventions`: datelines,
bylines, credits, subheadings, jumps, affiliations and page furniture.

Every pattern is a convention of the trade (docs/parsing.md lists each with
an example), never a name or phrase of one page.  A :class:`Markers` is built
once per profile; the questions asked of whole texts are memoised, since the
same paragraph is asked about by several stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TypeVar

from attrs import frozen

from ...model import Contributor
from ...model import Credit as CreditRecord
from ..text import HAN, OPENING_QUOTES, QUOTE_END, SENTENCE_END, WORD_SPACE, is_letter_spaced
from . import Conventions
from .tuning import Tuning

__all__ = ["Byline", "Credit", "Dateline", "Markers", "contributors"]

_SP = r"[ \t\u3000]*"
#: A space a typesetter sets beside a digit or Latin run (``公交 8路``, ``ETC 服务``), and one an
#: author sets between words (Han, or a quotation, on both sides): a run-in title ends at the latter.
_GAP_SPACE = re.compile(r"[0-9A-Za-z%][ \u3000]+(?=\S)|[ \u3000][0-9A-Za-z]")
_DATE_OPENS = re.compile(r"\d{1,4}[ \u3000]*(?:[年月日至到—－-]|$)")
_SPACED_DATE = re.compile(r"(?<![0-9])\d{1,4}[ \u3000]*[年月日]")
_CLAUSE = re.compile(r"[，。、；：！？,;:!?]")
_PHRASES = re.compile(r"^[\u4e00-\u9fff]{2,12}(?: [\u4e00-\u9fff]{2,12})+$")
_NAME = f"{HAN}(?:{HAN}|[·•]){{1,5}}"
_BARE_NAME = re.compile("[\u3400-\u9fff]+")  # a bare name is Han characters alone
#: A character no bare name nor the space between two holds: one search settles most lines.
_NOT_BARE = re.compile("[^\u3400-\u9fff\\s]")
_T = TypeVar("_T")
#: How a masthead's publisher line ends (吕梁市离石区委员会主办): tested before its pattern, which backtracks on every line.
_MASTHEAD_ENDS = ("主办", "出版")


@frozen
class Byline:
    authors: tuple[str, ...]
    roles: tuple[str | None, ...]


@frozen
class Dateline:
    marker: str
    byline: Byline
    end: int  # where the lead text starts


@frozen
class Credit:
    caption: str
    credit: CreditRecord | None


#: Where a supplied photo's source (``XX供图``, ``XX提供``) may start: the line's start, a
#: bracket, a sentence's end, or a space the layout set, not the extractor's space around a
#: half-width run (``为 32 名重度残疾儿童提供`` / ``送教上门服务``: a clause wrapped after its verb).
_SOURCE_START = (r"(?:^|(?<=[（(。！？!?…”’」』])|(?<=[。！？!?…”’」』][ \t\u3000])"
                 r"|(?<=[ \t\u3000])(?<![0-9A-Za-z][ \t\u3000])(?![0-9A-Za-z]))")


def contributors(byline: Byline) -> tuple[Contributor, ...]:
    """A byline's names as model records, each keeping its printed role."""
    return tuple(Contributor(name, role) for name, role in zip(byline.authors, byline.roles))


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (本报记者 before 记者)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _strip(text: str) -> str:
    return re.sub(r"[ \t\u3000]+", "", text)


def _memo(fn: Callable[[str], _T]) -> Callable[[str], _T]:
    return lru_cache(maxsize=8192)(fn)


class Markers:
    """The marker finders of one profile."""

    def __init__(self, conv: Conventions, tuning: Tuning) -> None:
        self.conventions = conv
        self.tuning = tuning
        roles = _alt(conv.roles)
        self._role_split = re.compile(f"({roles})")
        self._collective = frozenset(conv.collective_authors)
        agency = f"(?:本报|{HAN}{{1,8}}?(?:{_alt(conv.agency_suffixes)}))"
        place_date = rf"(?:{HAN}{{0,8}}?{_SP}\d{{1,2}}{_SP}月{_SP}\d{{1,2}}{_SP}日)?"
        ends = _alt(conv.dateline_ends)
        report = rf"据{_SP}(?:《[^《》]{{1,12}}》|[^\s，。：；、（）()《》“”]{{2,14}}?){_SP}(?:{_alt(conv.report_ends)})"
        # 举报电话, 本报讯息: the marker's last character opening a word is no dateline
        not_word = f"(?![{re.escape(conv.marker_words)}])" if conv.marker_words else ""
        marker = rf"(?:{report}|(?:据{_SP})?{agency}{_SP}{place_date}{_SP}(?:{ends}){not_word})"
        # a dateline with its place and date: sure enough to cut a line before it with nothing after it
        dated = rf"{agency}{_SP}{place_date[:-1]}{_SP}(?:{ends})"
        self._dateline = re.compile(
            rf"^{_SP}(?P<marker>{marker})"
            rf"{_SP}(?P<bracket>[（(](?P<names>[^（）()]{{1,40}})[）)])?{_SP}[：:，,]?{_SP}")
        self._dateline_words = re.compile(_alt((*conv.dateline_ends, *conv.report_ends)))
        self._run_in = re.compile(
            rf"(?:(?<=摄|图)|(?<=[摄图][）)]))[ \t\u3000]*(?=本报讯|{marker}[（(]|{marker}[ \t\u3000]|{dated}$|据新华社)")
        self._end_dateline = re.compile(
            rf"{_SP}[（(](?P<marker>本报{HAN}{{0,8}}\d{{1,2}}月\d{{1,2}}日电)[）)]{_SP}$")
        self._trailing = re.compile(rf"(?<=[。！？…”’!?]){_SP}[（(](?P<names>[^（）()]{{2,40}})[）)]{_SP}$")
        self._bracketed = re.compile(rf"^{_SP}[（(](?P<names>[^（）()]{{2,40}})[）)]{_SP}$")
        self.role_first = frozenset(r[0] for r in conv.roles)
        # a role ending in a slash needs no space after it: 文/王艳, 文／图 王艳
        self._role_led = re.compile(rf"(?:{roles})(?:[ \t\u3000]+|(?<=[/／])[ \t\u3000]*)[^，。：；！？,.:;!?]{{1,30}}$")
        boxes = re.escape(conv.byline_boxes)
        self._byline_line = re.compile(rf"^{_SP}[{boxes}]{_SP}(?P<names>.+?){_SP}$")
        photo = _alt(conv.photo_marks)
        self._credit = re.compile(
            rf"[（(]?{_SP}(?<!{HAN})(?P<who>(?:(?:{roles}){_SP})?{_NAME}(?:{_SP}、{_SP}{_NAME}){{0,3}})"
            rf"{_SP}(?P<took>{photo}){_SP}[）)]?{_SP}$"
            rf"|[（(]?{_SOURCE_START}(?P<org>(?:{HAN}|[A-Za-z0-9·]){{2,20}}?){_SP}(?P<gave>{_alt(conv.source_credits)})[）)]?{_SP}$"
            rf"|[（(](?P<file>(?:{_alt(conv.file_photos)})|图片来源[^（）()]{{0,20}})[）)]{_SP}$")
        self._credit_marks = re.compile(_alt((*conv.photo_marks, *conv.source_credits, *conv.file_photos, "图片来源")))
        self._caption_start = tuple(conv.caption_marks) + conv.caption_openers
        self._caption_mark = re.compile(rf"^[{re.escape(conv.caption_marks)}]\s*")
        marks = re.escape(conv.item_marks)
        box_heads = _alt(conv.box_heads)
        self._subhead = re.compile(
            r"【[^【】]{1,40}】$"
            r"|“[^“”]{2,40}”$"
            r"|[一二三四五六七八九十]{1,3}[、．.]\S"
            r"|[（(][一二三四五六七八九十]{1,3}[）)]\S"
            r"|\d{1,2}[、．.](?!\d)\S"
            r"|[①②③④⑤⑥⑦⑧⑨⑩]\S"
            rf"|[{marks}]\s*\S"
            rf"|(?:{box_heads})$|【(?:{box_heads})】$")
        self._numbered = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、．.]|[①②③④⑤⑥⑦⑧⑨⑩]")
        self._clause = re.compile("[：:，,；;。]")
        # a label naming what is to be called (联系电话, 区自来水公司报修), a few words at most, then a colon
        self._contact = re.compile(rf"^[^\W\d_]{{0,{self.tuning.contact_label_max}}}?(?:{_alt(conv.contact_labels)})[：:]")
        self.subhead_start = tuple("【“一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩") + tuple(conv.item_marks) \
            + tuple(conv.box_heads)
        #: their first characters: most lines open with none, and a set answers faster than ``startswith``
        self.subhead_first = frozenset(w[:1] for w in self.subhead_start)
        self._item_title = re.compile(rf"^{_SP}[{marks}]{_SP}(?P<title>[^。！？；]{{2,30}}?){_SP}[　 ]+(?=\S)")
        staff = _alt(conv.staff_labels)
        publisher = _alt(conv.publisher_labels)
        self._furniture = re.compile(
            r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*(星期|周)[一二三四五六日天])?(\s+[^\s，。]{2,12}){0,3}$"
            r"|(星期|周)[一二三四五六日天](\s*\d{4}\s*年.*|\s*(农历\S{2,10})?)$"
            r"|农历\s*\S{1,12}$"
            r"|第\s*\d{1,3}\s*版(\s*[：:]?\s*[^，。]{0,20})?$"
            r"|[A-Z]\d{1,2}(\s*[：:].{0,20}|\s+[^\s，。]{2,12})?$"
            rf"|({staff})\s*[：:]"
            rf"|({publisher})\s*[：:]"
            r"|(国内统一连续出版物号\s*[：:]?\s*CN|邮发代号\s*[：:]?\s*\d|CN\s*\d{2}\s*[-－]\s*\d{4})"
            r"|(总\s*)?第\s*\d+\s*期(\s*[（(]?总第\s*\d+\s*期[）)]?)?(\s*今日\s*\d+\s*版)?$"
            r"|今日\s*\d+\s*版$")
        self._furniture_start = frozenset("0123456789星周第ABCDEFGHIJKLMNOPQRSTUVWXYZ农今总国邮CN"
                                          + "".join(w[0] for w in (*conv.staff_labels, *conv.publisher_labels)))
        self._date = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")
        self._date_part = re.compile(r"^(星期|周)[一二三四五六日天]|^农历")
        self._staff = re.compile(rf"^(?:{staff})\s*[：:]")
        self._page_label = re.compile(r"第\s*\d+\s*版|[A-Z]\d{1,2}\b")
        self._masthead = re.compile(rf"^{HAN}{{2,16}}(委员会|委|政府|集团|中心|社)\s*({_alt(_MASTHEAD_ENDS)})$")
        jumps = _alt(conv.jump_words)
        self._jump = re.compile(rf"{_SP}[（(]{_SP}(?:{jumps}){_SP}第?{_SP}[0-9A-Z一二三四五六七八九十]{{1,3}}{_SP}版"
                                rf"[^（）()]{{0,12}}[）)]{_SP}")
        self._jump_words = re.compile(jumps)
        aff = _alt(conv.affiliation_openers)
        self._affiliation = re.compile(rf"^{_SP}[（(]{_SP}(?:{aff})[：:]?[^（）()]{{1,60}}[）)]{_SP}$")
        self._affiliation_tail = re.compile(rf"{_SP}[（(]{_SP}(?:{aff})[：:]?[^（）()]{{1,60}}[）)]{_SP}$")
        self._affiliation_open = re.compile(rf"^{_SP}[（(]{_SP}(?:{aff})")
        self._dashes = tuple(conv.dashes)
        self.kicker_ends = (*conv.dashes, "：", ":")
        self._lead_time = re.compile(
            rf"^(?:(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日|{_alt(conv.lead_times)}|\d{{1,2}}日)"
            r"(?:[上下中晚早]午|晚上|凌晨|傍晚)?(?:\d{1,2}[时点](?:\d{1,2}分)?)?[，,]")
        self._lead_in = re.compile(
            rf"^(?:记者(?:从|在)[^，。]{{1,20}}(?:获悉|了解到|看到)|{_alt(conv.lead_ins)})[，,]")
        self._attribution = re.compile(rf"^[^，。！？“”]{{1,16}}(?:{_alt(conv.speech_verbs)})[。！]$")
        self._speech_tag = re.compile(rf"^[^，。！？“”]{{1,16}}(?:{_alt(conv.speech_verbs)})[。！，：]")
        # memoised questions about whole texts (a paragraph is asked about by several stages)
        self.find_dateline = _memo(self._find_dateline)
        self.find_credit = _memo(self._find_credit)
        self.find_caption = _memo(self._find_caption)
        self.parse_byline_line = _memo(self._parse_byline_line)

    # ------------------------------------------------------------------ names
    def parse_names(self, text: str) -> Byline | None:
        """Names and roles from a byline's content, or None when it is not one.

        Handles role words with or without spaces (``记者 张伟 通讯员 刘芳``,
        ``本报记者张靖本报通讯员郜敏``), several names per role, ``、`` lists,
        two-character names padded to three cells (``矫 月``) and collective
        authors (``本报评论员``).
        """
        text = re.sub(r"[ \t\u3000]*报道$", "", text.strip().replace("／", "/"))  # （记者 张三 报道）
        if is_letter_spaced(text):  # （ 记 者 戴 勇 特 约 记 者 …）: a justified line's spaces say nothing
            text = _strip(text)
        if not text or len(_strip(text)) > 40:
            return None
        if _strip(text) in self._collective:
            return Byline((_strip(text),), (None,))
        authors: list[str] = []
        roles: list[str | None] = []
        role: str | None = None
        for k, piece in enumerate(self._role_split.split(text)):
            if k % 2 == 1:
                role = piece.rstrip("/")
                continue
            tokens = [t for t in re.split(r"[ \t\u3000、，,;；]+", piece) if t]
            for name in _merge_padded(tokens):
                if not re.fullmatch(_NAME, name) or len(name) > 6:
                    return None
                authors.append(name)
                roles.append(role)
        if not authors:
            return None
        return Byline(tuple(authors), tuple(roles))

    def bare_byline(self, text: str) -> Byline | None:
        """The shape of an author's name printed bare, without a box or a role word: one or
        two names of ``bare_name_min`` to ``bare_name_max`` Han characters, apart by spaces
        (``李彬欣``, ``矫 月``, ``李明 王芳``); whether it is one, its place under a title says."""
        if _NOT_BARE.search(text) is not None:
            return None
        tokens = _merge_padded(text.split())
        low, high = self.tuning.bare_name_min, self.tuning.bare_name_max
        if not tokens or len(tokens) > self.tuning.bare_names \
                or any(not (low <= len(t) <= high) or _BARE_NAME.fullmatch(t) is None for t in tokens):
            return None
        return Byline(tuple(tokens), (None,) * len(tokens))

    def separate_run_ins(self, text: str) -> str:
        """Put a line break between a photo credit and a dateline printed straight after it."""
        return self._run_in.sub("\n", text)

    # -------------------------------------------------------------- datelines
    def _find_dateline(self, text: str) -> Dateline | None:
        """A source marker at the start of a lead paragraph, with the names in its brackets."""
        if self._dateline_words.search(text, 0, 40) is None:
            return None
        m = self._dateline.match(text)
        if m is None:
            return None
        marker = _strip(m.group("marker"))
        end = m.end()
        byline = Byline((), ())
        if m.group("names") is not None:
            parsed = self.parse_names(m.group("names"))
            if parsed is None:  # a bracket of the lead's own, not a byline
                end = m.start("bracket")
            else:
                byline = parsed
        if end >= len(text.rstrip()):
            return None
        return Dateline(marker, byline, end)

    def opens_with_dateline(self, text: str) -> bool:
        """A line opening with a dateline, its lead on this line or the next (``吕梁新闻网12月13日讯`` / ``（见习记者 陈斌）…``)."""
        return self.might_open_dateline(text) and self._dateline.match(text) is not None

    def dateline_spans(self, line: str, after: str) -> bool:
        """Whether a dateline starts on ``line`` and ends on the line ``after`` it
        (a narrow column wraps it: ``新华社郑州9月`` / ``18日专电 日前，…``, or inside its
        last word: ``据吕梁新闻网消`` / ``息 据…``)."""
        if self._dateline_words.search(line[-4:] + after[:12]) is None:
            return False
        m = self._dateline.match(line + after)
        return m is not None and m.end("marker") > len(line)

    def might_open_dateline(self, text: str) -> bool:
        """Cheap prefilter: whether :meth:`find_dateline` could match at all."""
        return self._dateline_words.search(text, 0, 40) is not None

    def find_end_dateline(self, text: str) -> tuple[str, str] | None:
        """``（本报北京11月13日电）`` closing a story: (text before it, marker)."""
        if not text.rstrip().endswith(("）", ")")):
            return None
        m = self._end_dateline.search(text, max(0, len(text) - self.tuning.tail))
        if m is None or m.start() == 0:
            return None
        return text[: m.start()], m.group("marker")

    # ---------------------------------------------------------------- bylines
    def find_trailing_byline(self, text: str) -> tuple[str, Byline] | None:
        """A ``（王艳）`` or ``（记者 熊渤 特约记者 谢奇）`` closing a paragraph."""
        if not text.rstrip().endswith(("）", ")")):
            return None
        m = self._trailing.search(text, max(0, len(text) - self.tuning.tail))
        if m is None:
            return None
        byline = self.parse_names(m.group("names"))
        if byline is None:
            return None
        return text[: m.start()], byline

    def parse_bracketed_byline(self, text: str) -> Byline | None:
        """A trailing byline that wrapped onto a line of its own: ``（王艳）``; a photo's
        credit in brackets (``（资料图）``, ``（王艳摄）``, ``（老人提供）``) is none."""
        m = self._bracketed.match(text)
        if m is None or self.credit_only(text) is not None:
            return None
        return self.parse_names(m.group("names"))

    def _parse_byline_line(self, line: str) -> Byline | None:
        """A byline on a line of its own: ``□ 高淑芳`` · ``■ 本报记者 赵敏`` ·
        ``本报记者 赵敏 通讯员 刘芳`` (without a box, it must open with a role word
        and a space, so that a sentence opening with 记者 is not taken for one)."""
        stripped = line.strip()
        if stripped[:1] in self.conventions.byline_boxes:
            m = self._byline_line.match(line)
            return self.parse_names(m.group("names")) if m else None
        if stripped[:1] in self.role_first and self._role_led.match(stripped):
            return self.parse_names(stripped)
        return None

    # ---------------------------------------------------------------- credits
    def _find_credit(self, text: str) -> Credit | None:
        """Split a caption from its credit (``… 王晶晶 摄``, ``XX供图``, ``（资料图）``)."""
        if self._credit_marks.search(text.rstrip()[-12:]) is None:
            return None
        m = self._credit.search(text, max(0, len(text) - self.tuning.tail))
        if m is None:
            return None
        caption = self._caption_mark.sub("", text[: m.start()].strip())
        if not caption:
            return None
        if m.group("who") is not None:
            byline = self.parse_names(m.group("who"))
            if byline is None:
                return None
            credit = CreditRecord(contributors(byline), m.group("took"))
        else:
            credit = self._other_credit(m)
        return Credit(caption, credit)

    @staticmethod
    def _other_credit(m: re.Match[str]) -> CreditRecord:
        """A supplied photo (``XX供图``) names its source; a file photo is the archive's,
        with the source when one is printed (``图片来源：…``)."""
        if m.group("org") is not None:
            return CreditRecord((Contributor(_strip(m.group("org"))),), m.group("gave"))
        printed = _strip(m.group("file"))
        source = printed.removeprefix("图片来源").lstrip("：:")
        if printed.startswith("图片来源") and source:
            return CreditRecord((Contributor(source),), "图片来源")
        return CreditRecord((), printed)

    def credit_only(self, text: str) -> CreditRecord | None:
        """A credit standing alone on its line (``岚县摄影家协会供图``, ``曹文晶 摄``): the
        caption before it was printed as a paragraph of its own."""
        stripped = text.strip()
        if self._credit_marks.search(stripped[-12:]) is None:
            return None
        m = self._credit.match(stripped)
        if m is None or m.end() < len(stripped):
            return None
        if m.group("who") is not None:
            byline = self.parse_names(m.group("who"))
            return CreditRecord(contributors(byline), m.group("took")) if byline is not None else None
        return self._other_credit(m)

    def might_end_with_credit(self, text: str) -> bool:
        return self._credit_marks.search(text.rstrip()[-12:]) is not None

    def _find_caption(self, text: str) -> Credit | None:
        """A photo caption: one with a credit, or one marked ``▲``/``△`` or opening
        with ``图为`` (then its credit, if any, follows the same rules)."""
        found = self.find_credit(text)
        if found is not None:
            return found
        stripped = text.strip()
        if len(stripped) <= self.tuning.marked_caption_max and stripped.startswith(self._caption_start):
            caption = self._caption_mark.sub("", stripped)
            return Credit(caption, None) if caption else None
        return None

    # ------------------------------------------------------------ subheadings
    def contact_line(self, text: str) -> bool:
        """Opens with a contact label and a colon (``联系电话：``, ``供电服务热线：``,
        ``区自来水公司报修：``), the extractor's spaces left out."""
        return self._contact.match(text.strip().replace(" ", "")) is not None

    def numbered(self, text: str) -> bool:
        """Opens with an item number: ``一、`` ``（一）`` ``1.`` ``①``."""
        return self._numbered.match(text.strip()) is not None

    def is_subheading(self, text: str) -> bool:
        """Built like a subheading.  A numbered item with a clause inside it
        (``1.生产操作工20名：男…``, ``一、该老人于…，``) runs on as text instead:
        it is a paragraph that keeps its number."""
        text = text.strip()
        if len(text) > self.tuning.display_max or text[:1] not in self.subhead_first \
                or not text.startswith(self.subhead_start) \
                or self._subhead.match(text) is None:
            return False
        return not (self._numbered.match(text) and self._clause.search(text))

    def subheading_form(self, text: str) -> bool:
        """Printed in a subheading's form (``【…】``, ``“…”``, ``（一）…``, ``一、…``), a numbered
        item with a clause inside included: its place on the page says which it is."""
        text = text.strip()
        return len(text) <= self.tuning.display_max and text.startswith(self.subhead_start) \
            and self._subhead.match(text) is not None

    def item_title(self, text: str) -> str | None:
        """The run-in title of a short-news item: ``● 我区开展植树活动 本报讯…`` gives 我区开展植树活动
        (standing alone on its line, the same mark opens a subheading instead)."""
        stripped = text.strip()
        if stripped[:1] not in self.conventions.item_marks:
            return None
        rest = stripped[1:].strip()
        if is_letter_spaced(rest):
            # a title spread to the column (``● 无 偿 献 血 温 暖 冬 日``): no space of it ends it; it
            # fills its line, or the item's text opens on it with a date (``启 动 11 月 1 日 零``)
            date = _SPACED_DATE.search(rest)
            title = rest[: date.start()].strip() if date else rest
            closed = "".join(title.split())
            return title if self.tuning.item_title_min <= len(closed) <= self.tuning.item_title_max \
                and _CLAUSE.search(closed) is None else None
        m = self._item_title.match(stripped)
        if m is None:
            return None
        first = m.group("title").strip()
        if _GAP_SPACE.search(stripped, 0, m.end() + 1) is None:
            return first
        # the first space stands by a digit or Latin run (``● 公交 8路调整线路``, ``● ETC 服务网点…``):
        # a typesetter's gap, where the space after the title stands between words; a title holds
        # no clause's mark, so where none is found so, the first space it is, as it is before a date
        # opening the item's text (``收官 11月19日，…``, ``走进吴城 11月 18`` / ``日，…``)
        rest = stripped[m.start("title"):]
        word = WORD_SPACE.search(rest)
        if word is not None and _CLAUSE.search(rest, 0, word.start()) is None:
            return rest[: word.start()].strip() if len(rest[: word.start()]) <= self.tuning.item_title_max else first
        if word is None and _CLAUSE.search(rest) is None and len(rest) <= self.tuning.item_title_max \
                and _DATE_OPENS.match(stripped, m.end()) is None:
            return rest.strip()  # the title fills its line, the item's text starts below it
        return first

    def opens_editor_note(self, text: str) -> bool:
        """``编者按：…`` opens a feature's first paragraph: no line of the headline above it."""
        return text.startswith(self.conventions.editor_notes) and any(
            text.startswith(label) and text[len(label): len(label) + 1] in "：:" for label in self.conventions.editor_notes)

    def opens_story(self, text: str) -> bool:
        """``编者按：…`` (not ``编后：…``, the afterword): the first paragraph of a story, printed
        before it, so the text it opens is no part of the story above."""
        return self.opens_editor_note(text) and text.startswith(self.conventions.editor_prefaces)

    def strip_editor_note(self, text: str) -> str:
        """A lead without the 编者按： label that opens it (for a title derived from it)."""
        for label in self.conventions.editor_notes:
            if text.startswith(label):
                return text[len(label):].lstrip("：: ")
        return text

    # ------------------------------------------------------ jumps, affiliation
    def find_jumps(self, text: str) -> list[tuple[int, int]]:
        """Spans of ``（下转第2版）`` and ``（上接第1版）`` markers in a text."""
        if "版" not in text or self._jump_words.search(text) is None:
            return []
        return [m.span() for m in self._jump.finditer(text)]

    def continues_from(self, text: str) -> bool:
        """（上接第1版）: the story after the marker continues one from another page."""
        return any(w in text for w in self.conventions.jump_from)

    def is_affiliation(self, text: str) -> bool:
        """``（作者单位：…）``, ``（作者系…）`` on a line or paragraph of its own."""
        return self._affiliation.match(text) is not None

    def opens_affiliation(self, text: str) -> bool:
        return self._affiliation_open.match(text) is not None

    def split_affiliation(self, text: str) -> tuple[str, str] | None:
        """A paragraph ending with an affiliation: (text before it, the affiliation)."""
        if not text.rstrip().endswith(("）", ")")):
            return None
        m = self._affiliation_tail.search(text, max(0, len(text) - self.tuning.tail - 40))
        if m is None:
            return None
        return text[: m.start()].strip(), text[m.start():].strip()

    # -------------------------------------------------------------- furniture
    def is_furniture(self, line: str) -> bool:
        """A masthead's, page header's or footer's line.  Not memoised: each line of a page is
        asked once, and two tests of its first character and length settle most of them.  A line
        ending a sentence (``电话：0358-8302211。``, a notice's contact line) is text: furniture
        labels and lists, it says nothing in sentences."""
        text = line.strip()
        return len(text) <= self.tuning.furniture_max and text[:1] in self._furniture_start \
            and text[-1:] not in SENTENCE_END and self._furniture.match(text) is not None \
            or text.endswith(_MASTHEAD_ENDS) and self._masthead.match(text) is not None

    def is_attribution(self, quotation: str, line: str) -> bool:
        """``“……。”`` then ``某某说。``: a quotation and who said it are one paragraph."""
        return quotation.rstrip().endswith(QUOTE_END) and self._attribution.search(line.strip()) is not None

    def is_spoken_quotation(self, quotation: str, line: str) -> bool:
        """``“我们多辛苦一点，老百姓出门就安全一点。”`` alone on its line, then ``他说。说这话时，…``:
        a whole sentence in quotation marks with its speech tag going on below opens a paragraph;
        a subheading in quotation marks is a phrase (``“党员要坚持到最后”``), its stop outside or none."""
        quoted = quotation.strip()
        return quoted[:1] in OPENING_QUOTES and quoted.endswith(QUOTE_END) \
            and self._speech_tag.match(line.strip()) is not None

    def strip_lead_opening(self, lead: str) -> str:
        """A lead without the date and the "记者从…获悉" that open it: how a lead opens, not what it says."""
        return self._lead_in.sub("", self._lead_time.sub("", lead.strip(), count=1), count=1)

    def is_notice_title(self, text: str) -> bool:
        """``关于开展全民免费健康体检的通知``, ``寻人启事``: a title by the kind of notice it names."""
        return text.rstrip().endswith(self.conventions.notice_titles)

    @staticmethod
    def is_slogan(text: str) -> bool:
        """Phrases of Han characters set apart by spaces and nothing else (``奋进新征程 建功新时代``,
        ``文明实践 你我同行``): how a page's slogan banner is printed, and a kicker (引题) too."""
        return _PHRASES.match(text.strip()) is not None

    def heads_notice_under_slogan(self, upper: str, title: str) -> bool:
        """A slogan over a notice's or a service column's title is the page's banner, not its kicker:
        a notice is headed by what it is (``本周天气预报``) and carries no kicker."""
        return self.is_slogan(upper) and self.names_its_kind(title)

    def topic_of(self, title: str) -> str:
        """A title without the kind of notice it names (``计划停电通知`` → ``计划停电``,
        ``城区农贸市场菜价一览`` → ``城区农贸市场菜价``): the kind says what the text is, never what
        it is about, so its words are not looked for in the text."""
        title = title.rstrip()
        kinds = self.conventions.notice_titles + self.conventions.service_titles
        kind = max((k for k in kinds if title.endswith(k)), key=len, default="")
        topic = title[: len(title) - len(kind)]
        opener = next((o for o in self.conventions.notice_openers if topic.startswith(o)), None)
        if kind and opener is not None and topic.endswith("的"):
            topic = topic[len(opener):-1]  # the formula 关于…的 around it (关于冬季防冻保供水的通知)
        return topic or title

    def names_its_kind(self, text: str) -> bool:
        """A notice's title or a service column's (``本周天气预报``): a title by what it is, which
        heads the text it stands over though it shares no word with it."""
        text = text.rstrip()
        return text.endswith(self.conventions.notice_titles) or text.endswith(self.conventions.service_titles)

    def is_bare_date(self, text: str) -> bool:
        """``2023年3月13日`` and nothing else (no weekday, no lunar date)."""
        m = self._date.match(text)
        return m is not None and not text[m.end():].strip()

    def page_label(self, text: str) -> bool:
        """``第2版``, ``A2``, ``第03版：综合新闻``: the furniture line that names the page."""
        return self._page_label.match(text) is not None

    def continues_furniture(self, prev: str, line: str) -> bool:
        """Whether ``line`` is a piece of the furniture line ``prev`` that the
        extractor put apart: the weekday or lunar date after the date
        (``2022年7月25日`` / ``星期一``), another role of a staff line
        (``责任编辑：…`` / ``校对：…``)."""
        if (self._date.search(prev) or self._date_part.match(prev)) and self._date_part.match(line):
            return line not in prev
        return self._staff.match(prev) is not None and self._staff.match(line) is not None

    def starts_with_dash(self, text: str) -> bool:
        return text.startswith(self._dashes)

    def strip_dashes(self, text: str) -> str:
        return text.lstrip("—－- ")


def _merge_padded(tokens: list[str]) -> list[str]:
    """``矫 月`` is one two-character name set with a padding space; ``马 小龙``
    is one name broken by a line end (padding never splits a three-character name
    that way)."""
    out: list[str] = []
    k = 0
    while k < len(tokens):
        if len(tokens[k]) == 1 and k + 1 < len(tokens) and len(tokens[k + 1]) <= 2:
            out.append(tokens[k] + tokens[k + 1])
            k += 2
        else:
            out.append(tokens[k])
            k += 1
    return out
