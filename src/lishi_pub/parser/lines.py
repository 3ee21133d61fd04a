"""Physical lines of a page dump, and what the blank lines between them mean.

Two extractor styles are common.  pdfminer puts a blank line after every
line, so a blank line says nothing and a *single* newline means "same text
box".  pdftotext separates the lines of a block by single newlines and blocks
by blank lines.  Each line records both facts, interpreted for its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold_fullwidth, width

__all__ = ["Line", "split_lines"]

_INDENT = re.compile(r"^(\u3000{1,4}|[ \t]{2,8})(?=\S)")
_INDENT_START = frozenset(" \t\u3000")


@dataclass(slots=True)
class Line:
    text: str
    width: float
    gap: bool  # a block boundary (blank line that means something) comes before it
    blanks: int  # blank lines before it: 0 means the same text box as the line above
    indent: bool  # starts with a paragraph indent (U+3000 or several spaces)


def split_lines(text: str) -> list[Line]:
    raw = fold_fullwidth(text).split("\n")
    entries: list[tuple[str, int]] = []  # (line, blank lines before it)
    blanks = 0
    for line in raw:
        if line.strip():
            entries.append((line.rstrip(), blanks))
            blanks = 0
        else:
            blanks += 1
    if not entries:
        return []
    joins = [b for _, b in entries[1:]]
    blank_style = bool(joins) and sum(1 for b in joins if b > 0) >= 0.6 * len(joins)
    need = 2 if blank_style else 1
    return [Line(text=line, width=width(line), gap=k > 0 and before >= need, blanks=before,
                 indent=line[:1] in _INDENT_START and _INDENT.match(line) is not None)
            for k, (line, before) in enumerate(entries)]
