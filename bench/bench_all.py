"""Every row of issue 16's performance table in one run, beside pandoc and calibre.

    .venv/bin/python bench/bench_all.py [--runs R] [--batch-pages N] [--parser-tree SRC ...] [PAGE.txt]

Whole processes are run as a user runs them, alternating (lishi-pub, then
each peer, then lishi-pub again…), so that a change in the shared machine's
load hits every contestant alike.  For each, the minimum and the median of
R runs, in wall time and in CPU time (user + system of the process and every
descendant it waited for, from ``getrusage(RUSAGE_CHILDREN)``); ratios are
lishi-pub over the peer, on medians.  CPU time is the figure to read on a
busy machine: wall time waits for other people's jobs, CPU time mostly does
not.  The load average is printed before and after.

Rows:

* 1-page EPUB: ``lishi-pub convert PAGE --to epub`` / ``pandoc -f markdown
  PAGE -o x.epub`` / calibre's ``ebook-convert PAGE x.epub``;
* 1-page PDF: ``--to pdf`` / ``ebook-convert PAGE x.pdf``; also with the
  disk cache off (``LISHI_PUB_NO_CACHE=1``), a first run after installing;
* 100-page EPUB: 100 variants of the page (``bench_batch.variant``: the
  same lines with other characters, so the parser's memo does not flatter
  it) as one issue / pandoc on the same 100 pages in one file;
* parse, in process: pages/s of ``parse_text`` (median CPU time, caches
  cleared between pages), for this tree and any ``--parser-tree`` given
  (another branch's ``src``, e.g. the parser rewrite);
* ``--help`` / ``python -c pass``;
* batch ``--jobs 2`` / ``--jobs 1`` on an archive of N page variants, eight
  to an issue: wall time, CPU time and the share of two cores obtained, because a
  speed-up needs two idle cores and the CPU figures show whether it had them.

The 1,000-page PDF's memory is measured by ``bench_pdf_scale.py`` (issue 14).  lishi-pub runs
with its byte code compiled (as after ``pip install``), without third-party
plugins, and with a disk cache of its own that the warm-up run fills.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import PAGES_PER_ISSUE, bench_env, make_archive, variant  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
CLI = [sys.executable, "-m", "lishi_pub"]
CALIBRE_ENV = {"QTWEBENGINE_DISABLE_SANDBOX": "1", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}

# In a fresh process: parse the page N times, every parser cache cleared before each, and print
# the median CPU time per page.  Only public API, so it runs on any branch's tree.
_PARSE = """
import functools, statistics, sys, time, types
import lishi_pub
from lishi_pub import parser
text = open(sys.argv[1], encoding="utf-8").read()
runs = int(sys.argv[2])
caches = []
def once():
    for f in caches:
        f.cache_clear()
    start = time.process_time()
    lishi_pub.parse_text(text)
    return time.process_time() - start
lishi_pub.parse_text(text)
caches = [f for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)
          and m.__name__.startswith("lishi_pub.parser") for f in vars(m).values() if hasattr(f, "cache_clear")]
from lishi_pub.parser.conventions import DEFAULT_PROFILE  # the markers' memos live on the profile
caches += [f for f in vars(DEFAULT_PROFILE.markers).values() if hasattr(f, "cache_clear")]
for _ in range(3):
    once()
