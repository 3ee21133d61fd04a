"""Runs of verse read whole (docs/parsing.md, "Literary and notices pages": verse, poems in a row)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.classify import classify
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.dump import page_layout
from lishi_pub.parser.layout import Role

_ESSAY = ["老家的厨房角落里，蹲着一口黑釉大缸，缸沿", "上豁了一个小口子。每年立冬前后，母亲", "都要在这口缸里腌上满满一缸酸菜，一",
          "冬天的菜就有了着落。"]


def _verse(text: str) -> list[str]:
    return [x.text.strip() for x in classify(page_layout(text, 1), DEFAULT_PROFILE) if x.role is Role.VERSE]


def _pdfminer(lines: list[str]) -> str:
    """pdfminer's dump of one-line text boxes: a blank line after every line."""
    return "\n\n".join(lines) + "\n"


def test_a_poems_line_wrapped_to_a_lone_character_does_not_hide_the_poem() -> None:
    poem = ["一嗓子吼出去", "黄河就停下了脚步", "那一声高亢的声音", "从崖畔上滚下来", "滚过石板街，滚过老码", "头",
            "滚进每一孔窑洞", "唱的是哥哥走西口", "唱的是妹妹泪长流"]
    text = "\n".join(_ESSAY) + "\n\n" + "\n".join(poem) + "\n"
    assert _verse(text) == [*poem[:4], "滚过石板街，滚过老码头", *poem[6:]]
    article = lishi_pub.parse_text(text).articles[-1]
    assert "滚过石板街，滚过老码头" in [p.text for p in article.paragraphs]
    assert not [b for b in article.blocks if isinstance(b, lishi_pub.Heading)]


def test_a_headline_wrapped_to_a_lone_character_at_one_width_is_no_poem() -> None:
    lines = ["守护绿水青山", "蓝天碧水净土", "保", "卫战取得新成", "效"]
    assert _verse("\n".join(_ESSAY) + "\n\n" + "\n".join(lines) + "\n") == []


def test_a_few_lines_of_a_poem_grouped_into_one_box_do_not_hide_it() -> None:
    head = ["麦粒在悄悄灌浆", "像一个秘密", "还没有说出口", "田埂上的蒲公英", "已经打好了行囊", "风一吹，就去远方",
            "镰刀磨亮了", "父亲的腰又弯了一些"]
    grouped = "麦浪一层推着一层\n把汗水推到了天边\n打麦场上"  # pdfminer put these three in one box
    text = _pdfminer([*_ESSAY, "小满时节", "□ 文然", *head, grouped, "落下一地金黄的日子"])
    assert _verse(text) == [*head, *grouped.split("\n"), "落下一地金黄的日子"]


def test_a_caption_closing_a_run_of_short_lines_is_no_line_of_the_poem() -> None:
    poem = ["镰刀磨亮了", "父亲的腰又弯了一些", "麦浪一层推着一层", "把汗水推到了天边", "打麦场上", "落下一地金黄的日子"]
    caption = ["国庆假期，碛口古镇游人如", "织，游客们漫步在明清老街", "上，感受古镇的历史风貌和", "民俗文化。"]
    text = _pdfminer([*_ESSAY, "小满时节", "□ 文然", *poem, *caption, "本报记者 侯昊 摄"])
    assert _verse(text) == poem


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=11, max_value=16))
def test_a_paragraph_closing_a_run_is_prose_at_any_column_wider_than_the_poem(column: int) -> None:
    # (at 10 the poem's last line, 8 cells, would be the paragraph's first line short by its lost indent)
    poem = ["雨刚刚停了", "河水涨了一拃", "柳树把头发", "垂进水里梳洗", "白鹭站在浅滩", "单腿，像一个问号"]
    prose = "初秋时节，坪头乡大峪村的枣园里，一串串红枣压弯了枝头，村民们正忙着采摘。"
    wrapped = [prose[i: i + column] for i in range(0, len(prose), column)]
    assert _verse(_pdfminer([*_ESSAY, *poem, *wrapped])) == poem


_TWO_POEMS = ("\n".join(_ESSAY) + "\n（作者单位：交口县融媒体中心）\n\n"
              "笸箩里住着\n一团一团的线\n红的，蓝的，黑的\n像母亲那些\n理不清的牵挂\n顶针磨得发亮\n"
              "锥子扎过千层底\n她把一家人的冷暖\n一针一针\n纳进了鞋底\n\n"
              "他坐在河滩上\n像一块被水磨圆的石头\n烟袋锅里的火星\n一明，一灭\n河水从他眼里流过\n"
              "流走了帆，流走了号子\n如今他不说话\n只是把手伸进水里\n\n"
              "母亲的酸菜缸\n□ 夏霞\n\n母亲的针线笸箩\n□ 廖文\n\n黄河岸边的老船工\n□ 黎彬\n")


