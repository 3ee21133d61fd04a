"""What is inside the EPUB, read back with zipfile and lxml as a reading system would."""

from __future__ import annotations

import datetime as dt
import re
import uuid

import attrs
import pytest

import lishi_pub
from epub_samples import (
    HOSTILE, LONG_TITLE, NS, entries, hostile_issue, month, package, parse_xml, rich_article, toc_tree,
    two_page_issue,
)
from lishi_pub import Article, Issue, Page, Paragraph


def book(issue: Issue, **options) -> dict[str, bytes]:
    return entries(lishi_pub.render(issue, "epub", **options))


def documents(files: dict[str, bytes]) -> dict[str, object]:
    return {name: parse_xml(data) for name, data in files.items() if name.endswith(".xhtml")}


def text(element) -> str:
    return "".join(element.itertext())


def spine_documents(files: dict[str, bytes]) -> list[tuple[str, object]]:
    """The linear spine in reading order, as (path, parsed document)."""
    opf = package(files)
    hrefs = {i.get("id"): i.get("href") for i in opf.findall(".//opf:manifest/opf:item", NS)}
    refs = [r for r in opf.findall(".//opf:spine/opf:itemref", NS) if r.get("linear") != "no"]
    return [(f"EPUB/{hrefs[r.get('idref')]}", parse_xml(files[f"EPUB/{hrefs[r.get('idref')]}"])) for r in refs]


# --- navigation ---------------------------------------------------------------


def test_nav_lists_every_article_of_the_sample_with_the_parsers_titles(sample_issue) -> None:
    files = book(sample_issue)
    tree = toc_tree(parse_xml(files["EPUB/nav.xhtml"]))
    listed = [label for _, _, articles in tree[1:] for label, _, _ in articles]
    assert len(listed) == len(sample_issue.articles) > 1
    for article, label in zip(sample_issue.articles, listed):
        if article.title is None:
            assert label.startswith("（无标题）")
        elif article.title_source == "derived":  # marked as lishi-pub's, as in every format
            assert label == "［" + re.sub(r"[ \t\n\r]+", " ", article.title).strip() + "］"
        else:
            assert label == re.sub(r"[ \t\n\r]+", " ", article.title).strip()


def test_nav_runs_page_then_article_and_links_each_document() -> None:
    files = book(two_page_issue())
    tree = toc_tree(parse_xml(files["EPUB/nav.xhtml"]))
    assert [label for label, _, _ in tree] == ["封面", "第1版 要闻", "第2版 综合新闻"]
    assert [label for label, _, _ in tree[1][2]] == ["慎终如始做好常态化疫情防控", "［民建离石支部赠送防疫保险］"]
    (untitled, _, _), = tree[2][2]
    assert untitled.startswith("（无标题）一篇没有标题的短讯")
    hrefs = [href for _, href, kids in tree for href in [href, *(h for _, h, _ in kids)]]
    assert all(f"EPUB/{h}" in files for h in hrefs)
    # the derived title is listed like the printed one, in its brackets: plain link text
    articles = parse_xml(files["EPUB/nav.xhtml"]).findall(".//x:nav[@epub:type='toc']//x:ol/x:li/x:ol/x:li/x:a", NS)
    assert {len(a) for a in articles} == {0} and {tuple(a.attrib) for a in articles} == {("href",)}


def test_ncx_mirrors_the_nav_for_older_readers() -> None:
    files = book(two_page_issue())
    ncx = parse_xml(files["EPUB/toc.ncx"])
    top = ncx.findall("ncx:navMap/ncx:navPoint", NS)
    label = lambda p: p.find("ncx:navLabel/ncx:text", NS).text  # noqa: E731
    assert [label(p) for p in top] == ["封面", "第1版 要闻", "第2版 综合新闻"]
    assert [label(p) for p in top[1].findall("ncx:navPoint", NS)] == ["慎终如始做好常态化疫情防控", "［民建离石支部赠送防疫保险］"]
    # an issue is two deep (page, article); ebooklib wrote 0
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:depth']", NS).get("content") == "2"
    opf = package(files)
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS).get("content") == opf.find(".//dc:identifier", NS).text


