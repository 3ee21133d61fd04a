"""Photos printed between two stories (segment records them, match/between.py places them).

A picture-news photo stands between stories as a story of its own; a story's
own photo may follow its last paragraph or open the story below.  Where it
stands says only that it is one of the two stories' or its own: what the
caption names decides.  Dumps are written by hand as pdftotext leaves a
column (a blank line between text boxes); the expectations are where a reader of the page would put the photo.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Figure

_LIBRARY = ["本报讯 区图书馆新馆日前正式开馆，馆内设有少", "儿阅览区、自习区和数字阅读体验区，藏书", "三十万册，市民持身份证即可免费办理借阅证。"]
_WATER = ["本报讯 今年以来，全区实施农村饮水提质工程，", "新建供水站十二座，铺设管网二百公里，一万八", "千余名群众喝上了放心水。"]
_PHOTOS = {
    "library": "小读者在区图书馆新馆少儿阅览区读书。 王晶晶 摄",
    "water": "农村饮水提质工程新建的供水站内，群众喝上了放心水。 李明 摄",
    "snow": "一场降雪过后，凤山景区银装素裹，山间古建筑若隐若现。 赵敏 摄",
}


def _figures(issue: lishi_pub.Issue) -> tuple[list[list[str]], list[str]]:
    in_articles = [[b.caption for b in a.blocks if isinstance(b, Figure)] for a in issue.articles]
    return in_articles, [f.caption for f in issue.pages[0].figures]


def _page(photo: str) -> str:
    return "\n\n".join(["\n".join(_LIBRARY), _PHOTOS[photo], "\n".join(_WATER)]) + "\n"


def test_a_picture_news_photo_between_stories_is_loose():
    in_articles, loose = _figures(lishi_pub.parse_text(_page("snow")))
    assert in_articles == [[], []]
    assert loose == ["一场降雪过后，凤山景区银装素裹，山间古建筑若隐若现。"]


def test_a_photo_after_a_storys_text_that_names_it_is_its_photo():
    in_articles, loose = _figures(lishi_pub.parse_text(_page("library")))
    assert in_articles == [["小读者在区图书馆新馆少儿阅览区读书。"], []] and loose == []


def test_a_photo_before_a_storys_text_that_names_it_opens_that_story():
    issue = lishi_pub.parse_text(_page("water"))
    in_articles, loose = _figures(issue)
    assert in_articles == [[], ["农村饮水提质工程新建的供水站内，群众喝上了放心水。"]] and loose == []
    assert isinstance(issue.articles[1].blocks[0], Figure)  # printed before the story's text


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(sorted(_PHOTOS)), min_size=1, max_size=3))
def test_photos_between_stories_are_never_lost(photos):
    """Whatever photos stand between the stories, each is printed once: in a story or loose."""
    text = "\n\n".join(["\n".join(_LIBRARY), *(_PHOTOS[p] for p in photos), "\n".join(_WATER)]) + "\n"
    in_articles, loose = _figures(lishi_pub.parse_text(text))
    printed = sorted(_PHOTOS[p].rsplit(" ", 2)[0] for p in photos)
    assert sorted([c for cs in in_articles for c in cs] + loose) == printed


def test_a_caption_under_a_headline_in_the_headline_block_is_that_storys():
    """Headlines written after all the text (a trailing headline block): a caption printed
    right under a headline unit is that story's photo, though it shares no word with it."""
    text = "\n\n".join([
        "\n".join(["本报讯 站在吴城镇北梁山顶往下看，满山的", "油松、侧柏郁郁葱葱，一眼望不到头。", "（王艳）"]),
        "\n".join(["本报讯 今年以来，全区实施农村饮水提质工程，", "新建供水站十二座，一万八千余名群众喝上了放心水。", "（李明）"]),
        "荒山变青山的北梁山\n□ 白国源",
        "刘根旺老人在自己栽种的林子里查看树苗长势。 本报记者 魏亮 摄",
        "农村饮水提质工程惠及一万八千人\n□ 张伟",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    assert [a.title for a in issue.articles] == ["荒山变青山的北梁山", "农村饮水提质工程惠及一万八千人"]
    in_articles, loose = _figures(issue)
    assert in_articles == [["刘根旺老人在自己栽种的林子里查看树苗长势。"], []] and loose == []
