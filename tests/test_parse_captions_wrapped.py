"""Captions the layout wrapped or set apart, and the photos printed before a story's next title.

A caption is running text: the column wraps it at its measure, mid-clause, so its credit's
line may hold only the sentence's last words, and an extractor that leaves a blank line
between every two lines gives each of its lines a text box of its own.  A photo printed
after a story's text stands between that story and the next one: what its caption names
decides where it goes (``match/between.py``), and whatever is decided its text is never lost.
Dumps are hand-written as the extractors leave them; expectations are a reader's.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Figure

_LIBRARY = ["本报讯 区图书馆新馆日前正式开馆，馆内设有少", "儿阅览区、自习区和数字阅读体验区，藏书", "三十万册，市民持身份证即可免费办理借阅证。"]
_WATER = ["本报讯 今年以来，全区实施农村饮水提质工程，", "新建供水站十二座，铺设管网二百公里，一万八", "千余名群众喝上了放心水。"]
_SNOW = "一场降雪过后，凤山景区银装素裹，山间古建筑若隐若现。"


def _figures(issue: lishi_pub.Issue) -> tuple[list[list[tuple[str, str | None]]], list[tuple[str, str | None]]]:
    def pair(f: Figure) -> tuple[str, str | None]:
        return f.caption, (f.credit.name if f.credit else None)
    in_articles = [[pair(b) for b in a.blocks if isinstance(b, Figure)] for a in issue.articles]
    return in_articles, [pair(f) for f in issue.pages[0].figures]


def test_a_marked_caption_with_its_credit_on_a_line_of_its_own_between_stories_is_loose():
    """``▲ …`` read whole, then its credit alone: still a photo printed after the story's
    text, placed by what it names (here nothing on the page), not left in the story above."""
    text = "\n\n".join(["\n".join(_LIBRARY), "▲ " + _SNOW, "赵敏 摄", "\n".join(_WATER)]) + "\n"
    in_articles, loose = _figures(lishi_pub.parse_text(text))
    assert in_articles == [[], []]
    assert [c for c, _ in loose] == [_SNOW]


def test_a_caption_wrapped_one_box_a_line_in_the_headline_block_is_one_caption():
    """Headlines written after the text, a blank line between every two lines: the full line
    ending no sentence above the credit's line (which holds only ``成。``) is the caption's
    first line, not a headline; the caption is the story's, printed under its headline."""
    body = "\n\n".join([
        "本报讯 站在吴城镇北梁山顶往下看，满山的",
        "油松、侧柏郁郁葱葱，一眼望不到头。二十",
        "年来，老人在荒山上栽下树苗三万余株。",
        "（王艳）",
        "本报讯 今年以来，全区实施农村饮水提质工",
        "程，新建供水站十二座，一万八千余名群众",
        "喝上了放心水。",
        "（李明）",
    ])
    block = "\n\n".join([
        "荒山变青山的北梁山",
        "□ 白国源",
        "刘根旺老人在自己栽种的林子里查看树苗长",
        "势，二十年前栽下的油松如今已经长大成",
        "林。 本报记者 魏亮 摄",
        "农村饮水提质工程惠及一万八千人",
        "□ 张伟",
    ])
    issue = lishi_pub.parse_text(body + "\n\n" + block + "\n")
    assert [a.title for a in issue.articles] == ["荒山变青山的北梁山", "农村饮水提质工程惠及一万八千人"]
    in_articles, loose = _figures(issue)
    caption = "刘根旺老人在自己栽种的林子里查看树苗长势，二十年前栽下的油松如今已经长大成林。"
    assert in_articles == [[(caption, "魏亮")], []] and loose == []


def test_a_caption_whole_on_its_line_keeps_the_headline_above_it():
    """A short caption whole on its line, as wide as the headline above it: that headline is
    no line of the caption (only a line the caption's own line is shorter than wraps into it)."""
    body = "\n\n".join(["\n".join(_LIBRARY), "（王艳）", "\n".join(_WATER), "（李明）"])
    block = "\n\n".join(["区图书馆新馆开馆", "□ 白国源", "小读者在新馆读书。 王晶晶 摄", "农村饮水提质工程惠及万人", "□ 张伟"])
    issue = lishi_pub.parse_text(body + "\n\n" + block + "\n")
    assert [a.title for a in issue.articles] == ["区图书馆新馆开馆", "农村饮水提质工程惠及万人"]
    in_articles, _ = _figures(issue)
    assert in_articles[0] == [("小读者在新馆读书。", "王晶晶")]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["", "▲ "]), st.booleans(), st.booleans())
def test_a_photo_before_a_title_in_the_flow_is_never_lost(mark, credit_apart, title):
    """A photo printed after a story's text, then (or not) a short title line and more text:
    wherever it is put, its caption is printed once."""
    credit = "\n\n赵敏 摄" if credit_apart else " 赵敏 摄"
    parts = ["\n".join(_LIBRARY), mark + _SNOW + credit]
    if title:
        parts.append("供水站建成通水")
    parts.append("\n".join(["新建供水站十二座，铺设管网二百公里，一万八", "千余名群众喝上了放心水，供水站建成通水。"]))
    in_articles, loose = _figures(lishi_pub.parse_text("\n\n".join(parts) + "\n"))
    assert [c for cs in in_articles for c, _ in cs] + [c for c, _ in loose] == [_SNOW]


def test_a_credit_broken_after_a_word_that_reads_as_a_role_is_read_whole() -> None:
    """``中阳县摄影`` reads as a whole credit (a source and the role 摄影), and its line's end
    ``家协会供图`` as no caption at all: the two are one credit the column broke, the photo's
    source 中阳县摄影家协会.  (Before, the second line stopped the parse with an internal error.)"""
    dump = "\n\n".join([
        "本报讯（记者 李晶宇） 近日，区残联组织专业人员", "深入各乡镇，为126名残疾人免费适配轮椅。",
        "在适配现场，工作人员逐一为残疾人测量身", "体数据，评估功能状况。",
        "本报讯 在日前结束的全省青少年科技创新大", "赛中，我区中学生共有9个项目获奖。",
        "温子涵设计的农田墒情监测装置获一等奖。", "“我想帮爷爷用科技种地。”温子涵说。",
        "残疾人免费适配辅具", "我区学子在全省中学生", "科技创新大赛中获佳绩", "——获奖项目9个，其中一等奖2项",
        "温子涵向评委介绍自己设计的农田墒情监测装置。 中阳县摄影", "家协会供图"]) + "\n"
    in_articles, loose = _figures(lishi_pub.parse_text(dump))
    assert in_articles == [[], [("温子涵向评委介绍自己设计的农田墒情监测装置。", "中阳县摄影家协会")]]
    assert loose == []
