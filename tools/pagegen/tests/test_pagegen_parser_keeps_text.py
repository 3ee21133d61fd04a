"""The parser on the corpus slice: no Han character of a dump is lost (the property of
tests/test_parse_properties.py, on pages of every kind and both extractors)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import lishi_pub
from pagegen.corpus import GeneratedPage

_spec = importlib.util.spec_from_file_location(
    "lishi_strategies", Path(__file__).resolve().parents[3] / "tests" / "strategies.py")
assert _spec is not None and _spec.loader is not None
_strategies = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_strategies)


def test_no_han_character_of_a_page_is_lost(corpus_slice: list[GeneratedPage]) -> None:
    for page in corpus_slice:
        issue = lishi_pub.parse_text(page.dump)
        assert _strategies.lost_han(page.dump, lishi_pub.dumps(issue)) == [], page.name
