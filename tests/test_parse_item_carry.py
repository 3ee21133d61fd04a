"""An item's title whose last characters the column carried to the lead's line (docs/parsing.md,
"Short-news columns and service items")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE

_BEFORE = ["简讯", "法律援助站揭牌 信义镇法律援助", "工作站近日揭牌成立。 （戴彬升）"]


def _items(first: str, second: str) -> lishi_pub.Issue:
    return lishi_pub.parse_text("\n".join([*_BEFORE, first, second, "区热力公司开始向城区供暖。 （吕泉红）"]))


def test_a_titles_last_character_carried_before_the_leads_date_is_the_titles() -> None:
    issue = _items("冬季供暖正式启", "动 11月1日零时，全区集中供热")
    assert [a.title for a in issue.articles] == ["法律援助站揭牌", "冬季供暖正式启动"]
    assert issue.articles[1].paragraphs[0].text.startswith("11月1日零时")


def test_a_time_phrases_preposition_before_the_date_opens_the_lead() -> None:
    issue = _items("区图书馆延长开放时间", "自 12月1日起，区图书馆开放时间调整，")
    assert [a.title for a in issue.articles] == ["法律援助站揭牌", "区图书馆延长开放时间"]
    assert issue.articles[1].paragraphs[0].text.startswith("自12月1日起")


@given(st.sampled_from(DEFAULT_PROFILE.conventions.time_prepositions), st.integers(1, 12))
def test_no_preposition_is_ever_carried_into_a_title(word: str, month: int) -> None:
    issue = _items("区图书馆延长开放时间", f"{word} {month}月1日起，区图书馆开放时间调整，")
    assert issue.articles[1].title == "区图书馆延长开放时间"
