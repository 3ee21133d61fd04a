"""Stories whose printed headline must be found for them (docs/parsing.md: headline runs above
a story, the trailing headline block): a headline that the parser misses leaves its story a
title derived from the lead, or two stories merged into one.  Dumps are written by hand."""

from __future__ import annotations

import pytest

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


def _column(paragraphs: list[str], width: int = 18) -> list[str]:
    """A justified column of ``width`` cells (Han text only): each paragraph's first line two
    cells short (the indent the extractor lost), its last line short."""
    lines = []
    for text in paragraphs:
        first = width - 2
        lines.append(text[:first])
        lines += [text[k:k + width] for k in range(first, len(text), width)]
    return lines


_GALA = ["本报讯（记者 蔡洋） 锣鼓喧天迎新春，欢声笑语闹村晚。正月初八晚上，坪头乡大峪村文化广场上灯火辉煌，一台由村民自编自导自演的晚会热闹上演。",
         "伞头秧歌、晋剧清唱、三句半、广场舞……一个个接地气的节目轮番登场，逗得台下观众捧腹大笑。",
         "今年春节期间，全区共有三十多个村举办了“村晚”，吸引群众近三万人次参与。"]
_ROAD = ["清晨，坪头乡的山路上雾气还没散尽，道班工人杨全福已经和工友们推着小车出发了。铁锹、扫帚、锄头、标志牌……小推车上的工具装得满满当当。",
         "杨全福负责养护的是一段很长的县道，沿途多急弯、陡坡。每天，他和工友们要把这段路从头到尾走一遍，清理落石、修补坑槽、疏通边沟。",
         "干了半辈子养路工，杨全福说，看到路好走了，心里就舒坦。全区像他这样守护山区公路的养路人还有三百多名。"]
_RIVER = ["沿着三川河支流南川河往上游走，常常能看到一个身影：头戴草帽，手拿长杆网兜，时不时弯腰捞起水面上的漂浮物。他叫贾满堂，是南川河庄头段的村级河长，村里人都叫他护河人。",
          "春天，河水解冻，他要沿河查看堤岸；夏天汛期，他每天要巡河两遍；秋天落叶多，清理漂浮物成了主要任务。",
          "这几年，南川河的水越来越清了。他还组织村里的老人成立了一支护河志愿队，一年四季沿河巡护。 （吴萍然）"]


def _pdftotext(boxes: list[list[str]]) -> str:
    """pdftotext's dump: a blank line between text boxes, single newlines inside one."""
    return "\n\n".join("\n".join(box) for box in boxes) + "\n"


def test_stories_merged_under_a_headline_block_are_cut_by_their_headlines():
    """A report, then two features with no dateline between them: one run of text, cut where
    each weakly matching headline finds its own piece; the ``——`` line under the first title of
    the box is the second headline's kicker, not the end of that title."""
    page = _pdftotext([_column(_GALA + _ROAD + _RIVER),
                       ["“村晚”唱响乡村振兴好声音", "寒来暑往守护出行路——", "乡村公路上的“养路人”", "□ 韩刚杰"],
                       ["护河人的四季"]])
    issue = lishi_pub.parse_text(page)
    got = [(a.kicker, a.title, a.blocks[0].text[:6]) for a in issue.articles]
    assert got == [(None, "“村晚”唱响乡村振兴好声音", "锣鼓喧天迎新"),
                   ("寒来暑往守护出行路", "乡村公路上的“养路人”", "清晨，坪头乡"),
                   (None, "护河人的四季", "沿着三川河支")]
    assert [a.authors for a in issue.articles] == [("蔡洋",), ("韩刚杰",), ("吴萍然",)]


@pytest.mark.parametrize(("end", "rest", "by"), [("临县自然资源", "局供图", "临县自然资源局"), ("本报记者 曹宁", "军 摄", "曹宁军")])
def test_a_credit_broken_over_two_lines_closes_the_photo_between_a_headline_and_its_story(end, rest, by):
    page = _pdftotext([["小土豆 大产业"],
                       ["马铃薯种薯繁育", "基地落户信义镇", "技术人员在组培室内查看脱毒", f"苗生长情况。 {end}", rest,
                        "本报讯 日前，投资一千五百", "万元的马铃薯脱毒种薯繁育基", "地在信义镇建成投用。基地建",
                        "有组培室、温网室等设施，年", "可生产脱毒原原种八百万粒。"]])
    issue = lishi_pub.parse_text(page)
    (story,) = issue.articles
    assert (story.kicker, story.title, story.title_source) == ("小土豆 大产业", "马铃薯种薯繁育基地落户信义镇", "headline")
    assert story.blocks[0].text.startswith("日前，投资")
    figures = [*(b for b in story.blocks if isinstance(b, Figure)), *issue.pages[0].figures]
    assert [(f.caption, f.credit.by[0].name) for f in figures] == [("技术人员在组培室内查看脱毒苗生长情况。", by)]


