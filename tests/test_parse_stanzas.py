"""A poem in parts: its part labels (春 / 夏, 谷子 / 柿子) are subheadings inside the one poem."""

from __future__ import annotations

import lishi_pub

_ESSAY = ("村口那棵老槐树，是我小时候每天都要经过的地方。树下总坐着几位老人，\n"
          "摇着蒲扇，说着村里的大小事情，一坐就是一个下午，直到太阳落山。\n")

_SEASONS = ("绝句四首·乡村四季\n□ 朱芳\n"
            "春\n杏花开遍小山村，\n燕子衔泥绕旧门。\n老汉扶犁春雨后，\n一鞭吆喝到黄昏。\n"
            "夏\n麦浪翻金六月天，\n收机隆隆过田边。\n农家小院瓜棚下，\n笑话丰年说去年。\n")

_FREE = ("故乡的秋天（组诗）\n□ 何升\n"
         "谷子\n低下头的谷穗\n是最懂事的孩子\n它知道自己有多重\n所以从不张扬\n"
         "柿子\n叶子落光了\n柿子还挂在枝头\n一盏一盏小红灯笼\n替远行的人守着村口\n")


def _poems(text: str) -> list[lishi_pub.Article]:
    return [a for a in lishi_pub.parse_text(text).articles if any(
        isinstance(b, lishi_pub.Paragraph) and b.text in ("杏花开遍小山村，", "低下头的谷穗") for b in a.blocks)]


def test_the_part_labels_of_a_regular_poem_are_subheadings_of_the_one_poem() -> None:
    poems = _poems(_ESSAY + "\n" + _SEASONS)
    assert len(poems) == 1
    blocks = poems[0].blocks
    assert blocks[0] == lishi_pub.Heading("春")
    assert lishi_pub.Heading("夏") in blocks
    assert isinstance(blocks[-1], lishi_pub.Paragraph) and blocks[-1].text == "笑话丰年说去年。"


def test_the_part_labels_of_a_free_verse_poem_are_subheadings_of_the_one_poem() -> None:
    poems = _poems(_ESSAY + "\n" + _FREE)
    assert len(poems) == 1
    headings = [b.text for b in poems[0].blocks if isinstance(b, lishi_pub.Heading)]
    assert headings == ["谷子", "柿子"]
    assert "替远行的人守着村口" in [b.text for b in poems[0].blocks if isinstance(b, lishi_pub.Paragraph)]


def test_a_poems_short_lines_of_several_characters_stay_lines_of_it() -> None:
    poem = ("雪\n□ 毛婷辉\n一夜之间\n山就白了头\n像我那个\n不再年轻的父亲\n"
            "站在院子里\n一声不吭\n看着远处的山路\n")
    article = lishi_pub.parse_text(_ESSAY + "\n" + poem).articles[-1]
    assert not [b for b in article.blocks if isinstance(b, lishi_pub.Heading)]
