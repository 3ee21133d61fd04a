"""How well a short text (a headline, a caption) describes a longer one.

Character bigrams stand in for words (Chinese has no spaces to split on, and
most words are two characters), weighted by rarity across the page so that 疫情防控, printed in
every story, counts for little and a name or place counts for much.  The
lead paragraph weighs double: a headline restates the lead.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from ..text import grams

__all__ = ["Scorer", "grams", "grams_of", "present"]

def grams_of(texts: Sequence[str]) -> frozenset[str]:
    """The n-grams of several texts together (a union of cached per-text sets)."""
    out: set[str] = set()
    for text in texts:
        out |= grams(text)
    return frozenset(out)


def present(vocabulary: frozenset[str], text: str) -> frozenset[str]:
    """The n-grams of ``vocabulary`` that occur in ``text``.

    Equal to ``grams(text) & vocabulary`` (vocabulary n-grams never span
    punctuation), but a substring search per query n-gram is far cheaper than
    listing every n-gram of a long paragraph (``filter`` runs the loop in C).
    """
    return frozenset(filter(text.__contains__, vocabulary))


class Scorer:
    """Scores queries against a fixed set of documents, each with an optional lead.

    Documents are given as n-gram sets; ``units`` are the sets rarity is
    counted over (paragraphs, say: finer than whole articles, so that rarity
    means something on a page of one story).
    """

    def __init__(self, bodies: Sequence[frozenset[str]], leads: Sequence[frozenset[str]] | None = None,
                 units: Sequence[frozenset[str]] | None = None,
                 vocabulary: frozenset[str] | None = None) -> None:
        """``vocabulary``, when given, holds every n-gram any query will have:
        rarity is then counted for those alone, which is most of the saving
        on a page of thousands of n-grams and a dozen headlines."""
        self.bodies = list(bodies)
        self.leads = list(leads) if leads is not None else [frozenset() for _ in bodies]
        counted = units if units is not None else self.bodies
        if vocabulary is None:
            self._df = Counter(chain.from_iterable(counted))
        else:
            self._df = Counter(chain.from_iterable(g & vocabulary for g in counted))
        self._vocabulary = vocabulary
        self._n = len(counted)
        self._weights: dict[str, float] = {}
        self._queries: dict[str | frozenset[str], tuple[float, frozenset[str], dict[str, float]]] = {}
        #: each score once: the match stage's steps ask the same (query, document) pairs again
        #: (no more entries than the scores asked of this page's scorer)
        self._scores: dict[tuple[str | frozenset[str], int], float] = {}
        self.candidates: object = None  # the match stage's inverted index over these documents, once built

    def weight(self, gram: str) -> float:
        w = self._weights.get(gram)
        if w is None:
            # a gram found nowhere on the page is as telling as the rarest one found
            df = self._df.get(gram, 0) or 1
            w = self._weights[gram] = math.log((self._n + 1) / (df + 0.5))
        return w

    def _weighted(self, query: str | frozenset[str]) -> tuple[float, frozenset[str], dict[str, float]]:
        """The query's total weight, its n-grams and each one's weight, once per query."""
        found = self._queries.get(query)
        if found is None:
            q = grams(query) if isinstance(query, str) else query
            if self._vocabulary is not None and not q <= self._vocabulary:
                raise ValueError("query outside the scorer's vocabulary")
            weights = {g: self.weight(g) for g in q}
            found = self._queries[query] = (math.fsum(weights.values()), q, weights)
        return found

    def score(self, query: str | frozenset[str], k: int) -> float:
        """In [0, 1]: the weighted share of the query's n-grams found in document ``k``.

        Sums are ``math.fsum``'s, correctly rounded whatever the order of their
        terms, so the hits are taken in the set's order (which follows
        PYTHONHASHSEED) and the score is still the same from run to run.  A hit
        in the lead counts in full, elsewhere 0.6 of its weight.
        """
        known = self._scores.get((query, k))
        if known is not None:
            return known
        total, q, weights = self._weighted(query)
        if total <= 0:
            score = 0.0
        else:
            lead = self.leads[k]
            score = math.fsum([weights[g] if g in lead else weights[g] * 0.6 for g in q & self.bodies[k]]) / total
        self._scores[query, k] = score
        return score
