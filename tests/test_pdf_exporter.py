"""The ``pdf`` exporter end to end: what the issue's "Must show" asks, checked with poppler and pikepdf.

Each PDF is built once per module; poppler's tools read it back.  Poppler
tests are skipped only where its binaries are missing (CI installs
poppler-utils).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

import lishi_pub
from pdf_audit import drawn_lines
from lishi_pub import Article, Contributor, Credit, ExportError, Figure, Heading, Issue, Page, Paragraph, plugins, present
from lishi_pub._version import __version__

POPPLER = all(shutil.which(tool) for tool in ("pdffonts", "pdftotext", "pdfinfo"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdffonts, pdftotext, pdfinfo) not installed")

NO_START = "，。、：；！？”’》）…—"
NO_END = "“‘《（"
RUNNING_TITLE = "离石报 2022年4月22日"

LEAD = ("为普及国家安全知识，切实增强党员干部维护国家安全的意识和能力，4月14日，离石区档案馆党支部结合当前疫情防控形势和"
        "档案安全管护工作，组织全体党员干部在滨河街道城东社区开展了“国家安全教育学习”活动。")
LONG = ("活动中，离石区档案馆党支部学习了习近平总书记关于国家安全、防范化解重大风险的重要论述并进行了交流研讨，大家纷纷表示要"
        "切实把思想统一到总体国家安全观重要讲话精神上来，要提高政治觉悟和保密意识，提升维护国家安全的能力，坚持底线思维，"
        "增强忧患意识……全面践行国家安全法规——将学习成果融入转化到当前疫情防控和档案管理工作中。“疫情就是命令，防控就是"
        "责任。”《中华人民共和国国家安全法》（2015年）规定：每年4月15日为全民国家安全教育日！AT&T、IBM与100份保险？")


def hand_issue(pages: int = 2) -> Issue:
    """Two printed pages with every kind of block and headline part, long enough to flow over PDF pages."""
    built = []
    for p in range(1, pages + 1):
        articles = (
            Article(
                id=f"p{p}-a1", title=f"离石区档案馆开展“国家安全教育学习”活动（{p}）", title_source="headline",
                kicker="坚持总体国家安全观", subtitle="全区机关党员干部学习交流侧记",
                contributors=(Contributor("王艳", "记者"), Contributor("李明", "通讯员")), dateline="本报讯",
                blocks=(Paragraph(LEAD), Paragraph(LONG), Heading("“党员要坚持到最后”"), Paragraph(LONG * 2),
                        Figure("吴魏魏在卡口执勤。", Credit((Contributor("王晶晶"),), "摄")), Paragraph(LONG)),
            ),
            Article(
                id=f"p{p}-a2", contributors=(Contributor("王晶晶"),), dateline="本报讯",
                blocks=(Paragraph("4月21日，民建离石支部专程来到吕梁火车站，向吕梁市离石区青年志愿者协会赠送100份防疫专项保险。"),
                        Paragraph(LONG)),
            ),
            Article(
                id=f"p{p}-a3", title="到群众最需要的地方去", title_source="derived",
                blocks=(Paragraph(LONG), Paragraph(LEAD)),
            ),
        )
        built.append(Page(number=p, label=f"第{p}版", header=("2022年4月22日 星期五", f"第{p}版", "责任编辑：张三"),
                          banners=("慎终如始做好常态化疫情防控",), articles=articles,
                          figures=(Figure("连日来，机关党员干部踊跃报名参加志愿者队伍。", Credit((), "资料图")),)))
    return Issue(title="离石报", date=dt.date(2022, 4, 22), number="1234", publisher="离石区融媒体中心",
                 pages=tuple(built))


@pytest.fixture(scope="module")
def issue() -> Issue:
    return hand_issue()


@pytest.fixture(scope="module")
def builds(issue: Issue, sample_issue: Issue) -> dict[str, bytes]:
    return {
        "sample": lishi_pub.render(sample_issue, "pdf"),
        "sample-2col": lishi_pub.render(sample_issue, "pdf", columns=2),
        "hand": lishi_pub.render(issue, "pdf"),
        "hand-2col": lishi_pub.render(issue, "pdf", columns=2),
        "hand-toc": lishi_pub.render(issue, "pdf", toc=True, page_size="A5"),
        "hand-2col-toc": lishi_pub.render(issue, "pdf", toc=True, columns=2),
    }


def poppler(tool: str, data: bytes, tmp_path: Path, *args: str) -> str:
    path = tmp_path / f"{tool}.pdf"
    path.write_bytes(data)
    cmd = [tool, *args, str(path)] + (["-"] if tool == "pdftotext" else [])
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def body_text(data: bytes, tmp_path: Path, furniture: set[str], *, raw: bool = False) -> str:
    """The text of every page without its running head and folio.

    Two-column pages are read with ``-raw`` (the order the text is drawn
    in): pdftotext's own layout analysis may take a column's top for a
    continuation of the block above it, which is its heuristic, not the PDF.
    """
    furniture = {squash(f) for f in furniture} | {squash(RUNNING_TITLE + f) for f in furniture}
    kept = []
    for page in poppler("pdftotext", data, tmp_path, *(["-raw"] if raw else [])).split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        edges = set(range(3)) | set(range(len(lines) - 3, len(lines)))
        kept += [
            line for n, line in enumerate(lines)
            if not (n in edges and (squash(line) in furniture or (line.isdigit() and n >= len(lines) - 2)))
        ]
    return "\n".join(kept)


def expected_texts(issue: Issue) -> list[str]:
    texts = []
    for article in issue.articles:
        texts += [t for t in (article.kicker, present.article_title(article), present.subtitle(article),
                              article.dateline) if t]
        texts += list(article.authors)
        for block in article.blocks:
            texts += [block.caption, present.credit(block.credit) or ""] if isinstance(block, Figure) else [block.text]
    for page in issue.pages:
        label = page.label or f"第{page.number}版"  # printed as the heading; furniture repeating it is dropped
        texts += [h for h in page.header if h.strip() not in label] + list(page.banners)
        texts += [f.caption for f in page.figures]
    return [squash(t) for t in texts if t.strip()]


def furniture_of(issue: Issue) -> set[str]:
    return {RUNNING_TITLE, "目录", *(p.label or f"第{p.number}版" for p in issue.pages)}


def test_pdf_exporter_is_registered_with_its_options() -> None:
    pdf = lishi_pub.exporters()["pdf"]
    assert (pdf.extension, pdf.media_type, pdf.output) == (".pdf", "application/pdf", "file")
    assert {o.name: o.kind for o in pdf.options} == {
        "font": "str", "font_index": "int", "page_size": "str", "columns": "int", "toc": "bool", "pdfa": "bool",
    }


def test_listing_exporters_does_not_import_reportlab() -> None:
    code = "import sys, lishi_pub; lishi_pub.exporters(); print('reportlab' in sys.modules, 'pikepdf' in sys.modules)"
    env = {**os.environ, plugins.DISABLE_ENV: "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert out.split() == ["False", "False"]


def test_export_writes_a_pdf_file(issue: Issue, tmp_path: Path) -> None:
    target = lishi_pub.export(issue, "pdf", tmp_path / "issue.pdf")
    assert target.read_bytes().startswith(b"%PDF-")


@needs_poppler
@pytest.mark.parametrize("name", ["sample", "sample-2col", "hand", "hand-2col", "hand-toc", "hand-2col-toc"])
def test_every_font_is_embedded_and_subset(builds: dict[str, bytes], name: str, tmp_path: Path) -> None:
    rows = poppler("pdffonts", builds[name], tmp_path).splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", row), f"not embedded+subset+unicode: {row}"
        assert "Helvetica" not in row and "Times" not in row


@needs_poppler
@pytest.mark.parametrize("name", ["sample", "sample-2col"])
def test_pdftotext_gives_back_every_paragraph_of_the_sample(
    builds: dict[str, bytes], name: str, sample_issue: Issue, tmp_path: Path
) -> None:
    text = squash(body_text(builds[name], tmp_path, furniture_of(sample_issue), raw="2col" in name))
    missing = [t for t in expected_texts(sample_issue) if t not in text]
    assert sample_issue.articles and not missing, missing[:3]


@needs_poppler
@pytest.mark.parametrize("name", ["hand", "hand-2col", "hand-toc", "hand-2col-toc"])
def test_pdftotext_gives_back_every_text_of_a_built_issue(
    builds: dict[str, bytes], name: str, issue: Issue, tmp_path: Path
) -> None:
    text = squash(body_text(builds[name], tmp_path, furniture_of(issue), raw="2col" in name))
    missing = [t for t in expected_texts(issue) if t not in text]
    assert not missing, missing[:3]
    paragraphs = [squash(b.text) for a in issue.articles for b in a.blocks if isinstance(b, Paragraph)]
    assert text.count(squash(LONG)) == sum(p.count(squash(LONG)) for p in paragraphs)


Entry = tuple[str, int]


def outline(data: bytes) -> list[tuple[Entry, list[Entry]]]:
    """Each top-level outline entry and its children, as (title, index of the PDF page it points to)."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        with pdf.open_outline() as tree:
            return [
                ((item.title, pages[item.destination[0].objgen]),
                 [(c.title, pages[c.destination[0].objgen]) for c in item.children])
                for item in tree.root
            ]


