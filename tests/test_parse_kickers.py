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


_STANDING = "\n".join([
    "全面推进乡村振兴",
    "",
    "村里的“暖心食堂”开门了",
    "本报讯（记者 王艳）家住龙泉小区的刘桂英今年78岁，儿女都在外地。",
    "从这个月开始，小区里的“暖心食堂”开门了。",
    "（王艳）",
    "",
    "比学赶超强堡垒",
    "",
    "基层党组织“星级评定”结果出炉",
    "本报讯（记者 张强）近日，全区基层党组织“星级评定”结果揭晓，",
    "共评出五星级党组织42个。",
    "",
])


def test_a_line_in_its_own_box_over_a_headline_above_its_story_is_its_kicker():
    """A line heading nothing but the headline under it is that headline's
    kicker; over the page's first story it is as likely a page banner."""
    page = lishi_pub.parse_text(_STANDING).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [
        (None, "村里的“暖心食堂”开门了"), ("比学赶超强堡垒", "基层党组织“星级评定”结果出炉")]
    assert "全面推进乡村振兴" in page.banners


def test_a_notice_title_is_no_kicker_of_the_headline_under_it():
    text = _STANDING.replace("比学赶超强堡垒", "城区农贸市场菜价一览")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[1].kicker is None


def test_spaced_phrases_broken_inside_a_word_of_the_story_are_one_title():
    """Two spaced phrases mark a kicker (农家书屋 夜读 / …), unless the break falls
    inside a word the story prints (读时 of 夜读时光): then the column broke one title."""
    from lishi_pub.parser.segment.units import Unit

    lines = ["农家书屋 夜读", "时光温暖乡村"]
    story = "晚饭后，农家书屋亮起了灯，村民们的夜读时光开始了。"
    assert story_kicker(lines, story, DEFAULT_PROFILE) is False
    dashes = DEFAULT_PROFILE.conventions.dashes
    assert Unit(titles=list(lines), tight=[False, True]).split_kicker(dashes) == ("农家书屋 夜读", "时光温暖乡村")
    vetoed = Unit(titles=list(lines), tight=[False, True], story_kicker=False)
    assert vetoed.split_kicker(dashes) == (None, "农家书屋 夜读时光温暖乡村")


def test_a_kicker_wider_than_its_title_is_no_wrapped_line_of_it():
    """A kicker set wider than the title under it reads like a line the column
    wrapped on to the title; the story still tells the two apart."""
    text = "\n".join([
        _CANTEEN, "（王艳）", "",
        "黄土坡上踢出精气神",
        "山村小学的足球梦",
        "本报讯（记者 张强）吴城镇桥沟小学是一所山村小学，二十几个孩子每天下午在操场上踢足球。",
        "学校的足球队今年拿到了全区小学足球赛的亚军。", "",
    ])
    article = lishi_pub.parse_text(text).articles[1]
    assert (article.kicker, article.title) == ("黄土坡上踢出精气神", "山村小学的足球梦")


def test_a_line_leaving_a_quotation_open_is_no_kicker():
    story = "连日来，信义镇3200亩谷子陆续进入收获期，田间地头一派繁忙景象。"
    assert story_kicker(["旱塬结出“金穗", "子”信义镇3200亩谷子喜获丰收"], story, DEFAULT_PROFILE) is None
    assert story_kicker(["旱塬结出“金穗子”", "信义镇3200亩谷子喜获丰收"], story, DEFAULT_PROFILE) is True


def test_another_storys_headline_in_the_box_is_no_kicker():
    """Two headlines an extractor put in one box: the first describes another
    story of the page, so the story under the second does not make it a kicker."""
    other = ("本报讯（记者 李华）区人民医院开设“老年友善”绿色通道，70岁以上老人就医"
             "挂号、缴费、取药全程有人陪同，绿色通道每天接待老人200余人次。")
    text = "\n".join([other, "（李华）", "", "区医院开设“老年友善”绿色通道", "“暖心食堂”开进老旧小区", _CANTEEN, ""])
    article = lishi_pub.parse_text(text).articles[1]
    assert article.kicker is None and article.title.endswith("“暖心食堂”开进老旧小区")


def _top_page(second_head: str, top: str = "安全生产 重于泰山", lead: str = "家住龙泉小区的刘桂英今年78岁，儿女都在外地。") -> str:
    return "\n".join([
        "2023年5月6日 星期六", "第2版", "",
        top, "",
        "村里的“暖心食堂”开门了",
        f"本报讯（记者 王艳）{lead}",
        "从这个月开始，小区里的“暖心食堂”开门了，全面提升老人的生活。",
        "（王艳）", "",
        *second_head.split("\n"),
        "本报讯（记者 张强）近日，全区基层党组织“星级评定”结果揭晓，全面推进基层党建，",
        "共评出五星级党组织42个。", "",
    ])