def test_collection_nav_runs_issue_then_page_then_article() -> None:
    issues = month(two_page_issue(), 3)
    files = entries(lishi_pub.exporters()["epub"].render_collection(issues))
    tree = toc_tree(parse_xml(files["EPUB/nav.xhtml"]))
    assert [label for label, _, _ in tree] == [
        "封面", "离石报 2022年4月1日 第1200期", "离石报 2022年4月2日 第1201期", "离石报 2022年4月3日 第1202期"]
    for _, _, pages in tree[1:]:
        assert [label for label, _, _ in pages] == ["第1版 要闻", "第2版 综合新闻"]
        assert [label for label, _, _ in pages[0][2]] == ["慎终如始做好常态化疫情防控", "［民建离石支部赠送防疫保险］"]
    opf = package(files)
    assert opf.find(".//dc:title", NS).text == "离石报 2022年4月1日至4月3日（3期）"
    ncx = parse_xml(files["EPUB/toc.ncx"])
    assert ncx.find("ncx:head/ncx:meta[@name='dtb:depth']", NS).get("content") == "3"  # issue, page, article


def test_export_collection_writes_one_book(tmp_path) -> None:
    dest = lishi_pub.export_collection(month(two_page_issue(), 2), "epub", tmp_path / "month.epub")
    files = entries(dest.read_bytes())
    assert sum(name.endswith(".xhtml") for name in files) == 1 + 2 * (1 + 2 + 3) + 1


# --- cover and landmarks ------------------------------------------------------------


def test_generated_cover_is_reached_through_landmarks_and_guide() -> None:
    files = book(two_page_issue())
    nav = parse_xml(files["EPUB/nav.xhtml"])
    landmarks = {a.get("{%s}type" % NS["epub"]): a.get("href")
                 for a in nav.findall(".//x:nav[@epub:type='landmarks']//x:a", NS)}
    assert set(landmarks) >= {"cover", "toc", "bodymatter"}
    opf = package(files)
    assert opf.find(".//opf:guide/opf:reference[@type='cover']", NS).get("href") == landmarks["cover"]
    cover = parse_xml(files[f"EPUB/{landmarks['cover']}"])
    assert cover.find(".//x:img", NS) is None  # the cover page is text; the image is for shelves
    words = text(cover.find(".//x:body", NS))
    for expected in ("离石报", "2022年4月22日", "第1234期", "离石区融媒体中心", "第1版 要闻", "第2版 综合新闻"):
        assert expected in words
    first_linear = opf.find(".//opf:spine/opf:itemref", NS).get("idref")
    assert opf.find(f".//opf:manifest/opf:item[@id='{first_linear}']", NS).get("href") == landmarks["cover"]


# --- metadata -------------------------------------------------------------------------


def metadata(files: dict[str, bytes]) -> dict[str, list[str]]:
    opf = package(files)
    out: dict[str, list[str]] = {}
    for el in opf.find("opf:metadata", NS):
        key = el.get("property") or el.get("name") or el.tag.split("}")[1]
        out.setdefault(key, []).append(el.text or el.get("content"))
    return out


def test_package_metadata() -> None:
    meta = metadata(book(two_page_issue()))
    assert meta["title"] == ["离石报 2022年4月22日 第1234期"]
    assert meta["language"] == ["zh-CN"]
    assert meta["publisher"] == ["离石区融媒体中心"]
    assert meta["creator"] == ["离石区融媒体中心"]  # the publisher, as given; never the title or a placeholder
    assert meta["date"] == ["2022-04-22"]
    assert meta["dcterms:modified"] == ["2022-04-22T00:00:00Z"]
    assert uuid.UUID(meta["identifier"][0].removeprefix("urn:uuid:")).version == 5
    assert meta["generator"][0].startswith(f"lishi-pub {lishi_pub.__version__}")
    assert meta["schema:accessMode"] == ["textual"]
    assert meta["schema:accessModeSufficient"] == ["textual"]
    assert set(meta["schema:accessibilityFeature"]) == {"structuralNavigation", "tableOfContents", "readingOrder"}
    assert meta["schema:accessibilityHazard"] == ["none"]
    assert meta["schema:accessibilitySummary"][0]


def test_title_option_replaces_the_book_title() -> None:
    assert metadata(book(two_page_issue(), title="四月合订本"))["title"] == ["四月合订本"]


