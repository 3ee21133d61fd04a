"""Headline titles the column wrapped, and where one title ends and the next begins
(docs/parsing.md: "affiliation", "run-in item title wrapped", "headline broken in two")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.segment import Unit, segment
from lishi_pub.parser.segment.units import group_units


def titles(text: str) -> list[str | None]:
    return [a.title for a in lishi_pub.parse_text(text).articles]


def test_an_affiliation_line_ends_its_block_so_the_next_title_keeps_its_first_line() -> None:
    text = ("需要政府引导，企业带动，更需要每一个\n生产者的用心坚守。\n（作者系离石区总工会干部）\n"
            "荒山变青山\n的“种树人”\n站在吴城镇北梁山顶往下看，满\n山的油松、侧柏郁郁葱葱，一眼望\n不到头。二十多年前，这里还是一\n"
            "片荒山，种树人年年上山栽树。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[-1].title == "荒山变青山的“种树人”"
    assert [d.message for d in page.diagnostics if d.code == "affiliation"] == ["（作者系离石区总工会干部）"]


HAN = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF), min_size=2, max_size=5)


@given(head=HAN, run=st.sampled_from(["8", "5", "ETC", "32", "HPV"]), tail=HAN, lead=HAN, mark=st.sampled_from("●■"))
@settings(max_examples=60, deadline=None)
def test_a_run_in_title_ends_at_the_space_between_words_not_at_a_digit_or_latin_gap(
        head: str, run: str, tail: str, lead: str, mark: str) -> None:
    title = f"{head} {run}{tail}"  # the typesetter's gap before the run is no end of the title
    assert DEFAULT_PROFILE.markers.item_title(f"{mark} {title} {lead}，{lead}") == title
    assert DEFAULT_PROFILE.markers.item_title(f"{mark} {title}") == title  # the item's text starts below


def test_an_item_text_opening_with_a_date_starts_at_the_first_space() -> None:
    mk = DEFAULT_PROFILE.markers
    assert mk.item_title("● 青少年象棋赛收官 11 月19日，全区青") == "青少年象棋赛收官"
    assert mk.item_title("● 爱心企业捐赠助学金 11") == "爱心企业捐赠助学金"  # 月28日，… on the next line


def test_a_run_in_title_with_a_latin_run_heads_its_item() -> None:
    # the column before is narrower than the title: a run-in title is display type at any width
    text = ("博物馆实行免费\n开放，周一闭馆。观\n众可通过微信公众号\n预约参观，还可以扫\n听语音讲解。\n简讯\n"
            "● ETC 服务网点进乡镇 为方便群众办理\nETC 业务，银行机构在吴城、信义等 6 个乡镇设\n立了服务网点。（范晶欢）\n"
            "● 公交 8路调整线路\n因北关街道路施工，公交 8路自即日起临时调整线\n路，往返均改经新华街运行。（王艳）\n")
    assert titles(text)[-2:] == ["ETC服务网点进乡镇", "公交8路调整线路"]


def test_a_run_in_title_the_column_wrapped_ends_at_the_space_on_the_next_line() -> None:
    text = ("（通讯员 刘波 魏朝鑫）\n● 校园足球联赛开\n幕 全区中小学校园足\n球联赛日前开幕，共有\n32支球队参赛，比赛持\n续到月底。（王艳）\n"
            "● 冬灌工作全面\n展开 连日来，全区\n各灌区抢抓有利时机\n开展冬灌，进度过半。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [a.title for a in page.articles][-2:] == ["校园足球联赛开幕", "冬灌工作全面展开"]
    assert page.articles[-1].paragraphs[0].text.startswith("连日来，全区")


def test_a_marked_title_alone_on_a_shorter_line_takes_nothing_from_the_line_below() -> None:
    # the marked line is far narrower than the next: not wrapped, and the next line's space is its own
    from lishi_pub.parser.runin import wrapped_item_title
    assert wrapped_item_title("● 加快推进", "老旧小区改造 全区今年计划改造老旧小区四十个", DEFAULT_PROFILE) is None
    assert wrapped_item_title("● 校园足球联赛开", "幕 全区中小学校园足", DEFAULT_PROFILE) == ("校园足球联赛开幕", "幕")
    assert wrapped_item_title("● 校园足球联赛开", "幕 全 区 中 小 学 校", DEFAULT_PROFILE) is None  # justified stretch


def test_a_space_before_the_items_opening_date_ends_its_title() -> None:
    from lishi_pub.parser.runin import wrapped_item_title
    assert wrapped_item_title("● 冬季供暖正式启", "动 11月 1日零时，城", DEFAULT_PROFILE) == ("冬季供暖正式启动", "动")
    assert DEFAULT_PROFILE.markers.item_title("■ 新登记市场主体增长 1至") == "新登记市场主体增长"  # 10月，… below


def test_a_headline_above_a_narrower_story_is_no_line_of_the_paragraph_before() -> None:
    # the story before is set 23 cells wide, the commentary under the headline 18: its last line
    # (18 cells, a sentence's end) is full for the column after it, yet the headline starts anew
    wide = ["据悉，今年以来，该中心已组织非遗项目进校园", "活动二十三场，覆盖中小学生四千余人。除剪纸外，",
            "面塑、刺绣、民间歌舞等项目也陆续走进课堂，让孩", "子们在动手体验中感受传统文化的魅力。"]
    narrow = ["冬季是火灾、燃气事故、一氧化碳中毒的", "高发期。每年这个时候，总有一些令人痛心的",
              "事故发生，而追根溯源，往往都是一些看似不", "起眼的小疏忽。安全无小事，人人要记牢。"]
    text = "\n\n".join([*wide, "安全的弦一\n刻也不能松", "□ 本报评论员", *narrow]) + "\n"
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[-1].title == "安全的弦一刻也不能松"
    assert page.articles[-1].authors == ("本报评论员",)
    assert not any("安全的弦" in p.text for a in page.articles for p in a.paragraphs)


def test_a_title_broken_in_two_under_a_wider_kicker_keeps_both_its_lines() -> None:
    # the kicker is the widest line; the title's two balanced lines are one title, no part of it
    text = ("带动，更需要每一个生产者的用心\n坚守。\n\n探访区急救中心调度大厅\n守护生命的\n“急救速度”\n■ 本报记者 张欣\n"
            "凌晨两点，区急救中心调度大厅里灯火\n通明，调度员正在接听电话，记录病人\n的位置和病情，一刻也不敢耽误。\n")
    unit = [u for u in segment_units(text) if u.titles][-1]
    assert unit.titles == ["探访区急救中心调度大厅", "守护生命的“急救速度”"]


def test_a_balanced_title_over_a_wrapped_subtitle_is_one_title() -> None:
    # the subtitle line (ending in a comma: it goes on) is wider than the title's lines: the title's
    # lines are measured against each other, not against the subtitle
    text = ("比赛采取分组循环赛和淘汰赛\n相结合的方式进行，将持续4天。\n\n首届农民丰收\n节在吴城镇举行\n"
            "——晒丰收、比技能、展风采，\n农民唱主角\n据临汾日报消息 9月23\n日，全区首届中国农民丰收节庆\n祝活动在吴城镇举行。\n")
    unit = [u for u in segment_units(text) if u.titles][-1]
    assert (unit.titles, unit.subtitle) == (["首届农民丰收节在吴城镇举行"], "晒丰收、比技能、展风采，农民唱主角")


def test_a_subtitle_wrapped_in_its_box_of_the_headline_block_is_no_title() -> None:
    lines = ["农家书屋里的", "“夜读时光”", "——信义镇郭家庄村书", "屋晚上开门迎读者", "", "“土专家”的", "苹果经"]
    layout_lines = classify(page_layout("\n".join(lines) + "\n", 1), DEFAULT_PROFILE)
    units = group_units(layout_lines, DEFAULT_PROFILE)
    assert ("".join(units[0].titles), units[0].subtitle) == ("农家书屋里的“夜读时光”", "信义镇郭家庄村书屋晚上开门迎读者")
    assert "".join(units[1].titles) == "“土专家”的苹果经"


def segment_units(text: str) -> list[Unit]:
    return segment(classify(page_layout(text, 1), DEFAULT_PROFILE), DEFAULT_PROFILE).units


def test_a_space_beside_a_quotation_in_a_headline_is_the_authors() -> None:
    from lishi_pub.parser.text import title_spaces
    assert title_spaces("营商环境“一网通办” 企业开办压缩至 1天") == "营商环境“一网通办” 企业开办压缩至1天"
    assert title_spaces("开学第一课 “安全”二字记心间") == "开学第一课 “安全”二字记心间"
    assert title_spaces("“ 放心消费 ”示范店授牌") == "“放心消费”示范店授牌"  # inside the quotes: the extractor's
    text = "营商环境“一\n网通办” 企业\n开办压缩至 1\n天\n本报讯 今年以来，区行政审批服务管理局持续深化改革，企业开办时间大幅压缩。\n"
    assert titles(text)[0] == "营商环境“一网通办” 企业开办压缩至1天"


def test_a_run_in_title_spread_to_its_column_is_read_whole_up_to_the_items_date() -> None:
    mk = DEFAULT_PROFILE.markers
    assert mk.item_title("● 无 偿 献 血 温 暖 冬 日") == "无 偿 献 血 温 暖 冬 日"  # not 无 偿
    assert mk.item_title("● 冬 季 供 暖 正 式 启 动 11 月 1 日 零") == "冬 季 供 暖 正 式 启 动"
    text = ("的喜庆。（姜超）\n● 无 偿 献 血 温 暖 冬 日\n11月24日，区直机关组织开展无偿\n献血活动，共有187名干部职工成\n"
            "功献血，献血量达5.8万毫升。\n（王艳）\n● 冬 季 供 暖 正 式 启 动 11 月 1 日 零\n时，城区集中供热正式启动，供暖\n期至次年3月31日。（刘波）\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [a.title for a in page.articles][-2:] == ["无偿献血温暖冬日", "冬季供暖正式启动"]
    assert page.articles[-1].paragraphs[0].text.startswith("11月1日零时，城区")


def test_two_headlines_in_one_box_of_the_headline_block_are_told_apart_by_their_stories() -> None:
    text = ("本报讯 从区城市管理局获悉，城区生活垃圾分类试点范围已由去年的12个小区扩大到45个小区，覆盖居民约3.8万户。\n"
            "试点小区统一配置了四分类垃圾桶，垃圾分出量较试点前增加了近三成。\n\n"
            "本报讯 据区供电公司统计，一季度全区工业用电量同比增长9.4%，制造业用电量增长明显。\n"
            "工业用电量是经济运行的晴雨表，一季度的增长说明企业生产持续回暖。\n\n"
            "城区生活垃圾分类试\n点扩大到 45 个小区\n一季度工业用电量\n同比增长 9.4%\n")
    assert titles(text) == ["城区生活垃圾分类试点扩大到45个小区", "一季度工业用电量同比增长9.4%"]
    # the box cut in two is not kept on the page whole as well (as a banner no story took)
    assert lishi_pub.parse_text(text).pages[0].banners == ()


def test_a_title_the_column_wrapped_is_not_cut_at_its_line_break() -> None:
    # every line describes the one story: no part describes another
    text = ("本报讯 今年以来，区民政局建立完善临时救助“先行救助”机制，对因突发事件陷入困境的群众先行救助。\n"
            "本报讯 据区供电公司统计，一季度全区工业用电量同比增长9.4%。\n\n临时救助“先行\n救助”机制落地\n见效\n")
    assert titles(text)[0] == "临时救助“先行救助”机制落地见效"


def test_a_kicker_ending_in_a_dash_after_a_title_in_its_box_heads_the_next_title() -> None:
    lines = ["交通大动脉串", "起发展新格局", "冬病夏治 未病先防——", "", "区中医院新开", "“治未病”门诊"]
    units = group_units(classify(page_layout("\n".join(lines) + "\n", 1), DEFAULT_PROFILE), DEFAULT_PROFILE)
    heads = [u.split_kicker(DEFAULT_PROFILE.conventions.dashes) for u in units if u.titles]
    assert heads == [(None, "交通大动脉串起发展新格局"), ("冬病夏治 未病先防", "区中医院新开“治未病”门诊")]


def test_a_notice_title_broken_over_two_lines_heads_the_notice_under_it() -> None:
    text = ("区民政局\n2023年8月28日\n关于开展全民免\n费健康体检的通知\n各乡镇（街道）、各村\n（社区）：为提高群众健康\n"
            "水平，区卫健局决定开展全\n民免费健康体检。\n区卫健局\n2023年9月1日\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert "关于开展全民免费健康体检的通知" in [a.title for a in page.articles]
    assert not [h for a in page.articles for h in a.blocks if "全民免" in getattr(h, "text", "") and len(h.text) < 10]


def test_running_text_ending_in_a_kind_of_notice_is_no_title() -> None:
    text = ("区民政局\n2023年8月28日\n根据国防部征兵命令和\n上级征兵工作部署，现将本\n年度征兵工作有关事项通告\n如下。\n"
            "一、征集对象：男青年年龄\n为年满18至22周岁。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert any(p.text.startswith("根据国防部征兵命令和上级征兵工作部署") for a in page.articles for p in a.paragraphs)


@given(st.lists(st.one_of(HAN, st.sampled_from(["“", "”", " ", "  ", "9.4%", "ETC", "，", "1"])), max_size=12))
@settings(max_examples=80, deadline=None)
def test_a_titles_spaces_are_all_it_may_lose(parts: list[str]) -> None:
    from lishi_pub.parser.text import title_spaces
    text = "".join(parts)
    assert title_spaces(text).replace(" ", "") == "".join(text.split())


def test_a_wrapped_run_in_title_with_a_digit_gap_or_over_a_spread_line() -> None:
    from lishi_pub.parser.runin import wrapped_item_title
    assert wrapped_item_title("■ 公交 8路调整", "线路 因北关街道路", DEFAULT_PROFILE) == ("公交8路调整线路", "线路")
    # the next line spread to the column: the title's end runs to the date the item opens with
    assert wrapped_item_title("■ 义诊活动走进吴", "城 11 月 18 日 ， 区 中", DEFAULT_PROFILE) == ("义诊活动走进吴城", "城 ")
    text = "设备。（史芳）\n■ 公交 8路调整\n线路 因北关街道路\n施工，公交 8路自即\n日起临时调整线路。\n"
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[-1].title == "公交8路调整线路"
    assert page.articles[-1].paragraphs[0].text.startswith("因北关街道路施工")