def test_a_line_over_the_first_headline_the_story_tells_nothing_of_is_a_banner():
    """A slogan across the top of the page is about none of its stories: a
    line whose words the story under it never prints is the banner, also
    where the page sets kickers over other stories."""
    for second in ("基层党组织“星级评定”结果出炉", "比学赶超强堡垒——\n基层党组织“星级评定”结果出炉"):
        page = lishi_pub.parse_text(_top_page(second)).pages[0]
        assert (page.articles[0].kicker, page.articles[0].title) == (None, "村里的“暖心食堂”开门了")
        assert "安全生产 重于泰山" in page.banners


def test_a_line_over_the_first_headline_whose_words_the_story_tells_is_its_kicker():
    """A kicker frames its own story: the story under it prints its rarer
    words (老人, 吃饭), so it is the kicker though no other story has one."""
    top, lead = "老人吃饭不再犯愁", "家住龙泉小区的刘桂英老人今年78岁，儿女都在外地，吃饭曾是难事。"
    page = lishi_pub.parse_text(_top_page("基层党组织“星级评定”结果出炉", top, lead)).pages[0]
    assert (page.articles[0].kicker, page.articles[0].title) == (top, "村里的“暖心食堂”开门了")
    assert top not in page.banners


def test_a_line_sharing_only_common_words_with_the_story_follows_the_pages_house_style():
    """A line sharing a word or two every story prints (全面) says nothing of
    the story: a paper sets kickers over several stories of a page, so it is
    a kicker where another headline has one and the banner where none has."""
    page = lishi_pub.parse_text(_top_page("基层党组织“星级评定”结果出炉", "全面推进乡村振兴")).pages[0]
    assert page.articles[0].kicker is None and "全面推进乡村振兴" in page.banners
    page = lishi_pub.parse_text(_top_page("比学赶超强堡垒——\n基层党组织“星级评定”结果出炉", "全面推进乡村振兴")).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("全面推进乡村振兴", "村里的“暖心食堂”开门了"), ("比学赶超强堡垒", "基层党组织“星级评定”结果出炉")]


def test_a_wrapped_end_of_a_few_characters_takes_no_kicker():
    """A "headline" shorter than ``title_min`` is the end of a line the column
    wrapped (服务中心搬迁 城东 / 街道…), never a title the line above is the kicker of."""
    from lishi_pub.parser.match.kicker import adopt_standing_kickers
    from lishi_pub.parser.segment.drafts import Draft
    from lishi_pub.parser.segment.units import Unit

    def drafts(title: str) -> tuple[Unit, Unit, list[Draft]]:
        first, upper = Unit(titles=["村里的“暖心食堂”开门了"], tight=[False]), Unit(titles=["城东社区卫生服务中心搬迁"], tight=[False])
        lower = Unit(titles=[title], tight=[False], above=upper)
        return upper, lower, [Draft(anchor=first), Draft(anchor=lower)]

    upper, lower, page = drafts("城东")
    adopt_standing_kickers(page, DEFAULT_PROFILE)
    assert lower.titles == ["城东"] and upper.titles == ["城东社区卫生服务中心搬迁"]
    upper, lower, page = drafts("诊疗服务照常进行")
    adopt_standing_kickers(page, DEFAULT_PROFILE)
    assert lower.titles == ["城东社区卫生服务中心搬迁", "诊疗服务照常进行"] and upper.titles == []