def test_two_poems_in_a_row_are_two_articles_where_the_block_holds_a_title_for_each() -> None:
    articles = lishi_pub.parse_text(_TWO_POEMS).articles
    assert [a.title for a in articles] == ["母亲的酸菜缸", "母亲的针线笸箩", "黄河岸边的老船工"]
    assert [a.paragraphs[0].text for a in articles[1:]] == ["笸箩里住着", "他坐在河滩上"]
    assert articles[2].authors == ("黎彬",)


def test_a_poem_in_two_boxes_stays_one_where_the_block_holds_no_title_more() -> None:
    text = _TWO_POEMS.replace("\n\n黄河岸边的老船工\n□ 黎彬\n", "\n")
    articles = lishi_pub.parse_text(text).articles
    assert len(articles) == 2
    assert [p.text for p in articles[1].paragraphs][-1] == "只是把手伸进水里"


_ROAD = ["从前它是土路", "下雨天一脚泥", "后来铺了石子", "再后来铺了水泥", "一条灰白的带子", "系在了大山的腰上",
         "如今我开车回家", "车轮轻轻一转", "就转过了"]


def test_a_word_wrapped_off_a_poems_widest_line_is_its_end_not_a_part_label() -> None:
    text = "\n".join([*_ESSAY, "", *_ROAD, "父亲走了一辈子的那些", "泥泞", "村口，母亲站着", "还是那个张望的姿势"]) + "\n"
    article = lishi_pub.parse_text(text).articles[-1]
    assert "父亲走了一辈子的那些泥泞" in [p.text for p in article.paragraphs]
    assert not [b for b in article.blocks if isinstance(b, lishi_pub.Heading)]


def test_a_part_label_under_a_stanzas_last_line_stays_a_label() -> None:
    # the line above the label is no wider than the poem's lines after it
    poem = ["麦粒在悄悄灌浆", "像一个秘密", "还没有说出口", "田埂上的蒲公英", "已经打好了行囊", "风一吹，就去远方", "芒种",
            "镰刀磨亮了", "父亲的腰又弯了一些", "麦浪一层推着一层", "把汗水推到了天边"]
    article = lishi_pub.parse_text("\n".join([*_ESSAY, "", "小满时节", "□ 文然", *poem]) + "\n").articles[-1]
    assert lishi_pub.Heading("芒种") in article.blocks


def test_in_a_poem_in_parts_a_short_line_under_its_widest_line_is_the_next_label() -> None:
    poem = ["谷子", "低下头的谷穗", "是最懂事的孩子", "它知道自己有多重", "所以从不张扬", "柿子", "叶子落光了",
            "柿子还挂在枝头", "一盏一盏小红灯笼", "替远行的人守着村口", "场院", "石碾子歇了", "连枷靠在墙上"]
    article = lishi_pub.parse_text("\n".join([*_ESSAY, "", "故乡的秋天（组诗）", "□ 何升", *poem]) + "\n").articles[-1]
    assert [b.text for b in article.blocks if isinstance(b, lishi_pub.Heading)] == ["谷子", "柿子", "场院"]


def test_an_essays_short_last_line_after_a_full_line_ending_a_sentence_stays_in_its_paragraph() -> None:
    essay = ["如今，每个清晨，我都会给家人熬一", "锅小米粥。看着锅里的米粒慢慢翻滚、开", "花，闻着那熟悉的香味，我总会想起老家",
             "的灶台，想起母亲弯腰守在锅边的身影。", "一碗小米粥，盛着的是家的温度。"]
    poem = ["雨刚刚停了", "河水涨了一拃", "柳树把头发", "垂进水里梳洗", "白鹭站在浅滩", "单腿，像一个问号"]
    text = _pdfminer([*essay, *poem])
    assert _verse(text) == poem
    essay_article = lishi_pub.parse_text(text).articles[0]
    assert essay_article.paragraphs[-1].text.endswith("想起母亲弯腰守在锅边的身影。一碗小米粥，盛着的是家的温度。")


def test_a_poem_going_on_in_the_next_column_after_a_wrapped_line_stays_one_poem() -> None:
    # pdftotext's boxes: the column ended inside the poem's line; the lone character and the rest each a box
    text = ("\n".join(_ESSAY) + "\n\n" + "\n".join([*_ROAD, "父亲走了一辈子的那些泥"]) + "\n\n泞\n\n"
            "村口，母亲站着\n还是那个张望的姿势\n\n村口的那条路\n□ 司马阳\n")
    assert _verse(text)[-3:] == ["父亲走了一辈子的那些泥泞", "村口，母亲站着", "还是那个张望的姿势"]
    poem = lishi_pub.parse_text(text).articles[-1]
    assert [p.text for p in poem.paragraphs][-2:] == ["村口，母亲站着", "还是那个张望的姿势"]


