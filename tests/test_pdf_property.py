"""Any Issue builds: generated structure and text, hostile characters included."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

POPPLER = bool(shutil.which("pdftotext"))

_readable = st.text(
    alphabet=st.sampled_from(list("国家安全教育学习离石区档案馆" "，。、：；！？“”‘’《》（）……——" "ABCxyz019 <>&\"'/")),
    min_size=1, max_size=200,
).filter(str.strip)
_anything = st.text(min_size=1, max_size=60).filter(str.strip)


@st.composite
def issues(draw: st.DrawFn, text: st.SearchStrategy[str]) -> Issue:
    maybe = st.one_of(st.none(), text)
    credit = st.none() | st.builds(Credit, st.tuples(st.builds(Contributor, text)), maybe)
    block = st.one_of(text.map(Paragraph), text.map(Heading), st.builds(Figure, text, credit))
    pages = []
    for p in range(draw(st.integers(0, 3))):
        articles = []
        for n in range(draw(st.integers(0, 3))):
            title = draw(maybe)
            articles.append(Article(
                id=f"p{p}-a{n}", title=title, title_source=None if title is None else draw(
                    st.sampled_from(["headline", "derived"])),
                kicker=draw(maybe), subtitle=draw(maybe), dateline=draw(maybe),
                contributors=tuple(Contributor(t) for t in draw(st.lists(text, max_size=2))) if draw(st.booleans()) else (),
                blocks=tuple(draw(st.lists(block, max_size=6))),
            ))
        pages.append(Page(
            number=draw(st.one_of(st.none(), st.integers(1, 99))), label=draw(maybe),
            header=tuple(draw(st.lists(text, max_size=2))), banners=tuple(draw(st.lists(text, max_size=2))),
            articles=tuple(articles), figures=tuple(draw(st.lists(st.builds(Figure, text, credit), max_size=1))),
        ))
    return Issue(title=draw(maybe), publisher=draw(maybe), number=draw(maybe), pages=tuple(pages))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issue=issues(_anything), columns=st.sampled_from([1, 2]), toc=st.booleans())
def test_any_issue_builds_into_a_pdf(issue: Issue, columns: int, toc: bool) -> None:
    data = lishi_pub.render(issue, "pdf", columns=columns, toc=toc)
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


@pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) not installed")
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(issue=issues(_readable))
def test_every_paragraph_of_any_issue_extracts(issue: Issue, tmp_path: Path) -> None:
    path = tmp_path / "any.pdf"
    path.write_bytes(lishi_pub.render(issue, "pdf"))
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout)
    for article in issue.articles:
        for paragraph in article.paragraphs:
            assert re.sub(r"\s+", "", paragraph.text) in text
