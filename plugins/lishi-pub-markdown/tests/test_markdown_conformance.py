"""lishi-pub's conformance kit, with Markdown checked by a real CommonMark parser."""

from __future__ import annotations

from typing import Any

import lishi_pub_markdown
import yaml
from lishi_pub_markdown.render import DERIVED_MARK
from markdown_it import MarkdownIt

from lishi_pub.exporter import Rendered
from lishi_pub.model import Issue
from lishi_pub.testing import ExporterConformance

#: Token types plain text must never turn into: each means escaping failed.
FORBIDDEN = {"fence", "code_block", "code_inline", "bullet_list_open", "ordered_list_open", "table_open",
             "link_open", "image", "html_inline", "s_open"}


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    assert text.startswith("---\n")
    front, sep, body = text[4:].partition("\n---\n")
    assert sep, "front matter is not closed"
    data = yaml.safe_load(front)
    assert isinstance(data, dict)
    return data, body


def parse(body: str) -> list[Any]:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)


def tokens_of(tokens: list[Any]) -> list[Any]:
    return [t for token in tokens for t in [token, *(token.children or [])]]


class TestMarkdownConformance(ExporterConformance):
    exporter_name = "markdown"
    plugin = lishi_pub_markdown

    def validate(self, output: Rendered, issue: Issue) -> None:
        assert isinstance(output, str)
        data, body = split_front_matter(output)
        assert data["language"] == issue.language
        assert data.get("title") == issue.title
        assert data.get("date") == issue.date
        assert [a["id"] for a in data.get("articles", [])] == [a.id for a in issue.articles]
        tokens = tokens_of(parse(body))
        kinds = {t.type for t in tokens}
        assert not kinds & FORBIDDEN, f"text became markup: {sorted(kinds & FORBIDDEN)}"
        html_blocks = [t.content.strip() for t in tokens if t.type == "html_block"]
        assert set(html_blocks) <= {DERIVED_MARK}, html_blocks
        articles = sum(len(page.articles) for page in issue.pages)
        headings = [t for t in tokens if t.type == "heading_open"]
        assert sum(t.tag == "h1" for t in headings) <= 1
        assert sum(t.tag == "h2" for t in headings) == len(issue.pages)
        assert sum(t.tag == "h3" for t in headings) <= articles