def test_a_line_no_story_is_told_by_over_a_headline_of_the_block_is_its_kicker():
    """A slogan in a box of its own in the headline block after the text
    describes no story: the kicker over the title under it, never a banner."""
    text = ("本报讯 本学期起，全区初二年级适龄女生可免费接种HPV疫苗，家长在学校登记后由社区卫生服务中心统一安排接种。\n"
            "首批接种已在区第一中学开始，共有三百余名女生完成第一剂接种。\n\n"
            "本报讯 入秋以来，信义镇3200亩谷子陆续开镰收割，亩产比去年提高一成，村民们忙着晾晒、脱粒。\n"
            "今年镇里推广了抗旱新品种，谷子长势喜人。\n\n"
            "守护“她”健康\n\n适龄女生 HPV 疫苗免费接种启动\n\n信义镇3200亩谷子喜获丰收\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("守护“她”健康", "适龄女生HPV疫苗免费接种启动"), (None, "信义镇3200亩谷子喜获丰收")]
    assert page.banners == ()


def test_a_kicker_as_wide_as_its_column_over_a_headline_is_no_paragraph_of_the_story_before():
    """A line alone in its text box right over a headline line heads that
    headline group (引题 over 主题), however wide the narrow column: it is
    neither the last paragraph of the story printed before nor lost."""
    text = "\n".join([
        "本报讯（记者 王艳）家住龙泉", "小区的刘桂英今年78岁，儿", "女都在外地。从这个月开始，",
        "小区里的“暖心食堂”开门", "了，老人们花十块钱就能吃", "上两荤一素。", "",
        "用爱点亮“星星的孩子”", "",
        "特教老师的", "“慢”功夫", "□ 冯娟然",
        "在区特殊教育学校的一间", "教室里，老师郝静正蹲在一", "个男孩面前，一遍一遍地教",
        "他说“老师好”。郝静在特教", "学校工作已经十五年了。", "",
    ])
    first, second = lishi_pub.parse_text(text).articles
    assert first.blocks[-1].text.endswith("上两荤一素。")
    assert (second.kicker, second.title) == ("用爱点亮“星星的孩子”", "特教老师的“慢”功夫")


def test_a_kicker_over_two_headlines_an_extractor_glued_heads_the_first():
    """pdftotext joins two headlines printed close together into one box; cut
    in two, the first part still stands in the headline block after the text,
    under the slogan in the box above it, which is its kicker."""
    text = "\n".join([
        "本报讯 11月14日，区职业中学与本地三家企业签订校企合作协议，共建汽车维修、电子商务和智能制造三个实训基地。",
        "首批120名学生将于明年春季进入企业实训。（史宇）", "",
        "“双减”政策实施以来，孩子们的作业少了，周末的补习班也少了。带孩子去公园里跑一跑，去图书馆里读一读，",
        "都是很好的“课”。童年只有一次，给孩子一个更加完整、更加快乐的童年。", "",
        "产教融合育人才", "",
        "区职业中学与三家", "企业共建实训基地", "给孩子一个", "更完整的童年", "□ 本报评论员", "",
    ])
    page = lishi_pub.parse_text(text).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("产教融合育人才", "区职业中学与三家企业共建实训基地"), (None, "给孩子一个更完整的童年")]
    assert page.banners == ()


def test_a_slogan_over_the_first_story_under_a_photo_is_its_kicker():
    """A line first under the header is as likely a page banner; one printed
    below a photo at the top of the page is no banner: a slogan no story of the
    page is told by, over the first story's title, is its kicker."""
    text = "\n".join([
        "2023年11月6日 星期一", "第3版", "",
        "游客在西湾街区的石板路上漫步，感受古镇的历史风貌和民俗文化。 任朝秀 摄", "",
        "抢抓农时不误墒", "",
        "全区秋冬种", "任务基本完成",
        "本报讯（记者 戴旭颖） 从区农业农村局获悉，全区今年秋冬种任务已基本完成，",
        "共播种冬小麦8.6万亩，比去年增加3000亩。", "",
        "消费券发放 撬动消费1.2亿元",
        "本报讯（记者 张强） 区里发放电子消费券1000万元，撬动消费1.2亿元。", "",
    ])
    page = lishi_pub.parse_text(text).pages[0]
    assert [(a.kicker, a.title) for a in page.articles] == [
        ("抢抓农时不误墒", "全区秋冬种任务基本完成"), (None, "消费券发放 撬动消费1.2亿元")]
    assert page.banners == ()


def test_a_kicker_in_its_own_box_over_a_title_the_column_wrapped_ends_the_text_above():
    """pdftotext: a paragraph's last line, a kicker alone in its box, the title
    wrapped over three lines in a tighter box, a dateline.  The kicker opens the
    headline group; it is no line of the paragraph before it."""
    text = "\n".join([
        "本报讯 今年，区里投资1200万元", "建设区域医学影像中心，全区", "12所乡镇卫生院全部接入。乡",
        "镇卫生院拍摄的X光片、CT片通", "过网络实时上传，由区人民医院", "影像科专家远程阅片、出具诊断",
        "报告。运行半年来，影像中心共", "完成远程诊断1.8万余例，基层", "群众在家门口就能享受到区级医", "院的诊断服务。", "",
        "比学赶超强堡垒", "",
        "基层党组织“星", "级评定”结果出", "炉",
        "据临汾日报消息", "近日，全区基层党组织", "“星级评定”结果揭", "晓，共评出五星级党", "组织42个。", "",
    ])
    first, second = lishi_pub.parse_text(text).articles
    assert first.paragraphs[-1].text.endswith("区级医院的诊断服务。")
    assert (second.kicker, second.title) == ("比学赶超强堡垒", "基层党组织“星级评定”结果出炉")


