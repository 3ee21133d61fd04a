"""How well a short text (a headline, a caption) describes a longer one.

Character bigrams and trigrams stand in for words (Chinese has no spaces to
split on), weighted by rarity across the page so that 疫情防控, printed in
every story, counts for little and a name or place counts for much.  The
lead paragraph weighs double: a headline restates the lead.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

__all__ = ["Scorer", "grams"]

_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u9fff]+")


def grams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _KEEP.findall(text):
        for n in (2, 3):
            out.update(run[i: i + n] for i in range(len(run) - n + 1))
        if len(run) == 1:
            out.add(run)
    return out


class Scorer:
    """Scores queries against a fixed set of documents, each with an optional lead."""

    def __init__(self, bodies: Sequence[str], leads: Sequence[str] | None = None) -> None:
        self.bodies = [grams(b) for b in bodies]
        self.leads = [grams(x) for x in leads] if leads is not None else [set() for _ in bodies]
        df: dict[str, int] = {}
        for g in self.bodies:
            for gram in g:
                df[gram] = df.get(gram, 0) + 1
        n = len(self.bodies)
        self._df = df
        self._n = n

    def weight(self, gram: str) -> float:
        return math.log((self._n + 1) / (self._df.get(gram, 0) + 0.5)) * (1.5 if len(gram) == 3 else 1.0)

    def score(self, query: str | set[str], k: int) -> float:
        """In [0, 1]: the weighted share of the query's n-grams found in document ``k``."""
        q = grams(query) if isinstance(query, str) else query
        total = sum(self.weight(g) for g in q)
        if total <= 0:
            return 0.0
        got = sum(self.weight(g) * (0.6 + 0.4 * (g in self.leads[k])) for g in q if g in self.bodies[k])
        return got / total

    def scores(self, query: str) -> list[float]:
        q = grams(query)
        return [self.score(q, k) for k in range(len(self.bodies))]
