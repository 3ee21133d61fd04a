"""Hypothesis strategies for newspaper-like text and for whole Issues.

Shared by the parser, interchange and exporter tests: text built from the
pieces real dumps are made of (Han runs, CJK punctuation, digits, datelines,
bylines, credits, form feeds, blank lines), and model objects that satisfy
the model's own invariants.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from hypothesis import strategies as st

from lishi_pub.model import Article, Contributor, Credit, Diagnostic, Figure, Heading, Issue, Page, Paragraph

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。、：；！？“”‘’（）《》…—·"))
ASCII = st.characters(min_codepoint=0x21, max_codepoint=0x7E)
FULLWIDTH = st.characters(min_codepoint=0xFF10, max_codepoint=0xFF19)
MARKERS = st.sampled_from([
    "本报讯 ", "本报讯（记者 张伟 通讯员 刘芳）", "新华社北京5月5日电（记者 王小明）", "据新华社电 ",
    " （王艳）", "（记者 熊渤 特约记者 谢奇）", " 王晶晶 摄", "XX供图", "（资料图）", "□ 高淑芳", "■ 本报记者 赵敏",
    "——", "……", "【工作动态】", "一、", "（二）", "2022年4月22日 星期五", "第2版", "责任编辑：李华", "　　",
])
SEPARATORS = st.sampled_from(["\n", "\n\n", "\n\n\n", "\f", " ", "\t", "\r\n"])

#: Text shaped like a page dump, including hostile odds and ends.
dump_text = st.lists(
    st.one_of(
        st.text(HAN, min_size=1, max_size=30),
        st.text(st.one_of(HAN, PUNCT, ASCII, FULLWIDTH), min_size=1, max_size=20),
        MARKERS,
        SEPARATORS,
        st.text(max_size=5),
    ),
    max_size=60,
).map("".join)

_plain = st.text(st.one_of(HAN, PUNCT, st.sampled_from(list("0123456789 ABCxyz"))), min_size=1, max_size=40).filter(
    lambda s: bool(s.strip()))
#: Text with characters that break naive XML/markup output.
hostile = st.one_of(
    _plain,
    st.sampled_from(["<", "&", "<script>alert(1)</script>", "]]>", "<b>未闭合", "<img src=x>", "a\x0bb", "😀表情",
                     "&amp;", "\ufeff开头", "长" * 300]),
    st.text(min_size=1, max_size=30).filter(lambda s: bool(s.strip())),
)

credits = st.one_of(
    st.none(),
    st.builds(Credit, st.lists(st.builds(Contributor, hostile, st.one_of(st.none(), hostile)), min_size=1,
                               max_size=2).map(tuple), st.one_of(st.none(), st.sampled_from(["摄", "供图"]))),
    st.builds(Credit, st.just(()), st.sampled_from(["资料图", "资料照片"])),
)
blocks = st.one_of(
    st.builds(Paragraph, hostile),
    st.builds(Heading, hostile),
    st.builds(Figure, hostile, credits),
)


@st.composite
def articles(draw: st.DrawFn, aid: str) -> Article:
    title = draw(st.one_of(st.none(), hostile))
    return Article(
        id=aid,
        title=title,
        title_source=None if title is None else draw(st.sampled_from(["headline", "derived"])),
        kicker=draw(st.one_of(st.none(), hostile)),
        subtitle=draw(st.one_of(st.none(), hostile)),
        contributors=tuple(Contributor(name, draw(st.sampled_from([None, "记者", "通讯员"])))
                           for name in draw(st.lists(_plain, max_size=3))),
        dateline=draw(st.one_of(st.none(), st.sampled_from(["本报讯", "新华社北京5月5日电"]))),
        blocks=tuple(draw(st.lists(blocks, min_size=1, max_size=6))),
    )


@st.composite
def pages(draw: st.DrawFn, number: int) -> Page:
    n = draw(st.integers(0, 4))
    return Page(
        number=number,
        label=draw(st.one_of(st.none(), st.just(f"第{number}版"))),
        header=tuple(draw(st.lists(hostile, max_size=2))),
        banners=tuple(draw(st.lists(hostile, max_size=2))),
        articles=tuple(draw(articles(f"p{number}-a{k}")) for k in range(1, n + 1)),
        figures=tuple(draw(st.lists(st.builds(Figure, hostile, credits), max_size=2))),
        source=draw(st.one_of(st.none(), st.just(f"page{number}.txt"))),
        diagnostics=tuple(draw(st.lists(st.builds(Diagnostic, st.sampled_from(["headline-match", "no-headline"]),
                                                  hostile, st.none(), st.one_of(st.none(), st.floats(0, 1))),
                                        max_size=2))),
    )


@st.composite
def issues(draw: st.DrawFn) -> Issue:
    n = draw(st.integers(1, 3))
    return Issue(
        title=draw(st.one_of(st.none(), hostile)),
        date=draw(st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)))),
        number=draw(st.one_of(st.none(), st.integers(1, 99999).map(str))),
        publisher=draw(st.one_of(st.none(), hostile)),
        pages=tuple(draw(pages(k)) for k in range(1, n + 1)),
    )


_HAN_RE = re.compile(r"[\u3400-\u9fff]")
# Words the model holds as structure rather than text: roles, and credit markers.
_STRUCTURE = re.compile(r"本报特约记者|本报见习记者|本报实习生|本报通讯员|本报记者|新华社记者|新华社通讯员|特约通讯员|特约记者|"
                        r"见习记者|实习记者|摄影记者|首席记者|通讯员|实习生|记者|摄影|文/图|文／图|图/文|图／文|撰稿|编辑|"
                        r"摄|供图|提供|文|图")


def lost_han(text: str, output: str) -> list[str]:
    """Han characters of ``text`` missing from ``output``, beyond those that
    role words and credit markers (held as structure) account for."""
    out = Counter(_HAN_RE.findall(output))
    held = Counter(_HAN_RE.findall("".join(_STRUCTURE.findall(text))))
    return [ch for ch, n in Counter(_HAN_RE.findall(text)).items() if out[ch] < n - held[ch]]
