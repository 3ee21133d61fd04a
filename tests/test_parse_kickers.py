"""Kickers (引题) in the title's text box, told by the story under them (docs/parsing.md, parser/match/kicker.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.match.kicker import story_kicker

_CANTEEN = ("本报讯（记者 王艳）家住凤山街道龙泉小区的刘桂英今年78岁，儿女都在外地。从这个月开始，"
            "小区里的“暖心食堂”开门了，老旧小区的居民花十块钱就能吃上两荤一素。")
_ARCHIVE = ("本报讯（记者 张强）4月14日，区档案馆开展“国家安全教育学习”活动，全馆干部职工参加学习，"
            "进一步增强了国家安全意识。")


def _page(head_a: str, head_b: str) -> str:
    return "\n".join([_CANTEEN, "", _ARCHIVE, "", head_a, "", head_b, ""])


def _heads(text: str) -> list[tuple[str | None, str | None]]:
    return [(a.kicker, a.title) for a in lishi_pub.parse_text(text).articles]


def test_a_kicker_in_the_titles_box_is_told_by_the_story():
    """The first line shares no word with its story, the second restates it:
    a kicker; a title broken in two whose first line the lead repeats stays one."""
    text = _page("老人吃饭不再犯愁\n“暖心食堂”开进老旧小区", "区档案馆开展\n“国家安全教育学习”活动")
    assert _heads(text) == [("老人吃饭不再犯愁", "“暖心食堂”开进老旧小区"),
                            (None, "区档案馆开展“国家安全教育学习”活动")]


def test_a_break_inside_a_word_of_the_story_is_no_kicker():
    """Two spaced phrases mark a kicker, unless the line ends inside a word of the story (撬 / 动 → 撬动)."""
    text = _page("老人吃饭不再犯愁\n“暖心食堂”开进老旧小区", "消费券发放 撬\n动消费1.2亿元").replace(
        _ARCHIVE, "本报讯（记者 张强）区里发放电子消费券1000万元，撬动消费1.2亿元。")
    assert _heads(text)[1] == (None, "消费券发放 撬动消费1.2亿元")


def test_a_line_left_open_is_no_kicker():
    story = _CANTEEN
    assert story_kicker(["守护老人们的", "“暖心食堂”开进老旧小区"], story, DEFAULT_PROFILE) is None
    assert story_kicker(["守护老人们", "“暖心食堂”开进老旧小区"], story, DEFAULT_PROFILE) is True


def test_a_notice_title_is_no_kicker():
    story = "为方便群众就近接种，现将城区各接种点时间公布如下。"
    assert story_kicker(["关于调整城区", "疫苗接种点时间的通知"], story, DEFAULT_PROFILE) is None


_HAN = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E40), min_size=4, max_size=12)


@given(_HAN, _HAN, _HAN)
def test_a_first_line_the_story_repeats_is_never_a_kicker(first, rest, story):
    """A kicker frames the story; a line printed in it is the title's own words."""
    assert story_kicker([first, rest], story + first + rest, DEFAULT_PROFILE) is not True