def test_every_document_is_in_the_issue_language() -> None:
    files = book(attrs.evolve(two_page_issue(), language="zh-Hant-TW"))
    assert metadata(files)["language"] == ["zh-Hant-TW"]
    for doc in documents(files).values():
        assert doc.get("lang") == doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hant-TW"


def identifier(issue: Issue) -> str:
    return metadata(book(issue))["identifier"][0]


def test_identifier_follows_the_issue_identity_not_its_text() -> None:
    issue = two_page_issue()
    corrected = attrs.evolve(issue, pages=issue.pages[:1])
    assert identifier(issue) == identifier(corrected)
    assert identifier(issue) != identifier(attrs.evolve(issue, date=dt.date(2022, 4, 23)))
    assert identifier(issue) != identifier(attrs.evolve(issue, number="1235"))


def test_unnamed_issues_get_distinct_stable_identifiers_from_their_content() -> None:
    a = Issue(pages=(Page(articles=(Article(id="a", blocks=(Paragraph("甲"),)),)),))
    b = Issue(pages=(Page(articles=(Article(id="a", blocks=(Paragraph("乙"),)),)),))
    assert identifier(a) == identifier(a) != identifier(b)
    meta = metadata(book(a))
    assert "date" not in meta and "creator" not in meta and "publisher" not in meta
    assert meta["title"] == ["［未题名报纸］"]  # required by EPUB: visibly supplied, not "报纸"


def test_a_collection_never_shares_its_only_issues_identifier() -> None:
    issue = two_page_issue()
    collection = entries(lishi_pub.exporters()["epub"].render_collection((issue,)))
    assert metadata(collection)["identifier"] != metadata(book(issue))["identifier"]


# --- content documents ---------------------------------------------------------------------


def test_article_document_semantics() -> None:
    files = book(two_page_issue())
    doc = parse_xml(files["EPUB/text/i001-p01-a001.xhtml"])
    section = doc.find("x:body/x:section", NS)
    header = section.find("x:header", NS)
    assert [(el.tag.split("}")[1], el.get("class")) for el in header] == [
        ("p", "kicker"), ("h1", "title"), ("p", "subtitle"), ("p", "byline")]
    assert text(header.find("x:h1", NS)) == "慎终如始做好常态化疫情防控"
    assert text(header.find("x:p[@class='byline']", NS)) == "记者 王艳 李明　通讯员 张三"
    body = [el for el in section if el.tag != f"{{{NS['x']}}}header"]
    assert [el.tag.split("}")[1] for el in body] == ["figure", "p", "h2", "p"]
    figure = body[0]
    assert text(figure.find("x:figcaption", NS)) == "党员干部在社区开展宣传活动。 王艳 摄"
    assert text(figure.find("x:figcaption/x:span[@class='credit']", NS)) == "王艳 摄"
    lead = body[1]  # the first paragraph, even after a figure, carries the dateline in bold
    assert lead[0].tag == f"{{{NS['x']}}}b" and text(lead[0]) == "本报讯"
    assert text(lead).startswith("本报讯 为普及国家安全知识，4月14日")
    assert text(body[2]) == "“党员要坚持到最后”"
    assert doc.find("x:head/x:title", NS).text == "慎终如始做好常态化疫情防控"


def test_derived_title_is_an_h1_like_any_other() -> None:
    doc = parse_xml(book(two_page_issue())["EPUB/text/i001-p01-a002.xhtml"])
    h1 = doc.find(".//x:h1", NS)
    assert text(h1) == "［民建离石支部赠送防疫保险］" and h1.get("class") == "title"  # same face, brackets
    assert "导语" in h1.get("title")  # and says what the brackets mean


def test_page_note_keeps_furniture_banners_and_loose_figures() -> None:
    doc = parse_xml(book(two_page_issue())["EPUB/text/i001-p01.xhtml"])
    words = text(doc.find("x:body", NS))
    for expected in ("第1版 要闻", "2022年4月22日 星期五", "责任编辑：王艳", "同心抗疫　共克时艰", "离石区街景。", "通讯员 张三 供图"):
        assert expected in words
    links = [(a.get("href"), text(a)) for a in doc.findall(".//x:ol//x:a", NS)]
    assert links == [("i001-p01-a001.xhtml", "慎终如始做好常态化疫情防控"),
                     ("i001-p01-a002.xhtml", "［民建离石支部赠送防疫保险］")]


