"""A tiny typesetter that prints known articles the way extractors dump them.

Tests write the truth (paragraphs, headlines, bylines) and check that the
parser gets it back from the dump: hard-wrapped at a column width, the first
line of each paragraph two cells short (the lost indent), spaces inserted
before digit runs that follow Han, and either extractor style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HALF = re.compile(r"[\x21-\x7e]")


def cells(ch: str) -> float:
    return 0.5 if _HALF.match(ch) else 1.0


def wrap(text: str, width: int, first_indent: int = 2) -> list[str]:
    """Hard-wrap like a CJK column: never start a line with closing punctuation."""
    lines: list[str] = []
    line, used = "", 0.0
    limit = width - first_indent
    for ch in text:
        if used + cells(ch) > limit and line and ch not in "，。、：；！？”’）》":
            lines.append(line)
            line, used, limit = "", 0.0, width
        line += ch
        used += cells(ch)
    if line:
        lines.append(line)
    return lines


def extractor_spaces(line: str) -> str:
    """The extractor's habit: a space before a digit or Latin run that follows Han."""
    return re.sub(r"(?<=[\u4e00-\u9fff])(?=[0-9A-Za-z])", " ", line)


@dataclass
class Story:
    paragraphs: list[str]
    width: int = 20
    lead_prefix: str = ""  # e.g. "本报讯 " or "新华社北京5月5日电（记者 王小明）"
    trailing: str = ""  # e.g. " （王艳）"
    headline: list[str] = field(default_factory=list)  # lines of the headline unit, printed at the end

    def body_lines(self) -> list[str]:
        out: list[str] = []
        for k, para in enumerate(self.paragraphs):
            text = para
            if k == 0 and self.lead_prefix:
                text = self.lead_prefix + text
            if k == len(self.paragraphs) - 1 and self.trailing:
                text = text + self.trailing
            out.extend(extractor_spaces(x) for x in wrap(text, self.width))
        return out


def dump(stories: list[Story], style: str = "pdfminer", top: list[str] | None = None,
         tail_extra: list[list[str]] | None = None) -> str:
    """The page as an extractor prints it: top lines, bodies in order, then the headline block.

    pdfminer style puts a blank line after every body line but keeps a
    headline box's lines together; pdftotext style keeps every block's lines
    together and separates blocks by a blank line.
    """
    boxes: list[tuple[list[str], bool]] = [([t], False) for t in (top or [])]
    boxes += [(story.body_lines(), True) for story in stories]
    boxes += [(list(story.headline), False) for story in stories if story.headline]
    boxes += [(list(extra), False) for extra in tail_extra or []]
    inner = "\n\n" if style == "pdfminer" else "\n"
    return "\n\n".join((inner if body else "\n").join(lines) for lines, body in boxes) + "\n"
