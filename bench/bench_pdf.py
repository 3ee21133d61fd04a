"""PDF build time and memory: the sample page, and a book of about 400 PDF pages.

    .venv/bin/python bench/bench_pdf.py [--runs R] [--book-pages N] [PAGE.txt]

The page is parsed once.  The sample is built R times per option set after
a warm-up build, which alone pays for importing reportlab and loading and
registering the font (once per process).  The book repeats the sample's
printed page until the PDF has about N pages (one Issue, many 版), and is
built once per option set.  Times are CPU times of this process (robust on
a shared machine); memory is the process's peak RSS at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import resource
import statistics
import time
from pathlib import Path
from typing import Any

import attrs
import pikepdf

import lishi_pub
from lishi_pub import Issue

ROOT = Path(__file__).resolve().parent.parent


def cpu(build: Any) -> tuple[float, bytes]:
    start = time.process_time()
    data = build()
    return time.process_time() - start, data


def pages_of(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return len(pdf.pages)


def book(page_issue: Issue, copies: int) -> Issue:
    """``copies`` printed pages, each the sample page with its own number and article ids."""
    pages = []
    for n in range(1, copies + 1):
        source = page_issue.pages[0]
        articles = tuple(attrs.evolve(a, id=f"p{n}-{a.id}") for a in source.articles)
        pages.append(attrs.evolve(source, number=n, label=f"第{n}版", articles=articles))
    return attrs.evolve(page_issue, pages=tuple(pages))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--book-pages", type=int, default=400)
    args = ap.parse_args()

    issue = lishi_pub.parse(args.page, title="离石报", date="2022-04-22", number="1234", publisher="离石区融媒体中心")
    first, data = cpu(lambda: lishi_pub.render(issue, "pdf"))
    per_page = pages_of(data)
    print(f"sample: {len(issue.articles)} articles -> {per_page} PDF pages, {len(data) / 1024:.0f} KiB")
    print(f"first build (imports reportlab, loads the font): {first * 1000:.0f} ms CPU")
    option_sets: list[dict[str, Any]] = [{}, {"columns": 2}, {"toc": True}, {"page_size": "A5"}]
    if importlib.util.find_spec("pikepdf.pdfa") is not None:
        option_sets.append({"pdfa": True})
    for options in option_sets:
        times = [cpu(lambda: lishi_pub.render(issue, "pdf", **options))[0] for _ in range(args.runs)]
        print(f"  sample {options or 'default'}: median {statistics.median(times) * 1000:.0f} ms, "
              f"min {min(times) * 1000:.0f} ms CPU over {args.runs} runs")

    big = book(issue, max(1, round(args.book_pages / per_page)))
    for options in ({}, {"columns": 2, "toc": True}):
        spent, data = cpu(lambda: lishi_pub.render(big, "pdf", **options))
        print(f"book {options or 'default'}: {len(big.pages)} printed pages, {len(big.articles)} articles -> "
              f"{pages_of(data)} PDF pages, {len(data) / 2**20:.1f} MiB in {spent:.2f} s CPU")
    print(f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
