"""Parse throughput, in process, on one core.

    .venv/bin/python bench/bench_parse.py [--pages N] [--cpu K] [PAGE.txt]
    .venv/bin/python bench/bench_parse.py --corpus build/corpus/1-v4-03c8053d46 [--rounds R]

Every parse starts with empty caches (the parser memoises n-grams, cleaned
lines and the markers found in a text, which would flatter a benchmark that
parses the same page again), so
the number stands for a stream of distinct pages like the sample.  With
``--corpus`` every dump of the folder is parsed once per round and the mean
per page is printed (best round and median round).

To compare two trees, run this script under each one's ``PYTHONPATH``
alternately (``PYTHONPATH=OTHER/src .venv/bin/python bench/bench_parse.py``):
it imports only what every tree has.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import types
from pathlib import Path
from typing import Any

from lishi_pub.parser import read_page
from lishi_pub.parser.dump import page_layout

ROOT = Path(__file__).resolve().parent.parent


def _caches() -> list[Any]:
    """Every memo of the parser's modules (n-grams, cleaned lines...), found as bench_all.py finds them,
    and those of the default profile's markers (datelines, credits, bylines found per text), which
    live on the profile, not in a module."""
    from lishi_pub.parser.conventions import DEFAULT_PROFILE

    found = [f for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)
             and m.__name__.startswith("lishi_pub.parser") for f in vars(m).values() if hasattr(f, "cache_clear")]
    return found + [f for f in vars(DEFAULT_PROFILE.markers).values() if hasattr(f, "cache_clear")]


def one(page: str, name: str, caches: list[Any]) -> float:
    for memo in caches:
        memo.cache_clear()
    start = time.process_time()
    read_page(page_layout(page, 1, name))
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--corpus", type=Path, help="a folder of dumps (*.txt): mean time per page over all of them")
    ap.add_argument("--rounds", type=int, default=5, help="passes over the corpus (default 5)")
    ap.add_argument("--cpu", type=int, default=None,
                    help="the core to pin to (default: the last one allowed; core 0 takes most interrupts)")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu if args.cpu is not None else max(os.sched_getaffinity(0))})
    if args.corpus is not None:
        dumps = sorted(args.corpus.glob("*.txt"))
        pages = [(p.read_text("utf-8"), p.name) for p in dumps]
        one(*pages[0], [])
        caches = _caches()
        rounds = [statistics.fmean([one(text, name, caches) for text, name in pages]) for _ in range(args.rounds)]
        print(f"corpus: {args.corpus} ({len(pages)} pages, {args.rounds} rounds)")
        print(f"parse: {min(rounds) * 1000:.2f} ms/page CPU (best round), median round "
              f"{statistics.median(rounds) * 1000:.2f} ms")
        return
    page = Path(args.page).read_text("utf-8")
    one(page, args.page, [])
    caches = _caches()
    for _ in range(5):
        one(page, args.page, caches)
    times = [one(page, args.page, caches) for _ in range(args.pages)]
    median = statistics.median(times)
    print(f"page: {args.page} ({len(page)} characters, {page.count(chr(10))} lines)")
    print(f"parse: median {median * 1000:.2f} ms/page CPU, best {min(times) * 1000:.2f} ms "
          f"-> {1 / median:.0f} pages/s on one core")


if __name__ == "__main__":
    main()