def test_a_first_line_shorter_than_the_title_under_it_is_a_kicker():
    """A column fills a line before it starts the next, and a designer breaks a
    title into lines of a length: a first line cells shorter than the next is a
    part of its own, the kicker, where the story says nothing either way."""
    story = ("本报讯（记者 张强）4月16日上午，首届三川河半程马拉松赛鸣枪开跑，来自全国各地的3000余名"
             "跑者沿三川河畔奔跑，感受我区的山水风光。")
    text = "\n".join([_CANTEEN, "", story, "", "老人吃饭不再犯愁", "“暖心食堂”开进老旧小区", "",
                      "奔跑在三川河畔", "马拉松赛事首次落户我区", ""])
    assert _heads(text)[1] == ("奔跑在三川河畔", "马拉松赛事首次落户我区")


def test_a_phrase_of_the_story_running_across_the_break_keeps_one_title():
    """``区档案馆开展`` / ``国家安全教育学习活动``: shorter, but the lead prints the
    characters on both sides of the break as one word (展国 of 开展国家…): one title."""
    text = _page("老人吃饭不再犯愁\n“暖心食堂”开进老旧小区", "区档案馆开展\n国家安全教育学习活动").replace(
        "“国家安全教育学习”活动", "国家安全教育学习活动")
    assert _heads(text)[1] == (None, "区档案馆开展国家安全教育学习活动")


def test_what_line_breaking_explains_is_no_short_first_line():
    from lishi_pub.parser.match.kicker import short_first
    assert short_first(["奔跑在三川河畔", "马拉松赛事首次落户我区"], DEFAULT_PROFILE)
    assert not short_first(["首届农民丰收", "节在吴城镇举行"], DEFAULT_PROFILE)  # balanced: a designer's break
    assert not short_first(["离石区档案馆开展", "“国家安全教育学习”活动"], DEFAULT_PROFILE)  # a quotation kept whole
    assert not short_first(["区博物馆新展300", "余件文物讲述千年历史"], DEFAULT_PROFILE)  # a digit run's gap
    assert not short_first(["老街新貌", "，让游客流连忘返的小巷"], DEFAULT_PROFILE)  # kinsoku
    assert not short_first(["村支书的“民情日记”", "村党支部书记在村民家中了解情况。"], DEFAULT_PROFILE)
    assert not short_first(["旅游热起", "来 服务要跟上"], DEFAULT_PROFILE)  # broken inside the first phrase
    assert short_first(["专项行动", "河道“清四乱” 还河于民"], DEFAULT_PROFILE)


_SKIES = ("本报讯（记者 张强）今年以来，我区坚持守护绿水青山，打好蓝天碧水净土保卫战，"
          "城区优良天数达到268天，三川河出境断面水质稳定达标。")


def test_a_first_line_off_the_measure_of_the_lines_under_it_is_the_kicker():
    """Three printed lines: the second is full (the column's break under it falls inside 保卫),
    so a title's line above it would be as wide; the first line, a cell short of it, is a part
    of its own, though the story tells its words as well as the title's."""
    text = "\n".join([_CANTEEN, "", _SKIES, "", "老人吃饭不再犯愁", "“暖心食堂”开进老旧小区", "",
                      "守护绿水青山", "蓝天碧水净土保", "卫战取得新成效", ""])
    assert _heads(text)[1] == ("守护绿水青山", "蓝天碧水净土保卫战取得新成效")


def test_what_line_breaking_explains_keeps_the_first_line_on_the_measure():
    from lishi_pub.parser.match.kicker import apart_first
    story = _SKIES + "120调度员守护生命的“急救速度”。"
    assert apart_first(["守护绿水青山", "蓝天碧水净土保", "卫战取得新成效"], story, DEFAULT_PROFILE)
    # wider than a designer's balanced break under it
    assert apart_first(["探访区急救中心调度大厅", "守护生命的", "“急救速度”"], story, DEFAULT_PROFILE)
    assert not apart_first(["守护绿水青山", "蓝天碧水净土保卫战"], story, DEFAULT_PROFILE)  # two lines: short_first's
    assert not apart_first(["守护绿水青山蓝", "天碧水净土保", "卫战取得新成效"], story, DEFAULT_PROFILE)  # on the measure
    # the column's measure told by a last line short of it (a designer's lines are of a length)
    assert apart_first(["经济运行稳中有进", "前三季度全区地区生", "产总值增长6.1%"], story, DEFAULT_PROFILE)
    # narrower, but the break under the second line is no column's (no word of the story, lines of a length)
    assert not apart_first(["打好蓝天碧水", "净土攻坚战取得", "新成效全面提升"], story, DEFAULT_PROFILE)
    assert not apart_first(["守护绿水青山的", "蓝天碧水净土保", "卫战取得新成效"], story, DEFAULT_PROFILE)  # phrase open
    # the lines under the first set to no one measure: no title's
    assert not apart_first(["探访区急救中心调度大厅", "守护生命", "“急救速度”的赛跑与时间"], story, DEFAULT_PROFILE)
