"""The OpenCC transforms: what they convert, what they keep, and the way in from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import lishi_pub_opencc
import pytest
from hypothesis import given, settings

import lishi_pub
from lishi_pub import plugins
from lishi_pub.cli import main
from lishi_pub.model import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph
from lishi_pub.testing import issues

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "lishi-2022-04-page.txt"


@pytest.fixture(autouse=True)
def opencc_plugin(monkeypatch: pytest.MonkeyPatch):
    """Only the built-ins and this plugin, whatever else is installed."""
    monkeypatch.setenv(plugins.DISABLE_ENV, "1")
    plugins.reset()
    plugins.register(lishi_pub_opencc)
    yield
    plugins.reset()


def everywhere(text: str) -> Issue:
    """``text`` in every text field of the model."""
    article = Article(id="p1-a1", title=text, title_source="headline", kicker=text, subtitle=text,
                      contributors=(Contributor(text, text),), dateline=text,
                      blocks=(Paragraph(text), Heading(text), Figure(text, Credit((Contributor(text, text),), text))))
    page = Page(number=1, label=text, header=(text,), banners=(text,), articles=(article,),
                figures=(Figure(text, Credit((Contributor(text),), text)),), source="国.txt")
    return Issue(title=text, number=text, publisher=text, pages=(page,))


def texts(issue: Issue) -> list[str]:
    """Every reader-facing string of the issue, found by walking the model."""
    skip = {"id", "source", "title_source", "language", "code"}
    found: list[str] = []

    def walk(value: object) -> None:
        if attrs.has(type(value)):
            for field in attrs.fields(type(value)):
                if field.name not in skip:
                    walk(getattr(value, field.name))
        elif isinstance(value, tuple):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            found.append(value)

    walk(issue)
    return found


def test_text_after_a_nul_character_is_kept() -> None:
    issue = everywhere("\x00国\x00家\x00")
    assert set(texts(lishi_pub.transforms()["zh-hant"].apply(issue))) == {"\x00國\x00家\x00"}


def test_lists_three_transforms() -> None:
    known = lishi_pub.transforms()
    assert sorted(known) == ["zh-hant", "zh-hk", "zh-tw"]
    assert all(t.provider and t.description for t in known.values())


@pytest.mark.parametrize("name", ["zh-hant", "zh-tw", "zh-hk"])
def test_converts_every_text_a_reader_sees(name: str) -> None:
    original = everywhere("中国新闻")
    converted = lishi_pub.transforms()[name].apply(original)
    assert len(texts(converted)) == len(texts(original)) == 21
    assert set(texts(converted)) == {"中國新聞"}
    assert converted.pages[0].source == "国.txt"
    assert converted.articles[0].id == "p1-a1"


@pytest.mark.parametrize(("name", "language", "expected"), [
    ("zh-hant", "zh-Hant", "離石區的軟件信息"),
    ("zh-tw", "zh-TW", "離石區的軟體資訊"),
    ("zh-hk", "zh-HK", "離石區的軟件信息"),
])
def test_each_variant_writes_its_own_words_and_tags_the_language(name: str, language: str, expected: str) -> None:
    issue = Issue(pages=(Page(articles=(Article(id="a", blocks=(Paragraph("离石区的软件信息"),)),)),))
    converted = lishi_pub.transforms()[name].apply(issue)
    assert converted.articles[0].blocks == (Paragraph(expected),)
    assert converted.language == language


@settings(max_examples=40, deadline=None)
@given(issues())
def test_keeps_the_shape_of_any_issue(issue: Issue) -> None:
    converted = lishi_pub.transforms()["zh-tw"].apply(issue)
    assert [a.id for a in converted.articles] == [a.id for a in issue.articles]
    assert [[type(b) for b in a.blocks] for a in converted.articles] == [[type(b) for b in a.blocks]
                                                                          for a in issue.articles]
    assert len(texts(converted)) == len(texts(issue))


def test_export_applies_the_transform(tmp_path: Path) -> None:
    issue = everywhere("国家")
    out = lishi_pub.export(issue, "json", tmp_path / "out.json", transforms=["zh-hk"])
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["language"] == "zh-HK" and data["title"] == "國家"


def test_cli_convert_with_transform(tmp_path: Path) -> None:
    out = tmp_path / "tw.json"
    assert main(["convert", str(EXAMPLE), "--to", "json", "--transform", "zh-tw", "-o", str(out)]) == 0
    converted = lishi_pub.loads(out.read_text(encoding="utf-8"))
    plain = lishi_pub.parse(EXAMPLE)
    assert converted.language == "zh-TW"
    assert "离石区" in plain.articles[0].blocks[0].text
    assert "離石區" in converted.articles[0].blocks[0].text
