"""What plugins cost: host start-up, listing formats, the example exporters and the OpenCC transform.

    .venv/bin/python bench/bench_plugins.py [--runs R] [--issues N] [PAGE.txt]

Start-up is the wall time of ``python -m lishi_pub formats`` in a fresh
process (what a user waits for), with external plugins off and on.  Listing
is the CPU time to build the plugin manager and list every exporter in this
process.  The exporters and the transform are timed on N issues made from
the sample page (CPU time, median of R runs after a warm-up run, which alone
loads OpenCC's dictionary).  Measures whatever plugins are installed: install
the examples first (``pip install -e plugins/lishi-pub-markdown`` etc.).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

import lishi_pub
from lishi_pub import plugins

ROOT = Path(__file__).resolve().parent.parent


def median_cpu(work: Callable[[], Any], runs: int) -> tuple[float, float]:
    """(first run, median of the next ``runs``) in CPU seconds."""
    start = time.process_time()
    work()
    first = time.process_time() - start
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return first, statistics.median(times)


def startup(plugins_off: bool, runs: int) -> float:
    env = {k: v for k, v in os.environ.items() if k != plugins.DISABLE_ENV}
    if plugins_off:
        env[plugins.DISABLE_ENV] = "1"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "lishi_pub", "formats"], env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def listing() -> None:
    plugins.reset()
    lishi_pub.exporters()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", default=str(ROOT / "examples" / "lishi-2022-04-page.txt"))
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--issues", type=int, default=30)
    args = ap.parse_args()

    print(f"`formats` start-up, plugins off: {startup(True, args.runs) * 1000:.0f} ms wall (median)")
    print(f"`formats` start-up, plugins on:  {startup(False, args.runs) * 1000:.0f} ms wall (median)")
    _, listed = median_cpu(listing, args.runs)
    installed = [f"{i.name} ({i.distribution})" for i in plugins.installed_plugins()]
    print(f"load plugins and list exporters: {listed * 1000:.1f} ms CPU; external: {', '.join(installed) or 'none'}")

    page = lishi_pub.parse(args.page, title="离石报", publisher="离石区融媒体中心")
    issues = [attrs.evolve(page, date=dt.date(2022, 4, 1) + dt.timedelta(days=n)) for n in range(args.issues)]
    articles = sum(len(i.articles) for i in issues)
    chars = sum(len(b.text) for i in issues for a in i.articles for b in a.paragraphs)
    print(f"workload: {args.issues} issues, {articles} articles, {chars:,} characters of body text")
    known_exporters, known_transforms = lishi_pub.exporters(), lishi_pub.transforms()
    for name in ("markdown", "ninjs", "json"):
        if name in known_exporters:
            first, median = median_cpu(lambda n=name: [lishi_pub.render(i, n) for i in issues], args.runs)
            print(f"render {name}: {median * 1000:.0f} ms CPU for all issues (first run {first * 1000:.0f} ms)")
    for name in ("zh-tw", "zh-hk"):
        if name in known_transforms:
            step = known_transforms[name].apply
            first, median = median_cpu(lambda s=step: [s(i) for i in issues], args.runs)
            print(f"transform {name}: {median * 1000:.0f} ms CPU for all issues "
                  f"(first run, loading the dictionary: {first * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
