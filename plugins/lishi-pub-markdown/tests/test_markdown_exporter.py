"""The Markdown exporter's own behaviour: layout, escaping and front matter."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import lishi_pub_markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from lishi_pub_markdown.escape import inline, yaml_str
from markdown_it import MarkdownIt

import lishi_pub
from lishi_pub import plugins
from lishi_pub.cli import main
from lishi_pub.model import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "lishi-2022-04-page.txt"


@pytest.fixture(autouse=True)
def markdown_plugin(monkeypatch: pytest.MonkeyPatch):
    """Only the built-ins and this plugin, whatever else is installed."""
    monkeypatch.setenv(plugins.DISABLE_ENV, "1")
    plugins.reset()
    plugins.register(lishi_pub_markdown)
    yield
    plugins.reset()


def small_issue() -> Issue:
    article = Article(
        id="p1-a1", title="春季植树", title_source="headline", kicker="绿化家园", subtitle="三万株",
        contributors=(Contributor("张伟", "记者"), Contributor("刘芳")), dateline="本报讯",
        blocks=(Paragraph("4月21日，开展植树。"), Heading("一、组织"),
                Figure("植树现场。", Credit((Contributor("王晶晶"),), "摄"))),
    )
    derived = Article(id="p1-a2", title="新增公交线路", title_source="derived", blocks=(Paragraph("新增公交线路。"),))
    return Issue(title="离石报", date=dt.date(2022, 4, 22), number="1234",
                 pages=(Page(number=1, label="第1版", banners=("同心抗疫",), articles=(article, derived)),))


def test_the_layout_of_a_small_issue() -> None:
    expected = """\
---
title: "离石报"
number: "1234"
date: 2022-04-22
language: "zh-CN"
pages:
  - number: 1
    label: "第1版"
articles:
  - id: "p1-a1"
    page: 1
    title: "春季植树"
    authors: ["张伟", "刘芳"]
  - id: "p1-a2"
    page: 1
    title: "新增公交线路"
    title_derived: true
---

# 离石报 2022年4月22日 第1234期

## 第1版

> **同心抗疫**

*绿化家园*

### 春季植树

**——三万株**

记者 张伟　刘芳

**本报讯**　4月21日，开展植树。

#### 一、组织

> 图：植树现场。（王晶晶 摄）

### ［新增公交线路］

<!-- 方括号中的标题由 lishi-pub 据导语拟定，原版无标题。 -->

新增公交线路。
"""
    assert lishi_pub.render(small_issue(), "markdown") == expected


def test_front_matter_reads_back_as_the_metadata() -> None:
    issue = Issue(title='离石报 "特刊"\\', number="第1234期: 上", publisher="离石区融媒体中心\u2028二部",
                  pages=(Page(number=3, header=("责任编辑：王\x85编辑",)),))
    text = lishi_pub.render(issue, "markdown")
    front = yaml.safe_load(text.split("\n---\n")[0].removeprefix("---\n"))
    assert front == {
        "title": '离石报 "特刊"\\',
        "number": "第1234期: 上",
        "publisher": "离石区融媒体中心\u2028二部",
        "language": "zh-CN",
        "pages": [{"number": 3, "header": ["责任编辑：王\x85编辑"]}],
    }


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_yaml_strings_round_trip(text: str) -> None:
    assert yaml.safe_load(f"k: {yaml_str(text)}") == {"k": text}


PUNCTUATION_HEAVY = st.text(st.sampled_from(list("\\`*_[]<>#|~&!$^()-+=.:;'\"{}%/ 1234567890甲乙。，\n\r\t\x00\u2028")),
                            min_size=1)


def _shown(text: str) -> str:
    """What a reader should see: the text with line breaks as spaces and controls dropped."""
    flat = re.sub(r"[\r\n\u2028\u2029\x85\x0b\x0c]+", " ", text)
    return re.sub(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]", "", flat).strip(" \t")


@settings(max_examples=500, deadline=None)
@given(PUNCTUATION_HEAVY)
def test_escaped_text_renders_as_itself(text: str) -> None:
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(inline(text))
    shown = _shown(text)
    if not shown:
        assert tokens == []
        return
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    children = tokens[1].children
    assert {c.type for c in children} <= {"text", "softbreak"}
    assert "".join(c.content for c in children) == shown.replace("\x00", "\ufffd")


def test_a_paragraph_that_looks_like_markup_stays_text() -> None:
    issue = Issue(pages=(Page(articles=(Article(id="a", blocks=(Paragraph("1. 第一条"), Paragraph("# 不是标题"),
                                                                  Paragraph("- 不是列表"))),)),))
    body = lishi_pub.render(issue, "markdown").split("\n---\n", 1)[1]
    html = MarkdownIt("commonmark").render(body)
    assert "<p>1. 第一条</p>" in html and "<p># 不是标题</p>" in html and "<p>- 不是列表</p>" in html


def test_cli_converts_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "issue.md"
    assert main(["convert", str(EXAMPLE), "--to", "markdown", "-o", str(out), "--title", "离石报"]) == 0
    front = yaml.safe_load(out.read_text(encoding="utf-8").split("\n---\n")[0].removeprefix("---\n"))
    assert front["title"] == "离石报"
    assert front["articles"], "the sample has articles"


def test_formats_lists_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    assert re.search(r"^markdown\s+\.md\s", capsys.readouterr().out, re.M)