@pytest.mark.parametrize("name", ["sample", "hand", "hand-2col-toc"])
def test_outline_has_an_entry_for_every_page_and_article(builds: dict[str, bytes], name: str, issue: Issue,
                                                          sample_issue: Issue) -> None:
    source = sample_issue if name.startswith("sample") else issue
    entries = [e for e in outline(builds[name]) if e[0][0] != "目录"]
    assert [title for (title, _target), _children in entries] == present.page_labels(source.pages)
    for (_entry, children), page in zip(entries, source.pages):
        assert len(children) == len(page.articles)
        for (child, _target), article in zip(children, page.articles):
            if article.title_source == "derived":
                assert child == f"［{article.title}］"
            elif article.title:
                assert child == article.title
            else:
                assert child.startswith("（无标题）")


def test_outline_names_untitled_articles_by_their_lead(builds: dict[str, bytes]) -> None:
    title, _target = outline(builds["hand"])[0][1][1]
    assert title.startswith("（无标题）4月21日，民建离石支部") and title.endswith("…")


@needs_poppler
@pytest.mark.parametrize("name", ["sample", "sample-2col", "hand", "hand-2col", "hand-toc"])
def test_no_line_starts_or_ends_with_forbidden_punctuation(
    builds: dict[str, bytes], name: str, issue: Issue, sample_issue: Issue, tmp_path: Path
) -> None:
    source = sample_issue if name.startswith("sample") else issue
    starts = {squash(t)[:2] for t in expected_texts(source)}
    # pdftotext's line boxes, not its -layout grid, rejoined where a squeezed mark's overlapping
    # box made pdftotext split a drawn line.
    checked = 0
    for segment in drawn_lines(builds[name]):
        checked += 1
        if segment[0] in NO_START:
            assert squash(segment)[:2] in starts, f"line starts with {segment[0]!r}: {segment!r}"
        assert segment[-1] not in NO_END, f"line ends with {segment[-1]!r}: {segment!r}"
    assert checked > 50


