"""The generator's own properties, on a slice of the corpus (every kind, both extractors)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from pagegen_slice import SLICE, SLICE_SEED, need, scorer

from hypothesis import given, settings
from hypothesis import strategies as st

from pagegen import bank, catalogue
from pagegen.corpus import GeneratedPage, check_order, generate_page, gold_json, squash
from pagegen.typeset import NO_END, NO_START, advance, tokens, wrap

HAN = re.compile(r"[\u3400-\u9fff]")
ROOT = Path(__file__).resolve().parents[3]


def paragraphs(gold: dict) -> list[str]:
    return [b["text"] for a in gold["articles"] for b in a["blocks"] if b["type"] == "paragraph"]


def as_prediction(gold: dict) -> dict:
    """The gold in the parser's output shape: what a perfect parse prints."""
    articles = [dict(a, title_source="headline" if a["title"] else None) for a in gold["articles"]]
    loose = [{k: f[k] for k in ("caption", "credit")} for f in gold["loose_figures"]]
    return {"pages": [{"header": gold["page"]["header"], "banners": gold["page"]["banners"],
                       "articles": articles, "figures": loose}]}


def test_same_seed_same_bytes(corpus_slice: list[GeneratedPage]) -> None:
    for n, kind, extractor in (SLICE[0], SLICE[5]):
        again = generate_page(SLICE_SEED, n, kind, extractor)
        first = corpus_slice[n]
        assert again.dump == first.dump
        assert gold_json(again.gold) == gold_json(first.gold)
        assert again.pdf == first.pdf


def test_another_seed_another_page(corpus_slice: list[GeneratedPage]) -> None:
    n, kind, extractor = SLICE[0]
    assert generate_page(SLICE_SEED + 1, n, kind, extractor).dump != corpus_slice[n].dump


def test_slice_covers_kinds_and_extractors(corpus_slice: list[GeneratedPage]) -> None:
    seen = {(p.gold["generator"]["conventions"]["kind"], p.gold["generator"]["conventions"]["extractor"])
            for p in corpus_slice}
    assert seen == {(k, e) for k in ("news", "front", "literary", "notices") for e in ("pdfminer", "pdftotext")}


def test_every_han_character_of_the_gold_is_in_the_dump(corpus_slice: list[GeneratedPage]) -> None:
    for page in corpus_slice:
        flat = squash(page.dump)
        for text in paragraphs(page.gold):
            missing = set(HAN.findall(text)) - set(flat)
            assert not missing, (page.name, text[:20], missing)
            assert squash(text)[:6] in flat.translate(str.maketrans("０１２３４５６７８９", "0123456789")), page.name


def test_gold_is_a_perfect_parse_for_the_scorer(corpus_slice: list[GeneratedPage]) -> None:
    score = scorer().score
    for page in corpus_slice:
        gold = json.loads(gold_json(page.gold))
        assert gold["articles"], page.name
        for article in gold["articles"]:
            assert set(article) >= {"title", "subtitle", "kicker", "authors", "dateline", "blocks"}
            assert all(isinstance(a, str) and a and " " not in a for a in article["authors"])
            for block in article["blocks"]:
                assert block["type"] in ("paragraph", "heading", "figure")
                if block["type"] == "figure":
                    assert block["caption"] and not block["caption"].startswith("▲")
                else:
                    assert block["text"] == block["text"].strip() and "  " not in block["text"]
        total, parts, _facts, _notes = score(gold, as_prediction(gold))
        assert total == pytest.approx(1.0), (page.name, parts)


def test_gold_dateline_is_the_marker_only(corpus_slice: list[GeneratedPage]) -> None:
    datelines = [a["dateline"] for p in corpus_slice for a in p.gold["articles"] if a["dateline"]]
    assert datelines
    for d in datelines:
        assert "（" not in d and "(" not in d and "记者" not in d, d


def test_pdf_fonts_are_embedded(corpus_slice: list[GeneratedPage], tmp_path: Path) -> None:
    pdffonts = need("pdffonts")
    for page in corpus_slice[:4]:
        pdf = tmp_path / f"{page.name}.pdf"
        pdf.write_bytes(page.pdf)
        rows = subprocess.run([pdffonts, str(pdf)], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
        assert rows
        assert all(row.split()[-5] == "yes" for row in rows), rows


def test_pdftotext_finds_the_text(corpus_slice: list[GeneratedPage], tmp_path: Path) -> None:
    pdftotext = need("pdftotext")
    for page in corpus_slice[:4]:
        pdf = tmp_path / f"{page.name}.pdf"
        pdf.write_bytes(page.pdf)
        text = squash(subprocess.run([pdftotext, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                                     text=True).stdout)
        for para in paragraphs(page.gold):
            assert set(HAN.findall(para)) <= set(text)


def test_order_check_catches_a_scrambled_dump() -> None:
    assert check_order("甲乙\n丙丁\n", ["甲乙", "丙丁"], []) is None
    assert check_order("丙丁\n甲乙\n", ["甲乙", "丙丁"], []) is not None
    assert check_order("甲乙\n", ["甲乙"], ["标题"]) is not None
    assert check_order("综 合\n新 闻\n", [], [], ["综合新闻"]) is not None


BANK_PARAGRAPHS = [b["p"] for item in bank.load() for b in item["body"] if "p" in b]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(BANK_PARAGRAPHS), st.integers(9, 26), st.sampled_from([0.0, 2.0]), st.booleans())
def test_lines_keep_text_kinsoku_and_latin_runs(text: str, width: int, indent: float, justify: bool) -> None:
    lines = [(g, last) for g, last in wrap(tokens(text, (0.25, 0.0), 0.5), lambda n: float(width), 0, indent, justify)]
    texts = ["".join(ch for _, ch in g) for g, _ in lines]
    assert "".join(texts) == text.replace(" ", "")
    assert not any(t[0] in NO_START for t in texts[1:])
    assert not any(t[-1] in NO_END for t in texts[:-1])
    for a, b in zip(texts, texts[1:]):
        assert not (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum())  # no run broken
    for glyphs, _ in lines:  # nothing runs past the column
        assert glyphs[-1][0] + advance(glyphs[-1][1]) <= width + 1e-6


def test_justified_line_fills_the_column() -> None:
    glyphs = [g for g, last in wrap(tokens("赠送100份防疫专项保险人均保额20万元为战疫一线的志愿者提供了坚强的保障", (0.25, 0.0), 0.5),
                                      lambda n: 11.0, 0, 0.0, True) if not last]
    for line in glyphs:
        assert line[-1][0] + 1 == pytest.approx(11.0, abs=0.5)


def test_catalogue_is_documented() -> None:
    doc = (ROOT / "tools" / "pagegen" / "README.md").read_text(encoding="utf-8")
    for convention in catalogue.CATALOGUE:
        assert f"`{convention.name}`" in doc, convention.name
    assert f"{len(catalogue.CATALOGUE)} entries with {catalogue.variant_count()} variants" in doc
