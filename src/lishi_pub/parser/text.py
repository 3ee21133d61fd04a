"""Character-level rules: what is Han, how wide a line is, which spaces are real.

Python's East Asian Width calls “ ” … — □ "ambiguous", so a width-based rule
would treat them as Latin and add spurious spaces; the sets here are our own,
after W3C's clreq.
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import add

__all__ = [
    "CJK_PUNCT",
    "BRACKET_PAIRS",
    "CLOSING",
    "LETTER_SPACE",
    "OPENING_QUOTES",
    "QUOTE_END",
    "SENTENCE_END",
    "WORD_SPACE",
    "clean_spaces",
    "close_justified",
    "fold_fullwidth",
    "grams",
    "han_chars",
    "is_cjk",
    "is_han",
    "join_lines",
    "left_open",
    "width",
]

#: A Han character, as a regex: any letter but an ASCII one, a digit or "_".
#: Written by category rather than by code-point range because Python's
#: ``re`` compiles a range of twenty thousand code points one by one, and
#: these classes recur in every marker pattern (tens of ms per process).
HAN = r"[^\W\d_A-Za-z]"
CLOSING = "”’）》〉」』】〕］｝)]"
SENTENCE_END = "。！？…!?"
OPENING_QUOTES = "“‘「『"
#: A quotation's end: the sentence closes inside the quotation marks.
QUOTE_END = ("。”", "！”", "？”", "…”")
CJK_PUNCT = "、，。：；！？“”‘’（）《》〈〉「」『』【】〔〕［］｛｝—…·～□■◆●▲△★☆○◎"

_CJK_PUNCT_SET = frozenset(CJK_PUNCT)
_FULLWIDTH = {c: c - 0xFEE0 for r in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
              for c in range(r[0], r[1] + 1)}
_FULLWIDTH_RE = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_SPACES = re.compile("[ \t\u3000]+")


def is_cjk(ch: str) -> bool:
    return is_han(ch) or ch in _CJK_PUNCT_SET or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\U00020000" <= ch <= "\U0003134f"


def fold_fullwidth(text: str) -> str:
    """Full-width digits and letters to ASCII; nothing else (never NFKC, which would eat （，：)."""
    return text.translate(_FULLWIDTH) if _FULLWIDTH_RE.search(text) else text


def width(text: str) -> float:
    """Printed width in em: CJK one cell, half-width characters and spaces half a cell.

    An extractor's space stands for real white space (the gap around Latin
    runs, a justified line's stretch), so it counts.
    """
    text = text.strip()
    # UTF-8 spends one byte on ASCII and three on CJK, so characters plus bytes,
    # over four, is one cell per CJK character and half a cell per ASCII one.
    return (len(text) + len(text.encode("utf-8", "surrogatepass"))) / 4


def is_letter_spaced(text: str) -> bool:
    """True for display type or justified lines set with a space between every character."""
    if " " not in text:
        return False
    tokens = text.split()  # str.split's whitespace is re's \s: the same tokens as \S+, without match objects
    if len(tokens) < 3:
        return False
    singles = sum(1 for t in tokens if len(t) == 1 or (len(t) == 2 and not t[1].isalnum()))
    return singles >= 0.75 * len(tokens)


def is_spaced_name(text: str) -> bool:
    """Single characters set apart, as a page or column name is (``文 化 周 刊``, ``便 民``):
    letter-spaced display type however short."""
    tokens = text.split()
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens)


def clean_spaces(text: str) -> str:
    """Drop the spaces an extractor added, keep the ones the author meant.

    Spaces touching a digit or Latin run next to CJK, and spaces next to CJK
    punctuation, are the extractor's; a letter-spaced line loses all its
    spaces; a single space between two Han phrases (同心抗疫 工会行动) stays,
    as do spaces between Latin words.  Only texts with spaces are memoised:
    most lines have none, and stripping them is cheaper than a look-up.
    """
    if " " in text or "\t" in text or "\u3000" in text:
        return _clean_spaced(text)
    return text.strip()


@lru_cache(maxsize=8192)
def _clean_spaced(text: str) -> str:
    text = text.strip()
    if " " not in text and "\t" not in text and "\u3000" not in text:
        return text
    if is_letter_spaced(text) and any(map(is_cjk, text)):
        return "".join(text.split())

    kinds = _KINDS.get

    def judge(m: re.Match[str]) -> str:
        start, end = m.span()
        before = kinds(text[start - 1]) or _kind(text[start - 1])
        after = kinds(text[end]) or _kind(text[end])
        if before is _HAN and after is _HAN:
            return " "  # between two Han phrases: the author's
        if before is not _OTHER or after is not _OTHER:
            return ""  # beside CJK: the extractor's (around Latin and digits, or next to punctuation)
        return " "  # between Latin words or numbers

    return _SPACES.sub(judge, text)


_HAN, _CJK, _OTHER = "han", "cjk", "other"
#: Each character's kind, as :func:`clean_spaces` asks it of the characters around every space
#: (one dictionary look-up instead of two range tests; bounded by the characters there are).
_KINDS: dict[str, str] = {}


def _kind(ch: str) -> str:
    kind = _KINDS[ch] = _HAN if is_han(ch) else _CJK if is_cjk(ch) else _OTHER
    return kind


_HAN_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def close_justified(text: str) -> str:
    """Running text without the spaces a justified line's stretch left between
    Han characters (``在阅 览 角戴上``).  A space inside “quotation marks” (a
    quoted slogan, ``“同心抗疫 工会行动”``) or inside brackets (names padded to
    three cells in a byline, ``（记者 矫 月）``) is the author's and stays."""
    if " " not in text or _HAN_GAP.search(text) is None:
        return text
    out: list[str] = []
    depth = 0
    last = 0
    for m in _HAN_GAP.finditer(text):
        segment = text[last:m.start()]
        depth += sum(segment.count(c) for c in "“（(") - sum(segment.count(c) for c in "”）)")
        out.append(segment)
        if depth > 0:
            out.append(" ")
        last = m.end()
    out.append(text[last:])
    return "".join(out)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines: no space around CJK, a space between Latin words."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha():
            out += " "
        out += line
    return out


