"""Small dumps, one convention each, written in the style of the conventions note.

The dumps under tests/dumps/ were typeset from known text (tests/typeset.py)
and then edited by hand to carry extractor quirks; the expectations here are
that known text, not the parser's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import lishi_pub
from lishi_pub import Contributor, Credit, Figure, Heading, Paragraph

DUMPS = Path(__file__).parent / "dumps"


def roles(article):
    return tuple(c.role for c in article.contributors)


def shot(name, role=None):
    """A photo credit ``[role] name 摄``."""
    return Credit((Contributor(name, role),), "摄")


def articles_of(issue):
    return [(a.title, a.title_source, a.kicker, a.subtitle, a.authors, roles(a), a.dateline) for a in issue.articles]


@pytest.fixture(scope="module", params=["county-pdftotext.txt", "county-pdfminer.txt"])
def county(request):
    return lishi_pub.parse(DUMPS / request.param)


def test_both_extractor_styles_parse_the_same():
    a = lishi_pub.parse(DUMPS / "county-pdftotext.txt")
    b = lishi_pub.parse(DUMPS / "county-pdfminer.txt")
    strip = lambda issue: [(p.header, p.banners, p.articles, p.figures) for p in issue.pages]  # noqa: E731
    assert strip(a) == strip(b)


def test_headlines_printed_above_their_stories_are_found_there():
    """pdftotext can print each headline, kicker, subtitle and byline right
    above its story instead of after all the text."""
    inline = lishi_pub.parse(DUMPS / "county-inline-pdftotext.txt")
    after = lishi_pub.parse(DUMPS / "county-pdftotext.txt")
    assert articles_of(inline) == articles_of(after)
    assert [a.paragraphs for a in inline.articles] == [a.paragraphs for a in after.articles]
    assert all(not p.banners for p in inline.pages)


def test_kicker_in_a_box_of_its_own():
    text = (DUMPS / "county-pdftotext.txt").read_text("utf-8")
    assert "稳字当头 进字为先\n全国春播" in text
    apart = lishi_pub.parse_text(text.replace("稳字当头 进字为先\n全国春播", "稳字当头 进字为先\n\n全国春播"))
    article = apart.articles[0]
    assert (article.kicker, article.title) == ("稳字当头 进字为先", "全国春播粮食作物已完成六成")
    assert "稳字当头 进字为先" not in apart.pages[0].banners


def test_a_kicker_of_three_short_phrases():
    text = (DUMPS / "county-pdftotext.txt").read_text("utf-8")
    text = text.replace("稳字当头 进字为先\n全国春播", "抓春耕，保供给，稳民生——\n全国春播")
    article = lishi_pub.parse_text(text).articles[0]
    assert (article.kicker, article.title) == ("抓春耕，保供给，稳民生", "全国春播粮食作物已完成六成")


@pytest.mark.parametrize("caption", ["▲ 菜农在大棚里采摘西红柿，一派\n丰收景象。 本报记者 孙悦 摄",
                                     "菜农在大棚里采摘西红柿，一派\n丰收景象。 本报记者 孙悦 摄"])
def test_a_caption_wrapped_in_the_headline_block(caption):
    text = (DUMPS / "county-pdftotext.txt").read_text("utf-8")
    text = text.replace("▲ 菜农在大棚里采摘西红柿。 本报记者 孙悦 摄", caption)
    page = lishi_pub.parse_text(text).pages[1]
    assert page.articles[0].figures == (Figure("菜农在大棚里采摘西红柿，一派丰收景象。", shot("孙悦", "本报记者")),)
    assert not page.banners and not page.figures


def test_form_feed_separates_pages_and_furniture_dates_the_issue(county):
    assert len(county.pages) == 2
    assert county.date.isoformat() == "2023-05-06"
    first = county.pages[0]
    assert first.label == "第2版：综合新闻"
    assert "责任编辑：李华\u3000美编：王芳" in first.header


def test_xinhua_dateline_kicker_and_subtitle(county):
    a = county.pages[0].articles[0]
    assert a.dateline == "新华社北京5月5日电"
    assert a.authors == ("矫月", "王小明") and roles(a) == ("记者", "记者")
    assert (a.kicker, a.title, a.subtitle) == ("稳字当头 进字为先", "全国春播粮食作物已完成六成", "多地抢抓农时推进大田播种")
    assert a.paragraphs[0].text.startswith("全国春播粮食作物已完成意向面积的六成以上")
    assert len(a.paragraphs) == 3


def test_dateline_names_and_fullwidth_digits(county):
    a = county.pages[0].articles[1]
    assert a.dateline == "本报讯"
    assert a.authors == ("张伟", "刘芳") and roles(a) == ("记者", "通讯员")
    assert a.title == "县农技中心举办春季农技培训班"
    assert a.paragraphs[0].text.startswith("5月4日，县农业技术推广中心")
    assert "120余名" in a.paragraphs[0].text


def test_headline_less_article_derives_its_title(county):
    a = county.pages[0].articles[2]
    assert a.title_source == "derived"
    assert a.title == "县图书馆在各社区开展“书香进万家”读书分享活动"
    assert a.authors == ("赵敏",)
    assert any(d.code == "no-headline" and d.article == a.id for d in county.pages[0].diagnostics)


def test_two_markerless_features_split_by_their_headlines(county):
    first, second = county.pages[1].articles
    assert first.title == "大棚里的好“钱”景" and first.authors == ("孙悦",) and roles(first) == ("本报记者",)
    assert second.title == "城东小学：让每个孩子都出彩"
    assert second.authors == ("张靖", "郜敏") and roles(second) == ("本报记者", "本报通讯员")
    assert first.paragraphs[-1].text == "村里成立了蔬菜合作社，菜农再也不用为卖菜发愁。"
    assert second.paragraphs[0].text.startswith("走进城东小学")
    assert [b.text for b in first.blocks if isinstance(b, Heading)] == ["【科技帮了大忙】", "【合作社搭起销路】"]
    assert [b.text for b in second.blocks if isinstance(b, Heading)] == ["一、课后服务更丰富", "二、家校沟通更顺畅"]
    assert Figure("菜农在大棚里采摘西红柿。", shot("孙悦", "本报记者")) in first.blocks


def test_quirks_page():
    issue = lishi_pub.parse(DUMPS / "quirks-pdfminer.txt")
    page = issue.pages[0]
    assert page.label == "第3版"
    assert page.header[0] == "综合新闻"  # letter-spaced page name in the header, closed up
    water, reading, flood = page.articles
    assert water.authors == ("任杰", "马小龙")  # padded name, and a name broken by a line end
    assert (water.kicker, water.title) == ("聚焦高质量发展", "我区三座污水处理站投入运行")
    assert water.paragraphs[0].text == "6月7日，记者从区住建局获悉，我区今年新建的三座污水处理站已全部投入运行，日处理能力达到1.5万吨。"
    assert "一级A标准" in water.paragraphs[1].text and len(water.paragraphs) == 3
    assert Figure("图为新建成的城北污水处理站。", shot("任杰")) in water.blocks  # ran into the next dateline
    assert reading.dateline == "本报讯" and reading.subtitle == "区图书馆举办全民阅读活动"
    assert reading.authors == ("熊渤", "谢奇") and roles(reading) == ("记者", "特约记者")  # byline wrapped
    assert reading.paragraphs[-1] == Paragraph("主办方表示，将把阅读活动办成群众身边的文化品牌。")
    assert flood.dateline == "中新网北京6月7日电" and flood.authors == ("李明",)
    assert flood.title == "各地部署汛期安全防范工作"


def test_ideographic_space_indents_mark_paragraphs():
    text = ("\u3000\u3000本报讯 近日，我县举办了一场别开生面的农民丰收节活动，吸引了\n"
            "周边群众前来参加。\n"
            "\u3000\u3000活动现场，各乡镇带来的特色农产品琳琅满目，现场\n"
            "交易十分火爆。\n"
            "\u3000\u3000据悉，此类活动今年还将举办三场。（李明）\n")
    article = lishi_pub.parse_text(text).articles[0]
    assert [p.text[:4] for p in article.paragraphs] == ["近日，我", "活动现场", "据悉，此"]
    assert article.authors == ("李明",)


def test_a_dateline_story_without_a_closing_byline_then_a_feature():
    """Nothing marks where the news item ends and the feature begins; the
    feature's headline (with its subtitle and byline) does."""
    news, feature = lishi_pub.parse(DUMPS / "dateline-then-feature-pdfminer.txt").articles
    assert (news.title, news.dateline) == ("我县农村人居环境持续改善", "本报讯")
    assert news.authors == ("王小明", "李四") and roles(news) == ("通讯员", "记者")
    assert Figure("村民在打扫街道。", shot("李四")) in news.blocks
    assert news.paragraphs[-1].text.startswith("据了解，全县已累计清理垃圾")
    assert (feature.title, feature.subtitle, feature.dateline) == ("奋斗者", "记养殖大户刘大姐", None)
    assert feature.authors == ("王芳",) and roles(feature) == ("本报记者",)
    assert feature.paragraphs[0].text.startswith("编者按：")


