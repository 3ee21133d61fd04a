"""The conventions of the trade, as data, in one place; and the profile that carries them.

Mark sets, role words and the words that make a line furniture, a jump, an
affiliation or a dateline are listed in :class:`Conventions`; the patterns
built from them live in :mod:`.markers`, the thresholds in :mod:`.tuning`.
A :class:`Profile` is the pair, passed down through every stage, and a user
can extend or override it for one paper with a TOML file (docs/parsing.md,
"Per-paper profiles").
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from attrs import field, frozen
from attrs.validators import deep_iterable, instance_of

from .tuning import Tuning

if TYPE_CHECKING:
    from .markers import Markers

__all__ = ["DEFAULT_PROFILE", "Conventions", "Profile", "Tuning"]

_words = deep_iterable(instance_of(str), instance_of(tuple))


def _tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _words_field(default: tuple[str, ...]) -> Any:
    return field(default=default, converter=_tuple, validator=_words)


@frozen(kw_only=True)
class Conventions:
    """Word lists and mark sets; every entry is documented in docs/parsing.md with an example."""

    #: Role words before names in bylines and credits, longest first is not needed (sorted when compiled).
    roles: tuple[str, ...] = _words_field((
        "本报特约记者", "本报见习记者", "本报实习生", "本报通讯员", "本报记者", "新华社记者", "新华社通讯员",
        "特约通讯员", "特约记者", "见习记者", "实习记者", "摄影记者", "首席记者", "通讯员", "实习生",
        "记者", "摄影", "文/图", "文／图", "图/文", "图／文", "文/", "图/", "摄/", "文／", "图／", "撰稿", "编辑",
    ))
    #: Roles that are themselves the author's name in print (``□ 本报评论员``).
    collective_authors: tuple[str, ...] = _words_field(("本报评论员", "本报特约评论员", "评论员"))
    #: What a news organisation's name ends with, in a dateline (吕梁日报讯, 人民网7月3日讯).
    agency_suffixes: tuple[str, ...] = _words_field(
        ("报", "网", "社", "台", "电视台", "日报", "晚报", "通讯社", "客户端", "新闻"))
    #: What ends a dateline's marker (本报讯, 新华社北京8月12日电, 新华社北京1月25日专电, 央视网消息).
    dateline_ends: tuple[str, ...] = _words_field(("专电", "电", "讯", "消息"))
    #: Characters that, right after a dateline's 电 or 讯, make it a word of the text instead
    #: (举报电话 0358-…, 通讯员, 电视台): no dateline there.
    marker_words: str = field(default="话视力网影脑子动梯费站商器线源缆价量池台息录员", validator=instance_of(str))
    #: What ends a 据… dateline naming where a report was taken from (据新华社消息, 据《人民日报》报道).
    report_ends: tuple[str, ...] = _words_field(("消息", "报道", "电"))
    #: Boxes that open a byline on a line of its own (□ 高淑芳, ■ 本报记者 赵敏, ○ 李彬欣).
    byline_boxes: str = field(default="□■○", validator=instance_of(str))
    #: Words a title line the column wrapped may end in, never a title (…征兵工作的 / 通告): the short
    #: line under it goes on with the title and is no author's bare name.
    title_runs_on: tuple[str, ...] = _words_field(("的", "之", "和", "与", "及"))
    #: Words closing a caption with its photographer (王晶晶 摄) and credits naming a source (XX供图).
    photo_marks: tuple[str, ...] = _words_field(("摄", "摄影"))
    source_credits: tuple[str, ...] = _words_field(("供图", "提供"))
    file_photos: tuple[str, ...] = _words_field(("资料图片", "资料图", "资料照片"))
    #: Marks and words opening a caption (▲ 村民在…, 图为…).
    caption_marks: str = field(default="▲△", validator=instance_of(str))
    caption_openers: tuple[str, ...] = _words_field(("图为", "上图", "下图", "左图", "右图"))
    #: Marks that open a subheading inside an article, or a run-in item title in a 简讯 column.
    item_marks: str = field(default="■◆●◇○★☆◎", validator=instance_of(str))
    #: Words that open a lead's time phrase (自12月1日起, 从11月起, 于3月12日): a clause's first word,
    #: never the end of an item's title carried over to the next line before a date.
    time_prepositions: tuple[str, ...] = _words_field(("自", "从", "于", "至", "到", "在", "由", "截至", "截止"))
    #: Staff lines (责任编辑：…) and co-publisher lines (合办：…) are page furniture.
    staff_labels: tuple[str, ...] = _words_field((
        "本版责编", "责任编辑", "责编", "编辑", "美编", "校对", "组版", "版式", "审核", "主编", "值班编辑", "终审",
        "校审", "照排", "设计", "制图", "本版编辑", "值班主任", "审校"))
    publisher_labels: tuple[str, ...] = _words_field(
        ("合办", "协办", "主办", "承办", "出版", "主管", "社址", "电话", "地址", "网址", "邮编", "印刷", "发行"))
    #: Jump markers: （下转第2版） （上接第1版）.
    jump_words: tuple[str, ...] = _words_field(("下转", "上接", "转第", "接第", "紧接"))
    #: The jump words that say the text after them continues a story from another page.
    jump_from: tuple[str, ...] = _words_field(("上接", "接第", "紧接"))
    #: Affiliation lines at an article's end: （作者单位：…） （作者系…）.
    affiliation_openers: tuple[str, ...] = _words_field(("作者单位", "作者系", "作者为", "作者是"))
    #: Boxes beside a story, headed by one of these, belong to it (a subheading and its text).
    box_heads: tuple[str, ...] = _words_field(("相关链接", "新闻链接", "知识链接", "链接", "相关新闻", "背景", "新闻背景"))
    #: An editor's note opening a feature is its first paragraph, label included (编者按：…).
    editor_notes: tuple[str, ...] = _words_field(("编者按", "编者的话", "编后"))
    #: A headline states no sentence: a unit whose title holds a full stop is a caption or text read as
    #: display type (``由老厂房改造而成的文创园区吸引年轻人前来打卡。李琳华 摄``), never a story's title.
    full_stops: tuple[str, ...] = _words_field(("。",))
    #: Of those, the notes printed before the story (编后, the afterword, follows it): each opens a story.
    editor_prefaces: tuple[str, ...] = _words_field(("编者按", "编者的话"))
    #: Q&A labels: paragraphs in body type, never subheadings.
    qa_labels: tuple[str, ...] = _words_field(("问：", "答：", "问:", "答:", "记者：", "记者:"))
    #: What a notice's contact line or a service column's entry is labelled with (联系电话：…,
    #: 供电服务热线：95598。): after a sentence's end such a line opens a paragraph of its own.
    contact_labels: tuple[str, ...] = _words_field(("电话", "热线", "联系人", "地址", "邮箱", "报修", "抢修"))
    #: Verbs of saying that attach an attribution to the quotation before it (“……。” 某某说。).
    speech_verbs: tuple[str, ...] = _words_field(("说", "说道", "表示", "感慨道", "告诉记者", "笑着说"))
    #: How a lead opens in time and by hearsay: skipped when a title is derived from it.
    lead_times: tuple[str, ...] = _words_field(
        ("近日", "日前", "近期", "连日来", "今年以来", "近年来", "昨天", "今天", "昨日", "今日"))
    lead_ins: tuple[str, ...] = _words_field(("据了解", "据悉", "据介绍", "记者了解到"))
    #: Words a short item's lead opens with besides ``lead_times``: the year it speaks of, and the
    #: preposition of a lead opening with its cause or purpose (为方便群众…, 因北关街道路施工…).  Where a
    #: justified column lost the one space after a run-in title, the lead starts where one of them does.
    lead_years: tuple[str, ...] = _words_field(("今年", "去年", "目前"))
    lead_causes: tuple[str, ...] = _words_field(("为了", "为", "因", "随着"))
    #: What ends the title of a notice or a service column (关于…的公告, 寻人启事, 招生简章, 菜价一览):
    #: such a title heads the text under it, never the page.
    notice_titles: tuple[str, ...] = _words_field((
        "公告", "通告", "通知", "启事", "声明", "公示", "提示", "简章", "须知", "倡议书", "告知书", "通报",
        "招领", "一览", "一览表", "时刻表", "公开信"))
    #: What ends the title of a service column, named by what it lists (本周天气预报, 便民服务电话,
    #: 无偿献血点开放时间, 区老年大学春季招生): words that also end a headline's first line
    #: (义务教育招生 / 入学政策解答), so such a title is taken only over running text.
    service_titles: tuple[str, ...] = _words_field(("预报", "电话", "热线", "时间", "招生", "招聘"))
    #: Names of a column of short items (简讯 over a run of briefs, 便民信息 over service items): page text
    #: over the items, never a word of the first item's title, and the story printed before it ends there.
    section_labels: tuple[str, ...] = _words_field((
        "简讯", "短讯", "快讯", "本地快讯", "新闻简讯", "要闻简讯", "简报", "新闻快递", "一句话新闻", "便民信息",
        "生活资讯", "资讯速递", "信息快递"))
    #: A note in brackets closing a poem's title that announces more poems under it (小满时节（外一首）,
    #: 故乡的秋天（组诗）): the untitled poems printed after it are parts of that one article.
    poem_groups: tuple[str, ...] = _words_field(("外一首", "外二首", "外三首", "外四首", "外五首", "组诗", "组章"))
    #: Numbers that label a poem's stanzas or an essay's sections on a line of their own (一, 二, 三).
    stanza_numbers: str = field(default="一二三四五六七八九十", validator=instance_of(str))
    #: Dashes that open a subtitle (——城南街道…) or close a kicker.
    dashes: tuple[str, ...] = _words_field(("——", "－－", "--", "—"))
    #: Characters that leave a phrase open at a line's end (守护生命的 / “急救速度”) and characters that
    #: cannot open one: a headline broken beside them is one title, never a kicker over a title.
    #: (prepositions, conjunctions, 的, and the adverbs, modals and copulas a predicate follows: 为民办事要 / “实”字当头).
    phrase_open_ends: str = field(default="的之与和及或并在对向把将被为从于以跟同给比要是让使由就都也还更很最不没得地",
                                  validator=instance_of(str))
    phrase_closed_starts: str = field(default="的了着过们之", validator=instance_of(str))
    #: Openers of a notice's title (关于开展…的通知): its first line is never a kicker.
    notice_openers: tuple[str, ...] = _words_field(("关于",))
    #: Kinsoku (禁则, after W3C clreq): marks no line may open with, and marks no line may end with.  A
    #: line cut short because its successor's first unit (a character and the marks it drags along, an
    #: opening quote and its character, a Latin or digit run) did not fit was wrapped, not ended.
    line_start_forbidden: str = field(default="、，。．：；！？”’）》〉」』】〕］｝…—·%‰℃,.:;!?)]", validator=instance_of(str))
    line_end_forbidden: str = field(default="“‘（《〈「『【〔［｛([", validator=instance_of(str))


@frozen
class Profile:
    """Conventions and tuning for one paper; the compiled markers are built once per profile."""

    conventions: Conventions = field(factory=Conventions, validator=instance_of(Conventions))
    tuning: Tuning = field(factory=Tuning, validator=instance_of(Tuning))

    @cached_property
    def markers(self) -> Markers:
        from .markers import Markers

        return Markers(self.conventions, self.tuning)


DEFAULT_PROFILE = Profile()
