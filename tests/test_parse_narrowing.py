"""Running text where the column narrows mid-text: its short lines are no headlines
(docs/parsing.md, "A column narrowing inside a text")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Roles

_WIDE = ["城区固定献血点：滨河广场爱心献血", "屋，每天9:00—17:00开放，节假日不休", "息。",
         "流动献血车：每周六、周日停靠于东", "关街购物中心门前。"]
_NARROW = ["18至55周岁、身体健康", "的市民均可参加无偿献血，献", "血前请吃清淡早餐，不要空", "腹，并携带身份证。"]
_AFTER = ["为加强城市社区工作者队伍建设，经", "研究，决定面向社会公开招聘社区专职工", "作者30名，具体事项公告如下。"]


def _page(sep: str) -> str:
    return sep.join(_WIDE + _NARROW + _AFTER) + "\n"


def test_narrow_lines_inside_a_sentence_are_running_text() -> None:
    lines = classify(page_layout(_page("\n\n"), 1), DEFAULT_PROFILE)
    narrow = [x for x in lines if x.text.replace(" ", "") in _NARROW]
    assert [x.role for x in narrow] == [Roles.PARAGRAPH_START, Roles.BODY, Roles.BODY, Roles.BODY]


def test_the_narrow_paragraph_is_one_paragraph_whole() -> None:
    article = lishi_pub.parse_text(_page("\n\n")).pages[0].articles[0]
    texts = [b.text for b in article.blocks]
    assert "".join(_NARROW) in texts


def test_a_headline_phrase_over_a_narrow_column_stays_a_headline() -> None:
    """No clause's mark in it, and no sentence above going on into it: a title."""
    text = "\n\n".join(_WIDE + ["区老年大学春季招生"] + _NARROW[1:]) + "\n"
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    assert next(x for x in lines if x.text == "区老年大学春季招生").role is Roles.HEADLINE


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["\n", "\n\n"]), st.integers(min_value=0, max_value=2))
def test_no_han_character_is_lost_whatever_the_dump_style(sep: str, cut: int) -> None:
    text = sep.join(_WIDE[cut:] + _NARROW + _AFTER) + "\n"
    page = lishi_pub.parse_text(text).pages[0]
    kept = [b.text for a in page.articles for b in a.blocks]
    kept += [a.title or "" for a in page.articles if a.title_source != "derived"]  # (a derived title repeats its text)
    assert _han("".join(kept + list(page.banners) + list(page.header))) == _han(text)


def _han(text: str) -> list[str]:
    return sorted(c for c in text if "\u4e00" <= c <= "\u9fff")
