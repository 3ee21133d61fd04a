"""A brief's item mark (● ■) marks the item; it is no word of the item's title (docs/parsing.md)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import Conventions

_STORIES = [
    "本报讯（记者 王艳）连日来，各乡镇组织群众对越冬作物进行冬灌，全区已完成冬灌面积3.2万亩。（李华）",
    "",
    "本报讯（记者 张强）11月18日，全区中小学校园足球联赛开幕，32支球队参加比赛。（王艳）",
    "",
]


@given(st.sampled_from(Conventions().item_marks), st.sampled_from(["", " ", "\u3000"]))
def test_a_marked_headline_is_titled_without_its_mark(mark: str, gap: str) -> None:
    text = "\n".join(_STORIES + [f"{mark}{gap}冬灌工作全面展开", "", "校园足球联赛开幕"])
    titles = [(a.title, a.title_source) for a in lishi_pub.parse_text(text).articles]
    assert titles == [("冬灌工作全面展开", "headline"), ("校园足球联赛开幕", "headline")]
