"""Latin-script pages of a text dump: paragraphs from blank lines and from the wrap.

The shared reflow reads Chinese typesetting: a line break is no space, a
sentence ends in 。！？, and a line is short against its column's width.
English text (or any text written in spaced words) is typed or extracted
at a fixed measure instead, so on a page in Latin script this reader finds
the paragraphs itself and hands each on as one line that it knows opens a
paragraph (``starts_paragraph``), joined with spaces:

* a blank line ends a paragraph, unless the text plainly runs on across
  it (the line before ends without punctuation and the next starts in
  lower case, as where a text box was cut mid-sentence);
* inside a run of lines, a line ends its paragraph where the next line's
  first word would still have fitted on it (a wrapper breaks only when the
  word does not fit; the measure is the page's 90th-percentile line
  length, and a page where fewer than half the lines come near it is typed
  a paragraph a line), where the next line opens a list item, or where a first-line
  indent shows (the next line is indented further and the one after goes
  back);
* a rule (``=====`` under a title, ``* * *``) stands alone;
* a line longer than :data:`LONG` characters is no wrapped line but a
  paragraph typed on one line.

A word hyphenated across a line break keeps its hyphen and loses the space.
Blocks of Han text on such a page, and every page that is not Latin
(:func:`..latin.is_latin`), pass through untouched.  Convention and example:
docs/parsing.md, "Latin-script text".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..latin import is_latin
from ..layout import Role, TextLine

__all__ = ["latin_lines"]

#: A line longer than this is a paragraph typed on one line, not a wrapped one.
LONG = 200
#: The measure is this quantile of the lengths of the page's wrapped lines.
WRAP_QUANTILE = 0.9
#: A line this share of the measure long or longer is full ...
FULL_SHARE = 0.75
#: ... and lines are wrapped at a measure only when at least this share of them is full
#: (typed one paragraph a line, their lengths spread out: then every line is a paragraph).
WRAPPED_SHARE = 0.5
#: How much of the page's text the script is told from (its first lines).
SAMPLE_CHARS = 20_000

_LIST_ITEM = re.compile(r"\s*(?:[-*•·–]|\d{1,3}[.)]|\(\w{1,3}\))\s+\S")
#: A line of one repeated mark (``=====`` under a title, ``* * *``): a line of its own.
_RULE = re.compile(r"\s*([^\w\s])(?:\s*\1){2,}\s*")
_RUNS_ON_END = re.compile(r"[\w,]$")


def _blocks(lines: list[TextLine]) -> Iterator[tuple[int, list[TextLine]]]:
    """Runs of text lines, each with the number of blank lines before it."""
    blanks = 0
    run: list[TextLine] = []
    for line in lines:
        if line.hint is Role.BLANK:
            if run:
                yield blanks, run
                blanks, run = 0, []
            blanks += 1
        else:
            run.append(line)
    if run:
        yield blanks, run
    elif blanks:
        yield blanks, []


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _measure(blocks: list[tuple[int, list[TextLine]]]) -> int:
    """The page's measure, or 0 when its lines are not wrapped at one (too few come near it)."""
    lengths = sorted(len(x.text) for _, run in blocks if len(run) > 1 for x in run if len(x.text) <= LONG)
    if not lengths:
        return 0
    measure = lengths[int(WRAP_QUANTILE * (len(lengths) - 1))]
    full = sum(1 for n in lengths if n >= FULL_SHARE * measure)
    return measure if full >= WRAPPED_SHARE * len(lengths) else 0


def _ends_paragraph(run: list[TextLine], i: int, measure: int) -> bool:
    """Does the paragraph end after ``run[i]``?"""
    prev, line = run[i].text, run[i + 1].text
    if len(prev) > LONG or len(line.strip()) > LONG or _LIST_ITEM.match(line) \
            or _RULE.fullmatch(prev) or _RULE.fullmatch(line):
        return True
    first_word = line.split(None, 1)[0]
    if len(prev) + 1 + len(first_word) <= measure or not measure:
        return True
    after = run[i + 2].text if i + 2 < len(run) else None
    return _indent(line) > _indent(prev) and after is not None and _indent(after) < _indent(line)


def _join(texts: list[str]) -> str:
    out = texts[0].rstrip()
    for text in texts[1:]:
        text = text.strip()
        if len(out) > 1 and out[-1] == "-" and out[-2].isalpha() and text[:1].islower():
            out += text  # a word hyphenated at the line's end
        else:
            out += " " + text
    return out


def _runs_on(before: str, after: str) -> bool:
    return _RUNS_ON_END.search(before) is not None and after.lstrip()[:1].islower()


def latin_lines(lines: list[TextLine]) -> list[TextLine]:
    """The page's lines with each Latin paragraph as one line (the page as it is when not Latin)."""
    sample: list[str] = []
    size = 0
    for line in lines:
        if size >= SAMPLE_CHARS:
            break
        sample.append(line.text)
        size += len(line.text)
    if not is_latin("".join(sample)):
        return lines
    blank = TextLine("", hint=Role.BLANK)
    blocks = list(_blocks(lines))
    measure = _measure(blocks)
    out: list[TextLine] = []
    pending: list[str] = []  # the paragraph being gathered
    pending_blanks = 0

    def flush() -> None:
        if pending:
            out.extend([blank] * pending_blanks)
            out.append(TextLine(_join(pending), starts_paragraph=True))
            pending.clear()

    for blanks, run in blocks:
        if run and not is_latin("".join(x.text for x in run), minimum=0):
            flush()
            out.extend([blank] * blanks)
            out.extend(run)
            pending_blanks = 0
            continue
        if not run:
            continue  # trailing blank lines say nothing
        if not (pending and _runs_on(pending[-1], run[0].text)):
            flush()
            pending_blanks = blanks
        pending.append(run[0].text)
        for i in range(len(run) - 1):
            if _ends_paragraph(run, i, measure):
                flush()
                pending_blanks = 0
            pending.append(run[i + 1].text)
    flush()
    return out
