"""A sentence in quotation marks alone on its line, its speech tag going on below (``quoted``).

``“我们多辛苦一点，老百姓出门就安全一点。”`` / ``他说。说这话时，…``: the quoted line opens a
paragraph; a subheading in quotation marks is a phrase (``“党员要坚持到最后”``) and stays one.
Dumps are wrapped to a column of 24 cells and set flush, as pdftotext leaves one.
"""

from __future__ import annotations

import lishi_pub
from lishi_pub import Heading
from lishi_pub.parser import classify_page
from lishi_pub.parser.conventions import Profile
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role
from typeset import wrap

_STORY = wrap("本报讯 坪头乡道班的工人们常年守在山路上，清理落石、修补坑槽、疏通边沟，一年到头没有停歇。"
              "去年冬天，一辆货车在急弯处打滑，他们忙了一个多小时才把车弄上坡。", 24, 0) \
    + wrap("司机下车后，非要塞给他们两条烟，被他们婉言谢绝了。", 24, 0)
_QUOTED = "“我们多辛苦一点，老百姓出门就安全一点。”"
_SAID = "他说。说这话时，他正蹲在路边，用一把小铲子把排水沟里的淤泥一点点清出来，动作熟练而利索。"


def _roles(text: str) -> dict[str, Role]:
    return {line.text.strip(): line.role for line in classify_page(page_layout(text, 1))}


def test_a_quoted_sentence_with_its_speech_tag_below_opens_a_paragraph():
    text = "\n".join([*_STORY, _QUOTED, *wrap(_SAID, 24, 0)]) + "\n"
    assert _roles(text)[_QUOTED] is not Role.SUBHEADING
    article = lishi_pub.parse_text(text).articles[0]
    assert not [b for b in article.blocks if isinstance(b, Heading)]
    assert article.paragraphs[-1].text == (
        _QUOTED + _SAID)


def test_a_quoted_phrase_over_an_indented_paragraph_stays_a_subheading():
    text = "\n".join([*_STORY, "“党员要坚持到最后”", *wrap("\u3000\u3000他说，抢险那几天，大家轮流守在堤上，"
                                                             "谁也没有回家，直到水退了才撤下来。", 24, 0)]) + "\n"
    assert _roles(text)["“党员要坚持到最后”"] is Role.SUBHEADING
    article = lishi_pub.parse_text(text).articles[0]
    assert Heading("“党员要坚持到最后”") in article.blocks
    assert article.paragraphs[-1].text.startswith("他说，抢险那几天")


def test_the_convention_asks_for_the_stop_inside_the_quotes_and_the_tag_going_on():
    mk = Profile().markers
    assert mk.is_spoken_quotation(_QUOTED, "她笑着说，这条路她走了二十年。")
    assert not mk.is_spoken_quotation("“党员要坚持到最后”", "他说，抢险那几天，大家轮流守在")
    assert not mk.is_spoken_quotation(_QUOTED, "说这话时，他正蹲在路边，用一把小铲")
