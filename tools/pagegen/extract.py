"""Run the real extractors on a generated PDF.

pdfminer.six is run as its ``pdf2txt.py`` runs by default, with one change:
``all_texts`` so the text of Form XObjects (where layout programs keep
headline frames) is laid out too; pdfminer then puts it after the body text,
which is how headline blocks end up at the end of a dump.  pdftotext is
poppler's, in its default (reading-order) mode.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

EXTRACTORS = ("pdfminer", "pdftotext")


class ExtractorMissing(RuntimeError):
    pass


def pdfminer(pdf: Path) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    return extract_text(str(pdf), laparams=LAParams(all_texts=True))


def pdftotext(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        raise ExtractorMissing("pdftotext not found: install poppler-utils")
    done = subprocess.run([exe, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
    return done.stdout.decode("utf-8")


def extract(pdf: Path, extractor: str) -> str:
    """The dump, with the final form feed the extractors print after the last page removed."""
    text = pdfminer(pdf) if extractor == "pdfminer" else pdftotext(pdf)
    return text[:-1] if text.endswith("\f") else text
