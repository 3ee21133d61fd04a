"""EPUB build time and memory for a month of a paper as one book.

    .venv/bin/python bench/bench_epub.py [--issues N] [--runs R] [PAGE.txt]

The page is parsed once and dated N times (one issue a day), so only the
EPUB build is measured: outline, XHTML, ebooklib's package writer and the
deterministic re-pack.  Time is CPU time of this process (robust on a shared
machine), the median of R builds after one warm-up build that also pays for
importing ebooklib.  Memory is the peak traced by tracemalloc during one
build, plus the process's peak RSS at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import statistics
import time
import tracemalloc
from pathlib import Path

import attrs

import lishi_pub

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--issues", type=int, default=30)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()

    page = lishi_pub.parse(args.page, title="离石报", publisher="离石区融媒体中心")
    issues = tuple(attrs.evolve(page, date=dt.date(2022, 4, 1) + dt.timedelta(days=n), number=str(1200 + n))
                   for n in range(args.issues))
    build = lishi_pub.exporters()["epub"].render_collection
    assert build is not None

    start = time.process_time()
    size = len(build(issues))
    first = time.process_time() - start
    times = []
    for _ in range(args.runs):
        start = time.process_time()
        build(issues)
        times.append(time.process_time() - start)
    tracemalloc.start()
    build(issues)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    articles = sum(len(i.articles) for i in issues)
    chars = sum(len(b.text) for i in issues for a in i.articles for b in a.paragraphs)
    print(f"{args.issues} issues, {articles} articles, {chars:,} characters of body text -> {size / 1024:.0f} KiB EPUB")
    print(f"first build (imports ebooklib): {first * 1000:.0f} ms CPU")
    print(f"build: median {statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms CPU "
          f"over {args.runs} runs")
    print(f"peak traced memory during a build: {peak / 2**20:.1f} MiB; "
          f"process peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
