"""The corpus slice, generated once per session (the generator is a tool under tools/, not installed)."""

from __future__ import annotations

import pytest
from pagegen_slice import SLICE, SLICE_SEED, need

from pagegen.corpus import GeneratedPage, generate_page


@pytest.fixture(scope="session")
def corpus_slice() -> list[GeneratedPage]:
    """12 pages: every page kind with both extractors."""
    need("pdftotext")
    return [generate_page(SLICE_SEED, n, kind, extractor) for n, kind, extractor in SLICE]
