"""Any Issue the model admits becomes a well-formed, complete and reproducible EPUB.

EPUBCheck is too slow to run per example; here every document is parsed
with a strict XML parser, the navigation is checked against the issue, and
every paragraph's visible text must survive.  test_epub_validation.py runs
EPUBCheck on the hard cases.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lishi_pub
from epub_samples import NS, entries, package, parse_xml, toc_tree
from lishi_pub import Article, Contributor, Credit, Figure, Heading, Issue, Page, Paragraph

PIECES = st.sampled_from(["<", "&", ">", "<script>", "]]>", "&amp;", "\x00", "\x0b", "\x85", "\ufffe",
                          "\uffff", "😀", "　", " ", "\n", "本报讯", "第1版", "4月21日"])
RAW = st.lists(st.one_of(st.text(max_size=12), PIECES, st.characters(categories=["Cs"])),
               min_size=1, max_size=6).map("".join)
TEXT = RAW.filter(str.strip)  # the model refuses blank text fields
MAYBE = st.none() | TEXT


def visible(text: str) -> str:
    """What must survive of a text: all but controls, surrogates and noncharacters (an
    independent statement of XML's and HTML's rules), trimmed."""
    def allowed(c: str) -> bool:
        cp = ord(c)
        if unicodedata.category(c) in ("Cc", "Cs"):
            return c in "\t\n\r"
        return not (0xFDD0 <= cp <= 0xFDEF or cp & 0xFFFE == 0xFFFE)
    return "".join(filter(allowed, text)).strip()


CREDIT = st.none() | st.builds(Credit, st.tuples(st.builds(Contributor, TEXT, MAYBE)), MAYBE)
blocks = st.one_of(
    st.builds(Paragraph, TEXT), st.builds(Heading, TEXT),
    st.builds(Figure, TEXT, CREDIT),
)


@st.composite
def articles(draw: st.DrawFn, id: str) -> Article:
    title = draw(st.none() | st.tuples(TEXT, st.sampled_from(["headline", "derived"])))
    credits = draw(st.lists(st.tuples(TEXT, MAYBE), max_size=3))
    return Article(
        id=id, title=title and title[0], title_source=title and title[1],
        kicker=draw(MAYBE), subtitle=draw(MAYBE), dateline=draw(MAYBE),
        contributors=tuple(Contributor(name, role) for name, role in credits),
        blocks=tuple(draw(st.lists(blocks, max_size=5))),
    )


@st.composite
def issues(draw: st.DrawFn) -> Issue:
    pages = []
    for p in range(draw(st.integers(0, 3))):
        count = draw(st.integers(0, 3))
        pages.append(Page(
            number=draw(st.none() | st.integers(-3, 300)), label=draw(st.none() | RAW),
            header=tuple(draw(st.lists(RAW, max_size=2))), banners=tuple(draw(st.lists(RAW, max_size=2))),
            figures=tuple(draw(st.lists(st.builds(Figure, TEXT, CREDIT), max_size=2))),
            articles=tuple(draw(articles(f"p{p}-a{a}")) for a in range(count)),
        ))
    return Issue(
        title=draw(st.none() | RAW), date=draw(st.none() | st.dates()), number=draw(st.none() | RAW),
        publisher=draw(st.none() | RAW), language=draw(st.sampled_from(["zh-CN", "zh-Hans", "en"])),
        pages=tuple(pages),
    )


def single_line(text: str) -> str:
    return re.sub(r"[ \t\n\r]+", " ", visible(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(issues(), st.booleans())
def test_any_issue_makes_a_complete_reproducible_book(issue: Issue, vertical: bool) -> None:
    data = lishi_pub.render(issue, "epub", vertical=vertical)
    assert data == lishi_pub.render(issue, "epub", vertical=vertical)
    files = entries(data)
    assert next(iter(files)) == "mimetype"
    parsed = {name: parse_xml(body) for name, body in files.items() if name.endswith((".xhtml", ".opf", ".ncx"))}

    tree = toc_tree(parsed["EPUB/nav.xhtml"])
    assert len(tree) == 1 + len(issue.pages)
    listed = [(label, href) for _, _, arts in tree[1:] for label, href, _ in arts]
    assert len(listed) == len(issue.articles)
    for article, (label, href) in zip(issue.articles, listed):
        assert label.strip()
        if article.title is not None and visible(article.title):
            title = single_line(article.title).strip(" ")
            assert label == (f"［{title}］" if article.title_source == "derived" else title)
        doc = "".join(parsed[f"EPUB/{href}"].find("x:body", NS).itertext())
        for block in article.blocks:
            if isinstance(block, Paragraph):
                assert visible(block.text) in doc

    opf = package(files)
    spine = [r.get("idref") for r in opf.findall(".//opf:spine/opf:itemref", NS)]
    assert spine[0] == "cover"
    assert opf.find(".//dc:language", NS).text == issue.language
    assert opf.find(".//opf:manifest/opf:item[@properties='cover-image']", NS).get("media-type") == "image/png"
    ncx = parsed["EPUB/toc.ncx"]
    depth = ncx.find("ncx:head/ncx:meta[@name='dtb:depth']", NS).get("content")
    assert depth == ("2" if issue.articles else "1")
