"""Latin-script text (issue 13, item 5): an English text keeps its paragraphs,
lines join with a space, and a derived title ends on a whole word.

tests/data/english-county-news.txt is a real-looking English news page,
hard-wrapped at 72 columns with a blank line between paragraphs (as a
plain-text editor or an extractor of an English page leaves it).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

import lishi_pub
from lishi_pub.parser.conventions import DEFAULT_PROFILE
from lishi_pub.parser.assemble import derive_title

NEWS = Path(__file__).parent / "data" / "english-county-news.txt"
LIMIT = 2 * DEFAULT_PROFILE.tuning.title_limit  # in characters: a Latin letter is half a cell


def _paragraphs(issue: lishi_pub.Issue) -> list[str]:
    return [p.text for page in issue.pages for a in page.articles for p in a.paragraphs]


def _source_paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_an_english_page_keeps_its_blank_line_paragraphs():
    text = NEWS.read_text("utf-8")
    issue = lishi_pub.parse(NEWS)
    wanted = [p for p in _source_paragraphs(text) if len(p) > 80]  # headlines and bylines aside
    got = _paragraphs(issue)
    assert [p for p in got if len(p) > 80] == wanted
    assert max(map(len, got)) == max(map(len, wanted))  # not one 3,000-character paragraph
    # line breaks are spaces, a hyphenated word at a line's end stays whole
    assert any("queued outside the building before the ribbon was cut," in p for p in got)


def test_one_paragraph_per_line_and_indented_paragraphs_are_read_too():
    paragraphs = _source_paragraphs(NEWS.read_text("utf-8"))[2:9]
    one_per_line = "\n".join(paragraphs) + "\n"
    assert _paragraphs(lishi_pub.parse_text(one_per_line)) == paragraphs
    indented = "\n".join(textwrap.fill(p, 70, initial_indent="    ") for p in paragraphs) + "\n"
    assert _paragraphs(lishi_pub.parse_text(indented)) == paragraphs


def test_a_hyphenated_line_end_joins_without_a_space():
    text = ("The reading festival brings storytelling sessions, a book market and a well-\n"
            "attended series of evening talks by local writers to the county every spring.\n")
    assert _paragraphs(lishi_pub.parse_text(text)) == [" ".join(text.split()).replace("well- ", "well-")]


def test_a_derived_english_title_is_cut_at_a_word_boundary():
    issue = lishi_pub.parse(NEWS)
    article = issue.pages[0].articles[0]
    assert article.title_source == "derived"
    assert article.title == "Lishi District Opens Riverside Library Ahead of Reading…"
    lead = ("Volunteers from the county library spent the whole of last winter scanning "
            "every page of the newspaper's bound volumes.")
    title = derive_title(lead, DEFAULT_PROFILE)
    assert title == "Volunteers from the county library spent the whole of last…"


def test_chinese_pages_take_the_chinese_path():
    text = "本报讯 区图书馆上线了名为 Open\n\nSource 的数字阅读平台，市民可免费使用。（王艳）\n"
    assert lishi_pub.parse_text(text).articles[0].paragraphs[0].text == "区图书馆上线了名为Open Source的数字阅读平台，市民可免费使用。"


_WORDS = ("the county library river farmers water spring reading festival volunteers pages archive "
          "district bureau village township irrigation potatoes millet building readers winter talks "
          "evening market children history newspaper opened queued residents morning fields hills").split()
_sentence = st.lists(st.sampled_from(_WORDS), min_size=6, max_size=16).map(
    lambda ws: " ".join(ws).capitalize() + ".")
_paragraph = st.lists(_sentence, min_size=2, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@example(paras=["The the the the the the. The the the the the the.",  # a short last paragraph is no headline
                "The the the the the the the the the the the. The the the the the the the the. The the the the the the."],
         width=40, shape="blank-lines-wrapped-pdfminer")
@given(paras=st.lists(_paragraph, min_size=1, max_size=8), width=st.integers(40, 100),
       shape=st.sampled_from(["blank-lines", "one-per-line", "blank-lines-wrapped-pdfminer"]))
def test_english_paragraphs_come_back_whatever_the_wrap(paras, width, shape):
    """However an English text is wrapped, its paragraphs come back whole, in order, with their words."""
    if shape == "blank-lines":
        text = "\n\n".join(textwrap.fill(p, width) for p in paras)
    elif shape == "one-per-line":
        text = "\n".join(paras)
    else:  # a blank line after every line: blank lines that say nothing, paragraphs by the wrap alone
        text = "\n\n".join("\n\n".join(textwrap.wrap(p, width)) + "\n" for p in paras)
    got = _paragraphs(lishi_pub.parse_text(text + "\n"))
    assert " ".join(got).split() == " ".join(paras).split()  # every word, in order, none glued
    if shape == "blank-lines":
        assert got == paras
    # one paragraph a line, without blank lines, is paragraphs wrapped at a wide measure
    # just as well when the lines are few and alike (the example test reads a real one)


@settings(max_examples=60, deadline=None)
@given(lead=st.lists(st.sampled_from(_WORDS + ["internationalisation"]), min_size=1, max_size=30).map(" ".join))
def test_derived_english_titles_end_on_a_word(lead):
    title = derive_title(lead.capitalize() + ".", DEFAULT_PROFILE)
    assert title is not None and len(title) <= LIMIT
    words = lead.capitalize().split()
    if title.endswith("…"):
        assert title[:-1].split() == words[: len(title[:-1].split())]
    else:
        assert title.split() == words


def _is_latin_plain(text: str, minimum: int) -> bool:
    """is_latin's definition, one character at a time (it gives up early on Chinese text, for speed)."""
    from lishi_pub.parser.latin import HAN_SHARE
    from lishi_pub.parser.text import is_han

    latin = sum(1 for ch in text if ch.isalpha() and not is_han(ch) and ch < "\u2e80")
    han = sum(1 for ch in text if ch.isalpha() and is_han(ch))
    return latin >= minimum and han <= HAN_SHARE * (latin + han)


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(["离石区融媒体中心", "County news ", "12，", "Ωψ ", "。\n"]),
                          st.integers(1, 120)), max_size=8),
       st.sampled_from([0, 1, 20]))
def test_is_latin_gives_up_early_only_when_its_answer_is_no(pieces, minimum):
    from lishi_pub.parser.latin import is_latin

    text = "".join(piece * count for piece, count in pieces)
    assert is_latin(text, minimum) == _is_latin_plain(text, minimum)
