"""Service items run together, cut apart by what their titles in the block after them name
(docs/parsing.md, "Service items run together")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub

_WEATHER = ("本周六白天多云，夜间转阴，气温零下5℃至7℃；周日阴有小雨，山区有雨夹雪。\n\n"
            "周日早晨部分路段可能出现道路结冰，驾车出行请提前查询路况。\n\n")
_POWER = ("因10千伏城北线线路检修，12月14日7:30至18:30，以下区域将停止供电：北关街、北川小区。\n\n"
          "停电期间请用户做好准备，关闭用电设备，以免来电时造成损失。\n\n")
_PRICES = ("据区价格监测中心12月1日在城区各农贸市场采集数据：白菜每斤1.2元，土豆每斤1.5元，西红柿每斤4.5元。\n\n"
           "肉蛋类：猪肉（精瘦）每斤15元，牛肉每斤42元，鸡蛋每斤5.2元。\n\n")
_LOST = ("11月20日下午，本公司8路公交车驾驶员在车厢内拾到黑色双肩包一个，内有现金若干。\n\n"
         "一、请失主携带有效证件到公交公司调度中心认领。\n\n"
         "二、认领时需说明包内物品具体情况，经核实无误后予以归还。\n\n")
_TITLES = {_WEATHER: "周末天气及出行提示", _POWER: "计划停电通知", _PRICES: "城区农贸市场菜价一览",
           _LOST: "失物招领启事"}


def _titles(texts: list[str], block: list[str]) -> list[str | None]:
    page = lishi_pub.parse_text("".join(texts) + "\n\n".join(block) + "\n").pages[0]
    return [a.title for a in page.articles]


def test_items_with_no_marker_between_them_are_cut_where_their_titles_topics_change() -> None:
    texts = [_WEATHER, _POWER, _LOST]
    assert _titles(texts, ["计划停电通知", "失物招领启事", "周末天气及出行提示"]) \
        == ["周末天气及出行提示", "计划停电通知", "失物招领启事"]


def test_a_numbered_item_goes_on_the_notice_above_it() -> None:
    """二、 and 一、 open no item, though they share little with the lead above them."""
    page = lishi_pub.parse_text(_PRICES + _LOST + "城区农贸市场菜价一览\n\n失物招领启事\n").pages[0]
    lost = next(a for a in page.articles if a.title == "失物招领启事")
    assert [b.text[:2] for b in lost.blocks] == ["11", "一、", "二、"]


def test_titles_naming_no_kind_cut_nothing() -> None:
    """A headline block of news titles is matched on its words, as before: plain display
    lines that name no kind of notice claim no text by their characters alone."""
    page = lishi_pub.parse_text(_WEATHER + _POWER + "云天路滑\n\n北区断供\n").pages[0]
    assert len(page.articles) == 1


@settings(max_examples=15, deadline=None)
@given(st.permutations([_WEATHER, _POWER, _PRICES, _LOST]), st.permutations(list(_TITLES.values())))
def test_each_item_gets_its_own_title_whatever_the_orders(texts: list[str], block: list[str]) -> None:
    """The items are cut where the characters change, in whatever order they are printed and
    their titles listed, and no character of the texts is lost."""
    titles = _titles(texts, block)
    assert titles == [_TITLES[t] for t in texts]
    page = lishi_pub.parse_text("".join(texts) + "\n\n".join(block) + "\n").pages[0]
    body = "".join(b.text for a in page.articles for b in a.blocks)
    assert body == "".join("".join(texts).split())


def test_a_title_printed_above_the_first_item_keeps_it_and_the_block_claims_the_rest() -> None:
    """便民服务电话 heads the phone list it stands over; 周末天气及出行提示, in the block after
    the texts, claims the weather item run on after it (a column of 16 cells, a blank line
    after each line as in the sample's dump)."""
    lines = ["便民服务电话", "急救中心：120；火警：119；报", "警：110；交通事故：122。",
             "政务服务便民热线：12345；市场", "监管投诉举报：12315。",
             "本周六白天多云，夜间转阴，气温", "零下5℃至7℃；周日阴有小雨，山区", "有雨夹雪。",
             "周日早晨部分路段可能出现道路结", "冰，驾车出行请提前查询路况。",
             "据区价格监测中心12月1日在城区各", "农贸市场采集数据：白菜每斤1.2元。",
             "肉蛋类：猪肉（精瘦）每斤15元，牛", "肉每斤42元，鸡蛋每斤5.2元。",
             "周末天气及出行提示", "城区农贸市场菜价一览"]
    page = lishi_pub.parse_text("\n\n".join(lines) + "\n").pages[0]
    titles = {a.title: [b.text[:4] for b in a.blocks] for a in page.articles}
    assert titles["便民服务电话"] == ["急救中心", "政务服务"]
    assert titles["周末天气及出行提示"] == ["本周六白", "周日早晨"]


def test_a_service_title_is_no_kicker_over_a_notices_title() -> None:
    """本周天气预报 printed right above 城区部分区域停水通知 in the block: a notice carries no
    kicker, and each heads its own text."""
    lines = ["因滨河东路供水主管道改造施工，", "12月9日8:00至20:00，城区部分区域", "将停止供水。",
             "请以上区域用户提前做好储水准", "备，停水期间请关闭水龙头。",
             "12月5日（周一）：晴转多云，西", "北风3级，气温零下9℃至2℃。",
             "12月6日至7日：受冷空气影响，有", "一次小雪天气过程，气温明显下降。",
             "本周天气预报", "城区部分区域停水通知"]
    page = lishi_pub.parse_text("\n\n".join(lines) + "\n").pages[0]
    assert all(a.kicker is None for a in page.articles)
    assert "本周天气预报" not in [a.kicker for a in page.articles]
