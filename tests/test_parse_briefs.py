"""Short items: briefs in a 简讯 column, notices and service items (docs/parsing.md,
"Short-news columns and service items")."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role


def roles(text: str) -> list[tuple[str, Role]]:
    return [(x.text.strip(), x.role) for x in classify(page_layout(text, 1), DEFAULT_PROFILE)]


def titles(text: str) -> list[str | None]:
    return [a.title for a in lishi_pub.parse_text(text).articles]


def test_a_letter_spaced_page_name_alone_at_the_top_is_furniture() -> None:
    text = ("生 活 服 务\n\n关于禁止燃放烟花爆竹的通告\n\n为保护大气环境，预防火灾事故，保障人民群众生命财\n\n"
            "产安全，现就城区禁止燃放烟花爆竹有关事项通告如下。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.header == ("生活服务",)
    assert [a.title for a in page.articles] == ["关于禁止燃放烟花爆竹的通告"]


def test_a_headline_set_solid_at_the_top_is_no_page_name() -> None:
    text = "慎终如始做好常态化疫情防控\n\n本报讯 为普及国家安全知识，全区各单位组织党员干部学习。\n"
    assert roles(text)[0][1] is not Role.FURNITURE


_STORY = ["本报讯（记者 王艳）连日来，各乡镇组织群众对越冬作物进行冬灌，全区已完成冬灌面积3.2万亩。", ""]


def test_a_column_name_is_page_text_and_ends_the_story_before_it() -> None:
    text = "\n".join(_STORY + ["简讯", "", "● 大风降温来袭 受冷空气影响，我区将出现大风降温天气。（常芳婷）", ""])
    page = lishi_pub.parse_text(text).pages[0]
    assert "简讯" in page.banners
    assert [a.title for a in page.articles][1:] == ["大风降温来袭"]
    assert all("简讯" not in p.text for a in page.articles for p in a.paragraphs)


def test_an_item_title_whose_space_fell_at_the_line_end_is_the_whole_line() -> None:
    # 冬灌工作全面展开 filled its line with the indent; the space after it was lost at the break
    text = "\n".join(["简讯", "森林防火期开始 全区自11月1日", "起进入森林防火期，至次年5月", "31日结束。", "（金涛平）",
                      "冬灌工作全面展开", "连日来，全区各灌区抢抓有利", "时机开展冬灌，确保配水有序。", "（姚志）"])
    assert titles(text) == ["森林防火期开始", "冬灌工作全面展开"]
    assert ("冬灌工作全面展开", Role.ITEM_TITLE) in roles(text)


def test_an_item_title_spread_over_its_line_is_read_closed_up() -> None:
    text = "\n".join(["短讯", "校 园 足 球 联 赛 开 幕", "全区中小学校园足球联赛日前", "开幕，共有32支球队参赛。", "（史刚朝）"])
    assert titles(text) == ["校园足球联赛开幕"]


def test_an_item_title_wrapped_ends_at_the_space_on_the_next_line() -> None:
    text = "\n".join(["本地快讯", "公交 8 路调整线", "路 因北关街道路施工，公交8", "路自即日起临时调整线路。", "（汤宇鹏）"])
    issue = lishi_pub.parse_text(text)
    assert titles(text) == ["公交8路调整线路"]
    assert issue.articles[0].paragraphs[0].text.startswith("因北关街道路施工")


def test_an_item_title_before_a_figure_after_an_item_closed() -> None:
    text = "\n".join(["简讯", "法律援助站揭牌 信义镇法律援助", "工作站近日揭牌成立，每周三有律", "师坐班接待。 （戴彬升）",
                      "义诊活动走进吴城 11月", "18日，区中医院组织8名专家到", "吴城镇开展义诊。 （金涛平）"])
    assert titles(text) == ["法律援助站揭牌", "义诊活动走进吴城"]


def test_a_marked_title_alone_heads_an_item_in_a_column_of_items() -> None:
    text = "\n".join(["简讯", "● 法律援助站揭牌 信义镇法律援助工作站近日揭牌成立。", "（戴彬升）",
                      "● 区图书馆延长开放时间", "自12月1日起，区图书馆开放时间调整为每天9:00至21:00。"])
    assert titles(text) == ["法律援助站揭牌", "区图书馆延长开放时间"]


def test_outside_a_column_a_first_line_after_a_byline_is_no_title() -> None:
    # a story's first line after another story's closing byline, with no column of items around
    text = "\n".join(_STORY + ["（李华）", "", "为加强城市社区工作者队伍建", "设，经研究，决定面向社会公开招聘。", ""])
    assert Role.ITEM_TITLE not in [r for _, r in roles(text)]


_NOTICE = ["春运期间，区汽车客运站将增开至太原、吕梁等方向的", "加班车，每日发班由原来的86班次增加至120班次。",
           "旅客可通过客运站微信公众号或售票窗口购票，购票时需", "出示本人有效身份证件。"]


def test_a_notice_title_wrapped_in_the_flow_heads_a_notice_of_its_own() -> None:
    # 菜价 shares no word with the text below it: the title is known by the kind it names (一览)
    text = "\n".join(_NOTICE + ["城区农贸市", "场菜价一览", "据区价格监测中心12月1日采集数据：白菜每斤1.2元，",
                                "土豆每斤1.5元，西红柿每斤4.5元，黄瓜每斤4元。"])
    issue = lishi_pub.parse_text(text)
    assert [a.title for a in issue.articles][1:] == ["城区农贸市场菜价一览"]
    assert issue.articles[1].paragraphs[0].text.startswith("据区价格监测中心")
    assert not any(isinstance(b, lishi_pub.Heading) for a in issue.articles for b in a.blocks)


def test_a_sentence_ending_in_a_notice_word_is_no_title() -> None:
    text = "\n".join(["区图书馆", "2023年1月16日", "因北川路雨污管网改造工", "程施工需要，为确保施工安全",
                      "和道路交通有序，现将有关事项通告", "如下。", "一、封闭路段：北川路与龙凤大道交叉口。"])
    assert Role.HEADLINE not in [r for t, r in roles(text) if "，" in t]


def test_notice_titles_of_a_headline_block_stay_apart() -> None:
    text = "\n".join(_NOTICE + ["区教育局公开招聘教师", "公告", "周末天气及出", "行提示", "领导干部任职前公示"])
    assert not any(x.heads for x in classify(page_layout(text, 1), DEFAULT_PROFILE) if "公告" in x.text)


def test_in_a_column_a_mark_opens_an_item_after_a_sentence_end_and_a_wrapped_byline_closes_one() -> None:
    text = "\n".join(["短讯", "● 城东社区卫生服务中心搬迁 城东街道社区卫生服务中心自12月12日起搬迁。",
                      "● 城区新增口袋公园 5 处 今年，城区利用边角地新建口袋", "公园5处，面积共计1.6万平方米。",
                      "（通讯员 罗亮 李", "霞）", "● 冬灌工作全面", "展开 连日来，全区各灌区抢抓有利时机开展冬灌。"])
    assert titles(text) == ["城东社区卫生服务中心搬迁", "城区新增口袋公园5处", "冬灌工作全面展开"]


def test_an_item_title_before_a_quotation() -> None:
    text = "\n".join(["简讯", "● 摄影作品展开展 “山河新貌”", "主题摄影作品展正在区文化馆展出，共展出作品136幅。"])
    issue = lishi_pub.parse_text(text)
    assert titles(text) == ["摄影作品展开展"]
    assert issue.articles[0].paragraphs[0].text.startswith("“山河新貌”主题")


def test_a_service_column_title_over_running_text_heads_an_item_of_its_own() -> None:
    # 天气 is a word of the notice before too: the title is known by what the column lists (预报)
    text = "\n".join(["因10千伏城北线线路检修，12月14日7:30至18:30停止供电。", "如遇雨雪天气，检修工作顺延。",
                      "本周天气预报", "12月5日（周一）：晴转多云，西北风3级，气温零下9℃至2℃。",
                      "12月6日至7日：受冷空气影响，有一次小雪天气过程。"])
    issue = lishi_pub.parse_text(text)
    assert [a.title for a in issue.articles][1:] == ["本周天气预报"]
    assert issue.articles[1].paragraphs[0].text.startswith("12月5日")


def test_a_headline_line_ending_in_a_service_word_is_no_title_of_its_own() -> None:
    text = "\n".join(["全区新登记各类市场主体3167户，同比增长12.8%。", "义务教育招生", "入学政策解答",
                      "问：孩子今年满6周岁，什么时候报名？", "答：报名时间为7月1日至7月10日。"])
    lines = classify(page_layout(text, 1), DEFAULT_PROFILE)
    assert not any(x.heads for x in lines if x.text.strip() == "义务教育招生")


def test_a_marked_title_ends_at_the_space_between_words_not_at_a_latin_gap() -> None:
    text = "\n".join(_STORY + ["● ETC 服务网点进乡镇 为方便群众办理 ETC 业务，银行机构在吴城设立了服务网点。", ""])
    assert titles(text)[1:] == ["ETC服务网点进乡镇"]


def test_in_a_column_a_boxed_line_is_an_item_title_not_a_byline() -> None:
    text = "\n".join(["简讯", "■ 校车安全检查", "近日，交警、教育部门联合对全区46辆校车进行了集中安全检查。", "（尹超）"])
    issue = lishi_pub.parse_text(text)
    assert titles(text) == ["校车安全检查"]
    assert list(issue.articles[0].authors) == ["尹超"]


def test_an_item_title_keeps_its_count_and_leaves_the_lead_its_date() -> None:
    text = "\n".join(["简讯", "城区新增口袋公园 5", "处 今年，城区利用边角地、闲置地新建口袋公园5处。", "（王俊）",
                      "新登记市场主体增长 1至", "10月，全区新登记各类市场主体3167户。", "（邓鑫）"])
    assert titles(text) == ["城区新增口袋公园5处", "新登记市场主体增长"]


def test_an_item_title_as_wide_as_its_column_heads_its_item() -> None:
    text = "\n".join(["本地快讯", "安国寺修缮完工", "历时一年半的安国", "寺保护修缮工程近", "日完工。", "（卢俊刚）",
                      "农机补贴开始申报", "本年度农机购置补", "贴申报工作已经启", "动，购机农户可携", "带身份证办理。",
                      "（高燕建）"])
    issue = lishi_pub.parse_text(text)
    assert titles(text) == ["安国寺修缮完工", "农机补贴开始申报"]
    assert [p.text for p in issue.articles[1].paragraphs] == ["本年度农机购置补贴申报工作已经启动，购机农户可携带身份证办理。"]


def test_the_headline_block_after_a_column_of_items_is_no_item() -> None:
    text = "\n".join(["简讯", "● 大风降温来袭 受冷空气影响，我区将出现大风降温天气。", "（雷敏斌）",
                      "专项行动", "河道“清四乱” 还河于民", "——拆除违建46处，清理垃圾1.3万立方米"])
    assert ("专项行动", Role.ITEM_TITLE) not in roles(text)


def test_in_a_column_an_item_without_a_byline_runs_its_title_in_after_a_sentence_end() -> None:
    text = "\n".join(["简讯", "● 大风降温来袭 受冷空气影响，我区将出现大风降温天气，", "农户要做好防寒工作。",
                      "摄影作品展开展 “山", "河新貌”主题摄影作品展正在区文化馆展出。", "（雷敏斌）",
                      "“放心消费”示范店授牌", "区市场监管局近日为28家商户授牌。", "本报记者 郭平英 摄"])
    got = roles(text)
    assert titles(text)[:2] == ["大风降温来袭", "摄影作品展开展"]
    assert ("本报记者 郭平英 摄", Role.ITEM_TITLE) not in got and ("本报记者", Role.ITEM_TITLE) not in got


def test_a_marked_title_spread_over_its_line_is_whole_and_may_hold_a_dateline_word() -> None:
    # 电 and 讯 open datelines (本报讯, 新华社电): in a title's words they open none
    text = "\n".join(_STORY + ["■ 打 击 电 信 诈 骗 宣 传 周", "区公安局近日开展打击治理电信", "网络诈骗宣传周活动，民警走进",
                               "银行网点、商超、学校，向群众讲", "解防骗知识。"])
    assert titles(text)[1:] == ["打击电信诈骗宣传周"]


def test_a_notice_title_whose_kind_the_column_broke_heads_its_text() -> None:
    text = "\n".join(["刘某某家属", "2023年3月13日", "周末天气及出行提", "示", "本周六白天多云，夜间转阴，气温零下5℃至7℃。",
                      "周日早晨部分路段可能出现道路结冰。"])
    issue = lishi_pub.parse_text(text)
    assert [a.title for a in issue.articles] == ["周末天气及出行提示"]
    assert issue.articles[0].paragraphs[0].text.startswith("本周六")


def test_a_running_text_line_taken_for_a_headline_still_follows_a_notice_title() -> None:
    # a narrow column's first line of the notice, short and unended, looks like display type
    text = "\n".join(["2022年6月23日 星期四", "公 告", "信义镇走失老人寻人启事", "刘某某，男，7", "8岁，本区信义镇",
                      "人，身高约1.65", "米，偏瘦，头发花", "白，说话口齿不清。"])
    issue = lishi_pub.parse_text(text)
    assert [a.title for a in issue.articles] == ["信义镇走失老人寻人启事"]
    assert issue.articles[0].paragraphs[0].text.startswith("刘某某")


def test_a_headline_block_of_notice_titles_after_a_column_is_no_item() -> None:
    text = "\n".join(["简讯", "● 新党员集中宣誓 7月1日上午，区直机关工委组织63名新党员宣誓。", "（余霞雪）",
                      "春运期间客", "运班次调整", "关于秸秆禁烧的通告", "恒固建材有限", "公司招聘启事"])
    assert Role.ITEM_TITLE not in [r for t, r in roles(text) if t.startswith("春运")]


_ITEMS = [("冬灌工作全面展开", "连日来，全区各灌区抢抓有利时机开展冬灌，已完成冬灌面积1.3万亩。"),
          ("法律援助站揭牌", "信义镇法律援助工作站近日揭牌成立，每周三还有律师坐班接待。"),
          ("“放心消费”示范店授牌", "区市场监管局近日为28家诚信经营的商户授予示范店牌匾。"),
          ("校园足球联赛开幕", "全区中小学校园足球联赛日前开幕，共有32支球队参赛。"),
          ("凤山景区冬季票价调整", "凤山景区执行冬季票价，成人票由40元调整为25元。")]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["简讯", "短讯", "本地快讯"]), st.sampled_from(["●", "■", ""]),
       st.lists(st.sampled_from(range(len(_ITEMS))), min_size=2, max_size=4, unique=True),
       st.lists(st.sampled_from(["（王艳）", "（通讯员 李华 张强）", None]), min_size=4, max_size=4))
def test_every_item_of_a_column_is_an_article_under_its_own_title(label: str, mark: str, picks: list[int],
                                                                   bylines: list[str | None]) -> None:
    # the story before the column shares an item's words (冬灌): the item's title stays the item's
    lines = _STORY + [label, ""]
    for k, byline in zip(picks, bylines):
        title, body = _ITEMS[k]
        lines.append(f"{mark}{title} {body}")
        if byline:
            lines.append(byline)
    issue = lishi_pub.parse_text("\n".join(lines))
    assert [a.title for a in issue.articles][1:] == [_ITEMS[k][0] for k in picks]
    assert label in issue.pages[0].banners
    assert all(a.paragraphs[0].text == _ITEMS[k][1] for a, k in zip(issue.articles[1:], picks))