def test_a_poems_first_label_after_the_text_before_heads_the_poem_where_its_title_is_apart() -> None:
    seasons = ["春", "杏花开遍小山村，", "燕子衔泥绕旧门。", "老汉扶犁春雨后，", "一鞭吆喝到黄昏。",
               "夏", "麦浪翻金六月天，", "收机隆隆过田边。", "农家小院瓜棚下，", "笑话丰年说去年。"]
    text = "\n".join([*_ESSAY, "（作者单位：离石区人民医院）", *seasons, "", "母亲的酸菜缸", "□ 夏霞",
                      "绝句四首·乡村四季", "□ 朱芳"]) + "\n"
    poem = next(a for a in lishi_pub.parse_text(text).articles if "杏花开遍小山村，" in [p.text for p in a.paragraphs])
    assert poem.blocks[0] == lishi_pub.Heading("春")
    assert lishi_pub.Heading("夏") in poem.blocks


def test_a_short_line_after_a_text_with_no_label_after_it_is_no_label() -> None:
    poem = ["春", "杏花开遍小山村，", "燕子衔泥绕旧门。", "老汉扶犁春雨后，", "一鞭吆喝到黄昏。"]
    text = "\n".join([*_ESSAY, "（作者单位：离石区人民医院）", *poem]) + "\n"
    assert all(not isinstance(b, lishi_pub.Heading) for a in lishi_pub.parse_text(text).articles for b in a.blocks)


def test_titles_left_over_in_equal_numbers_are_paired_so_that_their_characters_weigh_most() -> None:
    from lishi_pub.parser.match.leftover import best_assignment

    # greedily, 0.25 (row 0, column 0) would leave row 1 the worse 0.05 and miss 0.2 + 0.1
    assert best_assignment([[0.25, 0.1], [0.2, 0.05]]) == [1, 0]
    assert best_assignment([[0.3, 0.0, 0.1], [0.2, 0.25, 0.0], [0.0, 0.1, 0.05]]) == [0, 1, 2]


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=5).flatmap(
    lambda n: st.lists(st.lists(st.floats(0, 1), min_size=n, max_size=n), min_size=n, max_size=n)))
def test_the_best_assignment_is_a_permutation_no_other_beats(weights: list[list[float]]) -> None:
    from itertools import permutations

    from lishi_pub.parser.match.leftover import best_assignment

    n = len(weights)
    chosen = best_assignment(weights)
    assert sorted(chosen) == list(range(n))
    best = max(sum(weights[i][p[i]] for i in range(n)) for p in permutations(range(n)))
    assert sum(weights[i][chosen[i]] for i in range(n)) >= best - 1e-9


def test_a_title_announcing_more_poems_heads_a_poem_not_the_essay_sharing_its_characters() -> None:
    # (its characters, not its words: 小, 满, 时, 节 each stand in the essay, none beside another)
    essay = ["春天是从柳树梢上开始的。那时候我还小，折一节", "柳枝就能做成柳笛，吹得满村都是呜呜的声音，", "一直吹到麦子黄了。"]
    poem = ["麦粒在悄悄灌浆", "像一个秘密", "还没有说出口", "田埂上的蒲公英", "已经打好了行囊", "风一吹，就去远方"]
    text = "\n".join([*essay, "（作者单位：离石区人民医院）", *poem, "", "小满时节（外一首）", "□ 叶晶建",
                      "柳笛声声唤春归", "□ 冯秀勇"]) + "\n"
    titles = {a.paragraphs[0].text[:4]: a.title for a in lishi_pub.parse_text(text).articles}
    assert titles == {"春天是从": "柳笛声声唤春归", "麦粒在悄": "小满时节（外一首）"}


def test_a_caption_a_box_a_line_under_a_poem_with_its_credit_alone_is_one_photo() -> None:
    poem = ["镰刀磨亮了", "父亲的腰又弯了一些", "麦浪一层推着一层", "把汗水推到了天边", "打麦场上", "落下一地金黄的日子"]
    caption = ["国庆假期，碛口古镇游人如", "织，游客们漫步在明清老街", "上，感受古镇的历史风貌和", "民俗文化。"]
    text = _pdfminer([*_ESSAY, *poem, *caption, "本报记者 侯昊 摄", "一碗小米粥的温度", "□ 傅艳", "芒种", "□ 文然"])
    page = lishi_pub.parse_text(text).pages[0]
    figures = [*page.figures, *(b for a in page.articles for b in a.blocks if isinstance(b, lishi_pub.Figure))]
    assert [(f.caption, [c.name for c in f.credit.by] if f.credit else None) for f in figures] \
        == [("".join(caption), ["侯昊"])]
    assert not any(t.startswith("国庆假期") for t in page.banners)
