"""Latin-script text: telling it from Chinese, and titling it.

The stages are written for Chinese typesetting, where a line break is no
space and a title is cut at any character.  English (or any Latin-script)
text breaks between words, so a text dump of it gets its own paragraph path
(:mod:`.dump.latin`) and its derived titles end on a word
(docs/parsing.md, "Latin-script text").  Which path a text takes is told
from its letters: Han beside Latin letters is counted, and a text is Latin
when Han is at most a twentieth of its letters.
"""

from __future__ import annotations

import re

__all__ = ["is_latin", "latin_title"]

#: A text is Latin when Han characters are at most this share of its letters ...
HAN_SHARE = 0.05
#: ... and it has at least this many Latin letters (a page number or a URL says nothing).
MIN_LETTERS = 20

# A clause ends at , ; : or at a sentence's end (a full stop followed by a space, not 3.5 or U.S.A).
_CLAUSE = re.compile(r"[,;:!?]\s|[.!?][\"'”’)\]]*(?:\s|$)|\s[-–—]+\s")
#: A first clause shorter than this ("Yes, ...", "In 2021, ...") takes the next one with it.
SHORT_CLAUSE = 10
_EDGE = "\"'“”‘’()[] "


def is_latin(text: str, minimum: int = MIN_LETTERS) -> bool:
    """Latin-script text: enough Latin letters, and Han at most :data:`HAN_SHARE` of the letters.

    Read a chunk at a time, and given up as soon as the rest, however it
    reads, could not make it Latin (a Chinese page: after its first few
    hundred characters, not its whole 20,000-character sample)."""
    latin = han = 0
    for start in range(0, len(text), _CHUNK):
        # the chunk's letters, then how many are Han and how many below U+2E80 (Latin, Greek,
        # Cyrillic...: scripts that space their words), each counted in C, not per character
        letters = "".join(filter(str.isalpha, text[start: start + _CHUNK]))
        han += len(letters) - len(_HAN.sub("", letters))
        latin += len(letters) - len(_SPACED_SCRIPTS.sub("", letters))
        rest = len(text) - start - _CHUNK
        # even were every character left a Latin letter (the margin of 1 stands above float rounding)
        if rest > 0 and (latin + rest < minimum or (1 - HAN_SHARE) * han > HAN_SHARE * (latin + rest) + 1):
            return False
    return latin >= minimum and han <= HAN_SHARE * (latin + han)


_CHUNK = 256
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")  # as :func:`~.text.is_han`
_SPACED_SCRIPTS = re.compile("[\x00-\u2e7f]+")


def latin_title(lead: str, limit: int) -> str | None:
    """A title from a Latin-script lead: its first clause (two when the first
    is a word or two), at most ``limit`` characters, cut after a whole word
    (with …) when the clause runs longer."""
    text = " ".join(lead.split()).lstrip(_EDGE)
    end = len(text)
    for m in _CLAUSE.finditer(text):
        if m.start() >= SHORT_CLAUSE:
            end = m.start()
            break
    title = text[:end].strip(_EDGE + ".,;:")
    if len(title) > limit:
        cut = title.rfind(" ", 0, limit)  # the … takes the place of the space
        head = title[:cut] if cut > 0 else title[: limit - 1]  # one word longer than the limit: cut it
        title = head.rstrip(_EDGE + ".,;:-–—") + "…"
    return title or None
