"""Display lines standing in a story's flow (classify's ``standing`` pass).

Headlines, kickers, subtitles, subheadings and credits printed in the column,
above or inside their stories, stay out of the paragraphs around them.  Each
dump is written by hand, line by line, as an extractor leaves a narrow column
(pdftotext style: a block's lines together, blank lines between blocks); the
expectations are the printed text, not the parser's output.
"""

from __future__ import annotations

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Figure, Heading
from lishi_pub.parser import classify_page
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role
from typeset import wrap

# A story that ends with its trailing byline, so the next one starts fresh.
_BEFORE = ["本报讯 全区秋粮收获工作进入", "尾声，各乡镇组织农机手抢收抢", "种，确保颗粒归仓。", "（王艳）"]


def _roles(text: str) -> list[tuple[str, Role]]:
    return [(line.text.strip(), line.role) for line in classify_page(page_layout(text, 1))]


def test_a_headline_wrapped_above_its_dateline_is_one_title():
    """A narrow column wraps the headline printed above the story over three lines;
    its last line is no part of the dateline under it (``见效本报讯`` is no agency)."""
    text = "\n".join([
        "临时救助“先行",
        "救助”机制落地",
        "见效",
        "本报讯(记者 石平",
        "彬) 今年以来，区民政",
        "局建立完善临时救助",
        "“先行救助”机制，对",
        "因突发事件陷入困境",
        "的群众先行发放救助",
        "金，事后补齐手续。",
    ]) + "\n"
    roles = dict(_roles(text))
    assert roles["见效"] is Role.HEADLINE
    article = lishi_pub.parse_text("\n".join(_BEFORE) + "\n\n" + text).articles[1]
    assert article.title == "临时救助“先行救助”机制落地见效"
    assert article.dateline == "本报讯" and article.authors == ("石平彬",)
    assert article.paragraphs[0].text.startswith("今年以来，区民政局")


def test_a_kicker_ending_in_a_dash_and_a_wrapped_subtitle():
    """The kicker's box ends in ——, the title wraps, the —— subtitle wraps on to the dateline."""
    text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
        "跑出审批“加速",
        "度”——",
        "",
        "营商环境“一",
        "网通办” 企业",
        "开办压缩至 1",
        "天",
        "——企业开办时间由三",
        "个工作日压缩至一天",
        "本报讯 今年以来，区",
        "行政审批服务管理局",
        "推行企业开办“一网通",
        "办”，将执照办理、公",
        "章刻制等环节整合为",
        "一个环节。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    assert article.kicker == "跑出审批“加速度”"
    assert article.title == "营商环境“一网通办” 企业开办压缩至1天"  # the author's space beside a quotation (title_spaces)
    assert article.subtitle == "企业开办时间由三个工作日压缩至一天"
    assert article.paragraphs[0].text.startswith("今年以来")


def test_a_title_wider_than_the_column_below_it():
    """A notice's title spans the narrow columns its text is set in: it cannot be a line of them."""
    text = "\n".join([
        "第7版",
        "",
        "关于区图书馆春节期间开放时间的公告",
        "春节将至，为方",
        "便广大读者，现将区",
        "图书馆春节期间开放",
        "安排公告如下。",
        "闭馆期间，读者",
        "可通过图书馆微信公",
        "众号借阅电子图书。",
    ]) + "\n"
    roles = dict(_roles(text))
    assert roles["关于区图书馆春节期间开放时间的公告"] is Role.HEADLINE
    page = lishi_pub.parse_text(text).pages[0]
    texts = [p.text for a in page.articles for p in a.paragraphs]
    assert "春节将至，为方便广大读者，现将区图书馆春节期间开放安排公告如下。" in texts
    assert not any("公告春节" in t for t in texts)


