"""The review page of a month: build time, file size, and how the aligner scales.

    .venv/bin/python bench/bench_review.py [--pages N] [--runs R] [--browser] [PAGE.txt]

A month is N page files (default 30: the sample page once per day).  The
build is timed in process (CPU, median of R runs) as a whole and without the
parse, so the review's own cost (aligning lines, writing HTML) is seen apart
from the parser's.  The aligner is then run on pathological pages (one line
repeated, so every gram is shared by every line) of growing size: linear
work gives a flat time per line.  ``--browser`` also opens the month in
headless Chromium and times the load and a full layout.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import lishi_pub
from lishi_pub.inputs import read_source
from lishi_pub.parser.page import parse_page
from lishi_pub.reviewpage.build import read_traces
from lishi_pub.reviewpage.parsing import text_pages
from lishi_pub.reviewpage.html import render_review
from lishi_pub.reviewpage.provenance import trace_page

ROOT = Path(__file__).resolve().parent.parent


def cpu(fn) -> float:  # type: ignore[no-untyped-def]
    start = time.process_time()
    fn()
    return time.process_time() - start


def month(folder: Path, page: Path, pages: int) -> list[Path]:
    text = page.read_text("utf-8")
    files = []
    for day in range(1, pages + 1):
        path = folder / f"page-{day:02d}.txt"
        path.write_text(text, "utf-8")
        files.append(path)
    return files


def scaling() -> None:
    print("aligner on one line repeated (every gram shared by every line):")
    for n in (1000, 2000, 4000, 8000):
        text = "\n\n".join(["离石区总工会开展送温暖专项行动，把党和政府的关怀送到一线。"] * n)
        page = parse_page(text, 1)
        took = cpu(lambda: trace_page(page, text))
        print(f"  {n:5d} lines: {took * 1000:7.1f} ms CPU, {took / n * 1e6:6.1f} µs/line")


def browser(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from chromium import Browser, find_chromium  # the test suite's small DevTools client

    b = Browser(find_chromium())
    try:
        start = time.perf_counter()
        b.open(path)
        loaded = time.perf_counter() - start
        layout = b.eval("(() => { const t = performance.now(); document.body.offsetHeight; "
                        "document.querySelectorAll('.ln').length; return performance.now() - t; })()")
        start = time.perf_counter()
        for _ in range(5):
            b.key("n")
        keys = (time.perf_counter() - start) / 5
        print(f"chromium: load {loaded * 1000:.0f} ms wall, then layout {layout:.0f} ms, "
              f"next page key {keys * 1000:.0f} ms round trip")
    finally:
        b.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--browser", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = month(Path(tmp), Path(args.page), args.pages)
        lines = sum(1 for f in files for line in f.read_text("utf-8").splitlines() if line.strip())
        whole = [cpu(lambda: lishi_pub.review_html(files)) for _ in range(args.runs)]
        parse = [cpu(lambda: lishi_pub.parse(files)) for _ in range(args.runs)]
        issue, traces = read_traces(files)
        sources = [read_source(f).text for f in files]
        pages = [(t.page, s) for t, s in zip(traces, (text for s in sources for _, text in text_pages(s)))]
        align = [cpu(lambda: [trace_page(p, s) for p, s in pages]) for _ in range(args.runs)]
        render = [cpu(lambda: render_review(issue, traces)) for _ in range(args.runs)]
        out = lishi_pub.review(files, Path(tmp) / "month.html")
        size = out.stat().st_size
        print(f"month: {args.pages} pages, {lines} source lines, {sum(len(t.page.articles) for t in traces)} articles")
        print(f"review_html: median {statistics.median(whole) * 1000:.0f} ms CPU "
              f"(parse {statistics.median(parse) * 1000:.0f} ms, align {statistics.median(align) * 1000:.0f} ms, "
              f"render {statistics.median(render) * 1000:.0f} ms)")
        print(f"file: {size / 2**20:.2f} MiB ({size / lines:.0f} bytes per source line)")
        scaling()
        if args.browser:
            browser(out)


if __name__ == "__main__":
    main()