def test_reading_order_is_cover_then_each_page_note_then_its_articles() -> None:
    order = [name.rsplit("/", 1)[1] for name, _ in spine_documents(book(two_page_issue()))]
    assert order == ["cover.xhtml", "i001-p01.xhtml", "i001-p01-a001.xhtml", "i001-p01-a002.xhtml",
                     "i001-p02.xhtml", "i001-p02-a001.xhtml"]


# --- hostile text ----------------------------------------------------------------------------


def test_hostile_text_is_escaped_and_stripped_never_lost() -> None:
    files = book(hostile_issue())
    docs = documents(files)
    for name, doc in docs.items():
        assert doc.find(".//x:script", NS) is None, name
        assert doc.find(".//x:body//x:b[@class!='dateline']", NS) is None, name
    article = text(docs["EPUB/text/i001-p01-a001.xhtml"].find("x:body", NS))
    assert "<script>alert('x')</script> & ]]> <b>粗</b> &amp;" in article
    assert "😀🇨🇳" in article
    texts = {name: data for name, data in files.items() if not name.endswith(".png")}
    for bad in ("\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff"):
        assert all(bad not in data.decode("utf-8") for data in texts.values())
    assert all(b"\xed\xa0" not in data for data in texts.values())  # no encoded surrogate


def test_hostile_titles_still_label_every_article() -> None:
    files = book(hostile_issue())
    tree = toc_tree(parse_xml(files["EPUB/nav.xhtml"]))
    labels = [label for label, _, _ in tree[1][2]]
    assert len(labels) == 6 and all(label.strip() for label in labels)
    assert labels[0].startswith("<script>alert('x')</script> & ]]>")
    assert labels[1] == f"［{LONG_TITLE}］"
    assert labels[2] == "（无标题）<无题> & 正文"
    assert labels[3] == "（无标题）"  # a title of control characters only is no title
    assert labels[4] == labels[5] == "（无标题）"
    empty = parse_xml(files["EPUB/text/i001-p01-a005.xhtml"])
    assert text(empty.find("x:body", NS)).strip()  # an empty article still has a body
    dateline_only = parse_xml(files["EPUB/text/i001-p01-a006.xhtml"])
    assert text(dateline_only.find(".//x:b[@class='dateline']", NS)) == "本报讯"
    ncx = parse_xml(files["EPUB/toc.ncx"])
    assert all(t.text and t.text.strip() for t in ncx.iterfind(".//ncx:text", NS))


def test_hostile_metadata_is_clean_text() -> None:
    meta = metadata(book(hostile_issue()))
    assert meta["title"][0].startswith("离石报 <script>alert('x')</script> & ]]>")
    assert meta["publisher"][0].startswith("A & B <script>")
    assert HOSTILE not in meta["title"][0]  # the forbidden characters went


# --- vertical layout -------------------------------------------------------------------------


def test_vertical_layout_turns_pages_right_to_left() -> None:
    files = book(two_page_issue(), vertical=True)
    opf = package(files)
    assert opf.find("opf:spine", NS).get("page-progression-direction") == "rtl"
    css = files["EPUB/style/vertical.css"].decode()
    assert "writing-mode: vertical-rl" in css
    for name, doc in documents(files).items():
        sheets = [link.get("href").rsplit("/", 1)[1] for link in doc.findall("x:head/x:link", NS)]
        assert sheets == ["book.css", "vertical.css"], name
        assert doc.get("dir") is None and doc.find("x:body", NS).get("dir") is None


def test_horizontal_layout_has_no_direction_and_no_vertical_style() -> None:
    files = book(two_page_issue())
    assert package(files).find("opf:spine", NS).get("page-progression-direction") is None
    assert "EPUB/style/vertical.css" not in files


def test_chinese_typography_in_the_style_sheet() -> None:
    css = book(two_page_issue())["EPUB/style/book.css"].decode()
    for rule in ("text-indent: 2em", "line-height: 1.8", "text-align: justify", "line-break: strict"):
        assert rule in css
    assert "serif;" in css and "sans-serif;" in css


# --- determinism -------------------------------------------------------------------------------


def test_two_builds_are_byte_identical() -> None:
    issue = hostile_issue()
    assert lishi_pub.render(issue, "epub") == lishi_pub.render(issue, "epub")
    assert lishi_pub.render(issue, "epub", vertical=True) == lishi_pub.render(issue, "epub", vertical=True)


