"""The conventions of other papers and other page kinds (docs/parsing.md, the table), one small dump each."""

from __future__ import annotations

import lishi_pub
from lishi_pub import Heading

BODY = "全区各地积极行动，认真落实各项部署要求，工作取得明显成效。"


def notes(page: lishi_pub.Page, code: str) -> list[str]:
    return [d.message for d in page.diagnostics if d.code == code]


def test_a_report_taken_from_elsewhere_has_its_dateline() -> None:
    issue = lishi_pub.parse_text("据新华社消息 国家统计局今天发布数据，前三季度经济运行总体平稳。\n")
    assert issue.articles[0].dateline == "据新华社消息"
    assert issue.articles[0].paragraphs[0].text.startswith("国家统计局")


def test_jump_markers_and_affiliations_are_no_text_but_are_kept() -> None:
    text = ("本报讯 全县召开会议，部署春耕工作。会议要求各乡镇抓好落实。（下转第2版）\n\n"
            "今天的风\n\n□ 李明\n\n春风吹过山岗，吹绿了田野，也吹暖了人心。\n\n（作者单位：兴县第一中学）\n")
    page = lishi_pub.parse_text(text).pages[0]
    news, essay = page.articles
    assert news.paragraphs[-1].text.endswith("抓好落实。")
    assert essay.paragraphs[-1].text.endswith("人心。") and essay.authors == ("李明",)
    assert "（下转第2版）" in notes(page, "jump")
    assert "（作者单位：兴县第一中学）" in notes(page, "affiliation")


def test_verse_lines_are_paragraphs() -> None:
    poem = ["他坐在河滩上", "像一块被水磨圆的石头", "烟袋锅里的火星", "一明，一灭", "河水从他眼里流过",
            "流走了帆"]
    prose = ["在我们晋西北，小米粥是家家户户饭桌上少不了", "的。早上一碗，晚上一碗，一年到头，喝不腻。"]
    text = "\n".join(poem) + "\n\n" + "\n".join(prose) + "\n\n" + "黄河岸边的老船工\n\n□ 邱芳欣\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert [p.text for p in article.paragraphs][: len(poem)] == poem


def test_a_notice_signature_is_its_text_not_furniture() -> None:
    text = ("寻人启事\n\n刘某某，男，78岁，本区信义镇人，于3月12日上午在城东农贸市场附近走失，\n"
            "请知情者速与家属联系，家属必有重谢。\n刘某某家属\n2023年3月13日\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [p.text for p in page.articles[0].paragraphs][-2:] == ["刘某某家属", "2023年3月13日"]
    assert "2023年3月13日" not in page.header


def test_run_in_item_titles_open_items_of_their_own() -> None:
    text = ("简讯\n\n● 大风降温来袭 受冷空气影响，我区将出现大风降温天气，请注意防寒。（曾俊）\n\n"
            "● 书法作品进万家 区书法家协会组织书法家走进社区，现场书写春联。（郭晋）\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [(a.title, a.authors) for a in page.articles] == [("大风降温来袭", ("曾俊",)), ("书法作品进万家", ("郭晋",))]
    assert page.articles[0].paragraphs[0].text.startswith("受冷空气影响")


def test_a_mark_standing_alone_opens_a_subheading() -> None:
    text = f"本报讯 {BODY}\n\n■ 加快推进老旧小区改造\n\n{BODY}（王艳）\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert Heading("■ 加快推进老旧小区改造") in article.blocks or Heading("■加快推进老旧小区改造") in article.blocks


def test_the_page_header_is_furniture_and_its_pieces_are_joined() -> None:
    text = ("2022年7月25日\n\n星期一\n\nA5\n\n社会\n责任编辑：金俊娟\n\n校对：邱云宇\n\n"
            "三川河生态修复工程通过验收\n本报讯 日前，三川河城区段生态修复工程通过竣工验收。（张三）\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert page.header == ("2022年7月25日 星期一", "A5", "社会", "责任编辑：金俊娟 校对：邱云宇")
    assert page.articles[0].title == "三川河生态修复工程通过验收"


def test_a_masthead_is_furniture() -> None:
    text = f"中共兴县县委主办\n\n第1234期 今日8版\n\n本报讯 {BODY}\n"
    assert lishi_pub.parse_text(text).pages[0].header == ("中共兴县县委主办", "第1234期 今日8版")


def test_a_letter_spaced_byline_is_read_whole() -> None:
    text = f"本报讯 {BODY}\n（ 记 者 戴 勇 特 约 记 者 蒋 伟 泉）\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert article.authors == ("戴勇", "蒋伟泉") and tuple(c.role for c in article.contributors) == ("记者", "特约记者")


def test_justified_spaces_go_and_the_authors_stay() -> None:
    text = ("本报讯 区总工会开展“同心抗疫 工会行动”，有的坐在阅 览\n角戴上老花镜看报纸，有的下象棋。\n")
    paragraph = lishi_pub.parse_text(text).articles[0].paragraphs[0].text
    assert "“同心抗疫 工会行动”" in paragraph and "阅览角" in paragraph


def test_an_editors_note_is_the_features_first_paragraph() -> None:
    text = "编者按：本报今起推出系列报道，记录身边的新变化，敬请关注。\n\n" + BODY + "\n"
    article = lishi_pub.parse_text(text).articles[0]
    assert article.paragraphs[0].text.startswith("编者按：")
    assert not (article.title or "").startswith("编者按")


def test_a_jump_out_marker_ends_its_story_on_the_page() -> None:
    # （下转第7版）: the story goes on on page 7, so the text printed after it is another story's,
    # and each of the block's two headlines finds its own
    text = ("天更蓝了，水更清了，山\n更绿了。今年以来，我区\n坚持生态优先，深入打好\n污染防治攻坚战。\n\n"
            "碧水保卫战中，全面\n落实河湖长制，全区3个\n国省考断面水质全部达\n标。\n\n（下转第7版）\n\n"
            "今年以来，区生态环境\n局会同乡镇和相关部门，\n持续开展“散乱污”企业\n排查整治，共排查企业\n"
            "和作坊480余家。\n\n对排查出的问题企业，\n37家企业依法予以关停\n取缔。（文/图 谢杰）\n\n"
            "蓝天碧水净土保\n卫战取得新成效\n\n关停取缔“散乱\n污”企业37家\n")
    page = lishi_pub.parse_text(text).pages[0]
    assert [a.title for a in page.articles] == ["蓝天碧水净土保卫战取得新成效", "关停取缔“散乱污”企业37家"]
    assert page.articles[0].paragraphs[-1].text.endswith("全部达标。")