def test_a_title_above_an_indented_first_line():
    """After a notice's signature, a line without a sentence end, then the next
    paragraph's indented first line: the line stands on its own."""
    paragraph = "区职业中学系国家级重点中等职业学校，今年秋季面向全区应往届初中毕业生招收新生五百名，" \
        "欢迎广大考生报考我校各专业。"
    text = "\n".join([
        *wrap("为加强城市社区工作者队伍建设，经研究，决定面向社会公开招聘社区专职工作者。", 15),
        "区民政局",
        "2023年8月28日",
        "",
        "区职业中学秋季招生简章",
        *wrap(paragraph, 15),
    ]) + "\n"
    assert "\n区职业中学系国家级重点中等\n" in text  # the paragraph's first line, two cells short
    roles = dict(_roles(text))
    assert roles["区职业中学秋季招生简章"] is Role.HEADLINE
    texts = [p.text for a in lishi_pub.parse_text(text).articles for p in a.paragraphs]
    assert paragraph in texts


def test_a_numbered_subheading_set_in_the_column():
    """``（二）羊粪也是宝`` fills its narrow column, then an indented first line: a subheading."""
    text = "\n".join(_BEFORE[:3]) + "\n" + "\n".join([
        "合作社建起标准化羊",
        "舍两千多平方米，还",
        "配套了青贮窖和饲草",
        "加工车间。",
        "（二）羊粪也是宝",
        "养羊多了，羊粪",
        "怎么办？合作社和附",
        "近的果园签了协议，",
        "羊粪发酵后送进果园",
        "当肥料。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert Heading("（二）羊粪也是宝") in article.blocks
    assert article.paragraphs[-1].text == "养羊多了，羊粪怎么办？合作社和附近的果园签了协议，羊粪发酵后送进果园当肥料。"


def test_a_credit_alone_after_its_caption_closes_it():
    """``段斌然摄`` alone on its line after the caption's sentence closes the caption:
    the lead after it is no part of the figure, nor the credit of the lead."""
    text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
        "新修好的坪头至柳林沟公",
        "路沿山势盘旋而上。",
        "段斌然摄",
        "今年以来，全区新改建",
        "农村公路一百二十公里，",
        "群众出行更加便捷，山",
        "里的特产也运得出去了。",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    figures = [b for a in issue.articles for b in a.blocks if isinstance(b, Figure)]
    figures += list(issue.pages[0].figures)
    assert [f.caption for f in figures] == ["新修好的坪头至柳林沟公路沿山势盘旋而上。"]
    texts = [p.text for a in issue.articles for p in a.paragraphs]
    assert "今年以来，全区新改建农村公路一百二十公里，群众出行更加便捷，山里的特产也运得出去了。" in texts


def test_a_dateline_wrapped_after_a_credit_is_cut_from_it():
    """``… 段斌然 摄 新华社运城 3月 7`` / ``日电（记者 汪博）…``: the credit ends the caption there."""
    text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
        "新修好的坪头至柳林沟公路沿山势盘旋",
        "而上。 段斌然 摄 新华社运城 3月 7",
        "日电（记者 汪博） 10月 18日上午，",
        "坪头至柳林沟公路正式通车。这条全长",
        "十二公里的山区公路比原计划提前完工。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    assert article.dateline == "新华社运城3月7日电" and article.authors == ("汪博",)
    assert article.paragraphs[0].text.startswith("10月18日上午，坪头至柳林沟公路正式通车。")
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    assert [f.caption for f in figures] == ["新修好的坪头至柳林沟公路沿山势盘旋而上。"]


def test_a_line_of_ragged_running_text_is_no_title():
    """Where the column's full lines differ by more than a cell (an extractor's real
    widths), a line two cells short says nothing of an indent: the paragraph stays whole."""
    text = "\n\n".join([
        "他坚定地说：“我是一名辅警，即使危险",
        "性再大，我也要冲锋抗疫，决不能后退一步！”",
        "离石区交口街道石盘疫情防控检查站是",
        "进入市区的重点防控卡口之一，每天过往车",
        "辆就多达 2800 多辆，途经人员 3500 多人，涉",
        "及劝返车辆 50多辆。检查站工作人员三班倒",
        "24 小时值守，工作的强度之强，压力之大，风",
        "险之高，不言而喻。",
    ]) + "\n"
    texts = [p.text for a in lishi_pub.parse_text(text).articles for p in a.paragraphs]
    assert any(t.startswith("离石区交口街道石盘疫情防控检查站是进入市区") for t in texts)


_BODY_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x6FFF)
_TITLE_HAN = st.characters(min_codepoint=0x7000, max_codepoint=0x9FA5)  # no title hides in the text by chance
_sentence = st.text(_BODY_HAN, min_size=10, max_size=24).map(lambda s: s + "。")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.integers(12, 18), st.integers(3, 12), st.lists(_sentence, min_size=3, max_size=5),
       st.sampled_from(["pdfminer", "pdftotext"]), st.data())
