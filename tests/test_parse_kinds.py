"""Pages of other kinds: literary supplements and notices (docs/parsing.md, "Literary and notices pages")."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role

POEM = ["一夜之间", "山就白了头", "像我那个", "不再年轻的父亲", "雪落在梁上，落在峁上", "落在羊圈的栅栏上",
        "落在母亲晾衣的铁丝上", "落得那样轻", "好像怕惊醒了谁"]


def roles(text: str) -> list[tuple[str, Role]]:
    return [(x.text.strip(), x.role) for x in classify(page_layout(text, 1), DEFAULT_PROFILE)]


def verse_lines(text: str) -> list[str]:
    return [t for t, r in roles(text) if r is Role.VERSE]


def test_a_poem_as_wide_as_the_prose_beside_it_is_verse() -> None:
    # the prose column is no wider than the poem's longest line: raggedness alone tells them apart
    prose = ["小时候，赶集是一件大事。", "头天晚上，母亲就盘算要", "买些什么，一包盐，两斤"]
    text = "\n".join(prose) + "\n\n" + "\n".join(POEM) + "\n"
    assert verse_lines(text) == POEM


def test_a_paragraph_going_on_into_a_poem_keeps_its_last_lines() -> None:
    prose = ["前些天，我陪母亲又去赶了一次集。她在集上", "慢慢地走着，东看看西看看，最", "后什么也没买，只买了一个糖",
             "人，递给了我的女儿。"]
    text = "\n".join(prose + POEM) + "\n"
    assert verse_lines(text) == POEM
    article = lishi_pub.parse_text(text).articles[0]
    assert article.paragraphs[0].text.endswith("递给了我的女儿。")


def test_regular_verse_whose_lines_run_alike_is_verse() -> None:
    quatrain = ["杏花开遍小山村，", "燕子衔泥绕旧门。", "老汉扶犁春雨后，", "一鞭吆喝到黄昏。"]
    prose = "那是我们小孩子最盼望的时节。男孩子们爬上树去，用带钩的长杆子够槐花。"
    text = prose + "\n\n" + "\n".join(quatrain) + "\n\n" + prose + "\n"
    assert verse_lines(text) == quatrain


def test_running_text_of_a_narrow_column_changing_width_is_no_verse() -> None:
    # a story flowing on into a wider column: the width changes once, inside a sentence
    lines = ["本报讯 近日，区残", "联组织专业人员深入", "各乡镇，为残疾人免", "费适配轮椅、助行器", "和助听器等辅助器具。",
             "在适配现场，工", "作人员逐一为残疾人", "测量身体数据，评估功能状", "况，并指导家属正确使用和",
             "保养辅具，回访到户到人。"]
    assert verse_lines("\n".join(lines) + "\n") == []


def test_two_line_titles_of_a_headline_block_are_no_verse() -> None:
    body = "春节将至，为方便广大读者，现将区图书馆春节期间开放安排公告如下，请相互转告。"
    tail = ["城区农贸市", "场菜价一览", "", "关于开展全民免", "费健康体检的通知", "", "区教育局公开", "招聘教师公告",
            "", "城区部分区", "域停水通知"]
    text = body + "\n\n\n" + "\n\n".join(tail).replace("\n\n\n\n", "\n\n\n") + "\n"
    assert verse_lines(text) == []


def test_an_affiliation_wrapped_after_a_poem_is_not_a_line_of_it() -> None:
    text = "\n".join(POEM + ["（作者单位：交口县卫生健康", "局）"]) + "\n"
    assert verse_lines(text) == POEM


def test_a_joint_signature_names_each_issuer_and_closes_its_notice() -> None:
    text = ("为进一步加强教师队伍建设，经区人社局审核同意，区教育局决定公开招聘教师。\n"
            "咨询电话：0358-8221234。\n区教育局\n区人力资源和社会保障局\n2022年6月28日\n\n"
            "春节期间，区图书馆1月21日至27日闭馆，到期图书自动续借，不计超期费用。\n区图书馆\n2023年1月16日\n")
    lines = roles(text)
    assert [t for t, r in lines if r is Role.SIGNATURE] == [
        "区教育局", "区人力资源和社会保障局", "2022年6月28日", "区图书馆", "2023年1月16日"]
    page = lishi_pub.parse_text(text).pages[0]
    hiring, library = page.articles
    assert [p.text for p in hiring.paragraphs][-3:] == ["区教育局", "区人力资源和社会保障局", "2022年6月28日"]
    assert library.paragraphs[0].text.startswith("春节期间") and library.paragraphs[-1].text == "2023年1月16日"
    assert "2022年6月28日" not in page.header


def test_a_notice_title_over_the_first_text_heads_it_though_it_shares_no_word() -> None:
    text = ("周末天气及出行提示\n\n本周六白天多云，夜间转阴，气温零下5℃至7℃；周日阴有小雨。\n"
            "周日早晨部分路段可能出现道路结冰，驾车出行请提前查询路况。\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[0].title == "周末天气及出行提示" and page.articles[0].title_source != "derived"
    assert "周末天气及出行提示" not in page.banners


def test_a_slogan_over_the_first_text_stays_a_banner() -> None:
    text = "喜迎二十大 奋进新征程\n\n本周六白天多云，夜间转阴，气温零下5℃至7℃；周日阴有小雨。\n"
    page = lishi_pub.parse_text(text).pages[0]
    assert page.articles[0].title_source == "derived" and "喜迎二十大 奋进新征程" in page.banners


ESSAY_A = "老槐树的树干是空的，树皮皴裂得像老人手背上的皱纹，可每年春天照样发芽开花。"
ESSAY_B = "在我们晋西北，小米粥是家家户户饭桌上少不了的，早上一碗，晚上一碗。"
POEM_C = ["星星很低", "低得能碰到屋檐", "狗叫了两声", "村子又睡了过去", "土炕很暖", "暖得像外婆的手"]


def _literary_page(titles: list[str]) -> str:
    body = ESSAY_A + "（王艳）\n\n" + "\n".join(POEM_C) + "\n\n" + ESSAY_B + "（李明）\n\n"
    return body + "\n\n".join(titles) + "\n"


def test_a_title_sharing_no_word_is_placed_by_the_order_of_the_headline_block() -> None:
    page = lishi_pub.parse_text(_literary_page(["村口那棵老槐树", "夜宿坪头乡山村", "一碗小米粥的温度"])).pages[0]
    assert [a.title for a in page.articles] == ["村口那棵老槐树", "夜宿坪头乡山村", "一碗小米粥的温度"]
    poem = page.articles[1]
    assert [p.text for p in poem.paragraphs] == POEM_C
    assert any(d.code == "headline-order" and d.article == poem.id for d in page.diagnostics)


def test_no_title_is_placed_by_order_where_the_block_keeps_no_order() -> None:
    # the matched titles cross the stories' order: the block says nothing of the poem's title
    page = lishi_pub.parse_text(_literary_page(["一碗小米粥的温度", "夜宿坪头乡山村", "村口那棵老槐树"])).pages[0]
    poem = next(a for a in page.articles if a.paragraphs[0].text == POEM_C[0])
    assert poem.title_source == "derived" and "夜宿坪头乡山村" in page.banners


def test_the_first_lines_of_a_paragraph_after_a_poem_are_no_lines_of_it() -> None:
    essay = ["在我们晋西北，小米粥是家家户户饭桌上少不了", "的。早上一碗，晚上一碗，一年到头，喝不腻。"]
    caption = ["初秋时节，坪头乡大峪村的枣园里，一串串红枣压", "弯了枝头，果农们搭着梯子采摘，场院里堆起了一",
               "座座“红枣山”。 离石区总工会供图"]
    assert verse_lines("\n".join(POEM + essay) + "\n") == POEM
    assert verse_lines("\n".join(POEM + caption) + "\n") == POEM


def test_a_numbered_clause_in_a_narrow_column_runs_on_as_one_paragraph() -> None:
    text = ("为加强城市社区工作者队伍建设，现将有关事项通知如\n下。\n"
            "1.请各用户对室外、楼\n道内的水管和水表采取包扎\n保温措施，可用棉絮、旧衣\n物等材料包裹。\n"
            "2.夜间气温较低时，可\n将水龙头微微打开，保持细\n水长流，防止管道结冰。\n")
    article = lishi_pub.parse_text(text).articles[0]
    assert [p.text for p in article.paragraphs][1:] == [
        "1.请各用户对室外、楼道内的水管和水表采取包扎保温措施，可用棉絮、旧衣物等材料包裹。",
        "2.夜间气温较低时，可将水龙头微微打开，保持细水长流，防止管道结冰。"]
    assert not [b for b in article.blocks if isinstance(b, lishi_pub.Heading)]


def test_a_numbered_subheading_over_a_paragraph_stays_a_subheading() -> None:
    text = ("本报讯 近日，记者走进老厂房改造的文创园，看到处处是新气象，处处有新变化。\n"
            "（一）沉寂多年的老厂房\n这里原本是建于1958年的区\n机械厂，上世纪九十年代企业改\n制后，厂房闲置了二十多年。\n")
    article = lishi_pub.parse_text(text).articles[0]
    assert lishi_pub.Heading("（一）沉寂多年的老厂房") in article.blocks


def test_a_letter_spaced_page_name_in_the_header_is_furniture() -> None:
    text = "A8\n\n便 民\n\n合办：孝义市融媒体中心\n\n以上线路均可使用公交IC卡、手机扫码乘车，60岁以上老人凭老年卡免费乘坐。\n"
    page = lishi_pub.parse_text(text).pages[0]
    assert "便民" in page.header and not page.articles[0].paragraphs[0].text.startswith("便")


def test_regular_verse_under_stanza_labels_is_verse() -> None:
    stanzas = ["春", "杏花开遍小山村，", "燕子衔泥绕旧门。", "夏", "麦浪翻金六月天，", "收机隆隆过田边。"]
    prose = "那是我们小孩子最盼望的时节。男孩子们爬上树去，用带钩的长杆子够槐花。"
    text = prose + "\n\n" + "\n".join(stanzas) + "\n\n" + prose + "\n"
    assert [t for t in verse_lines(text) if len(t) > 2] == [t for t in stanzas if len(t) > 2]


def test_a_section_name_in_the_flow_does_not_split_an_essay() -> None:
    text = ("老家的房子空了好些年，父母搬到城里\n以后，院子里只剩下一些旧物件。\n\n"
            "石磨\n\n老家院子的东南角，卧着一盘石磨，上\n下两扇磨盘被岁月磨得光溜溜的。\n"
            "推石磨是件苦差事，我和姐姐一人抱一\n根磨棍，绕着磨盘转。\n\n"
            "水瓮\n\n厨房门后立着一口大水瓮，能装十几担\n水，水瓮盛着一家人一天的日子。\n")
    articles = lishi_pub.parse_text(text).articles
    assert len(articles) == 1
    assert [b.text for b in articles[0].blocks if isinstance(b, lishi_pub.Heading)] == ["石磨", "水瓮"]


def test_a_phone_number_line_is_no_dateline() -> None:
    text = "四、发现焚烧行为，请及时拨打\n举报电话 0358-8229001。\n区人民政府办公室\n2023年10月8日\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert article.dateline is None
    assert "举报电话" in "".join(p.text for p in article.paragraphs)


def test_the_headline_block_after_an_affiliation_keeps_its_first_byline() -> None:
    text = ("如今，每个清晨，我都会给家人熬一锅小米粥。看着锅里的米粒慢慢翻滚、开花，我总会想起老家的灶台。\n\n"
            "（作者系离石区妇联干部）\n\n一碗小米粥的温度\n\n□ 黄宏\n\n写给乡村教师的诗\n\n□ 徐雪\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert (page.articles[0].title, page.articles[0].authors) == ("一碗小米粥的温度", ("黄宏",))
    assert "黄宏" not in " ".join(page.banners)


def test_a_wrapped_affiliation_is_one_note_not_a_headline() -> None:
    text = "如今，每个清晨，我都会给家人熬一锅小米粥。\n（作者系岚县作家\n协会干部）\n\n一碗小米粥的温度\n\n□ 陆武\n"
    assert [r for _, r in roles(text)][1:3] == [Role.AFFILIATION, Role.AFFILIATION]
    page = lishi_pub.parse_text(text).pages[0]
    assert (page.articles[0].title, page.articles[0].authors) == ("一碗小米粥的温度", ("陆武",))
    assert page.banners == () and any("协会干部" in d.message for d in page.diagnostics if d.code == "affiliation")


def test_a_credit_alone_on_its_line_ends_the_caption_before_a_title() -> None:
    text = ("区人民医院的医护人员走进\n吴城镇西坡村，为村里的老\n人测量血压、听诊问诊，并\n发放常用药品。\n（白晓龙 摄）\n\n"
            "夜宿坪头乡山村\n□ 董源\n\n" + "\n".join(POEM) + "\n")
    page = lishi_pub.parse_text(text).pages[0]
    poem = next(a for a in page.articles if a.paragraphs and a.paragraphs[0].text == POEM[0])
    assert (poem.title, poem.authors) == ("夜宿坪头乡山村", ("董源",))


def test_a_notice_in_a_narrow_column_is_no_verse() -> None:
    text = ("关于公开招聘社区\n专职工作者的公告\n为加强城市社区工作者队伍建\n设，经研究，决定面向社会公开招\n"
            "聘社区专职工作者30名，具体事\n项公告如下。\n1.报名条件：具有本区户籍或\n在本区居住满3年；大专及以上学\n历。\n")
    assert verse_lines(text) == []


def test_a_signature_date_a_narrow_column_broke_is_one_line() -> None:
    text = "请及时关闭总阀门，并拨打供水服务热线报修。\n区自来水公司\n2022年11月2\n8日\n"
    assert [(t, r) for t, r in roles(text)][1:] == [("区自来水公司", Role.SIGNATURE), ("2022年11月28日", Role.SIGNATURE)]
    assert [p.text for p in lishi_pub.parse_text(text).articles[0].paragraphs][-1] == "2022年11月28日"


def test_a_poem_whose_lines_run_alike_beside_wider_prose_is_verse() -> None:
    poem = ["风解开了河的扣子", "冰层下面，水在笑", "柳枝抽出第一缕绿", "像孩子伸出的小手", "犁铧翻开泥土", "翻开一年的盼头",
            "种子躺进垄沟里", "做着金黄的梦", "我在田埂上奔跑", "追着一只早来的燕子", "追着，追着", "就追回了整个春天"]
    prose = ["老家的院子里有一棵枣树，是爷爷年轻时栽", "下的。每年秋天，枣子红了，满树都是。"]
    text = "\n".join(prose) + "\n\n" + "\n".join(poem) + "\n\n" + "\n".join(prose) + "\n"
    assert verse_lines(text) == poem


def test_a_news_lead_with_figures_is_no_verse() -> None:
    lines = ["适龄女生 HPV", "疫苗免费接种启动", "本报讯（记者 孟娟佳 通讯员 郭斌）", "11月 15日起，全区启动适龄女生 HPV疫苗免",
             "费接种工作，凡具有本区学籍的 13周岁至 14", "周岁在校女生，均可在知情自愿的前提下免费", "接种二价 HPV疫苗。"]
    assert verse_lines("\n".join(lines) + "\n") == []


def test_two_line_titles_in_boxes_of_their_own_are_no_verse() -> None:
    # pdfminer: a blank line after every line, none inside a box
    text = ("本报讯 全区各地积极行动，认真落实各项部署要求，工作取得明显成效。\n\n"
            "离石区委宣传部开展国家\n安全教育日主题党日活动\n\n离石区档案馆开展\n“国家安全教育学习”活动\n")
    assert verse_lines(text) == []


def test_an_essay_byline_with_a_slash_needs_no_space() -> None:
    for byline in ("文/李彬欣", "文／李彬欣", "文/图 李彬欣"):
        text = f"父亲的鞭子\n{byline}\n\n父亲的鞭子甩不响了，他老了，羊群也散了。可每天傍晚，他还是要走到后山梁上站一会儿。\n"
        article = lishi_pub.parse_text(text).articles[0]
        assert (article.title, article.authors) == ("父亲的鞭子", ("李彬欣",)), byline


def test_regular_verse_after_a_caption_credit_is_verse() -> None:
    poem = ["凤岭秋高万木丹，", "登临一望豁襟肝。", "三川绕郭银绳曳，", "千厦连云玉笋攒。"]
    text = "区疾控中心工作人员在城东街道社区卫生服务中心为老人接种流感疫苗。\n本报记者 邵阳 摄\n" + "\n".join(poem) + "\n"
    assert verse_lines(text) == poem


def test_a_photo_between_two_poems_parts_them() -> None:
    other = ["一支粉笔，在黑板上", "写下山外的世界", "一盏台灯，在深夜里", "批改孩子们歪歪扭扭的梦想", "你的青春",
             "种在了这片黄土里"]
    caption = "初秋时节，坪头乡大峪村的枣园里，一串串红枣压弯了枝头。 离石区总工会供图"
    text = "\n".join(POEM) + "\n\n" + caption + "\n\n" + "\n".join(other) + "\n"
    articles = lishi_pub.parse_text(text).articles
    assert [[p.text for p in a.paragraphs] for a in articles] == [POEM, other]


def test_a_notice_paragraph_after_a_signature_is_no_verse() -> None:
    text = ("请及时关闭总阀门，并拨打供水服务热线报修。\n区自来水公司\n2022年11月28日\n"
            "根据国防部征兵命令和\n上级征兵工作部署，现将本\n年度征兵工作有关事项通告\n如下。\n")
    assert verse_lines(text) == []


_HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(3, 14), st.booleans()), min_size=6, max_size=30),
       st.integers(9, 26), st.randoms(use_true_random=False))
def test_running_text_of_any_column_is_no_verse(clauses: list[tuple[int, bool]], column: int, rnd: Any) -> None:
    """Running text hard-wrapped to a column, whatever its width and clauses, is never verse:
    inside a sentence its lines are all as wide as the column."""
    text = "".join("".join(rnd.choice(_HAN) for _ in range(n)) + ("。" if stop else "，") for n, stop in clauses)
    lines = [text[i: i + column] for i in range(0, len(text), column)]
    assume(sum(1 for x in lines if x[-1] in "，。") < len(lines) / 2)  # a column whose every line ends a clause is verse-like
    assume(all(x[:1] not in "，。" for x in lines))  # kinsoku: no line opens with a mark
    assert verse_lines("\n".join(lines) + "\n") == []


def test_notice_titles_in_one_box_of_the_headline_block_are_each_a_title() -> None:
    body = ("为保护大气环境，预防火灾事故，保障人民群众生命财产安全，现就禁止燃放烟花爆竹有关事项通告如下。\n"
            "区人民政府\n2022年12月20日\n\n"
            "因北川路雨污管网改造工程施工需要，为确保施工安全和道路交通有序，现将有关事项通告如下。\n"
            "区公安局交通警察大队\n2023年4月6日\n\n")
    tail = "关于禁止燃放烟花爆竹的\n通告\n关于北川路部分路段封闭施工\n的通告\n"
    assert verse_lines(body + tail) == []
    page = lishi_pub.parse_text(body + tail).pages[0]
    assert [a.title for a in page.articles] == ["关于禁止燃放烟花爆竹的通告", "关于北川路部分路段封闭施工的通告"]


def test_a_poems_last_lines_over_the_next_titles_byline_stay_verse() -> None:
    poem = ["那个冬天", "街道空了，城市静了", "可总有一些身影", "在风雪里站着", "春天终于来了！", "花开的时候", "我们记得",
            "是谁替我们挡住了寒冷"]
    text = "\n\n".join(poem) + "\n\n村口的那条路\n□ 毛婷辉\n"
    assert verse_lines(text) == poem


def test_a_poem_stepping_by_single_cells_is_verse() -> None:
    # pdfminer: a box a line; widths 7, 5, 6, 7, 7, 8 under a byline, prose of a column of 16 after it
    poem = ["麦粒在悄悄灌浆", "像一个秘密", "还没有说出口", "田埂上的蒲公英", "已经打好了行囊", "风一吹，就去远方"]
    prose = ["城里有一条老街，青石铺路，两", "边是高低错落的老铺面。我小时候住", "在街尾，上学放学，每天都要从街头",
             "走到街尾，来来回回走了好多年。"]
    text = "\n\n".join(["小满时节", "□ 孔飞", *poem, *prose]) + "\n"
    assert verse_lines(text) == poem


_PROSE = ("街头是一家铁匠铺。铺子里终年炉火通红，铁匠师傅光着膀子，一锤一锤地敲打着烧红的铁块，火星四溅，"
          "叮叮当当的声音从早响到晚。我放学路过，总爱停下来看一会儿，看那块铁在锤子下面慢慢变成一把锄头、"
          "一把镰刀。往前走是一家裁缝铺，一位戴着老花镜的老裁缝整天坐在缝纫机前，脚底下踩得咔嗒咔嗒响。")


def _hard_wrapped(text: str, width: int) -> list[str]:
    """A column of ``width`` cells; a mark that would open a line hangs in the margin of the line before."""
    lines: list[str] = []
    at = 0
    while at < len(text):
        end = min(at + width, len(text))
        if end < len(text) and text[end] in "，。、；：！？”":
            end += 1
        lines.append(text[at:end])
        at = end
    return lines


@settings(max_examples=30, deadline=None)
@given(width=st.integers(min_value=5, max_value=20), blank=st.booleans())
def test_prose_hard_wrapped_at_any_width_is_never_verse(width: int, blank: bool) -> None:
    text = ("\n\n" if blank else "\n").join(_hard_wrapped(_PROSE, width)) + "\n"
    assert verse_lines(text) == []


def test_a_verse_line_the_column_wrapped_is_one_line() -> None:
    poem = ["从前它是土路", "一到下雨天", "能把人的鞋子吃掉", "父亲挑着担子", "一步一个深坑", "如今我开车回家",
            "车轮轻轻一转", "就转过了", "父亲走了一辈子的那些泥"]
    # the column ends inside the poem's last line: its last character opens the next box
    text = "村口的那条路\n□ 司马阳\n\n" + "\n".join(poem) + "\n\n泞\n\n村口，母亲站着\n还是那个张望的姿势\n"
    # and the poem goes on in the next column (docs/parsing.md: a lone character opening a text box)
    assert verse_lines(text) == [*poem[:-1], "父亲走了一辈子的那些泥泞", "村口，母亲站着", "还是那个张望的姿势"]


def test_a_stanza_number_after_a_poem_line_stays_its_own_line() -> None:
    # the stanza's last line is its widest and ends in no mark, as a wrapped line's start does
    poem = ["从前它是土路", "一到下雨天", "父亲挑着担子", "一步一个深坑", "如今我开车回家", "能把人的鞋子吃掉"]
    text = "村口的那条路\n□ 司马阳\n\n" + "\n".join(poem) + "\n\n二\n\n" + "\n".join(poem) + "\n"
    assert "二" in [t for t, _ in roles(text)]


def test_a_poems_last_line_as_wide_as_the_paragraph_after_it_stays_verse() -> None:
    # pdfminer: a box a line; the paragraph after the poem lost its indent (8 cells in a column of 10)
    poem = ["走廊很长", "长得像一个冬天", "而你的脚步", "是春天走来的声音"]
    prose = ["在我们晋西北，小", "米粥是家家户户饭桌上", "少不了的。早上一碗，", "晚上一碗，一年到头，", "喝不腻。"]
    text = "\n\n".join(["那个冬天", "□ 康旭", *poem, *prose]) + "\n"
    assert verse_lines(text) == poem