def test_three_markerless_features_in_a_row():
    issue = lishi_pub.parse(DUMPS / "three-features-pdfminer.txt")
    assert [(a.title, a.authors, len(a.paragraphs)) for a in issue.articles] == [
        ("老年食堂暖人心", ("韩雪",), 3), ("职业教育架起就业桥", ("孙涛",), 3), ("千亩玉米喜丰收", ("马丽",), 3)]
    # a quotation and its attribution stay one paragraph
    assert issue.articles[1].paragraphs[-1].text == "“在学校学到了真本领，心里踏实。”即将毕业的学生小周说。"


def test_a_slogan_between_stories_is_a_banner_not_a_headline():
    text = ("本报讯 近日，县里召开全县安全生产工作会议，安排部署下一阶段安全生产重点工作。（王艳）\n\n"
            "喜迎二十大 奋进新征程\n\n"
            "本报讯 5月3日，县图书馆举办读书节活动，吸引了众多市民参与，现场气氛热烈。（张伟）\n")
    issue = lishi_pub.parse_text(text)
    assert [a.title_source for a in issue.articles] == ["derived", "derived"]
    assert issue.pages[0].banners == ("喜迎二十大 奋进新征程",)


def test_another_paper_with_other_habits():
    """A city daily: XX日报讯 with a padded name, ■ subheadings, a closing
    byline broken inside its role word, a （资料图） caption, 本版编辑 and a
    slogan at the foot of the page."""
    issue = lishi_pub.parse(DUMPS / "city-paper-pdfminer.txt")
    page = issue.pages[0]
    council, harvest, tourism = page.articles
    assert (council.dateline, council.authors, roles(council)) == ("吕梁日报讯", ("程鹏",), ("记者",))
    assert [b.text for b in council.blocks if isinstance(b, Heading)] == ["■加快推进老旧小区改造", "■持续完善城市功能"]
    assert Figure("老旧小区改造现场。", Credit((), "资料图")) in council.blocks
    assert (harvest.title, harvest.authors, roles(harvest)) == ("全市秋收进度过半", ("白雪", "王刚"), ("通讯员", "记者"))
    assert tourism.title_source == "derived" and len(tourism.paragraphs) == 2
    assert "本版编辑：张三 校对：李四" in page.header
    assert "奋进新征程 建功新时代" in page.banners


