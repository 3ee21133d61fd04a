"""Where a headline's text begins and ends (docs/parsing.md, "Where a title ends").

Each test is a small hand-written page that puts a title next to the text an extractor
would glue to it: the lead its run-in title wraps into, a slogan or another headline
in the title's box."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE

_BEFORE = ["短讯", "法律援助站揭牌 信义镇法律援助", "工作站近日揭牌成立。 （戴彬升）"]


def _items(*lines: str) -> lishi_pub.Issue:
    return lishi_pub.parse_text("\n".join([*_BEFORE, *lines]))


def test_the_rest_of_a_wrapped_titles_line_opens_the_items_text() -> None:
    # the title wrapped and ended at the space on the next line: what follows the space is
    # the item's text, however short the line, never a display line glued to the title
    issue = lishi_pub.parse_text("\n".join([
        "确 保 新 技 术 真 正 落 到", "户、用到树。", "", "短讯", "",
        "● 城关二中获评省级", "文明校园 日前，城关二", "中被评为省级文明校园。",
        "近年来，该校坚持立德树", "人 ， 打 造 “ 书 香 校 园 ”", "牌，学生综合素质稳步提", "升。 （江峰敏）"]))
    assert issue.articles[1].title == "城关二中获评省级文明校园"
    assert issue.articles[1].paragraphs[0].text.startswith("日前，城关二中被评为")


def _column(*lines: str) -> lishi_pub.Issue:
    """An item after a closed one in a 简讯 column, each line its own box (pdfminer's style)."""
    return lishi_pub.parse_text("\n\n".join([*_BEFORE, *lines, "（吕泉红）"]))


def test_a_spread_title_line_ends_where_the_leads_time_word_opens() -> None:
    # the one space after the title is lost in the spread line: 日 / 前 is the lead's 日前
    issue = _column("■ 城 关 二 中 获 评 省 级 文 明 校 园 日", "前，城关二中被评为省级文明校园。近年",
                    "来，该校坚持立德树人，学生综合素质稳")
    assert issue.articles[1].title == "城关二中获评省级文明校园"
    assert issue.articles[1].paragraphs[0].text.startswith("日前，城关二中")


def test_a_spread_title_line_ends_before_a_purpose_the_line_breaks_after() -> None:
    issue = _column("● E T C 服 务 网 点 进 乡 镇 为", "方便群众办理ETC业务，银行机构在吴",
                    "城、信义等6个乡镇设立了服务网点。")
    assert issue.articles[1].title == "ETC服务网点进乡镇"
    assert issue.articles[1].paragraphs[0].text.startswith("为方便群众")


def test_a_title_wrapped_onto_a_spread_line_ends_before_the_leads_cause() -> None:
    issue = _column("● 公交8路调整线", "路 因 北 关 街 道 路 施", "工，公交8路自即日起临时",
                    "调整线路，往返均改经新华街。")
    assert issue.articles[1].title == "公交8路调整线路"
    assert issue.articles[1].paragraphs[0].text.startswith("因北关街道路施工")


def test_a_title_wrapped_onto_a_spread_line_ends_before_a_time_preposition_and_date() -> None:
    issue = _column("● 青少年象棋赛", "收 官 １ １ 月 １ ９ 日 ， 区 青", "少年象棋比赛在区文化馆落下帷",
                    "幕，共有120名选手参赛。")
    assert issue.articles[1].title == "青少年象棋赛收官"
    assert issue.articles[1].paragraphs[0].text.startswith("11月19日")


def test_a_date_opening_the_next_line_leaves_the_title_its_own_line() -> None:
    issue = _column("● 新 党 员 集 中 宣 誓", "7 月 1 日 上 午 ， 区 直", "机关工委组织63名新党员",
                    "在革命纪念馆举行入党宣誓仪式。")
    assert issue.articles[1].title == "新党员集中宣誓"
    assert issue.articles[1].paragraphs[0].text.startswith("7月1日上午")


def test_a_preposition_inside_a_spread_title_is_no_lead() -> None:
    # 为 in the middle of the line, the line not broken after it: the whole line is the title
    issue = _column("■ 区 残 联 为 残 疾 人 免 费 适 配 辅 具", "近日，区残联为126名残疾人免费",
                    "适配轮椅、助听器等辅具。")
    assert issue.articles[1].title == "区残联为残疾人免费适配辅具"


@given(st.sampled_from([*DEFAULT_PROFILE.conventions.lead_times, *DEFAULT_PROFILE.conventions.lead_years]))
@settings(max_examples=15, deadline=None)
def test_every_time_word_broken_by_the_column_opens_the_lead(word: str) -> None:
    spread = " ".join("城关二中获评省级文明校园" + word[0])
    issue = _column(f"■ {spread}", f"{word[1:]}，城关二中被评为省级文明校园。近年",
                    "来，该校坚持立德树人，学生综合素质稳")
    assert issue.articles[1].title == "城关二中获评省级文明校园"
    assert issue.articles[1].paragraphs[0].text.startswith(word)


_TWO_STORIES = (
    "本报讯 近日，区疾控中心启动适龄女生HPV疫苗免费接种工作，全区初二年级女生可在学校统一组织下免费接种。"
    "疫苗接种前，家长需签署知情同意书。（王艳）\n\n"
    "本报讯 每天清晨，城南街道的社区志愿者们就穿上红马甲，走进小区巡查、帮助独居老人买菜送药。"
    "红马甲已成为社区里一道温暖的风景。（李明）\n\n")


def test_a_line_after_a_wrapped_titles_short_last_line_heads_the_next_headline() -> None:
    # pdftotext put the next headline's kicker in the box of the title above it
    issue = lishi_pub.parse_text(_TWO_STORIES + "适龄女生HPV疫苗免\n费接种启动\n志愿服务让城市更温暖\n\n"
                                 "社区里的“红马甲”\n——城南街道志愿服务队的一天\n")
    first, second = issue.articles
    assert first.title == "适龄女生HPV疫苗免费接种启动"
    assert (second.title, second.kicker) == ("社区里的“红马甲”", "志愿服务让城市更温暖")


def test_a_narrow_titles_odd_short_line_is_no_end_of_it() -> None:
    # the lines after the short one say the same story's words: one title
    issue = lishi_pub.parse_text(
        "本报讯 日前，区职业中学与三家企业签约，共建实训基地，推动产教融合，培养技能人才。"
        "三家企业将提供实训设备和岗位。（王艳）\n\n区职业中学与三\n家\n企业共建实训基\n地\n")
    assert issue.articles[0].title == "区职业中学与三家企业共建实训基地"


_POEM = "□ 龚桂佳\n星星很低\n低得能碰到屋檐\n狗叫了两声\n村子又睡了过去\n"


def test_a_slogan_under_the_header_read_as_a_wrapped_titles_first_line_is_the_banner() -> None:
    issue = lishi_pub.parse_text("第4版\n\n副刊\n\n慎终如始做好常态化疫情防控\n夜宿坪头乡山村\n" + _POEM)
    article = issue.articles[0]
    assert (article.title, article.kicker) == ("夜宿坪头乡山村", None)
    assert "慎终如始做好常态化疫情防控" in issue.pages[0].banners


def test_a_title_the_column_wrapped_under_the_header_stays_whole() -> None:
    # the break falls inside a word of the story (夜宿 is no phrase's end): one title
    issue = lishi_pub.parse_text("第4版\n\n副刊\n\n深冬时节在坪头乡山村夜\n宿的日子\n"
                                 "□ 龚桂佳\n那年深冬，我在坪头乡山村夜宿了三天。\n山村的夜很静，星星很低。\n")
    assert issue.articles[0].title == "深冬时节在坪头乡山村夜宿的日子"


_ROAD_AND_GAME = (
    "据人民网消息 从区住建局获悉，滨河东路改造工程已进入收尾阶段，目前已完成沥青摊铺，正在进行交通标线施划和\n"
    "绿化补植，预计本月底全线恢复通行。施工单位表示，将加快进度，尽早还路于民。\n\n"
    "本报讯 10月23日晚，全区第五届农民篮球赛决赛在区体育馆举行。经过激烈角逐，吴城镇代表队\n"
    "以78比71战胜坪头乡代表队，捧得冠军奖杯。本届比赛共有16支乡村球队参加。\n"
    "（本报记者 毛超宁）\n\n")


def test_two_titles_set_alike_in_one_box_of_the_headline_block_are_two() -> None:
    # two balanced lines read as one title the column wrapped: each tells its own story
    issue = lishi_pub.parse_text(_ROAD_AND_GAME + "滨河东路改造工程进入收尾阶段\n全区第五届农民篮球赛落幕\n"
                                 "——16 支乡村球队同场竞技，吴城镇代表队\n夺冠\n")
    road, game = issue.articles
    assert road.title == "滨河东路改造工程进入收尾阶段"
    assert (game.title, game.subtitle) == ("全区第五届农民篮球赛落幕", "16支乡村球队同场竞技，吴城镇代表队夺冠")


def test_a_title_the_column_wrapped_over_its_story_is_never_cut_at_the_wrap() -> None:
    # above its story the title's lines are the story's: 全区开展冬季 may tell another story better
    issue = lishi_pub.parse_text(
        "本报讯 近日，全区开展冬季送温暖活动，为困难群众送去米面油和棉被。（王艳）\n\n"
        "全区开展冬季\n燃气安全大排查\n本报讯 为防范冬季燃气事故，即日起至明年2月，区住建局对全区燃气用户开展安全排查。\n")
    assert issue.articles[1].title == "全区开展冬季燃气安全大排查"


def test_a_continued_storys_title_over_its_jump_line_is_its_headline() -> None:
    # a story continued from another page is headed by its title repeated above （上接第1版）
    issue = lishi_pub.parse_text(
        "2023年1月11日 星期三\n\n区委理论学习中心\n组召开专题学习会\n（上接第1版）\n"
        "11月9日，区委理论学习中心组召开专题学习会，围绕推进基层治理现代化进行交流研讨。\n"
        "会议指出，基层是社会治理的基础和重心，要坚持党建引领，推动资源向基层下沉。\n")
    article = issue.articles[0]
    assert article.title == "区委理论学习中心组召开专题学习会"
    assert article.paragraphs[0].text.startswith("11月9日")


def test_a_continued_storys_title_after_another_story_is_no_subheading_of_it() -> None:
    issue = lishi_pub.parse_text(
        "本报讯 近日，区文旅局在碛口古镇举办民俗文化节，吸引游客三万余人次。\n（王艳）\n"
        "碛口古镇入选省级旅游休闲街区\n（上接第3版）\n"
        "西湾街区依山傍水，保存有明清时期民居院落40余座，是省级文物保护单位。\n")
    assert [a.title for a in issue.articles][1] == "碛口古镇入选省级旅游休闲街区"
    assert not any(b for b in issue.articles[0].blocks if type(b).__name__ == "Heading")


def test_a_spread_line_counts_a_digit_run_as_one_glyph() -> None:
    issue = _column("■ 义诊活动走进", "吴 城 11 月 18 日 ，", "区中医院组织内科、", "骨科、针灸科等8名",
                    "专家到吴城镇开展义诊。")
    assert issue.articles[1].title == "义诊活动走进吴城"
    assert issue.articles[1].paragraphs[0].text.startswith("11月18日，区中医院")


def test_a_time_preposition_on_the_spread_line_opens_the_lead_not_the_title() -> None:
    issue = _column("● 凤山景区冬季票", "价 调 整 自 12 月 1 日 至", "次年2月28日，凤山景",
                    "区执行冬季票价，成人", "票由40元调整为25元。")
    assert issue.articles[1].title == "凤山景区冬季票价调整"
    assert issue.articles[1].paragraphs[0].text.startswith("自12月1日至次年")


def test_no_title_line_is_printed_under_its_own_subtitle() -> None:
    # a caption's first line in the box under a subtitle opens a unit of its own: no line of the title
    issue = lishi_pub.parse_text(
        "本报讯 即日起，全区开展冬季燃气安全大排查，覆盖所有燃气经营企业和用户。燃气公司工作人员逐户检查管道。（何泽）\n\n"
        "全区开展冬季燃气安全\n大排查\n——排查持续至明年 2 月\n底，覆盖所有燃气经营企业和\n用户\n"
        "燃气公司工作人员入户检查燃\n气管道和软管。 吴晓磊 摄\n")
    article = issue.articles[0]
    assert article.title == "全区开展冬季燃气安全大排查"
    assert [f.caption for f in article.figures] == ["燃气公司工作人员入户检查燃气管道和软管。"]


def test_a_headline_over_its_marked_photo_whose_credit_runs_into_the_dateline() -> None:
    issue = lishi_pub.parse_text("\n\n".join([
        "本报讯 区图书馆推出预约服务，读者可在线预约座位。\n（雷俊峰）",
        "国庆假期全区\n接待游客 32.6\n万人次",
        "▲ 国庆假期，游客在\n凤山景区拍照留念。\n刘 宁 国 摄 本 报 讯\n国庆假期，全区各景\n区景点秩序井然，游\n客络绎不绝。"]))
    article = issue.articles[1]
    assert article.title == "国庆假期全区接待游客32.6万人次"
    assert article.dateline == "本报讯"


_NOTICES = (
    "区老年大学春季学期开设书法、国画、声乐等18个专业班次，计划招收学员600名。\n区老年大学\n2023年2月1日\n\n"
    "为展示家乡新变化，本报即日起开展“我的家乡我的家”主题征文活动，来稿请发送至本报邮箱。\n本报编辑部\n2023年2月1日\n\n"
    "为保障群众生命财产安全，城区范围内全年禁止燃放烟花爆竹。\n区人民政府\n2023年2月1日\n\n")


def _block_units(text: str) -> list[list[str]]:
    """The title lines of each unit of the page's trailing headline block (the segment stage)."""
    from lishi_pub.parser.classify import classify
    from lishi_pub.parser.dump import page_layout
    from lishi_pub.parser.segment import segment

    segmented = segment(classify(page_layout(text, 1), DEFAULT_PROFILE), DEFAULT_PROFILE)
    return [u.titles for u in segmented.units if u.in_block]


def test_a_wrapped_notice_title_after_a_complete_one_in_its_box_is_the_next_title() -> None:
    units = _block_units(_NOTICES + "区老年大学春季招生\n“我的家乡我的家”\n征文启事\n关于禁止燃放烟花爆竹的\n通告\n")
    assert units[:2] == [["区老年大学春季招生"], ["“我的家乡我的家”", "征文启事"]]
    issue = lishi_pub.parse_text(_NOTICES + "区老年大学春季招生\n“我的家乡我的家”\n征文启事\n关于禁止燃放烟花爆竹的\n通告\n")
    assert [a.title for a in issue.articles] == ["区老年大学春季招生", "“我的家乡我的家”征文启事", "关于禁止燃放烟花爆竹的通告"]


def test_a_kind_word_alone_under_a_title_goes_on_with_it() -> None:
    issue = lishi_pub.parse_text(_NOTICES.split("\n\n")[0] + "\n\n区老年大学春季招生\n简章\n")
    assert issue.articles[0].title == "区老年大学春季招生简章"