def test_language_title_and_metadata(builds: dict[str, bytes]) -> None:
    with pikepdf.open(io.BytesIO(builds["hand"])) as pdf:
        assert str(pdf.Root.Lang) == "zh-CN"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        info = {k: str(v) for k, v in pdf.docinfo.items()}
    assert info["/Title"] == "离石报 2022年4月22日 第1234期"
    assert info["/Author"] == "离石区融媒体中心"
    assert info["/Creator"] == f"lishi-pub {__version__}"
    assert "离石报" in info["/Subject"] and "2022-04-22" in info["/Keywords"]


@pytest.mark.parametrize("options", [{}, {"columns": 2, "toc": True, "page_size": "A5"}])
def test_two_builds_are_byte_identical(sample_issue: Issue, options: dict[str, object]) -> None:
    first = lishi_pub.render(sample_issue, "pdf", **options)
    assert lishi_pub.render(sample_issue, "pdf", **options) == first
    assert lishi_pub.render(lishi_pub.loads(lishi_pub.dumps(sample_issue)), "pdf", **options) == first


HOSTILE = "x<y and y>z AT&T <b>未闭合 <img src=\"{path}\"/> &amp; &#x41; <font name=\"Helvetica\">《书名"


@needs_poppler
def test_hostile_text_builds_and_extracts_literally(tmp_path: Path) -> None:
    bait = tmp_path / "bait.png"
    bait.write_bytes(b"\x89PNG\r\n\x1a\n")
    hostile = HOSTILE.format(path=bait)
    text = hostile + "\x00\x07\ud800 tail"
    issue = Issue(
        title=text, publisher=text, number=text,
        pages=(Page(number=1, label=text, header=(text,), banners=(text,), figures=(Figure(text, Credit((Contributor(text, text),), text)),),
                    articles=(Article(id="a", title=text, title_source="headline", kicker=text, subtitle=text,
                                      contributors=(Contributor(text, text),), dateline=text,
                                      blocks=(Paragraph(text), Heading(text),
                                              Figure(text, Credit((Contributor(text),), text)))),)),),
    )
    opened: list[str] = []
    hook_active = True

    def audit(event: str, args: tuple[object, ...]) -> None:
        if hook_active and event == "open" and "bait" in str(args[0]):
            opened.append(str(args[0]))

    sys.addaudithook(audit)
    try:
        data = lishi_pub.render(issue, "pdf", toc=True)
    finally:
        hook_active = False
    assert opened == []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert all(not page.get_images() for page in pdf.pages)
    extracted = squash(poppler("pdftotext", data, tmp_path))
    assert extracted.count(squash(hostile) + "tail") >= 9
    rows = poppler("pdffonts", data, tmp_path).splitlines()[2:]
    assert rows and all("Helvetica" not in row for row in rows)


