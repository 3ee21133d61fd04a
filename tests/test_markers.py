"""Datelines, bylines, credits, subheadings and furniture, as the trade prints them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lishi_pub.parser.conventions import DEFAULT_PROFILE

from lishi_pub.parser.conventions.markers import Byline, Credit, Dateline  # noqa: F401

markers = DEFAULT_PROFILE.markers


@pytest.mark.parametrize("text, marker, authors, roles", [
    ("本报讯 为普及国家安全知识", "本报讯", (), ()),
    ("本报讯（记者 张伟 通讯员 刘芳）近日，", "本报讯", ("张伟", "刘芳"), ("记者", "通讯员")),
    ("本报讯(记者 祖薇) 4月", "本报讯", ("祖薇",), ("记者",)),
    ("吕梁日报讯（见习记者 王五）日前，", "吕梁日报讯", ("王五",), ("见习记者",)),
    ("人民网7月3日讯（见习记者 赵六）今天", "人民网7月3日讯", ("赵六",), ("见习记者",)),
    ("本报北京9月18日电（记者 孙七）昨天", "本报北京9月18日电", ("孙七",), ("记者",)),
    ("新华社北京 8月 12日电（记者 矫 月 王小明）当地", "新华社北京8月12日电", ("矫月", "王小明"), ("记者", "记者")),
    ("新华社北京1月25日专电 昨日", "新华社北京1月25日专电", (), ()),
    ("据新华社电 某地", "据新华社电", (), ()),
    ("中新网北京9月27日电 (记者 李明)今天", "中新网北京9月27日电", ("李明",), ("记者",)),
])
def test_datelines(text, marker, authors, roles):
    found = markers.find_dateline(text)
    assert found is not None
    assert found.marker == marker
    assert found.byline.authors == authors
    assert found.byline.roles == roles
    assert text[found.end:].strip()


@pytest.mark.parametrize("text", ["会议指出，基层是", "据悉，民建离石支部", "本报讯", "通讯员们来到现场"])
def test_not_datelines(text):
    assert markers.find_dateline(text) is None


def test_a_bracket_of_the_lead_is_not_a_byline():
    found = markers.find_dateline("本报讯（2022年4月）全区开展了活动。")
    assert found is not None and found.byline.authors == ()
    assert "（2022年4月）" in "本报讯（2022年4月）全区开展了活动。"[found.end:]


@pytest.mark.parametrize("text, authors, roles", [
    ("营造了良好氛围。 （王艳）", ("王艳",), (None,)),
    ("完成。（记者 熊渤 特约记者 谢奇）", ("熊渤", "谢奇"), ("记者", "特约记者")),
    ("好。（文/图 汪路勇）", ("汪路勇",), ("文/图",)),
])
def test_trailing_bylines(text, authors, roles):
    found = markers.find_trailing_byline(text)
    assert found is not None
    assert found[1].authors == authors and found[1].roles == roles


def test_a_sentence_opening_with_a_role_word_is_no_byline():
    assert markers.parse_byline_line("记者来到现场") is None
    assert markers.parse_byline_line("记者从市文旅局获悉，国庆假期") is None


def test_a_closing_byline_may_end_with_bao_dao():
    found = markers.find_trailing_byline("完成。（记者 张三 通讯员 李四 报道）")
    assert found is not None and found[1].authors == ("张三", "李四")


@pytest.mark.parametrize("text", ["研究《实施意见》（讨论稿）", "今年产量增长两成（见下图）。", "他说（笑）"])
def test_not_trailing_bylines(text):
    assert markers.find_trailing_byline(text) is None


@pytest.mark.parametrize("line, authors, roles", [
    ("□ 高淑芳", ("高淑芳",), (None,)),
    ("■ 本报记者 赵敏", ("赵敏",), ("本报记者",)),
    ("□本报记者张靖本报通讯员郜敏", ("张靖", "郜敏"), ("本报记者", "本报通讯员")),
    ("□ 记者 矫 月 王小明", ("矫月", "王小明"), ("记者", "记者")),
    ("□ 文/王艳 图/张三", ("王艳", "张三"), ("文", "图")),
    ("□ 新华社记者 张博文", ("张博文",), ("新华社记者",)),  # 文 in a name is no role
    ("本报记者 赵敏 通讯员 刘芳", ("赵敏", "刘芳"), ("本报记者", "通讯员")),  # no box: a role word leads
    ("■ 本报记者 李图南", ("李图南",), ("本报记者",)),
])
def test_headline_block_bylines(line, authors, roles):
    found = markers.parse_byline_line(line)
    assert found is not None and found.authors == authors and found.roles == roles


@pytest.mark.parametrize("text, caption, names, roles, kind", [
    ("吴魏魏在卡口执勤。 王晶晶 摄", "吴魏魏在卡口执勤。", ("王晶晶",), (None,), "摄"),
    ("图为活动现场。 本报记者 张三 摄", "图为活动现场。", ("张三",), ("本报记者",), "摄"),
    ("▲ 志愿者在工作。 新华社记者 李四 摄", "志愿者在工作。", ("李四",), ("新华社记者",), "摄"),
    ("活动现场（王艳 摄）", "活动现场", ("王艳",), (None,), "摄"),
    ("活动现场。离石区委宣传部供图", "活动现场。", ("离石区委宣传部",), (None,), "供图"),
    ("活动现场。 通讯员 刘芳 摄影", "活动现场。", ("刘芳",), ("通讯员",), "摄影"),
    ("旧城全景。（资料图）", "旧城全景。", (), (), "资料图"),
    ("旧城全景。（图片来源：新华网）", "旧城全景。", ("新华网",), (None,), "图片来源"),
    ("执勤 王晶晶 摄", "执勤", ("王晶晶",), (None,), "摄"),
])
def test_credits_keep_their_role_and_kind(text, caption, names, roles, kind):
    found = markers.find_credit(text)
    assert found is not None and found.caption == caption and found.credit is not None
    assert tuple(c.name for c in found.credit.by) == names
    assert tuple(c.role for c in found.credit.by) == roles
    assert found.credit.kind == kind


@pytest.mark.parametrize("text, caption", [
    ("▲ 运动员在比赛中奋力拼搏。", "运动员在比赛中奋力拼搏。"),
    ("△新建的文化广场", "新建的文化广场"),
    ("图为开幕式现场。", "图为开幕式现场。"),
])
def test_captions_without_a_credit(text, caption):
    assert markers.find_caption(text) == Credit(caption, None)


def test_a_long_paragraph_opening_with_tu_wei_is_not_a_caption():
    assert markers.find_caption("图为" + "很长的正文，" * 40) is None


def test_run_in_caption_is_separated_from_the_next_dateline():
    assert markers.separate_run_ins("现场。 任杰 摄本报讯 6月6日，") == "现场。 任杰 摄\n本报讯 6月6日，"
    assert markers.separate_run_ins("这是他拍摄的照片本报讯") == "这是他拍摄的照片本报讯"


@pytest.mark.parametrize("text, expected", [
    ("“党员要坚持到最后”", True), ("【工作动态】", True), ("一、提高认识", True), ("（二）加强领导", True),
    ("3.压实责任", True), ("■ 亮点纷呈", True), ("他说：“好。”", False), ("3.5万吨", False),
])
def test_subheadings(text, expected):
    assert markers.is_subheading(text) is expected


@pytest.mark.parametrize("line, expected", [
    ("2022年4月22日 星期五", True), ("第2版", True), ("第03版：综合新闻", True), ("A2", True),
    ("责任编辑：王五 美编：赵六", True), ("合办：离石区融媒体中心", True), ("主办方表示，活动将继续。", False),
    ("第3期培训班于昨日开班", False), ("本版责编：张三 美编：李四", True), ("第2版 综合新闻", True), ("2022年4月22日 星期五 农历三月二十二", True),
    ("2022年4月22日上午，全区召开大会。", False),
])
def test_furniture(line, expected):
    assert markers.is_furniture(line) is expected


_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂"


@given(st.sampled_from(_SURNAMES), st.text(st.sampled_from(_GIVEN), min_size=1, max_size=2),
       st.sampled_from(["摄", " 摄", "供图", "提供"]))
def test_a_bracketed_credit_is_no_byline(surname, given_name, mark):
    """``（王艳 摄）``, ``（王艳供图）`` alone on a line credit a photo: the name in them
    is no author of the story, while ``（王艳）`` closes a story as its byline."""
    name = surname + given_name
    credit = markers.credit_only(f"（{name}{mark}）")
    assert credit is not None and [c.name for c in credit.by] == [name]
    assert markers.parse_bracketed_byline(f"（{name}{mark}）") is None
    assert markers.parse_bracketed_byline(f"（{name}）") == Byline((name,), (None,))


@pytest.mark.parametrize("word", ["资料图", "资料图片", "资料照片"])
def test_a_bracketed_file_photo_is_no_byline(word):
    assert markers.parse_bracketed_byline(f"（{word}）") is None
    credit = markers.credit_only(f"（{word}）")
    assert credit is not None and credit.kind == word and credit.by == ()