def test_a_title_spanning_columns_never_joins_the_text_below(width, extra, sentences, style, data):
    """Whatever the column and the words, a headline-ish line wider than the column
    under it, after the end of a story, is kept out of the paragraph that follows."""
    title = data.draw(st.text(_TITLE_HAN, min_size=width + extra, max_size=width + extra))
    assume(width + extra <= 40)
    paragraph = "".join(sentences)
    lines = wrap(paragraph, width)
    assume(len(lines) >= 6 and not lines[0].endswith("。"))  # a column of prose, not a poem's few lines
    before = wrap("全区秋粮收获工作进入尾声各乡镇组织农机手抢收抢种确保颗粒归仓。", width) + ["（王艳）"]
    body = before + [title] + lines
    text = ("\n\n" if style == "pdfminer" else "\n").join(body) + "\n"
    texts = [p.text for a in lishi_pub.parse_text(text).articles for p in a.paragraphs]
    assert paragraph in texts
    assert not any(title in t for t in texts)


def test_a_short_news_item_title_without_a_mark():
    """Items of a 简讯 column open with a bold title set off by a space; after the
    item before has closed (its （王艳）), that phrase is the item's title."""
    text = "\n".join([
        "简讯",
        "“放心消费”示范店授牌 区市场监管局近",
        "日为二十八家诚信经营、服务规范的商户",
        "授予“放心消费示范店”牌匾。",
        "（王艳）",
        "校园足球联赛开幕 全区中小学校园足球",
        "联赛日前开幕，共有三十二支球队参赛，",
        "赛期一个月。",
        "（刘芳）",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    assert [(a.title, a.title_source) for a in issue.articles] == [
        ("“放心消费”示范店授牌", "headline"), ("校园足球联赛开幕", "headline")]
    assert [p.text for p in issue.articles[1].paragraphs] == [
        "全区中小学校园足球联赛日前开幕，共有三十二支球队参赛，赛期一个月。"]


def test_a_headline_with_a_space_is_no_item_title():
    """A headline printed above its story keeps its author's space: it stands short of
    the column, over its dateline, and is no run-in title of the text."""
    text = "\n".join([
        *_BEFORE,
        "核桃“嫁接”新技术 助农亩增收千元",
        "本报讯 在坪头乡大峪村的核桃园里，区",
        "林业技术推广站的技术员正手把手教村民",
        "进行高接换优，老树换上了新品种。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    assert article.title == "核桃“嫁接”新技术 助农亩增收千元"
    assert article.dateline == "本报讯"


def test_a_spaced_kicker_over_its_title_is_no_item_title():
    """After a sentence's end, a kicker with a space in it stands wider than the title
    under it; a headline line ``应急演练进社区 居`` stands over its wrapped rest and not
    over a full line of the column: neither is an item's run-in title."""
    for head in (["与死神赛跑 为生命护航", "区人民医院胸痛", "中心通过国家认证"],
                 ["应急演练进社区 居", "民学会“自救互救”"]):
        text = "\n".join([
            *_BEFORE[:3],
            *head,
            "本报讯 日前，中国胸痛中心认证工作委员",
            "会公布最新一批认证名单，区人民医院胸痛",
            "中心名列其中，成为全市第三家通过认证的",
            "县级医院。",
        ]) + "\n"
        roles = [role for line, role in _roles(text)]
        assert Role.ITEM_TITLE not in roles
        texts = [p.text for a in lishi_pub.parse_text(text).articles for p in a.paragraphs]
        assert not any(head[0].split()[0] in t for t in texts)


def test_a_flush_caption_in_its_own_box_keeps_off_the_paragraph_before():
    """A caption set flush in a box of its own after a full line ending a paragraph, its
    credit alone on the line under it (``李升伟 摄``): the caption's full first line is no
    line of that paragraph, and the figure keeps its text whole."""
    text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
        "本报讯 全区中小学近日迎来新",
        "学期开学。各学校把安全教育作",
        "为开学第一课，通过主题班会等",
        "形式，教育学生增强安全意识。",
        "",
        "开学第一天，民警在城北小学为",
        "学生讲解交通安全知识。",
        "李升伟 摄",
        "",
        "在城北小学，交警大队的民警走",
        "进课堂，结合真实案例，向孩子",
        "们讲解如何安全过马路。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    assert [(f.caption, f.credit.name if f.credit else None) for f in figures] == [
        ("开学第一天，民警在城北小学为学生讲解交通安全知识。", "李升伟")]
    assert [p.text for p in article.paragraphs] == [
        "全区中小学近日迎来新学期开学。各学校把安全教育作为开学第一课，通过主题班会等形式，教育学生增强安全意识。",
        "在城北小学，交警大队的民警走进课堂，结合真实案例，向孩子们讲解如何安全过马路。"]


def test_a_marked_caption_takes_its_credit_from_the_line_below():
    """``图为…`` is a caption read whole; its credit printed alone on the next line
    (``邱博春 摄``, ``（资料图）``) is its credit, no headline nor byline of the story."""
    for credit_line, name, kind in (("邱博春 摄", "邱博春", "摄"), ("（资料图）", None, "资料图")):
        text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
            "本报讯 全区首届半程马拉松赛",
            "昨日鸣枪开跑，三千余名跑者沿",
            "着三川河畔一路奔跑。",
            "图为马拉松选手沿三川河畔奔跑。",
            "",
            credit_line,
            "",
            "赛道沿途经过滨河公园、湿地",
            "公园、老城区等地，跑者们一边",
            "奔跑，一边欣赏沿途风景。",
        ]) + "\n"
        issue = lishi_pub.parse_text(text)
        article = issue.articles[1]
        figures = [b for b in article.blocks if isinstance(b, Figure)]
        assert [(f.caption, f.credit.name if f.credit else None, f.credit.kind if f.credit else None)
                for f in figures] == [("图为马拉松选手沿三川河畔奔跑。", name, kind)]
        assert article.authors == ()
        assert [p.text for p in article.paragraphs][-1] == \
            "赛道沿途经过滨河公园、湿地公园、老城区等地，跑者们一边奔跑，一边欣赏沿途风景。"
        assert not issue.pages[0].banners


def test_a_numbered_subheading_with_a_clause_over_a_first_line_with_figures():
    """``（一）一辆摩托车，骑坏了四辆`` (a clause inside, as long as a paragraph's
    indented first line) stands over a line shorter again than the full one after it: that
    one is the paragraph's first line, so the numbered line is a subheading, although the
    figures in the first line (``5 个``) leave its width in doubt by their own."""
    text = "\n".join([
        "本报讯 在吴城镇西坡村，提起村医王德",
        "胜，几乎没有人不认识。从二十岁接过",
        "父亲的药箱到如今，他在这片山沟里已",
        "经行医三十二年。",
        "（一）一辆摩托车，骑坏了四辆",
        "西坡村下辖 5 个自然村，最远的",
        "一个离村卫生室有 9 公里，中间要翻",
        "两道梁。王德胜出诊，靠的是一辆摩托",
        "车，前面四辆都骑坏了。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert Heading("（一）一辆摩托车，骑坏了四辆") in article.blocks
    assert article.paragraphs[-1].text == \
        "西坡村下辖5个自然村，最远的一个离村卫生室有9公里，中间要翻两道梁。王德胜出诊，靠的是一辆摩托车，前面四辆都骑坏了。"



def test_a_one_line_caption_between_full_lines_is_a_figure():
    """A caption of one sentence on one line after a paragraph's full last line, its
    credit alone under it: the caption is no sentence of the paragraph before it."""
    text = "\n\n".join(_BEFORE) + "\n\n" + "\n\n".join([
        "本报讯 冬天路上结冰，摩托车不敢骑，他",
        "就步行去。有一年腊月，一位老人夜里",
        "突发高烧，他背着药箱走了两个多小时",
        "山路赶到，给老人打了针、守到天亮。",
        "乡 村 医 生 王 德 胜 骑 着 摩 托 车 出 诊 。",
        "本报记者 王鑫建 摄",
        "“那时候年轻，腿脚好，走再远都不觉",
        "得累。”说起这些，王德胜显得很平淡。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    figures = [b for b in article.blocks if isinstance(b, Figure)]
    assert [(f.caption, f.credit.name if f.credit else None) for f in figures] == [
        ("乡村医生王德胜骑着摩托车出诊。", "王鑫建")]
    assert article.paragraphs[0].text.endswith("给老人打了针、守到天亮。")


def test_a_photo_under_a_headline_and_subtitle_belongs_to_the_story_below():
    """Headline, subtitle, then the story's photo (its caption whole on its line with the
    credit), then the dateline: the caption is no part of the subtitle, and the figure is
    the story's below, not the one before it."""
    text = "\n".join([
        "本报讯 区人民医院胸痛中心日前通过国家",
        "认证，患者救治时间大大缩短。",
        "（王艳）",
        "我区学子在全省中学生科技创新大赛中获佳绩",
        "——获奖项目 9 个，其中一等奖 2 项",
        "温子涵向评委介绍自己设计的农田墒情监测装置。 许博泉 摄",
        "本报讯 在日前结束的第三十七届全",
        "省青少年科技创新大赛中，我区中学生共",
        "有9个项目获奖，其中一等奖2项。",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    first, second = issue.articles
    assert not [b for b in first.blocks if isinstance(b, Figure)]
    assert second.subtitle == "获奖项目9个，其中一等奖2项"
    figures = [b for b in second.blocks if isinstance(b, Figure)]
    assert [(f.caption, f.credit.name if f.credit else None) for f in figures] == [
        ("温子涵向评委介绍自己设计的农田墒情监测装置。", "许博泉")]


def test_a_photo_under_the_page_banner_stays_loose():
    """A slogan over the page's first photo, then the first story: above the first story a
    lone display line is as likely the page's banner, so the photo belongs to no story."""
    text = "\n".join([
        "创建全国文明城市 共建美好家园",
        "工作人员为特困老人送去过冬棉被和米",
        "面油，并检查屋内取暖设施是否安全。",
        "郝雪静 摄",
        "本报讯 全区自11月1日起进入森林防火",
        "期，至次年5月31日结束。",
    ]) + "\n"
    issue = lishi_pub.parse_text(text)
    loose = issue.pages[0].figures
    assert [f.credit.name if f.credit else None for f in loose] == ["郝雪静"]
    assert loose[0].caption.endswith("工作人员为特困老人送去过冬棉被和米面油，并检查屋内取暖设施是否安全。")
    assert not [b for a in issue.articles for b in a.blocks if isinstance(b, Figure)]


def test_a_dateline_whose_names_wrap_keeps_them():
    """``本报讯（记者`` / ``刘鹏慧 通讯员 蒋`` / ``宏） 日前，…``: a short line inside the
    dateline's open bracket is no headline standing apart, so the names are read whole."""
    text = "\n".join(_BEFORE) + "\n\n" + "\n".join([
        "本报讯（记者",
        "刘鹏慧 通讯员 蒋",
        "宏） 日前，投资",
        "一千五百万元的马铃",
        "薯脱毒种薯繁育基地",
        "在信义镇建成投用。",
    ]) + "\n"
    article = lishi_pub.parse_text(text).articles[1]
    assert article.dateline == "本报讯" and article.authors == ("刘鹏慧", "蒋宏")
    assert article.paragraphs[0].text == "日前，投资一千五百万元的马铃薯脱毒种薯繁育基地在信义镇建成投用。"
