"""A notice's numbered item the column wrapped is running text, no subheading
(docs/parsing.md, "Numbered items the column wrapped")."""

from __future__ import annotations

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Roles

_NOTICE = ("11月20日下午，本公司8路公交车驾驶员在车\n厢内拾到黑色双肩包一个，内有现金若干、\n身份证、银行卡及学生课本等物品。\n"
           "一、请失主携带有效证件到公交公司\n调度中心认领。\n"
           "二、认领时需说明包内物品具体情\n况，经核实无误后予以归还。\n"
           "区公共交通有限公司\n2022年11月21日\n")


def test_a_wrapped_numbered_item_in_a_notice_is_a_paragraph_of_it() -> None:
    """In the sample's style (a blank line after every line) as in one box a line."""
    for text in (_NOTICE, _NOTICE.replace("\n", "\n\n")):
        article = lishi_pub.parse_text(text).pages[0].articles[0]
        _assert_items(article)


def _assert_items(article: lishi_pub.Article) -> None:
    assert [b.text for b in article.blocks][1:3] == ["一、请失主携带有效证件到公交公司调度中心认领。",
                                                      "二、认领时需说明包内物品具体情况，经核实无误后予以归还。"]


def test_the_line_is_running_text_from_the_classify_stage() -> None:
    lines = classify(page_layout(_NOTICE, 1), DEFAULT_PROFILE)
    numbered = [x for x in lines if x.text.startswith(("一、", "二、"))]
    assert [x.role for x in numbered] == [Roles.PARAGRAPH_START, Roles.PARAGRAPH_START]


def test_a_storys_numbered_subheading_as_wide_as_its_column_stays_one() -> None:
    """No signature closes a news story: 三、留住城市的记忆 heads its section though a
    narrow column makes it as wide as the text."""
    text = ("本报讯 近日，区文化产业园正式开园，吸引\n了众多市民前来参观游览，现场热闹非凡。\n"
            "三、留住城市的记忆与乡愁\n园区一角，有一间小小的展室，陈列着老\n物件和老照片，讲述城市的变迁。\n")
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    assert next(x for x in lines if x.text.startswith("三、")).role is Roles.SUBHEADING