_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u9fff]+")


@lru_cache(maxsize=4096)
def grams(text: str) -> frozenset[str]:
    """Bigrams of each run of letters, digits and Han (cached: texts recur)."""
    out: set[str] = set()
    for run in _KEEP.findall(text):
        if len(run) == 1:
            out.add(run)
            continue
        out.update(map(add, run, run[1:]))
    return frozenset(out)


@lru_cache(maxsize=4096)
def han_chars(text: str) -> frozenset[str]:
    """The Han characters of a text, told apart among its distinct characters (a few hundred,
    where a paragraph holds thousands).  Cached: the match stage asks it of every paragraph of
    a page, in more than one pass."""
    return frozenset(c for c in set(text) if is_han(c))


#: Quotation marks and brackets, each opening with its closing.
BRACKET_PAIRS = (("“", "”"), ("（", "）"), ("【", "】"), ("《", "》"), ("(", ")"))


def left_open(text: str) -> bool:
    """A quotation or bracket opened and not closed, or closed and not opened, in ``text``: a
    line the column broke inside one, so no whole title, kicker or phrase."""
    return any(text.count(a) != text.count(b) for a, b in BRACKET_PAIRS)


#: A space an author set between two words: a letter (Han, not a digit or Latin, whose gaps are the
#: typesetter's) or a quotation or bracket on each side (``营商环境“一网通办” 企业开办压缩至1天``,
#: ``开学第一课 “安全”二字记心间``, ``● 冬灌工作全面展开 连日来``).
WORD_SPACE = re.compile(r"(?:(?<=[^\W\d_A-Za-z])|(?<=[”’）》」』]))[ \u3000]+(?=[^\W\d_A-Za-z]|[“‘（《「『])")
#: A space between two letters alone (``冬灌工作全面展开 连日来``): where an item's title ends in a
#: column of briefs, and a headline's space beside a quotation is no such end.
LETTER_SPACE = re.compile(r"(?<=[^\W\d_A-Za-z])[ \u3000]+(?=[^\W\d_A-Za-z])")


def title_spaces(text: str) -> str:
    """A headline's text without the extractor's spaces: :func:`clean_spaces`, except that
    a space beside a quotation mark between two phrases is the author's too (a headline is
    set with no justification and no stretch, so such a space is printed white space)."""
    if " " not in text and "\u3000" not in text:
        return text.strip()
    text = text.strip()
    if is_letter_spaced(text) and any(map(is_cjk, text)):
        return "".join(text.split())
    return " ".join(clean_spaces(piece) for piece in WORD_SPACE.split(text))
