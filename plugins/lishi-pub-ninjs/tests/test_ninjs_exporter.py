"""The ninjs mapping on hand-built issues, and the sample converted from the command line."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import lishi_pub_ninjs
import pytest
from ninjs_validation import check_document

import lishi_pub
from lishi_pub import ExportError, plugins
from lishi_pub.cli import main
from lishi_pub.model import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "lishi-2022-04-page.txt"


@pytest.fixture(autouse=True)
def ninjs_plugin(monkeypatch: pytest.MonkeyPatch):
    """Only the built-ins and this plugin, whatever else is installed."""
    monkeypatch.setenv(plugins.DISABLE_ENV, "1")
    plugins.reset()
    plugins.register(lishi_pub_ninjs)
    yield
    plugins.reset()


def wire_story() -> Article:
    return Article(
        id="p2-a1", title="春耕备耕进展顺利", title_source="headline", kicker="不误农时", subtitle="——各地因地制宜",
        contributors=(Contributor("张伟", "记者"), Contributor("刘芳", "通讯员")), dateline="新华社北京5月5日电",
        blocks=(Paragraph("记者从有关部门获悉，春耕进展顺利。"), Heading("一、备足农资"),
                Figure("农民在田间播种。", Credit((Contributor("王晶晶"),), "摄")), Paragraph("各地确保农时不误。")),
    )


def issue_of(*articles: Article) -> Issue:
    return Issue(title="离石报", date=dt.date(2022, 4, 22), number="1234", publisher="离石区融媒体中心",
                 pages=(Page(number=2, label="第2版", articles=articles),))


def documents(issue: Issue, **options: str) -> dict[str, dict]:
    rendered = lishi_pub.render(issue, "ninjs", **options)
    return {name: check_document(str(text)) for name, text in rendered.items()}


def test_maps_a_wire_story() -> None:
    (name, doc), = documents(issue_of(wire_story())).items()
    assert name == "001-p2-a1.json"
    assert doc["uri"] == "urn:lishi-pub:%E7%A6%BB%E7%9F%B3%E6%8A%A5/2022-04-22/1234/p2-a1"
    assert doc["standard"]["version"] == "3.1"
    assert doc["type"] == "text" and doc["profile"] == "text-only"  # captions, but no photo
    assert doc["firstCreated"] == doc["versionCreated"] == "2022-04-22T00:00:00+08:00"
    assert doc["language"] == "zh-CN"
    assert doc["headlines"] == [
        {"role": "main", "value": "春耕备耕进展顺利"},
        {"role": "subhead", "value": "——各地因地制宜"},
        {"role": "kicker", "value": "不误农时"},
    ]
    assert doc["by"] == "记者 张伟\u3000通讯员 刘芳"
    assert doc["located"] == "北京"
    assert {"name": "新华社", "role": "originator"} in doc["infoSources"]
    assert doc["copyrightHolder"] == "离石区融媒体中心"
    text, html = doc["bodies"]
    assert text["contentType"] == "text/plain"
    assert text["value"] == ("新华社北京5月5日电\u3000记者从有关部门获悉，春耕进展顺利。"
                             "\n\n一、备足农资\n\n各地确保农时不误。")
    assert text["charCount"] == len(text["value"])
    assert html["contentType"] == "text/html"
    assert html["value"] == (
        '<p><span class="dateline">新华社北京5月5日电</span>\u3000记者从有关部门获悉，春耕进展顺利。</p>\n'
        "<h2>一、备足农资</h2>\n"
        '<figure><figcaption>农民在田间播种。 <span class="credit">王晶晶 摄</span></figcaption></figure>\n'
        "<p>各地确保农时不误。</p>"
    )
    assert doc["associations"] == [{
        "name": "figure-1",
        "uri": doc["uri"] + "/figure-1",
        "type": "picture",
        "representationType": "partial",
        "descriptions": [{"role": "caption", "contentType": "text/plain", "value": "农民在田间播种。"}],
        "by": "王晶晶 摄",
    }]
    assert {"role": "issue-date", "value": "2022-04-22"} in doc["altIds"]
    assert "edNote" not in doc


def test_a_derived_title_is_a_headline_with_an_editorial_note() -> None:
    article = Article(id="a", title="新增公交线路", title_source="derived", blocks=(Paragraph("新增公交线路。"),))
    (doc,) = documents(issue_of(article)).values()
    assert doc["headlines"] == [{"role": "main", "value": "新增公交线路"}]
    assert "derived" in doc["edNote"]


def test_a_local_story_has_no_place_and_no_outside_source() -> None:
    article = Article(id="a", dateline="本报讯", blocks=(Paragraph("4月21日，开展活动。"),))
    (doc,) = documents(issue_of(article)).values()
    assert "located" not in doc and "headlines" not in doc and "title" not in doc
    assert [s["role"] for s in doc["infoSources"]] == ["publication", "publisher"]
    assert doc["profile"] == "text-only" and "associations" not in doc


def test_language_follows_the_issue() -> None:
    issue = Issue(language="zh-Hans", pages=(Page(articles=(wire_story(),)),))
    (doc,) = documents(issue).values()
    assert doc["language"] == "zh-Hans"


def test_one_document_per_article_in_reading_order() -> None:
    first = Article(id="p1/a1", blocks=(Paragraph("甲。"),))
    second = Article(id="p1 a1", blocks=(Paragraph("乙。"),))
    issue = Issue(pages=(Page(articles=(first, second)), Page(articles=(wire_story(),))))
    docs = documents(issue)
    assert list(docs) == ["001-p1-a1.json", "002-p1-a1.json", "003-p2-a1.json"]
    assert len({d["uri"] for d in docs.values()}) == 3


def test_uri_prefix_option() -> None:
    (doc,) = documents(issue_of(wire_story()), uri_prefix="https://news.example.cn/lishi/").values()
    assert doc["uri"].startswith("https://news.example.cn/lishi/%E7%A6%BB")


@pytest.mark.parametrize("prefix", ["not a uri", "", "https://新闻.example/", "1http:"])
def test_a_bad_uri_prefix_is_refused(prefix: str) -> None:
    with pytest.raises(ExportError, match="uri_prefix"):
        lishi_pub.render(issue_of(wire_story()), "ninjs", uri_prefix=prefix)


def test_a_collection_has_a_folder_per_issue() -> None:
    later = Issue(date=dt.date(2022, 4, 23), pages=(Page(articles=(wire_story(),)),))
    exporter = lishi_pub.exporters()["ninjs"]
    files = exporter.render_collection((issue_of(wire_story()), later))
    assert sorted(files) == ["001-2022-04-22/001-p2-a1.json", "002-2022-04-23/001-p2-a1.json"]


def test_cli_converts_the_sample_to_one_valid_document_per_article(tmp_path: Path) -> None:
    out = tmp_path / "ninjs"
    assert main(["convert", str(EXAMPLE), "--to", "ninjs", "-o", str(out), "--title", "离石报",
                 "--date", "2022-04-22"]) == 0
    issue = lishi_pub.parse(EXAMPLE, title="离石报", date="2022-04-22")
    files = sorted(out.iterdir())
    extras = sum(1 for p in issue.pages if p.banners or p.figures)
    assert len(files) == len(issue.articles) + extras and len(issue.articles) > 1
    docs = [check_document(f.read_text(encoding="utf-8")) for f in files]
    assert [d["altIds"][0]["value"] for d in docs if d["type"] == "text"] == [a.id for a in issue.articles]
    assert all(d["type"] in ("text", "composite") for d in docs)
    assert all(d["uri"].startswith("urn:lishi-pub:%E7%A6%BB%E7%9F%B3%E6%8A%A5/2022-04-22/") for d in docs)


def test_formats_lists_ninjs_as_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    assert re.search(r"^ninjs\s+folder\s", capsys.readouterr().out, re.M)


def test_documents_are_pretty_printed_utf8_json() -> None:
    (text,) = lishi_pub.render(issue_of(wire_story()), "ninjs").values()
    assert "春耕备耕进展顺利" in text and text.endswith("}\n")
    assert json.loads(text)["by"] == "记者 张伟\u3000通讯员 刘芳"


def test_without_an_issue_date_only_the_build_is_dated(monkeypatch: pytest.MonkeyPatch) -> None:
    """No invented creation time: versionCreated follows SOURCE_DATE_EPOCH, firstCreated is left out."""
    undated = Issue(title="离石报", pages=(Page(number=1, articles=(wire_story(),)),))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    (doc,) = documents(undated).values()
    assert "firstCreated" not in doc and "versionCreated" not in doc
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1650585600")
    (doc,) = documents(undated).values()
    assert "firstCreated" not in doc and doc["versionCreated"] == "2022-04-22T00:00:00Z"


def test_credits_and_bylines_read_as_in_every_format() -> None:
    from lishi_pub import present

    article = wire_story()
    (doc,) = documents(issue_of(article)).values()
    assert doc["by"] == present.byline(article)
    assert doc["associations"][0]["by"] == present.credit(article.figures[0].credit) == "王晶晶 摄"
    assert {"role": "subhead", "value": present.subtitle(article)} in doc["headlines"]
