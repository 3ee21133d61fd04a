"""Authors' names printed bare under a title (classify's ``bylines`` pass).

A literary supplement prints the author's name on a line of its own under the
title, with no □ and no role word.  Its place and shape alone make it a byline:
these dumps, written by hand as pdftotext leaves a column, check both that such
a name is found and that lines of the same shape elsewhere are left alone.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Heading
from lishi_pub.parser import classify_page
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role

_END = "（作者单位：兴县第一中学）"
_ESSAY = [
    "村口那条路，是我小时候每天都要走的。路",
    "不宽，两边种着白杨树，一到夏天，树荫把",
    "整条路都遮住了。",
    "后来我去县城读书，又去外地工作，那条路",
    "就成了我回家时第一眼看见的地方。",
]
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文斌宇浩凯鹏晨欣婷雪琳晶慧佳然峰东新春龙玉红海辉晓云俊飞"
#: A name: a surname and one to three characters of given names (``一一`` or ``右图`` are no names).
_NAMES = st.builds(lambda s, g: s + g, st.sampled_from(_SURNAMES), st.text(st.sampled_from(_GIVEN), min_size=1, max_size=3))


def _roles(text: str) -> dict[str, Role]:
    return {line.text.strip(): line.role for line in classify_page(page_layout(text, 1))}


@settings(max_examples=40, deadline=None)
@given(st.lists(_NAMES, min_size=1, max_size=2, unique=True),
       st.sampled_from(["村口的那条路", "写给乡村教师的诗", "父亲的自行车"]))
def test_a_bare_name_under_a_title_is_its_author(names, title):
    """One or two names alone on the line between the title and the text: the story's authors
    (a title of a name's shape over them would make two lines of names: a list, never a byline)."""
    text = "\n".join([_END, "", title, " ".join(names), "", *_ESSAY]) + "\n"
    article = lishi_pub.parse_text(text).articles[-1]
    assert article.authors == tuple(names)
    assert article.title == title and article.title_source == "headline"
    assert article.paragraphs[0].text.startswith("村口那条路，是我小时候")


def test_a_boxed_circle_byline():
    text = "\n".join([_END, "", "村口的那条路", "○ 毛婷辉", "", *_ESSAY]) + "\n"
    article = lishi_pub.parse_text(text).articles[-1]
    assert article.authors == ("毛婷辉",) and article.title == "村口的那条路"


def test_a_title_wrapped_onto_a_short_line_is_no_name():
    """``区博物馆新展三百余件文物讲述千`` / ``年历史``: a title the column wrapped, over its
    photo's caption and a story its dateline opens (whose reporters the dateline names)."""
    text = "\n".join([_END, "", "区博物馆新展三百余件文物讲述千", "年历史",
                      "市民在区博物馆参观新展出的汉代画像石。石",
                      "楼县农业农村局供图",
                      "本报讯 经过一年多的提升改造，区博物馆基本陈列",
                      "日前正式对外开放，共展出各类文物三百余件。"]) + "\n"
    assert _roles(text)["年历史"] is not Role.BYLINE
    assert all(not a.authors for a in lishi_pub.parse_text(text).articles)


def test_a_notice_title_wrapped_onto_its_kind_is_no_name():
    """``区人民政府关于冬季征兵工作的`` / ``通告``: the title names its kind on the short line."""
    text = "\n".join([_END, "", "区人民政府关于冬季征兵工作的", "通告",
                      "根据国防部征兵命令和上级征兵工作部署，现将",
                      "本年度征兵工作有关事项通告如下，请广大适龄",
                      "青年踊跃报名。"]) + "\n"
    assert _roles(text)["通告"] is not Role.BYLINE
    assert all(not a.authors for a in lishi_pub.parse_text(text).articles)


def test_a_subheading_the_column_wrapped_is_no_name():
    """``（二）电话那头，远`` / ``程指导``: the first line fills its narrow column, wider
    than the text under it."""
    text = "\n".join([
        "本报讯 急救中心的调度",
        "员每天要接听上百个电",
        "话，受理时间很短。",
        "（二）电话那头，远",
        "程指导",
        "调度员说。这份工",
        "作远不止派车这么简",
        "单，遇到心脏骤停的",
        "患者，还要在电话里",
        "指导家属做心肺复苏。",
    ]) + "\n"
    assert _roles(text)["程指导"] is not Role.BYLINE
    assert all(not a.authors for a in lishi_pub.parse_text(text).articles)


def test_an_essays_section_names_are_no_author():
    """``乡村旧物三题`` / ``石磨`` / text … ``水瓮`` / text: short lines of the same shape
    recur after sentence ends, so they name the essay's parts."""
    text = "\n".join([
        _END, "", "乡村旧物三题", "石磨",
        "老家的院子里有一盘石磨，是爷爷年轻时请石",
        "匠凿的。磨盘上的纹路已经磨平了，可推起来",
        "还是那么沉。",
        "水瓮",
        "灶台边上放着一口大水瓮，能盛五六担水。每",
        "天早上，父亲都要挑着水桶去井边把它挑满。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[-1]
    assert article.authors == ()
    assert Heading("水瓮") in article.blocks


def test_a_list_of_names_is_no_byline():
    """Three names on the line, or a second line of names: a list (awardees, a roster)."""
    for names in (["张伟", "李娜", "王强"], ["张伟", "李娜"]):
        lines = [_END, "", "区级优秀志愿者名单", " ".join(names)]
        if len(names) == 2:
            lines.append("刘洋 陈静")
        text = "\n".join([*lines, "", *_ESSAY]) + "\n"
        assert all(not a.authors for a in lishi_pub.parse_text(text).articles)


def test_a_byline_wrapped_inside_a_role_word_is_one():
    """``□ 本报记者龚鹏本报通`` / ``讯员白桂``: the column broke the byline inside 本报通讯员."""
    text = "\n".join(["守护“一老一", "小”的幸福驿站", "□ 本报记者龚鹏本报通", "讯员白桂",
                      "清晨，凤山街道幸福驿站的活动室里，几位老人正在下象棋。"]) + "\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert article.authors == ("龚鹏", "白桂")
    assert [c.role for c in article.contributors] == ["本报记者", "本报通讯员"]
    assert article.paragraphs[0].text.startswith("清晨，")


def test_a_closing_byline_wrapped_over_two_lines_closes_its_story():
    """``（记者 廖浩 特约记`` / ``者 易雪峰）`` after the story's last sentence, then the
    page's headline block: the two lines are the story's byline, no headlines."""
    text = "\n".join([
        "本报讯 今年春季，区农业农村局已组织",
        "各类田间培训六十余场次，培训农民三",
        "千五百余人次。",
        "（记者 廖浩 特约记",
        "者 易雪峰）",
        "",
        "区农业农村局田间课堂解了果农的急",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    article = issue.articles[0]
    assert article.authors == ("廖浩", "易雪峰")
    assert [c.role for c in article.contributors] == ["记者", "特约记者"]
    assert article.paragraphs[-1].text.endswith("培训农民三千五百余人次。")
    assert not any("易雪峰" in text for text in issue.pages[0].banners)
