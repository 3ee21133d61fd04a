"""Headlines that are printed but were lost: titles left over paired by their characters, a headline
above its story kept out of the text before it, a section's heading kept out of the titles
(docs/parsing.md, "Titles left over", "headline runs above a story", "A section's heading is no title")."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Heading
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.conventions.profile import profile_from_mapping
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role

POEM_RIVER = ["他坐在河滩上", "像一块被水磨圆的石头", "烟袋锅里的火星", "一明，一灭", "河水从他眼里流过",
              "流走了帆，流走了号子", "那条旧船还拴在渡口", "如今他不说话", "只是把手伸进水里", "像是和一个老伙计", "握了握手"]
ESSAY = ("在我们晋西北，小米粥是家家户户饭桌上少不了的。早上一碗，晚上一碗，一年到头，喝不腻。"
         "熬小米粥，看着简单，其实很有讲究。（作者系离石区妇联干部）")
POEM_WILLOW = ["春天是从柳树梢上开始的", "风一吹", "孩子们折下一截嫩枝", "拧成一支小小的笛子", "吹得满村都是",
               "绿色的声音"]
EXAMPLE = Path(__file__).parent.parent / "examples" / "lishi-2022-04-page.txt"
TITLES = {"黄河岸边的老船工": "邱芳欣", "一碗小米粥的温度": "黄宏", "柳笛声声唤春归": "冯秀勇"}


def _supplement(block: list[str]) -> str:
    """Two poems and an essay, then the headline block (title and □ byline each) in the order given."""
    body = "\n".join(POEM_RIVER) + "\n\n" + ESSAY + "\n\n" + "\n".join(POEM_WILLOW) + "\n\n"
    return body + "\n\n".join(f"{title}\n\n□ {TITLES[title]}" for title in block) + "\n"


def _titles_by_lead(page: lishi_pub.Page) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    return {a.paragraphs[0].text: (a.title, a.authors) for a in page.articles}


def test_titles_left_over_pair_with_their_stories_by_the_characters_they_share() -> None:
    # 黄河岸边的老船工 shares no two-character word with its poem, but 河, 船 and 老 (河水, 旧船, 老伙计);
    # the block is in no order the page keeps, so order alone would guess wrong
    page = lishi_pub.parse_text(_supplement(["柳笛声声唤春归", "一碗小米粥的温度", "黄河岸边的老船工"])).pages[0]
    assert _titles_by_lead(page) == {
        POEM_RIVER[0]: ("黄河岸边的老船工", ("邱芳欣",)),
        ESSAY[:ESSAY.index("（")]: ("一碗小米粥的温度", ("黄宏",)),
        POEM_WILLOW[0]: ("柳笛声声唤春归", ("冯秀勇",)),
    }
    poems = {a.id for a in page.articles if a.paragraphs[0].text in (POEM_RIVER[0], POEM_WILLOW[0])}
    assert {d.article for d in page.diagnostics if d.code == "headline-leftover"} == poems
    assert page.banners == ()


@settings(max_examples=6, deadline=None)
@given(st.permutations(list(TITLES)))
def test_the_characters_decide_whatever_the_order_of_the_block(block: list[str]) -> None:
    page = lishi_pub.parse_text(_supplement(block)).pages[0]
    assert {lead: title for lead, (title, _) in _titles_by_lead(page).items()} == {
        POEM_RIVER[0]: "黄河岸边的老船工", ESSAY[:ESSAY.index("（")]: "一碗小米粥的温度",
        POEM_WILLOW[0]: "柳笛声声唤春归"}


def test_no_pairs_are_weighed_beyond_the_tuning_bound() -> None:
    profile = profile_from_mapping({"tuning": {"leftover_max": 1}})
    page = lishi_pub.parse_text(_supplement(["柳笛声声唤春归", "一碗小米粥的温度", "黄河岸边的老船工"]),
                                profile=profile).pages[0]
    river = next(a for a in page.articles if a.paragraphs[0].text == POEM_RIVER[0])
    assert river.title != "黄河岸边的老船工"
    assert not any(d.code == "headline-leftover" for d in page.diagnostics)


def test_a_plain_line_left_where_titles_and_stories_differ_in_number_stays_a_banner() -> None:
    # the sample page: two stories without headlines, and the page's banner left without a byline;
    # it shares characters (常, 疫, 防, 控) with the story of the 常委会议, but is no title of it
    page = lishi_pub.parse(EXAMPLE).pages[0]
    assert "慎终如始做好常态化疫情防控" in page.banners
    council = next(a for a in page.articles if "常委会议" in a.paragraphs[0].text)
    assert council.title_source == "derived"


def test_a_headline_above_its_story_is_no_line_of_the_text_before_it() -> None:
    # the story before ends in no sentence (the layout continued it in another column)
    text = ("本报讯 区文化馆近日组织文艺小分队走进吴城镇，\n为村民送上了一场精彩的文艺演出，现场掌声不断，\n"
            "演出一直持续到晚上九点多，村民们意犹未尽地说\n农家书屋亮起“夜读”灯\n"
            "本报讯 晚饭后，信义镇郭家庄村的农家书屋亮起了\n灯，村民们陆续走进来，有的看报纸，有的翻农技\n"
            "书，屋里坐得满满当当。\n")
    first, second = lishi_pub.parse_text(text).articles
    assert first.paragraphs[-1].text.endswith("村民们意犹未尽地说")
    assert (second.title, second.title_source) == ("农家书屋亮起“夜读”灯", "headline")


def test_a_section_heading_under_the_headline_or_between_paragraphs_is_no_title() -> None:
    text = ("守护生命的“急救速度”\n\n■ 本报记者 段源超\n\n（一）电话铃响，分秒必争\n\n"
            "“您好，120急救中心，请问病人在什么位置？”凌晨两\n点，调度员韩晓丽接起电话，一边询问一边在电子地图\n"
            "上标注位置，不到一分钟，救护车就驶出了车库。\n在这里，每一通电话都是一场与时间的赛跑，调度员们\n"
            "二十四小时轮班值守，从不敢有一丝松懈。\n\n【一个目标，让大家都富起\n来】\n\n"
            "这几年，中心又把心思放在了培训上，每月都为乡镇卫\n生院的医生讲授急救知识，已经培训了三百多人次。\n")
    (article,) = lishi_pub.parse_text(text).articles
    assert (article.title, article.authors) == ("守护生命的“急救速度”", ("段源超",))
    headings = [b.text for b in article.blocks if isinstance(b, Heading)]
    assert headings == ["（一）电话铃响，分秒必争", "【一个目标，让大家都富起来】"]
    assert isinstance(article.blocks[0], Heading)


def test_a_quoted_last_line_of_a_wrapped_headline_stays_in_the_headline() -> None:
    text = ("本报讯 区文化馆近日组织文艺小分队走进吴城镇，为村民送上了一场精彩的文艺演出。\n\n"
            "农家书屋里的\n“夜读时光”\n\n"
            "本报讯 晚饭后，信义镇郭家庄村的农家书屋亮起了灯，村民们陆续走进来看书。\n")
    second = lishi_pub.parse_text(text).articles[1]
    assert second.title == "农家书屋里的“夜读时光”"
    assert not any(isinstance(b, Heading) for b in second.blocks)


def test_a_quoted_line_inside_a_poem_is_a_line_of_it() -> None:
    # the words someone says in the poem are no subheading: the poem stays one, under its title
    poem = ["你把夜晚", "站成了一道光", "病房的灯亮着", "你的眼睛也亮着", "口罩遮住了面容", "却遮不住",
            "那一声轻轻的", "“别怕，有我在”", "走廊很长", "长得像一个冬天", "而你的脚步", "是春天走来的声音"]
    essay = ["清明前后，小城下了一场春雨。雨不大，细细密密", "的，落在三川河上，河面上泛起一圈圈的涟漪。河",
             "边的柳树刚刚冒出新芽，远远看去，像一团淡绿色", "的烟。（王艳）"]
    text = "\n".join(essay) + "\n\n" + "\n".join(poem) + "\n（作者单位：离石区妇联）\n\n"
    text += "三川河上的春雨\n\n□ 王艳\n\n献给白衣天使\n\n□ 朱英雪\n"
    article = lishi_pub.parse_text(text).articles[1]
    assert [p.text for p in article.paragraphs] == poem
    assert (article.title, article.authors) == ("献给白衣天使", ("朱英雪",))


def test_a_banner_over_the_first_story_is_no_title_of_the_headline_block() -> None:
    # the block after the text keeps the stories' order; the slogan printed in the flow above the
    # first story is not in it, so the block's first title goes to the first story, by order
    text = ("绿水青山就是金山银山\n\n"
            "本报讯 一条条公路穿山越岭，一座座桥梁飞架南北。今年以来，我区新建改建农村公路186公里。\n\n"
            "本报讯 日前，区人民医院胸痛中心通过国家标准版认证，成为全市第三家通过认证的县级医院。\n\n"
            "交通大动脉串起发展新格局\n\n区人民医院胸痛中心通过国家认证\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [a.title for a in page.articles] == ["交通大动脉串起发展新格局", "区人民医院胸痛中心通过国家认证"]
    assert page.banners == ("绿水青山就是金山银山",)


def _column(paragraph: str, width: int = 12) -> list[str]:
    """A paragraph set in a column of ``width`` cells, its first line two short (the lost indent)."""
    lines, rest = [paragraph[: width - 2]], paragraph[width - 2:]
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
    return lines


def test_a_title_in_the_flow_is_judged_by_the_text_right_before_it() -> None:
    # 父亲 in the first paragraph of the essay above says nothing of the title three paragraphs on
    above = ["那年冬天父亲带我进山砍柴雪下得很大我们走了整整一个上午才到山脚。",
             "山里的雪和城里的不一样落在松枝上一层压着一层风一吹就簌簌地往下掉。",
             "这些年住在城里也常下雪可雪还没落稳就被来往的车辆碾成了泥水。",
             "我时常想念山里的雪想念那一片白茫茫的安静的山野和小路。"]
    below = ["父亲有一辆二八式自行车黑色的车身车把上挂着一个铃铛一按就响。",
             "那辆车是我们家最贵重的家当父亲骑着它上班骑着它去乡下走亲戚。"]
    lines = [x for p in above for x in _column(p)] + ["父亲的自行车"] + [x for p in below for x in _column(p)]
    first, second = lishi_pub.parse_text("\n".join(lines) + "\n").articles
    assert [p.text for p in first.paragraphs] == above
    assert (second.title, [p.text for p in second.paragraphs]) == ("父亲的自行车", below)


def _two_poems(title: str) -> str:
    essay = ["清明前后，小城下了一场春雨。雨不大，细细密密", "的，落在三川河上，河面上泛起一圈圈的涟漪。河",
             "边的柳树刚刚冒出新芽，远远看去，像一团淡绿色", "的烟。（王艳）"]
    first = ["麦粒在悄悄灌浆", "像一个秘密", "藏在青绿的壳里", "小满时节的风吹过来", "整块地都跟着", "轻轻地晃"]
    photo = ["初秋时节，坪头乡大峪村的枣园里，一串串红枣压", "弯了枝头。 离石区总工会供图"]
    second = ["镰刀磨亮了", "挂在屋檐下", "父亲每天早上", "都要看它一眼", "像看一个", "就要出远门的孩子"]
    body = "\n\n".join("\n".join(x) for x in (essay, first, photo, second))
    return body + f"\n\n三川河上的春雨\n\n□ 王艳\n\n{title}\n\n□ 赵国\n"


def test_a_title_announcing_one_more_poem_heads_the_untitled_poem_after_its_own() -> None:
    # 外一首: "and one more"; the photo between the poems would otherwise part them
    poems = lishi_pub.parse_text(_two_poems("小满时节（外一首）")).articles[1:]
    assert len(poems) == 1
    assert (poems[0].title, poems[0].authors) == ("小满时节（外一首）", ("赵国",))
    assert poems[0].paragraphs[-1].text == "就要出远门的孩子"


def test_a_plain_title_keeps_the_poem_after_the_photo_apart() -> None:
    poems = lishi_pub.parse_text(_two_poems("小满时节")).articles[1:]
    assert [a.paragraphs[0].text for a in poems] == ["麦粒在悄悄灌浆", "镰刀磨亮了"]


def test_a_numbered_heading_opening_a_story_heads_its_first_section() -> None:
    # the story's headline is printed in the block after the text; 一、… opens its first section
    text = ("本报讯 今年以来，区交通运输局推动交通与产业深度融合，让一条条路真正成为群众的致富路。（赵朝秀）\n\n"
            "一、一本日记，记着全村的事\n\n"
            "在坪头乡后庄村党支部书记张永红的办公桌上，放着一摞厚厚的民情日记，记着村里每一户的难处。\n\n"
            "张永红说，这些日记是他当支书二十年的家底，村里谁家有事，翻开就能找到。\n\n"
            "村支书的“民情日记”\n")
    feature = lishi_pub.parse_text(text).articles[1]
    assert feature.title == "村支书的“民情日记”"
    assert feature.blocks[0] == Heading("一、一本日记，记着全村的事")


def _roles(text: str) -> dict[str, Role]:
    return {x.text.strip(): x.role for x in classify(page_layout(text, 1), DEFAULT_PROFILE)}


def test_a_dateline_filling_its_line_is_a_dateline_and_the_line_above_its_headline() -> None:
    # pdfminer, a narrow column: the dateline's bracket ends its line, the lead starts on the next
    lines = ["按照计划，明年还将举办古镇民", "俗文化节和黄河摄影周等活动。", "（阎杰）", "冬季“送温暖”物资发放到户",
             "本报讯(记者 丁志昊)", "近日，区民政局、区总工会", "等单位联合开展冬季送温暖", "活动，为全区困难群众发放",
             "棉被、米面油等物资。"]
    text = "\n\n".join(lines) + "\n"
    roles = _roles(text)
    assert (roles["本报讯(记者 丁志昊)"], roles["冬季“送温暖”物资发放到户"]) == (Role.DATELINE, Role.HEADLINE)
    story = lishi_pub.parse_text(text).articles[1]
    assert (story.title, story.dateline, story.authors) == ("冬季“送温暖”物资发放到户", "本报讯", ("丁志昊",))
    assert story.paragraphs[0].text.startswith("近日，区民政局")


def test_a_credit_closing_a_caption_above_a_dateline_heads_no_story() -> None:
    text = ("本报讯 区文化馆近日组织文艺小分队走进吴城镇，为村民送上了一场精彩的演出。（阎杰）\n\n"
            "图为老年助餐点里，工作人员为老人们端上热腾腾的午饭。\n文辉悦 摄\n新华社西安3月4日电\n"
            "（记者 叶颖） 近日，我区今年实施的23座病险淤地坝除险加固工程全面完工。\n")
    lines = {x.text.strip(): x for x in classify(page_layout(text, 1), DEFAULT_PROFILE)}
    assert lines["新华社西安3月4日电"].role is Role.DATELINE
    assert not lines["文辉悦 摄"].heads
    assert all(a.title != "文辉悦 摄" for a in lishi_pub.parse_text(text).articles)


def test_a_piece_of_a_bracket_in_the_block_is_no_title_left_over() -> None:
    # a byline the column wrapped left its first line in the block: it is no title, so two titles
    # (no bylines under them) are left for two poems, one each
    body = "\n".join(POEM_RIVER) + "\n\n" + ESSAY + "\n\n" + "\n".join(POEM_WILLOW) + "\n\n"
    text = body + "（通讯员熊新英朱\n\n柳笛声声唤春归\n\n一碗小米粥的温度\n\n黄河岸边的老船工\n"
    page = lishi_pub.parse_text(text).pages[0]
    assert {a.paragraphs[0].text: a.title for a in page.articles} == {
        POEM_RIVER[0]: "黄河岸边的老船工", ESSAY[:ESSAY.index("（")]: "一碗小米粥的温度",
        POEM_WILLOW[0]: "柳笛声声唤春归"}


def test_a_column_name_in_the_block_is_no_title_left_over() -> None:
    # 广告·公告 names the page's column (and ends in a kind of notice): one line and one story are
    # left, but it is no title of the story
    text = ("春节将至，为方便广大读者，现将区图书馆春节期间开放时间安排公告如下，请相互转告。（王艳）\n\n"
            "刘某某，男，78岁，本区信义镇人，于3月12日上午在城东农贸市场附近走失。（李明）\n\n"
            "广告·公告\n\n关于区图书馆春节期间开放时间的公告\n")
    missing = lishi_pub.parse_text(text).articles[1]
    assert (missing.title_source, missing.authors) == ("derived", ("李明",))