@needs_poppler
@pytest.mark.parametrize(("size", "points"), [
    (None, "595.276 x 841.89"), ("A5", "419.528 x 595.276"), ("a4", "595.276 x 841.89"), ("180x260mm", "510.236 x 737.008"),
    ((400, 600), "400 x 600"),
])
def test_page_size(issue: Issue, size: str | tuple[int, int] | None, points: str, tmp_path: Path) -> None:
    options = {} if size is None else {"page_size": size}
    info = poppler("pdfinfo", lishi_pub.render(issue, "pdf", **options), tmp_path)
    assert re.search(r"Page size:\s+" + re.escape(points) + r" pts", info), info


@pytest.mark.parametrize(("options", "message"), [
    ({"page_size": "Letter"}, "page_size"),
    ({"page_size": "20x30mm"}, "each side"),
    ({"columns": 3}, "columns takes 1 or 2"),
    ({"font_index": 1}, "font_index needs option font"),
    ({"colour": "red"}, "no option colour"),
])
def test_bad_options_are_refused_with_a_clear_message(issue: Issue, options: dict[str, object], message: str) -> None:
    with pytest.raises(ExportError, match=message):
        lishi_pub.render(issue, "pdf", **options)


@needs_poppler
def test_running_head_and_folio_on_every_page(builds: dict[str, bytes], tmp_path: Path) -> None:
    pages = [p for p in poppler("pdftotext", builds["hand"], tmp_path, "-layout").split("\f") if p.strip()]
    assert len(pages) >= 4
    labels_seen = []
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        head = re.split(r"\s{2,}", lines[0])
        assert head[0] == RUNNING_TITLE
        labels_seen.append(head[-1])
        assert lines[-1] == str(number)
    assert labels_seen[0] == "第1版" and labels_seen[-1] == "第2版"
    assert labels_seen == sorted(labels_seen)


@needs_poppler
def test_table_of_contents_gives_the_pages_the_outline_points_to(builds: dict[str, bytes], tmp_path: Path) -> None:
    data = builds["hand-2col-toc"]
    first_page = poppler("pdftotext", data, tmp_path, "-layout", "-l", "1")
    assert squash(first_page).startswith(squash(RUNNING_TITLE) + "目录目录")
    rows = []
    for line in first_page.splitlines():
        m = re.match(r"\s*(\S.*?)\s{2,}(\d+)\s*$", line)
        if m:
            rows.append((m.group(1), int(m.group(2)) - 1))
    entries = outline(data)
    assert entries[0][0] == ("目录", 0)
    expected = [e for entry, children in entries[1:] for e in (entry, *children)]
    assert rows == expected
    assert len({target for _title, target in expected}) >= 3