def test_unwrapped_paragraphs_one_per_line():
    """Some sources give each paragraph as one long line, without indents."""
    paragraphs = [
        "本报讯 近日，县里召开全县秋季农业生产工作推进会，对秋收秋种、农田水利建设等工作进行了全面安排部署。",
        "会议要求，各乡镇要抢抓有利天气，组织群众及时收获晾晒，做到颗粒归仓，同时加快秋播进度，确保种足种好。",
        "会议还就冬季农田水利基本建设、农村人居环境整治等工作提出了具体要求。（王艳）",
    ]
    article = lishi_pub.parse_text("\n".join(paragraphs) + "\n").articles[0]
    assert len(article.paragraphs) == 3
    assert article.paragraphs[1].text == paragraphs[1]


def test_column_width_changes_inside_an_article():
    text = "\n\n".join([
        "本报讯 4月21日，区里组织",
        "志愿者来到火车站，为一线",
        "人员送去防疫物资，受到大",
        "家的欢迎和好评。",
        "活动中，志愿者们与一线工作人员亲切交",
        "流，详细了解他们的工作和生活情况，并",
        "送上了口罩、消毒液等物资。（王晶晶）",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert [p.text for p in article.paragraphs] == [
        "4月21日，区里组织志愿者来到火车站，为一线人员送去防疫物资，受到大家的欢迎和好评。",
        "活动中，志愿者们与一线工作人员亲切交流，详细了解他们的工作和生活情况，并送上了口罩、消毒液等物资。",
    ]


def test_latin_words_keep_a_space_across_a_line_break():
    text = "本报讯 区图书馆上线了名为 Open\n\nSource 的数字阅读平台，市民可免费使用。（王艳）\n"
    assert lishi_pub.parse_text(text).articles[0].paragraphs[0].text == "区图书馆上线了名为Open Source的数字阅读平台，市民可免费使用。"


def test_end_dateline_closes_a_story():
    text = "工作人员表示，将继续做好服务保障工作，确保各项措施落到实处。（本报北京11月13日电）\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert article.dateline == "本报北京11月13日电"
    assert article.paragraphs[-1].text.endswith("落到实处。")


@pytest.mark.parametrize("lead, title", [
    ("4月21日，民建离石支部专程来到吕梁火车站，向青年志愿者协会赠送防疫保险。", "民建离石支部专程来到吕梁火车站"),
    ("记者从市文旅局获悉，国庆假期全市共接待游客三百余万人次，实现旅游收入二十余亿元。", "国庆假期全市共接待游客三百余万人次"),
    ("近日，县里召开会议，部署工作。", "县里召开会议，部署工作"),
    ("“这是我们的责任。”他说。", "这是我们的责任，他说"),
    ("全县" + "各乡镇" * 20 + "积极行动。", "全县" + "各乡镇" * 9 + "…"),
])
def test_derived_titles_are_a_clause_or_two_of_the_lead(lead, title):
    from lishi_pub.parser.assemble import derive_title
    from lishi_pub.parser.conventions import DEFAULT_PROFILE

    assert derive_title(lead, DEFAULT_PROFILE) == title
    assert len(derive_title(lead, DEFAULT_PROFILE) or "") <= DEFAULT_PROFILE.tuning.title_limit
