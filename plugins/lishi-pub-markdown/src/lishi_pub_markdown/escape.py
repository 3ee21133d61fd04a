"""Make any text safe inside Markdown and YAML front matter.

Body text is escaped for CommonMark and the common extensions (GFM tables
and strikethrough, ``$`` maths, ``^`` footnotes), so that a headline that
happens to read ``# 1. <b>`` renders as those characters, not as markup.
Front-matter values must round-trip exactly, so they are YAML double-quoted
scalars with every character YAML cannot carry literally escaped.
"""

from __future__ import annotations

import re

__all__ = ["inline", "yaml_str"]

_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\x85\x0b\x0c]+")
#: Characters XML 1.0 forbids (Markdown is mostly read as HTML) and other controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_PUNCTUATION = re.compile(r"([\\`*_\[\]<>#|~&!$^])")
_BLOCK_START = re.compile(r"^(\d{1,9})([.)])|^([-+=:])")


def inline(text: str) -> str:
    """One line of Markdown showing exactly ``text``, less line breaks and control characters.

    Line breaks become spaces (a Markdown paragraph is one line here), and
    ASCII whitespace at either end is dropped, since it would indent the line
    into a code block.
    """
    flat = _CONTROLS.sub("", _LINE_BREAKS.sub(" ", text)).strip(" \t")
    escaped = _PUNCTUATION.sub(r"\\\1", flat)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped, count=1)


def _yaml_escape(match: re.Match[str]) -> str:
    char = match[0]
    simple = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in simple:
        return simple[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


#: Everything outside YAML's printable set, plus what YAML 1.1 readers take
#: for a line break (U+0085, U+2028, U+2029) and the byte-order mark.
_YAML_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]')


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar that reads back as exactly ``text``."""
    return '"' + _YAML_UNSAFE.sub(_yaml_escape, text) + '"'
