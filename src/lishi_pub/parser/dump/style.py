"""Which extractor wrote a dump, told from its blank lines.

pdfminer puts a blank line after every line, so there a blank line says
nothing and a *single* newline means "same text box"; pdftotext separates the
lines of a block by single newlines and blocks by blank lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..layout import Roles, TextLine

__all__ = ["PDFMINER", "PDFTOTEXT", "detect_style"]

PDFMINER = "pdfminer"
PDFTOTEXT = "pdftotext"
#: pdfminer's style when this share of line joins or more have a blank line.
BLANK_SHARE = 0.6


def detect_style(lines: Sequence[TextLine]) -> str | None:
    joins = 0
    blank_joins = 0
    seen_text = False
    blank_before = False
    for line in lines:
        if line.hint is Roles.BLANK:
            blank_before = True
            continue
        if seen_text:
            joins += 1
            blank_joins += blank_before
        seen_text = True
        blank_before = False
    if not joins:
        return None
    return PDFMINER if blank_joins >= BLANK_SHARE * joins else PDFTOTEXT
