"""What a typesetter checks in a finished PDF, measured on the file itself (pikepdf, pdftotext).

- :func:`loose_lines`: the extra space per character gap (em) of every
  justified line, read from the ``Tc`` operators and the font size in force
  (a single squeezed mark, set with ``Tc`` of about -0.5 em, is not a line);
- :func:`lone_characters`: lines holding a single hanzi (孤字), read from
  pdftotext's line boxes;
- :func:`text_lines`: every line pdftotext finds, with its box.
"""

from __future__ import annotations

import io
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf

CLOSING = "，。、：；！？”’》）…—"


def loose_lines(data: bytes) -> list[float]:
    """The character spacing of every text run set with a non-zero ``Tc``, in em of its font size."""
    found: list[float] = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            size, spacing = 0.0, 0.0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op == "Tf":
                    size = float(operands[1])
                elif op == "Tc":
                    spacing = float(operands[0])
                elif op in ("Tj", "TJ", "'", '"') and spacing and size:
                    if spacing / size <= -0.2:
                        continue  # one squeezed mark's advance shortened (:mod:`lishi_pub.pdf.punctuation`)
                    found.append(spacing / size)
                elif op == "BT":
                    spacing = 0.0
    return found


def text_lines(data: bytes) -> list[tuple[int, float, float, float, str]]:
    """(page, xMin, xMax, yMin, text) of every line pdftotext finds."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "audit.pdf"
        path.write_bytes(data)
        html = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"],
                              capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(re.sub(r'\sxmlns="[^"]+"', "", html, count=1))
    out = []
    for number, page in enumerate(root.iter("page"), start=1):
        for line in page.iter("line"):
            text = "".join(w.text or "" for w in line.iter("word"))
            out.append((number, float(line.get("xMin", 0)), float(line.get("xMax", 0)), float(line.get("yMin", 0)), text))
    return out


def drawn_lines(data: bytes) -> list[str]:
    """pdftotext's lines, rejoined where it split one drawn line (same page and baseline, abutting boxes).

    A squeezed mark's glyph box overlaps its neighbour's by up to half an em,
    and pdftotext starts a new word, sometimes a new line, at an overlap of
    more than a fifth of an em.
    """
    out: list[tuple[int, float, float, str]] = []
    for page, x0, x1, y, text in text_lines(data):
        if out and out[-1][0] == page and abs(out[-1][2] - y) < 0.5 and -6 < x0 - out[-1][1] < 0.5:
            out[-1] = (page, x1, y, out[-1][3] + text)
        else:
            out.append((page, x1, y, text))
    return [text for *_rest, text in out]


def lone_characters(data: bytes) -> list[str]:
    """Lines that are one hanzi, closing marks aside: a paragraph's last line holding a 孤字."""
    return [text for _page, _x0, _x1, _y, text in text_lines(data)
            if len(text.rstrip(CLOSING)) == 1 and "\u4e00" <= text[0] <= "\u9fff"]
