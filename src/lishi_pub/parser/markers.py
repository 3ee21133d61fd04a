"""The printed conventions that mark structure: datelines, bylines, credits,
subheadings and page furniture.

Every pattern here is a convention of the trade (see
docs/parsing.md), never a name or phrase of one page.
"""

from __future__ import annotations

import re

from attrs import frozen

from ..model import Contributor
from ..model import Credit as CreditRecord
from .text import HAN

__all__ = [
    "Byline",
    "Credit",
    "contributors",
    "Dateline",
    "find_caption",
    "find_credit",
    "find_dateline",
    "find_trailing_byline",
    "is_furniture",
    "is_subheading",
    "parse_bracketed_byline",
    "parse_byline_line",
    "parse_names",
    "separate_run_ins",
]

# Longest first, so 本报记者 wins over 记者.
ROLES = (
    "本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者", "新华社记者", "新华社通讯员",
    "特约通讯员", "特约记者", "见习记者", "实习记者", "摄影记者", "首席记者", "通讯员", "实习生",
    "记者", "摄影", "文/图", "文／图", "图/文", "图／文", "文/", "图/", "摄/", "撰稿", "编辑",
)
_ROLE_RE = "|".join(re.escape(r) for r in ROLES)
_NAME = f"{HAN}(?:{HAN}|[·•]){{1,5}}"
_SP = r"[ \t\u3000]*"

# 本报讯 · 本报讯（记者 …） · XX报讯 · XX网7月3日讯 · 本报北京9月18日电 · 新华社北京8月12日电 ·
# 新华社北京1月25日专电 · 据新华社电 · 中新网北京9月27日电
_AGENCY = f"(?:本报|{HAN}{{1,8}}?(?:报|网|社|台|电视台|日报|晚报|通讯社))"
_PLACE_DATE = rf"(?:{HAN}{{0,8}}?{_SP}\d{{1,2}}{_SP}月{_SP}\d{{1,2}}{_SP}日)?"
_MARKER = rf"(?:据{_SP})?{_AGENCY}{_SP}{_PLACE_DATE}{_SP}(?:专电|电|讯)"
_DATELINE = re.compile(
    rf"^{_SP}(?P<marker>{_MARKER})"
    rf"{_SP}(?P<bracket>[（(](?P<names>[^（）()]{{1,40}})[）)])?{_SP}[：:，,]?{_SP}"
)
_RUN_IN = re.compile(rf"(?<=摄|图)[ \t\u3000]*(?=本报讯|{_MARKER}[（(]|{_MARKER}[ \t\u3000]|据新华社)")
_END_DATELINE = re.compile(rf"{_SP}[（(](?P<marker>本报{HAN}{{0,8}}\d{{1,2}}月\d{{1,2}}日电)[）)]{_SP}$")
_TRAILING_BYLINE = re.compile(rf"(?<=[。！？…”’!?]){_SP}[（(](?P<names>[^（）()]{{2,40}})[）)]{_SP}$")
_BRACKETED = re.compile(rf"^{_SP}[（(](?P<names>[^（）()]{{2,40}})[）)]{_SP}$")
_ROLE_LED = re.compile(rf"(?:{_ROLE_RE})[ \t\u3000]+[^，。：；！？,.:;!?]{{1,30}}$")
_BYLINE_LINE = re.compile(rf"^{_SP}[□■]{_SP}(?P<names>.+?){_SP}$")
# Caption credits: "… 王晶晶 摄" · "… 本报记者 张三 摄" · "…（王艳 摄）" · "XX供图" · "（资料图）"
_CREDIT = re.compile(
    rf"[（(]?{_SP}(?<!{HAN})(?P<who>(?:(?:{_ROLE_RE}){_SP})?{_NAME}(?:{_SP}、{_SP}{_NAME}){{0,3}})"
    rf"{_SP}(?P<took>摄(?:影)?){_SP}[）)]?{_SP}$"
    rf"|[（(]?(?P<org>(?:{HAN}|[A-Za-z0-9·]){{2,20}}?){_SP}(?P<gave>供图|提供)[）)]?{_SP}$"
    rf"|[（(](?P<file>资料图片?|资料照片|图片来源[^（）()]{{0,20}})[）)]{_SP}$"
)
_SUBHEAD = re.compile(
    r"【[^【】]{1,40}】$"
    r"|“[^“”]{2,40}”$"
    r"|[一二三四五六七八九十]{1,3}[、．.]\S"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]\S"
    r"|\d{1,2}[、．.](?!\d)\S"
    r"|[■◆●◇○★☆]\s*\S"
)
# The first characters _FURNITURE can match: most lines are turned away without the regex.
_FURNITURE_START = frozenset("0123456789星周第ABCDEFGHIJKLMNOPQRSTUVWXYZ责编美校组版审主值本终合协承出社电地网邮国总")
_FURNITURE = re.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*(星期|周)[一二三四五六日天])?(\s+[^\s，。]{2,12}){0,3}$"
    r"|(星期|周)[一二三四五六日天]\s*\d{4}\s*年"
    r"|第\s*\d{1,3}\s*版(\s*[：:]?\s*[^，。]{0,20})?$"
    r"|[A-Z]\d{1,2}(\s*[：:].{0,20}|\s+[^\s，。]{2,12})?$"
    r"|(本版)?(责任编辑|责编|编辑|美编|校对|组版|版式|审核|主编|值班编辑|终审|校审|照排|设计)\s*[：:]"
    r"|(合办|协办|主办|承办|出版|主管|社址|电话|地址|网址|邮编)\s*[：:]"
    r"|(国内统一连续出版物号|邮发代号|CN\s*\d{2}\s*[-－]\s*\d{4})"
    r"|(总\s*)?第\s*\d+\s*期(\s*[（(]?总第\s*\d+\s*期[）)]?)?$"
)


