"""Headline pairing abstains where the evidence is gone, and cuts stories where a newspaper does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lishi_pub.model import Heading, Paragraph
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.conventions.markers import Byline
from lishi_pub.parser.match.assign import _split, assign_units, page_scorer, stack_kickers
from lishi_pub.parser.match.leftover import pair_leftovers
from lishi_pub.parser.match.rejoin import rejoin_subheadings
from lishi_pub.parser.match.scorer import Scorer
from lishi_pub.parser.match.tail import split_tail
from lishi_pub.parser.segment.drafts import Draft
from lishi_pub.parser.segment.units import Unit


def _draft(*texts: str) -> Draft:
    return Draft(blocks=[Paragraph(t) for t in texts])


def _texts(drafts: list[Draft]) -> list[list[str]]:
    return [[b.text for b in d.blocks if isinstance(b, Paragraph)] for d in drafts]


def test_a_line_leading_into_a_title_is_never_a_title() -> None:
    # 寒冬送暖意—— is a kicker: its title was lost (glued on to the text), so the story keeps its own
    drafts = [_draft("近日，区民政局等单位联合开展冬季送温暖活动，为困难群众送去米面油和棉被。")]
    for line in ("寒冬送暖意——", "寒冬送暖意："):
        kicker = Unit(titles=[line], byline=Byline(("谢然",), (None,)))
        assert pair_leftovers(drafts, _texts(drafts), [kicker], DEFAULT_PROFILE) == []
    title = Unit(titles=["冬季送温暖物资发放到户"], byline=Byline(("谢然",), (None,)))
    assert pair_leftovers(drafts, _texts(drafts), [title], DEFAULT_PROFILE) == [(title, 0)]


def test_the_last_title_and_story_pair_only_when_the_title_names_something_of_it() -> None:
    story = "胸痛中心建成以来，医院打通了院前急救、急诊科、心内科、导管室之间的通道。"
    drafts = [_draft(story)]
    stranger = Unit(titles=["乡村书屋夜读忙"], byline=Byline(("张明",), (None,)))  # no character of the story
    assert pair_leftovers(drafts, _texts(drafts), [stranger], DEFAULT_PROFILE) == []
    own = Unit(titles=["胸痛救治有了绿色通道"], byline=Byline(("张明",), (None,)))
    assert pair_leftovers(drafts, _texts(drafts), [own], DEFAULT_PROFILE) == [(own, 0)]


def test_no_story_is_cut_right_after_a_subheading() -> None:
    # the subheading heads the paragraph under it, which shares no word of either headline:
    # the cut falls after that paragraph, not between it and its subheading
    doctor = Unit(titles=["村医王德胜的千里走单骑"])
    sheep = Unit(titles=["石窑沟村养羊合作社的羊光之路"])
    draft = Draft(blocks=[
        Paragraph("在西坡村，提起村医王德胜，几乎没有人不认识，千里走单骑说的就是他。"),
        Paragraph("村医王德胜每天背着药箱走村串户。"),
        Heading("（三）一份牵挂"),
        Paragraph("问他想不想去城里，他摇摇头：村里老人多，合作社的年轻人都出去了。"),
        Paragraph("石窑沟村养羊合作社成立三年，村里的年轻人回来了，羊光之路越走越宽。"),
        Paragraph("合作社今年出栏肉羊两千只，石窑沟村的养羊户户均增收一万元。"),
    ])
    pieces = _split(draft, [doctor, sheep], {}, DEFAULT_PROFILE)
    assert pieces is not None
    first, second = pieces
    assert isinstance(first.blocks[2], Heading) and len(first.blocks) == 4
    assert second.blocks[0].text.startswith("石窑沟村") and second.anchor is sheep


def _stacked(upper_text: str, title_text: str, *, in_block: bool = False) -> tuple[Unit, Unit]:
    upper = Unit(titles=[upper_text], in_block=in_block, tight=[False])
    title = Unit(titles=[title_text], above=upper, in_block=in_block, tight=[False])
    return upper, title


_SAFETY = ("今年是安全生产专项整治三年行动的收官之年。三年来，专项整治累计排查隐患1.2万处。",
           "下一步，将巩固专项整治成果，筑牢防线。")
_SCHOOL = ("全区中小学迎来新学期，各校把安全教育作为开学第一课。", "老师们带着学生学习防溺水、防火知识。")


def test_a_kicker_stacked_over_its_title_is_matched_with_it() -> None:
    # the kicker states the facts (安全生产专项整治三年行动收官), the title is a slogan: one headline
    drafts = [_draft(*_SCHOOL), _draft(*_SAFETY)]
    upper, title = _stacked("安全生产专项整治三年行动收官", "筑牢安全发展防线")
    units = [upper, title]
    scorer = page_scorer(drafts, [u.text for u in units], {}, DEFAULT_PROFILE)
    stack_kickers(drafts, units, scorer, DEFAULT_PROFILE)
    assert not upper.is_headline and title.titles == ["安全生产专项整治三年行动收官", "筑牢安全发展防线"]


def test_two_titles_stacked_over_two_stories_stay_two() -> None:
    drafts = [_draft(*_SCHOOL), _draft(*_SAFETY)]
    for in_block, (top, under) in ((False, ("开学第一课讲安全", "安全生产专项整治收官")),
                                   (True, ("安全生产专项整治三年行动收官", "筑牢安全发展防线"))):
        upper, title = _stacked(top, under, in_block=in_block)  # (a headline block's titles are each a story's)
        scorer = page_scorer(drafts, [upper.text, title.text], {}, DEFAULT_PROFILE)
        stack_kickers(drafts, [upper, title], scorer, DEFAULT_PROFILE)
        assert upper.titles == [top] and title.titles == [under]


def test_a_dated_story_keeps_its_lead_and_a_headline_naming_only_later_text_heads_a_story_of_its_own() -> None:
    report = ["一条条公路穿山越岭，一座座桥梁飞架南北。今年以来，我区交通基础设施建设提速。",
              "全年新改建农村公路120公里，完成危桥改造8座。", "客运班车通达所有建制村，群众出行更方便。"]
    comment = ["乡村文化振兴，根在乡土。留住老戏台、老手艺，就是留住乡村文化的根。",
               "留住了根，乡村文化才能枝繁叶茂。"]
    draft = Draft(blocks=[Paragraph(t) for t in report + comment], dateline="央广网12月16日讯")
    draft.add_byline(Byline(("吴斌伟",), (None,)))
    title = Unit(titles=["乡村文化振兴要“留住根”"])
    pieces = split_tail(draft, title, DEFAULT_PROFILE)
    assert pieces is not None
    head, tail = pieces
    assert [b.text for b in head.blocks] == report and head.dateline == "央广网12月16日讯" and head.authors == ["吴斌伟"]
    assert [b.text for b in tail.blocks] == comment and tail.anchor is title and tail.dateline is None
    # a headline naming the lead is the dated story's own; an undated feature may open on a scene
    assert split_tail(draft, Unit(titles=["交通大动脉串起发展新格局 乡村文化振兴"]), DEFAULT_PROFILE) is None
    feature = Draft(blocks=[Paragraph(t) for t in report + comment])
    assert split_tail(feature, title, DEFAULT_PROFILE) is None


def test_a_column_label_heads_no_story_by_its_words() -> None:
    # 服务 over the page: its one bigram is in the story, which says nothing; printed right above a
    # story, a word or two may still be its title
    story = "本年度农机购置补贴申报工作已经启动，购机农户可到服务大厅申报。"
    for anchored in (False, True):
        drafts = [_draft(story)]
        label = Unit(titles=["服务"], tight=[False])
        if anchored:
            drafts[0].anchor = label
        scorer = page_scorer(drafts, [label.text], {}, DEFAULT_PROFILE)
        assign_units(drafts, [label], scorer, DEFAULT_PROFILE)
        assert (drafts[0].unit is label) is anchored


def test_the_last_story_and_built_headline_left_pair_only_when_the_title_names_it() -> None:
    story = "新党员集中宣誓。7月1日上午，区直机关工委组织63名新党员在革命纪念馆重温入党誓词。"
    for title, given in (("小作坊里走出的“醋老板”", False), ("新党员重温入党誓词", True)):
        drafts = [_draft(story)]
        unit = Unit(titles=[title], byline=Byline(("李明",), (None,)), tight=[False])
        scorer = page_scorer(drafts, [unit.text], {}, DEFAULT_PROFILE)
        assign_units(drafts, [unit], scorer, DEFAULT_PROFILE)
        assert (drafts[0].unit is unit) is given


def _scored(drafts: list[Draft], units: list[Unit]) -> Scorer:
    return page_scorer(drafts, [u.text for u in units], {}, DEFAULT_PROFILE)


def test_a_subheading_read_as_a_headline_goes_back_into_its_story() -> None:
    above = _draft("下午四点，桥沟小学的操场上尘土飞扬，孩子们在踢足球。", "体育老师刚来的时候，学校连一个球门都没有。")
    under = _draft("那时候，操场是一块黄土地。他自己掏钱买了两个足球，又焊了一对球门。",
                   "如今，山村小学的足球队在全区比赛里拿了第一名。")
    head = Unit(titles=["山村小学的足球梦"], in_block=True, tight=[False])
    line = Unit(titles=["从“土场子”起步"], tight=[False])
    above.unit, under.unit, under.anchor = head, line, line
    joined = rejoin_subheadings([above, under], _scored([above, under], [head, line]), DEFAULT_PROFILE)
    assert joined == [above] and not line.is_headline
    assert [b.text for b in above.blocks if isinstance(b, Heading)] == ["从“土场子”起步"]
    assert above.blocks[-1].text.startswith("如今")


def test_a_story_opened_by_an_editors_note_or_a_notice_is_never_joined_to_the_one_above() -> None:
    for lead, title in (("编者按：山村小学的足球梦，这组报道记录了孩子们的足球队。", "足球队的新赛季"),
                        ("山村小学的足球队今年报名参加全区足球联赛。", "关于足球联赛报名的通知")):
        above = _draft("下午四点，桥沟小学的操场上，山村小学的孩子们在踢足球。", "学校连一个球门都没有。")
        under = _draft(lead, "足球队每周训练三次。")
        head = Unit(titles=["山村小学的足球梦"], in_block=True, tight=[False])
        line = Unit(titles=[title], tight=[False])
        above.unit, under.unit, under.anchor = head, line, line
        drafts = [above, under]
        assert rejoin_subheadings(drafts, _scored(drafts, [head, line]), DEFAULT_PROFILE) is drafts


def test_a_line_holding_a_full_stop_is_no_headline() -> None:
    # a caption read as display type above its story, credit and all: the story keeps a title of its own
    drafts = [_draft("红砖墙、锯齿形屋顶……由老厂房改造而成的文创园区，吸引年轻人前来打卡。")]
    caption = Unit(titles=["由老厂房改造而成的文创园区吸引年轻人前来打卡。李琳华 摄"], tight=[False])
    drafts[0].anchor = caption
    assign_units(drafts, [caption], _scored(drafts, [caption]), DEFAULT_PROFILE)
    assert drafts[0].unit is None
    title = Unit(titles=["老厂房“变身”文创园"], tight=[False])
    drafts[0].anchor = title
    assign_units(drafts, [title], _scored(drafts, [title]), DEFAULT_PROFILE)
    assert drafts[0].unit is title


def test_a_block_title_holding_a_full_stop_is_not_placed_by_the_blocks_order() -> None:
    drafts = [_draft("全区今年秋冬种任务已基本完成，冬小麦播种面积2.1万亩。"), _draft("红砖墙、锯齿形屋顶，走进城北。")]
    title = Unit(titles=["全区秋冬种任务基本完成"], in_block=True, tight=[False])
    caption = Unit(titles=["由老厂房改造而成的文创园区。"], in_block=True, tight=[False])
    assign_units(drafts, [title, caption], _scored(drafts, [title, caption]), DEFAULT_PROFILE)
    assert drafts[0].unit is title and drafts[1].unit is None


_HAN = st.text(alphabet=st.sampled_from("河山村水路桥书屋老人学校足球春秋风雨田园城区新民"), min_size=4, max_size=12)


@settings(max_examples=60, deadline=None)
@given(titles=st.lists(_HAN, min_size=1, max_size=5), stories=st.lists(_HAN, min_size=1, max_size=5),
       lead_in=st.booleans())
def test_leftover_pairs_are_one_to_one_and_never_a_lead_in(titles: list[str], stories: list[str],
                                                          lead_in: bool) -> None:
    drafts = [_draft(s + "。") for s in stories]
    units = [Unit(titles=[t + ("——" if lead_in and i == 0 else "")], byline=Byline(("李明",), (None,)))
             for i, t in enumerate(titles)]
    for eliminate in (False, True):
        made = pair_leftovers(drafts, _texts(drafts), units, DEFAULT_PROFILE, eliminate=eliminate)
        assert len({id(u) for u, _ in made}) == len(made) == len({k for _, k in made})
        assert all(not u.titles[0].endswith("——") for u, _ in made)
        for unit, k in made:  # each title names something of its story
            assert set(unit.titles[0]) & set(stories[k])
