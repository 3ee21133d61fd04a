"""A block of notice titles after a notices page's text (docs/parsing.md, "Short-news columns and service items")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Roles
from lishi_pub.parser.match.leftover import pair_leftovers
from lishi_pub.parser.segment.drafts import Draft
from lishi_pub.parser.segment.units import Unit

_NARROW = ("因10千伏城北线线路检\n修，12月14日7:30至\n18:30，以下区域将停\n止供电：北关街、北川\n"
           "路北段。\n\n停电期间请用户做好准\n备，关闭用电设备。\n\n")


def test_a_run_of_notice_titles_stays_headlines_though_as_wide_as_a_narrow_column() -> None:
    text = _NARROW + "计划停电通知\n城区农贸市场菜价一览\n"
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    assert [x.role for x in lines[-2:]] == [Roles.HEADLINE, Roles.HEADLINE]


def test_a_line_of_a_narrow_column_after_a_headline_is_running_text() -> None:
    text = "计划停电通知\n" + _NARROW
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    assert lines[1].role is not Roles.HEADLINE  # 因10千伏城北线线路检 names no kind


def test_notice_titles_pair_with_their_texts_by_their_topic_not_their_kind() -> None:
    text = ("据区价格监测中心12月1日采集数据：白菜每斤1.2元，土豆每斤1.5元。\n"
            "肉蛋类：猪肉每斤15元，鸡蛋每斤5.2元。\n区价格监测中心\n2023年12月1日\n\n"
            "因10千伏城北线线路检修，12月14日以下区域将停止供电：北关街。\n"
            "停电期间请用户做好准备，关闭用电设备。\n\n"
            "计划停电通知\n\n城区农贸市场菜价一览\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [a.title for a in page.articles] == ["城区农贸市场菜价一览", "计划停电通知"]


def test_a_notice_title_left_over_is_scored_by_its_topic() -> None:
    """计划停电通知 over a text sharing only 停 and 电 with it: its kind (计划…通知 would be
    two thirds of its weight) is no word of the text, so the topic alone decides."""
    texts = [["据区价格监测中心采集数据：白菜每斤1.2元，土豆每斤1.5元。", "肉蛋类：猪肉每斤15元。"],
             ["因线路检修，12月14日以下区域将停止供电：北关街。", "期间请用户关闭用电设备。"],
             ["区图书馆春节期间闭馆，读者可通过微信借阅。"]]
    drafts = [Draft() for _ in texts]
    unit = Unit(titles=["计划停电通知"], tight=[False])
    assert [(u.titles[0], k) for u, k in pair_leftovers(drafts, texts, [unit], DEFAULT_PROFILE)] \
        == [("计划停电通知", 1)]


@given(st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=12),
       st.sampled_from(DEFAULT_PROFILE.conventions.notice_titles + DEFAULT_PROFILE.conventions.service_titles))
def test_a_titles_topic_is_the_title_without_its_kind(topic: str, kind: str) -> None:
    got = DEFAULT_PROFILE.markers.topic_of(topic + kind)
    assert (topic + kind).startswith(got) and got
    assert DEFAULT_PROFILE.markers.topic_of("关于" + "冬季防冻保供水" + "的通知") == "冬季防冻保供水"


def _block_titles(block: list[str]) -> list[list[str]]:
    from lishi_pub.parser.segment.units import group_units

    text = _NARROW + "\n".join(block) + "\n"
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    return [u.titles for u in group_units(lines[-len(block):], DEFAULT_PROFILE)]


def test_titles_of_one_box_part_where_a_title_is_complete_by_its_kind() -> None:
    assert _block_titles(["计划停电通知", "城区农贸市场菜价一", "览", "区老年大学春季招生", "“我的家乡我的家”征文启事"]) \
        == [["计划停电通知"], ["城区农贸市场菜价一", "览"], ["区老年大学春季招生"], ["“我的家乡我的家”征文启事"]]


def test_a_notice_title_wrapped_in_its_box_stays_one_title() -> None:
    assert _block_titles(["计划停电通知", "区职业中学秋季招生", "简章", "关于公开招聘社区专职", "工作者的公告"]) \
        == [["计划停电通知"], ["区职业中学秋季招生", "简章"], ["关于公开招聘社区专职", "工作者的公告"]]