def test_builds_in_other_processes_clocks_and_zones_are_byte_identical(tmp_path) -> None:
    """A fresh interpreter with another hash seed and time zone, a little later."""
    import os
    import subprocess
    import sys

    script = (
        "import sys; sys.path.insert(0, sys.argv[2]); import lishi_pub; from epub_samples import two_page_issue;"
        "open(sys.argv[1], 'wb').write(lishi_pub.render(two_page_issue(), 'epub'))"
    )
    out = tmp_path / "other.epub"
    env = {**os.environ, "TZ": "Asia/Shanghai", "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(out), os.path.dirname(__file__)], env=env, check=True)
    assert out.read_bytes() == lishi_pub.render(two_page_issue(), "epub")


def test_zip_container_is_fixed() -> None:
    import io
    import zipfile

    data = lishi_pub.render(two_page_issue(), "epub")
    assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip"
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert {i.date_time for i in infos} == {(2022, 4, 22, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}
    assert all(i.compress_type == (zipfile.ZIP_STORED if i.filename.endswith(".png") else zipfile.ZIP_DEFLATED)
               for i in infos[1:])  # a PNG is compressed already
    assert all(name.isascii() and " " not in name for name in (i.filename for i in infos))


# --- options and registration -----------------------------------------------------------------


@pytest.mark.parametrize("options", [{"vertical": "maybe"}, {"vertical": 2}, {"title": "  "}, {"title": "\x00"}, {"colour": "red"}])
def test_bad_options_are_one_line_export_errors(options) -> None:
    with pytest.raises(lishi_pub.ExportError) as info:
        lishi_pub.render(two_page_issue(), "epub", **options)
    assert "\n" not in str(info.value)


def test_a_language_epubcheck_would_reject_is_refused() -> None:
    with pytest.raises(lishi_pub.ExportError, match="BCP 47"):
        lishi_pub.render(attrs.evolve(two_page_issue(), language="中文"), "epub")


def test_the_exporter_record() -> None:
    exporter = lishi_pub.exporters()["epub"]
    assert (exporter.extension, exporter.media_type, exporter.output) == (".epub", "application/epub+zip", "file")
    assert exporter.render_collection is not None
    assert {o.name: o.kind for o in exporter.options} == {"vertical": "bool", "title": "str"}
    assert exporter.provider == "lishi-pub"


def test_listing_formats_does_not_import_ebooklib() -> None:
    import subprocess
    import sys

    code = "import sys, lishi_pub; assert 'epub' in lishi_pub.exporters(); print('ebooklib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_rich_article_round_trips_into_the_sample_month() -> None:
    """An article object reused across issues gets one document per issue."""
    issue = Issue(title="离石报", date=dt.date(2022, 4, 1), pages=(Page(number=1, articles=(rich_article(),)),))
    files = entries(lishi_pub.exporters()["epub"].render_collection(month(issue, 2)))
    assert {n for n in files if n.endswith("-a001.xhtml")} == {"EPUB/text/i001-p01-a001.xhtml",
                                                               "EPUB/text/i002-p01-a001.xhtml"}


def test_pages_are_never_labelled_alike() -> None:
    """Files put together out of order: the second printed 第3版, the third printed no label and
    sits third.  Printed labels are kept, and no two pages read the same."""
    story = (Article(id="a", blocks=(Paragraph("正文。"),)),)
    pages = (Page(number=1, label="第1版", articles=story),
             Page(number=2, label="第3版", articles=(Article(id="b", blocks=(Paragraph("正文。"),)),)),
             Page(number=3, articles=(Article(id="c", blocks=(Paragraph("正文。"),)),)))
    issue = attrs.evolve(two_page_issue(), pages=pages)
    for files in (book(issue), entries(lishi_pub.exporters()["epub"].render_collection((issue, two_page_issue())))):
        tree = toc_tree(parse_xml(files["EPUB/nav.xhtml"]))
        page_lists = [tree[1:]] if len(tree) == 4 else [kids for _, _, kids in tree[1:]]
        for entries_ in page_lists:
            labels = [label for label, _, _ in entries_]
            assert len(set(labels)) == len(labels)
        assert [label for label, _, _ in page_lists[0]] == ["第1版", "第3版（第2面）", "第3版（第3面）"]