# Markers that close a text are looked for in its last characters only.
_TAIL = 60
_CREDIT_MARKS = ("摄", "供图", "提供", "资料图", "资料照片", "图片来源")


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


def contributors(byline: Byline) -> tuple[Contributor, ...]:
    return tuple(Contributor(name, role) for name, role in zip(byline.authors, byline.roles))


def _strip(text: str) -> str:
    return re.sub(r"[ \t\u3000]+", "", text)


def parse_names(text: str) -> Byline | None:
    """Names and roles from a byline's content, or None when it is not one.

    Handles role words with or without spaces (``记者 张伟 通讯员 刘芳``,
    ``本报记者张靖本报通讯员郜敏``), several names per role, ``、`` lists and
    two-character names padded to three cells (``矫 月``).
    """
    text = re.sub(r"[ \t\u3000]*报道$", "", text.strip().replace("／", "/"))  # （记者 张三 报道）
    if not text or len(_strip(text)) > 40:
        return None
    authors: list[str] = []
    roles: list[str | None] = []
    role: str | None = None
    pieces = re.split(f"({_ROLE_RE})", text)
    for k, piece in enumerate(pieces):
        if k % 2 == 1:
            role = piece.rstrip("/")
            continue
        tokens = [t for t in re.split(r"[ \t\u3000、，,;；]+", piece) if t]
        names = _merge_padded(tokens)
        for name in names:
            if not re.fullmatch(_NAME, name) or len(name) > 6:
                return None
            authors.append(name)
            roles.append(role)
    if not authors:
        return None
    return Byline(tuple(authors), tuple(roles))


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


def separate_run_ins(text: str) -> str:
    """Put a line break between a photo credit and a dateline printed straight after it."""
    return _RUN_IN.sub("\n", text)


def find_dateline(text: str) -> Dateline | None:
    """A source marker at the start of a lead paragraph, with the names in its brackets."""
    head = text[:40]
    if "讯" not in head and "电" not in head:
        return None
    m = _DATELINE.match(text)
    if m is None:
        return None
    marker = _strip(m.group("marker"))
    end = m.end()
    byline = Byline((), ())
    if m.group("names") is not None:
        parsed = parse_names(m.group("names"))
        if parsed is None:  # a bracket of the lead's own, not a byline
            end = m.start("bracket")
        else:
            byline = parsed
    if end >= len(text.rstrip()):
        return None
    return Dateline(marker, byline, end)


