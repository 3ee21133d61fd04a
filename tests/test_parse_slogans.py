"""A slogan banner over a notice's title (docs/parsing.md, "Short-news columns and service items")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE

_WEATHER = ("12月5日（周一）：晴转多云，西北风3级，气温零下9℃至2℃。\n"
            "12月6日至7日：受冷空气影响，有一次小雪天气过程，气温明显下降。\n")


def test_a_slogan_in_the_box_of_a_notice_title_is_the_pages_banner() -> None:
    page = lishi_pub.parse_text("弘扬劳模精神 争做时代先锋\n本周天气预报\n\n" + _WEATHER).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "本周天气预报")]
    assert "弘扬劳模精神 争做时代先锋" in page.banners


def test_a_slogan_over_a_notice_title_in_the_headline_block_is_the_pages_banner() -> None:
    text = ("因10千伏城北线线路检修，12月14日7:30至18:30，北关街将停止供电。\n"
            "停电期间请用户做好准备，关闭用电设备，以免来电时造成损失。\n\n"
            "文明实践 你我同行\n计划停电通知\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [(None, "计划停电通知")]
    assert "文明实践 你我同行" in page.banners


def test_spaced_phrases_over_a_news_headline_stay_with_the_headline() -> None:
    text = ("弘扬劳模精神 争做时代先锋\n全区表彰二十名劳动模范\n\n"
            "本报讯 4月28日，全区劳动模范表彰大会召开，二十名劳动模范受到表彰。\n")
    page = lishi_pub.parse_text(text).pages[0]
    article = page.articles[0]
    assert "弘扬劳模精神" in f"{article.kicker} {article.title}"
    assert "全区表彰二十名劳动模范" in article.title
    assert not any("弘扬劳模精神" in b for b in page.banners)


_han = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=2, max_size=12)


@given(st.lists(_han, min_size=2, max_size=4))
def test_phrases_set_apart_by_spaces_are_a_slogan_and_run_together_are_not(phrases: list[str]) -> None:
    assert DEFAULT_PROFILE.markers.is_slogan(" ".join(phrases))
    assert not DEFAULT_PROFILE.markers.is_slogan("".join(phrases))
    assert not DEFAULT_PROFILE.markers.heads_notice_under_slogan(" ".join(phrases), "全区表彰劳动模范")
    assert DEFAULT_PROFILE.markers.heads_notice_under_slogan(" ".join(phrases), "寻人启事")
