"""The shared presentation layer: one set of labels, and every format using it."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lishi_pub
from external import need
from lishi_pub import Article, Contributor, Credit, Figure, Issue, Page, Paragraph, present

ISSUE = Issue(title="离石报", date=dt.date(2022, 4, 22), number="1234", publisher="离石区融媒体中心")


def test_issue_date_and_number() -> None:
    assert present.issue_label(ISSUE) == "离石报 2022年4月22日 第1234期"
    assert present.issue_label(ISSUE, with_weekday=True) == "离石报 2022年4月22日 星期五 第1234期"
    assert present.issue_number(Issue(number="总第1234期")) == "总第1234期"  # printed with words: as printed
    assert present.issue_label(Issue()) is None


def test_the_masthead_is_given_then_found_then_the_file_name_never_invented() -> None:
    assert present.masthead(ISSUE) == "离石报"
    assert present.masthead(Issue(publisher="离石区融媒体中心")) == "离石区融媒体中心"
    for typed in ("lishi-2022-04-page.txt", "./lishi-2022-04-page.txt", "/abs/dir/lishi-2022-04-page.txt",
                  "C:\\pages\\lishi-2022-04-page.txt"):
        assert present.masthead(Issue(pages=(Page(source=typed),))) == "lishi-2022-04-page"
    assert present.masthead(Issue(pages=(Page(source="<text>"),))) is None
    assert present.masthead(Issue()) is None


@pytest.mark.parametrize("page, position, label", [
    (Page(number=2, label="综合新闻"), 2, "第2版 综合新闻"),
    (Page(number=2), 2, "第2版"),
    (Page(number=2, label="第2版"), 2, "第2版"),
    (Page(number=2, label="第2版：要闻"), 2, "第2版：要闻"),
    (Page(label="综合新闻"), 3, "第3版 综合新闻"),
    (Page(), 3, "第3版"),
])
def test_page_labels(page: Page, position: int, label: str) -> None:
    assert present.page_label(page, position) == label


def test_two_pages_are_never_labelled_alike() -> None:
    """A mis-numbered dump: the second file printed 第2版 again, the third prints nothing."""
    pages = (Page(number=1, label="第1版"), Page(number=2, label="第2版"), Page(number=3, label="第2版"),
             Page(number=4))
    assert present.page_labels(pages) == ["第1版", "第2版（第2面）", "第2版（第3面）", "第4版"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.builds(Page, number=st.none() | st.integers(1, 5),
                          label=st.none() | st.sampled_from(["第1版", "第2版", "要闻", "第2版 要闻", " "])),
                max_size=8))
def test_page_labels_are_unique_for_any_pages(pages: list[Page]) -> None:
    labels = present.page_labels(tuple(pages))
    assert len(set(labels)) == len(labels) == len(pages)
    assert all(label.strip() for label in labels)


def test_untitled_and_derived_articles() -> None:
    untitled = Article(id="a", blocks=(Paragraph("4月21日，民建离石支部专程来到吕梁火车站。"),))
    assert present.article_label(untitled) == "（无标题）4月21日，民建离石支部专程来到…"  # 16 characters
    assert present.article_label(Article(id="a")) == "（无标题）"
    derived = Article(id="a", title="民建离石支部赠送防疫保险", title_source="derived")
    assert present.article_title(derived) == present.article_label(derived) == "［民建离石支部赠送防疫保险］"
    printed = Article(id="a", title="到群众最需要的地方去", title_source="headline")
    assert present.article_title(printed) == "到群众最需要的地方去"


@pytest.mark.parametrize("raw", ["全区干部群众植树三万株", "——全区干部群众植树三万株", "—— 全区干部群众植树三万株",
                                 "--全区干部群众植树三万株", "─全区干部群众植树三万株"])
def test_a_subtitle_gets_its_dash_once(raw: str) -> None:
    assert present.subtitle(Article(id="a", subtitle=raw)) == "——全区干部群众植树三万株"


def test_bylines_group_names_under_their_role() -> None:
    people = (Contributor("王艳", "记者"), Contributor("李明", "记者"), Contributor("张三", "通讯员"), Contributor("高淑芳"))
    assert present.byline(Article(id="a", contributors=people)) == "记者 王艳 李明　通讯员 张三　高淑芳"
    assert present.byline(Article(id="a")) is None


@pytest.mark.parametrize("credit, shown", [
    (Credit((Contributor("王晶晶"),), "摄"), "王晶晶 摄"),
    (Credit((Contributor("刘芳", "通讯员"),), "供图"), "通讯员 刘芳 供图"),
    (Credit((), "资料图"), "资料图"),
    (Credit((Contributor("新华网"),), "图片来源"), "图片来源：新华网"),
    (Credit((Contributor("王晶晶"), Contributor("李明")), "摄"), "王晶晶 李明 摄"),
    (Credit((Contributor("王晶晶"),)), "王晶晶"),  # no word printed: none added
    (None, None),
])
def test_credits_keep_their_role(credit: Credit | None, shown: str | None) -> None:
    assert present.credit(credit) == shown


def test_text_is_one_clean_line() -> None:
    assert present.text("a\x00b\ufffe\n c\u3000d") == "ab c\u3000d"
    assert present.text("\x01\x02") is None


# --- every format prints the same words -------------------------------------------------------

def shared_issue() -> Issue:
    lead = Article(
        id="p1-a1", title="春季植树", title_source="headline", kicker="绿化家园", subtitle="全区植树三万株",
        contributors=(Contributor("王艳", "记者"), Contributor("李明", "记者"), Contributor("张三", "通讯员")),
        dateline="本报讯",
        blocks=(Paragraph("4月21日，全区干部群众开展义务植树活动。"),
                Figure("志愿者在植树。", Credit((Contributor("王晶晶"),), "摄"))),
    )
    derived = Article(id="p2-a1", title="新增公交线路两条", title_source="derived",
                      blocks=(Paragraph("城区新增公交线路两条，方便市民出行。"),
                              Figure("新线路首发。", Credit((Contributor("刘芳", "通讯员"),), "供图"))))
    untitled = Article(id="p2-a2", blocks=(Paragraph("老城区改造进入收尾阶段。"),
                                           Figure("旧城全景。", Credit((), "资料图"))))
    return Issue(title="离石报", date=dt.date(2022, 4, 22), number="1234", publisher="离石区融媒体中心",
                 pages=(Page(number=1, label="要闻", articles=(lead,)),
                        Page(number=2, label="综合新闻", articles=(derived, untitled))))


#: The words each format must print, all from lishi_pub.present.
SHARED = ["第1234期", "第1版 要闻", "第2版 综合新闻", "记者 王艳 李明", "通讯员 张三", "王晶晶 摄", "通讯员 刘芳 供图",
          "资料图", "——全区植树三万株", "［新增公交线路两条］", "（无标题）老城区改造进入收尾阶段。"]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def epub_text(issue: Issue) -> str:
    with zipfile.ZipFile(io.BytesIO(lishi_pub.render(issue, "epub"))) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xhtml", ".ncx")))


def test_the_epub_prints_the_shared_words() -> None:
    text = squash(epub_text(shared_issue()))
    assert [w for w in SHARED if squash(w) not in text] == []


def test_the_pdf_prints_the_shared_words(tmp_path: Path) -> None:
    pdftotext = need("pdftotext", "poppler-utils")
    import pikepdf

    path = tmp_path / "issue.pdf"
    path.write_bytes(lishi_pub.render(shared_issue(), "pdf"))
    text = squash(subprocess.run([pdftotext, str(path), "-"], capture_output=True, text=True, check=True).stdout)
    with pikepdf.open(path) as pdf:
        outline = []
        with pdf.open_outline() as tree:
            stack = list(tree.root)
            while stack:
                item = stack.pop(0)
                outline.append(item.title)
                stack[:0] = list(item.children)
    text += squash("".join(outline))
    # the untitled article's label is in the outline; the page shows a rule instead of a title
    assert [w for w in SHARED if squash(w) not in text] == []


def test_the_markdown_plugin_prints_the_shared_words() -> None:
    pytest.importorskip("lishi_pub_markdown")
    from lishi_pub_markdown.render import render

    text = squash(render(shared_issue()))
    missing = [w for w in SHARED if squash(w) not in text]
    assert missing == ["（无标题）老城区改造进入收尾阶段。"]  # Markdown marks an untitled article by a rule, not a label