times = [once() for _ in range(runs)]
print(statistics.median(times), min(times))
"""


class Runs:
    """Wall and CPU seconds of each run of one command."""

    def __init__(self, label: str, command: Sequence[str], env: dict[str, str], out: Path | None = None) -> None:
        self.label, self.command, self.env, self.out = label, list(command), env, out
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.stdout = b""

    def run(self, record: bool = True) -> None:
        if self.out is not None:
            shutil.rmtree(self.out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(self.command, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env=self.env)
        self.stdout = done.stdout
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if record:
            self.wall.append(wall)
            self.cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    def median(self, cpu: bool) -> float:
        return statistics.median(self.cpu if cpu else self.wall)

    def line(self) -> str:
        return (f"{self.label:<34} wall min {min(self.wall) * 1000:7.0f} med {self.median(False) * 1000:7.0f} ms"
                f"   CPU min {min(self.cpu) * 1000:7.0f} med {self.median(True) * 1000:7.0f} ms")

    def cell(self) -> str:
        return f"{self.median(True) * 1000:,.0f} ms CPU ({self.median(False) * 1000:,.0f} wall)"


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def alternate(groups: Sequence[Runs], runs: int) -> None:
    """Each command once to warm up (byte code, disk cache, page cache), then ``runs`` rounds in turn."""
    for item in groups:
        item.run(record=False)
    for _ in range(runs):
        for item in groups:
            item.run()


def parse_rate(tree: Path | None, page: Path, pages: int) -> tuple[float, float]:
    env = bench_env()
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    done = subprocess.run([sys.executable, "-c", _PARSE, str(page), str(pages)], check=True, capture_output=True,
                          text=True, env=env)
    median, best = map(float, done.stdout.split())
    return 1 / median, 1 / best


def per_process(runs: Runs) -> str:
    """CPU time per converting process, from the batch's JSON Lines (``cpu_seconds``, ``process``)."""
    import json

    spent: dict[int, list[float]] = {}
    for line in runs.stdout.decode("utf-8").splitlines():
        record = json.loads(line)
        if record.get("type") == "issue" and record.get("process") is not None:
            spent.setdefault(record["process"], []).append(record["cpu_seconds"])
    if not spent:
        return "no per-issue CPU times reported"
    issues = sum(sum(v) for v in spent.values())
    parts = [f"process {n + 1}: {len(v)} issues, {sum(v):.2f} s CPU" for n, v in enumerate(spent.values())]
    return (", ".join(parts) + f"; start-up and coordination: {runs.cpu[-1] - issues:.2f} s CPU "
            f"of {runs.cpu[-1]:.2f} s, in {runs.wall[-1]:.2f} s wall")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--runs", type=int, default=7, help="rounds of whole-process runs (default 7)")
    ap.add_argument("--calibre-runs", type=int, default=3, help="rounds including calibre (default 3)")
    ap.add_argument("--parse-pages", type=int, default=100, help="pages parsed for the parse rate (default 100)")
    ap.add_argument("--parser-tree", type=Path, action="append", default=[],
                    help="another tree's src folder whose parser to measure too (repeatable)")
    ap.add_argument("--batch-pages", type=int, default=64, help="batch length, 0 to skip (default 64)")
    ap.add_argument("--batch-runs", type=int, default=2, help="runs per --jobs value (default 2)")
    ap.add_argument("--batch-to", default="json,epub,pdf", help="batch formats (default json,epub,pdf)")
    args = ap.parse_args()

    print(f"load average at start {load()} on {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    pandoc, calibre = shutil.which("pandoc"), shutil.which("ebook-convert")
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = bench_env()
        env["LISHI_PUB_CACHE"] = str(tmp / "cache")
        off = {**env, "LISHI_PUB_NO_CACHE": "1"}
        peer_env = {**os.environ, **CALIBRE_ENV}
        page = args.page
        hundred = tmp / "hundred"
        hundred.mkdir()
        pages = []
        text = page.read_text("utf-8")
        for n in range(100):  # 100 distinct pages: copies would parse from the parser's memo
            pages.append(hundred / f"p{n + 1:03d}.txt")
            pages[-1].write_text(variant(text, n), encoding="utf-8")
        (tmp / "hundred.txt").write_text("\n\n".join(p.read_text("utf-8") for p in pages), encoding="utf-8")

        ours = {
            "epub": Runs("lishi-pub convert --to epub", [*CLI, "convert", str(page), "--to", "epub", "-o",
                                                         str(tmp / "l.epub")], env),
            "pdf": Runs("lishi-pub convert --to pdf", [*CLI, "convert", str(page), "--to", "pdf", "-o",
                                                       str(tmp / "l.pdf")], env),
            "pdf-cold": Runs("  same, cache off", [*CLI, "convert", str(page), "--to", "pdf", "-o",
                                                   str(tmp / "l0.pdf")], off),
            "epub100": Runs("lishi-pub 100 pages --to epub", [*CLI, "convert", *map(str, pages), "--to", "epub",
                                                               "-o", str(tmp / "l100.epub")], env),
            "help": Runs("lishi-pub --help", [*CLI, "--help"], env),
            "pass": Runs("python -c pass", [sys.executable, "-c", "pass"], env),
        }
        peers: dict[str, Runs] = {}
        if pandoc:
            peers["pandoc"] = Runs("pandoc -o x.epub", [pandoc, "-f", "markdown", str(page), "-o",
                                                        str(tmp / "p.epub")], peer_env)
            peers["pandoc100"] = Runs("pandoc 100 pages -o x.epub", [pandoc, "-f", "markdown",
                                                                      str(tmp / "hundred.txt"), "-o",
                                                                      str(tmp / "p100.epub")], peer_env)
        quick = [ours["epub"], *(peers[k] for k in ("pandoc",) if k in peers), ours["help"], ours["pass"],
                 ours["epub100"], *(peers[k] for k in ("pandoc100",) if k in peers), ours["pdf"], ours["pdf-cold"]]
        alternate(quick, args.runs)
        if calibre:
            peers["calibre epub"] = Runs("ebook-convert x.epub", [calibre, str(page), str(tmp / "c.epub")], peer_env)
            peers["calibre pdf"] = Runs("ebook-convert x.pdf", [calibre, str(page), str(tmp / "c.pdf")], peer_env)
            alternate([ours["epub"], peers["calibre epub"], ours["pdf"], peers["calibre pdf"]], args.calibre_runs)
        for item in [*ours.values(), *peers.values()]:
            print(item.line())

        def ratio(mine: Runs, peer: Runs | None, target: float, peer_name: str, measure: str) -> None:
            if peer is None:
                rows.append((measure, mine.cell(), f"{peer_name} not installed", "", f"≤ {target:g}"))
                return
            cpu = mine.median(True) / peer.median(True)
            wall = mine.median(False) / peer.median(False)
            rows.append((measure, mine.cell(), f"{peer_name} {peer.cell()}", f"{cpu:.2f} CPU ({wall:.2f} wall)",
                         f"≤ {target:g}: {'met' if cpu <= target else 'NOT met'}"))

        ratio(ours["epub"], peers.get("pandoc"), 1.0, "pandoc", "1-page EPUB, whole process")
        ratio(ours["epub"], peers.get("calibre epub"), 0.2, "calibre", "1-page EPUB")
        ratio(ours["pdf"], peers.get("calibre pdf"), 0.08, "calibre", "1-page PDF")
        ratio(ours["pdf-cold"], peers.get("calibre pdf"), 0.08, "calibre", "1-page PDF, cache off")
        ratio(ours["epub100"], peers.get("pandoc100"), 0.25, "pandoc", "100-page EPUB")
        rate, best = parse_rate(None, page, args.parse_pages)
        rows.append(("parse, in process (sample)", f"{rate:.0f} pages/s (best {best:.0f})", "", "",
                     f"≥ 400: {'met' if rate >= 400 else 'NOT met'}"))
        for tree in args.parser_tree:
            rate, best = parse_rate(tree, page, args.parse_pages)
            rows.append((f"parse, {tree}", f"{rate:.0f} pages/s (best {best:.0f})", "", "",
                         f"≥ 400: {'met' if rate >= 400 else 'NOT met'}"))
        ratio(ours["help"], ours["pass"], 2.0, "`python -c pass`", "`--help`")

        if args.batch_pages:
            archive = make_archive(tmp / "archive", args.batch_pages, page)
            batch = {jobs: Runs(f"batch {args.batch_pages} pages --jobs {jobs}",
                                [*CLI, "convert", str(archive), "--to", args.batch_to, "-o", str(tmp / "out"),
                                 "--jobs", str(jobs)], env, out=tmp / "out") for jobs in (1, 2)}
            alternate([batch[1], batch[2]], args.batch_runs)
            one, two = batch[1], batch[2]
            print(one.line())
            print(two.line())
            for runs in (one, two):
                print(f"  last run of {runs.label}: {per_process(runs)}")
            speed = one.median(False) / two.median(False)
            share = two.median(True) / two.median(False)
            rows.append((f"batch `--jobs 2` vs `--jobs 1`, {args.batch_pages} pages ({args.batch_pages // PAGES_PER_ISSUE}"
                         f" issues) to {args.batch_to}",
                         f"{one.median(False):.1f} s → {two.median(False):.1f} s wall; CPU {one.median(True):.1f} s "
                         f"→ {two.median(True):.1f} s", "", f"{speed:.2f}× (cores obtained by --jobs 2: {share:.2f})",
                         f"≥ 1.7×: {'met' if speed >= 1.7 else 'NOT met'}"))

    print(f"load average at end {load()}")
    print()
    print("| measure | lishi-pub | peer | ratio | target |")
    print("| --- | --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
