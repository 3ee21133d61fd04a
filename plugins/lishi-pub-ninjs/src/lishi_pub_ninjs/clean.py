"""Drop the characters XML forbids from text bound for ninjs.

ninjs is JSON, which could carry them escaped, but its bodies are read as
HTML and its documents are routinely turned into NewsML (XML) downstream.
"""

from __future__ import annotations

import re

__all__ = ["clean"]

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """``text`` without XML-illegal characters and outer whitespace; '' for None."""
    return _XML_ILLEGAL.sub("", text or "").strip()