def find_end_dateline(text: str) -> tuple[str, str] | None:
    """``（本报北京11月13日电）`` closing a story: (text before it, marker)."""
    if not text.rstrip().endswith(("）", ")")):
        return None
    m = _END_DATELINE.search(text, max(0, len(text) - _TAIL))
    if m is None or m.start() == 0:
        return None
    return text[: m.start()], m.group("marker")


def find_trailing_byline(text: str) -> tuple[str, Byline] | None:
    """A ``（王艳）`` or ``（记者 熊渤 特约记者 谢奇）`` closing a paragraph."""
    if not text.rstrip().endswith(("）", ")")):
        return None
    m = _TRAILING_BYLINE.search(text, max(0, len(text) - _TAIL))
    if m is None:
        return None
    byline = parse_names(m.group("names"))
    if byline is None:
        return None
    return text[: m.start()], byline


def parse_bracketed_byline(text: str) -> Byline | None:
    """A trailing byline that wrapped onto a line of its own: ``（王艳）``."""
    m = _BRACKETED.match(text)
    return parse_names(m.group("names")) if m else None


def parse_byline_line(line: str) -> Byline | None:
    """A byline on a line of its own: ``□ 高淑芳`` · ``■ 本报记者 赵敏`` ·
    ``本报记者 赵敏 通讯员 刘芳`` (without a box, it must open with a role word
    and a space, so that a sentence opening with 记者 is not taken for one)."""
    stripped = line.strip()
    if stripped.startswith(("□", "■")):
        m = _BYLINE_LINE.match(line)
        return parse_names(m.group("names")) if m else None
    if _ROLE_LED.match(stripped):
        return parse_names(stripped)
    return None


def find_credit(text: str) -> Credit | None:
    """Split a caption from its credit (``… 王晶晶 摄``, ``XX供图``, ``（资料图）``)."""
    end = text.rstrip()[-12:]
    if not any(mark in end for mark in _CREDIT_MARKS):
        return None
    m = _CREDIT.search(text, max(0, len(text) - _TAIL))
    if m is None:
        return None
    caption = text[: m.start()].strip()
    caption = re.sub(r"^[▲△]\s*", "", caption)
    if not caption:
        return None
    if m.group("who") is not None:
        byline = parse_names(m.group("who"))
        if byline is None:
            return None
        credit = CreditRecord(contributors(byline), m.group("took"))
    elif m.group("org") is not None:
        credit = CreditRecord((Contributor(_strip(m.group("org"))),), m.group("gave"))
    else:  # a file photo: the archive, with the source when one is printed
        printed = _strip(m.group("file"))
        source = printed.removeprefix("图片来源").lstrip("：:")
        if printed.startswith("图片来源") and source:
            credit = CreditRecord((Contributor(source),), "图片来源")
        else:
            credit = CreditRecord((), printed)
    return Credit(caption, credit)


def find_caption(text: str) -> Credit | None:
    """A photo caption: one with a credit, or one marked ``▲``/``△`` or opening
    with ``图为`` (then its credit, if any, follows the same rules)."""
    found = find_credit(text)
    if found is not None:
        return found
    stripped = text.strip()
    if len(stripped) <= 150 and stripped.startswith(("▲", "△", "图为")):
        caption = re.sub(r"^[▲△]\s*", "", stripped)
        return Credit(caption, None) if caption else None
    return None


def is_subheading(text: str) -> bool:
    text = text.strip()
    return len(text) <= 40 and _SUBHEAD.match(text) is not None


def is_furniture(line: str) -> bool:
    text = line.strip()
    return len(text) <= 60 and text[:1] in _FURNITURE_START and _FURNITURE.match(text) is not None
