"""Parse throughput, in process, on one core.

    .venv/bin/python bench/bench_parse.py [--pages N] [PAGE.txt]

Every parse starts with empty caches (the parser memoises n-grams and cleaned
lines, which would flatter a benchmark that parses the same page again), so
the number stands for a stream of distinct pages like the sample.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from lishi_pub.inputs import Source
from lishi_pub.parser import text
from lishi_pub.parser.text import grams
from lishi_pub.parser import read_page
from lishi_pub.parser.dump import page_layout

ROOT = Path(__file__).resolve().parent.parent


def one(page: str, source: Source) -> float:
    grams.cache_clear()
    text.clean_spaces.cache_clear()
    start = time.process_time()
    read_page(page_layout(page, 1, source.name))
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--cpu", type=int, default=None,
                    help="the core to pin to (default: the last one allowed; core 0 takes most interrupts)")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))})
    page = Path(args.page).read_text("utf-8")
    source = Source(text=page, name=args.page, encoding="utf-8")
    for _ in range(5):
        one(page, source)
    times = [one(page, source) for _ in range(args.pages)]
    median = statistics.median(times)
    print(f"page: {args.page} ({len(page)} characters, {page.count(chr(10))} lines)")
    print(f"parse: median {median * 1000:.2f} ms/page CPU, best {min(times) * 1000:.2f} ms "
          f"-> {1 / median:.0f} pages/s on one core")


if __name__ == "__main__":
    main()
