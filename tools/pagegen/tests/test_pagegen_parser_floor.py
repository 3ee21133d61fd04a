"""Today's parser on the corpus slice: its score may not fall below a floor."""

from __future__ import annotations

import statistics

from pagegen_slice import scorer

from pagegen.corpus import GeneratedPage
from pagegen.scoring import score_pages

# The parser's mean on the 12-page slice (seed 7) was 0.592 (generator v4, bank 259 items, 22 files);
# the floor is that minus 0.04.  The slice's text comes from the bank, so a bank change moves the score:
# re-measure then.  Raise the floor as the parser improves.
FLOOR = 0.55


def test_parser_score_on_the_slice(corpus_slice: list[GeneratedPage]) -> None:
    scorer()  # skip (or fail under CI=true) without ../shared
    scores = score_pages([(p.name, p.dump, p.gold) for p in corpus_slice], verbose=False)
    mean = statistics.mean(s.total for s in scores)
    assert mean >= FLOOR, f"slice score {mean:.3f} below the floor {FLOOR}"