def test_a_caption_in_the_box_of_a_headline_takes_only_the_lines_it_fills():
    drill = _column(["本报讯 十一月九日是全国消防日。当天上午，城西街道在幸福里小区组织开展消防应急疏散演练。",
                     "演练结束后，消防救援人员现场教居民使用灭火器，讲解家庭火灾的自救互救常识。"])
    page = _pdftotext([drill, ["应急演练进社区", "居民学会“自救互", "救”", "消防救援人员指导居民使", "用灭火器。 孔静 摄"]])
    issue = lishi_pub.parse_text(page)
    (story,) = issue.articles
    assert story.title_source == "headline"  # (where the kicker ends is the kicker's business)
    assert "".join(filter(None, (story.kicker, story.title))) == "应急演练进社区居民学会“自救互救”"
    figures = [*(b for b in story.blocks if isinstance(b, Figure)), *issue.pages[0].figures]
    assert [f.caption for f in figures] == ["消防救援人员指导居民使用灭火器。"]


def test_a_credit_broken_inside_its_role_word_keeps_the_headline_block_whole():
    red = _column(["本报讯 走进革命旧址，聆听红色故事，重温入党誓词……今年以来，我区红色研学游持续升温，各红色教育基地共接待研学团队六百余批次。",
                   "区文旅局负责人介绍，区里已整合全区十四处红色资源，设计推出三条红色研学精品线路。"])
    page = _pdftotext([red, ["寒冬送暖意——", "冬季“送温暖”物资发放到户"],
                       ["红色研学游持续升温", "——今年以来接待研学团队六百余批", "次", "中学生在革命旧址参观学习。 本报记", "者 毛刚泽 摄"]])
    issue = lishi_pub.parse_text(page)
    (story,) = issue.articles
    assert (story.title, story.subtitle, story.title_source) == ("红色研学游持续升温", "今年以来接待研学团队六百余批次", "headline")
    assert [b.text[:4] for b in story.blocks if not isinstance(b, Figure)] == ["走进革命", "区文旅局"]
    figures = [*(b for b in story.blocks if isinstance(b, Figure)), *issue.pages[0].figures]
    assert [(f.caption, f.credit.by[0].name) for f in figures] == [("中学生在革命旧址参观学习。", "毛刚泽")]


def test_one_line_headlines_read_as_one_wrapped_title_are_cut_by_their_stories():
    """A headline block whose one-line headlines stand over a byline reads, by widths, like one title
    the column wrapped; where that title describes no story as a whole, its printed lines are cut
    where each part describes a story of its own."""
    school = _column(["本报讯 九月一日，全区中小学迎来新学期开学。各学校把安全教育作为开学第一课，组织学生学习交通、防溺水和消防安全知识。",
                      "城关小学还请来交警和消防员，现场演示安全常识，让“安全”二字记在每个孩子心间。"])
    power = _column(["本报讯 一季度，全区全社会用电量同比增长九成四，其中工业用电量同比增长明显，反映出工业生产持续回暖。",
                     "电力部门表示，将持续优化营商环境，压缩办电时间，保障企业工业用电需求。"])
    sheep = _column(["本报讯 从坪头乡政府出发，沿着盘山路往北走十来公里，就到了石窑沟村。这个小山村的养羊合作社，让羊成了脱贫户致富的“羊”光之路。",
                     "合作社统一防疫、统一销售，入社的脱贫户每年每户增收上万元，不少人成了养殖能手。"])
    page = _pdftotext([school, power, sheep,
                       ["开学第一课 “安全”二字记心间", "一季度工业用电量同比增长 9.4%",
                        "一个小山村的“羊”光之路", "——记坪头乡石窑沟村养羊合作社", "■ 本报记者 白斌洋"]])
    titles = [(a.title, a.title_source) for a in lishi_pub.parse_text(page).articles]
    assert titles[:2] == [("开学第一课 “安全”二字记心间", "headline"), ("一季度工业用电量同比增长9.4%", "headline")]


def test_a_report_and_a_feature_in_one_run_are_cut_at_the_features_title():
    report = _column(["本报讯（记者 郝俊 通讯员 于彬鹏） 本学期，全区义务教育阶段学校课后服务实现全覆盖，参与学生占在校生九成以上。",
                      "各学校采取基本托管加特色课程的模式，开设了书法、合唱、剪纸等兴趣课程。"])
    feature = _column(["沿着三川河支流南川河往上游走，常常能看到一个身影：头戴草帽，手拿长杆网兜，时不时弯腰捞起水面上的漂浮物。",
                       "春天，河水解冻，他要沿河查看堤岸有没有被冰凌冲坏；夏天汛期，他每天要巡河两遍。",
                       "他还把村里的几个退休老人组织起来，成立了一支护河志愿队，每周末一起沿河捡拾垃圾。 （廖霞俊）"])
    page = _pdftotext([report, ["护河人的四季"], feature])
    got = [(a.title, a.title_source, a.authors) for a in lishi_pub.parse_text(page).articles]
    assert got[1:] == [("护河人的四季", "headline", ("廖霞俊",))]
    assert got[0][2] == ("郝俊", "于彬鹏")
