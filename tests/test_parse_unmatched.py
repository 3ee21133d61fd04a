"""Stories whose printed headline must be found for them (docs/parsing.md: headline runs above
a story, the trailing headline block): a headline that the parser misses leaves its story a
title derived from the lead, or two stories merged into one.  Dumps are written by hand."""

from __future__ import annotations

import lishi_pub
from lishi_pub import Figure

_STORY_BEFORE = ["据了解，今年春季，区农业农村局", "已组织各类田间培训60余场次，培训", "农民3500余人次。"]
_GRAIN = ["本报讯 连日来，信义镇", "3200亩谷子陆续进入收获", "期，田间地头一派繁忙景象。", "今年该镇推广抗旱新品种“晋",
          "谷21号”，并统一开展测土", "配方施肥，平均亩产达到420", "斤，比去年增加约15%。"]


def _pdfminer(boxes: list[list[str]]) -> str:
    """pdfminer's dump: a blank line after every text box, single newlines inside one."""
    return "".join("\n".join(box) + "\n\n" for box in boxes)


def test_a_title_line_as_wide_as_the_column_is_no_line_of_the_photo_caption_under_it():
    page = _pdfminer([*([x] for x in _STORY_BEFORE),
                      ["旱塬结出“金穗子”", "信义镇3200亩谷子喜获丰收"],
                      ["信义镇后沟村村民在田间收割谷子，收割机来回穿梭。 本报记者 冯慧鹏 摄"],
                      *([x] for x in _GRAIN)])
    issue = lishi_pub.parse_text(page)
    grain = issue.articles[-1]
    assert grain.title == "信义镇3200亩谷子喜获丰收" and grain.kicker == "旱塬结出“金穗子”"
    assert grain.title_source == "headline"
    assert [b.caption for b in grain.blocks if isinstance(b, Figure)] == ["信义镇后沟村村民在田间收割谷子，收割机来回穿梭。"]
    assert "丰收" not in "".join(getattr(b, "text", "") for b in issue.articles[0].blocks)
