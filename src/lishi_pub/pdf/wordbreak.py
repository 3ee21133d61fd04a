"""Where a headline may break: between words (jieba), and never inside a quotation.

Body text breaks between any two hanzi, as Chinese is set; a headline is
read as a few words at a glance, so "公路改／建工程" or "“青春／心向党”" reads
wrong.  Headline lines break, in order of preference:

1. at a word boundary outside quotation marks and book-title marks;
2. at a word boundary inside them (a quotation longer than a line);
3. anywhere the kinsoku rules allow (:mod:`.linebreak`).

Words come from jieba's dictionary (350,000 words).  Loading it costs about
0.4 s and 70 MB once per process, so it is loaded only when a headline is
too long for one line, and only headlines use it.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

__all__ = ["QUOTES", "quoted_gaps", "word_breaks", "word_gaps"]

#: Opening mark → closing mark of the spans a headline never breaks inside.
QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉", '"': '"'}


@cache
def _tokenizer() -> Any:
    import jieba

    from .worddict import tokenizer

    jieba.setLogLevel(logging.WARNING)
    return tokenizer()  # the dictionary a slice at a time from the disk cache (0.4 s less a process)


def word_gaps(text: str) -> frozenset[int]:
    """The gaps (indices of the first character after a boundary) between jieba's words of ``text``."""
    gaps: set[int] = set()
    pos = 0
    for word in _tokenizer().cut(text, HMM=False):
        pos += len(word)
        gaps.add(pos)
    gaps.discard(len(text))
    return frozenset(gaps)


def quoted_gaps(text: str) -> frozenset[int]:
    """The gaps strictly inside a quotation (after its opening mark, before its closing one)."""
    inside: set[int] = set()
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if stack and ch == stack[-1][0]:
            _close, opened = stack.pop()
            if not stack:
                inside.update(range(opened + 1, i + 1))
        elif ch in QUOTES:
            stack.append((QUOTES[ch], i))
    return frozenset(inside)


@cache
def word_breaks(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """The preferred break gaps of a headline: (word boundaries outside quotations, all word boundaries)."""
    words = word_gaps(text)
    return words - quoted_gaps(text), words
