"""Every performance target of issue 8 in one run, on one core, beside pandoc and calibre.

    .venv/bin/python bench/bench_all.py [--runs R] [--rss-pages N] [--no-pin] [PAGE.txt]

Measures, pinned to one CPU (children inherit the pinning):

* parse throughput, in process (bench_parse.py's measure);
* each exporter's throughput, in process: the sample as a one-page issue and
  as an eight-page issue (the page repeated), issues/s and pages/s;
* whole-process ``lishi-pub convert PAGE --to FMT`` for each built-in format,
  and ``lishi-pub --help``;
* the same page through ``pandoc -f markdown PAGE -o x.epub`` and calibre's
  ``ebook-convert PAGE x.epub`` / ``x.pdf``, when installed;
* peak RSS of an N-page batch (bench_batch.py's measure; 0 skips it).

Whole-process figures are the best of R runs, wall-clock and CPU (user+sys
of the process and its children); ratios are given for both, because this
machine is shared and wall time moves with everyone else's load.
lishi-pub runs with byte code cached, as after ``pip install``.
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
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs

import lishi_pub
from lishi_pub.inputs import Source

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import bench_env, memory  # noqa: E402
from bench_parse import one as parse_once  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
CLI = [sys.executable, "-m", "lishi_pub"]
TARGETS = {"parse": 300.0, "help": 0.15, "epub_vs_pandoc": 1.0, "epub_vs_calibre": 5.0, "pdf_vs_calibre": 10.0,
           "rss": 300.0}


@attrs.frozen
class Timing:
    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall * 1000:7.0f} ms wall {self.cpu * 1000:7.0f} ms CPU"


def timed(command: Sequence[str], runs: int, env: dict[str, str] | None = None) -> Timing:
    """Best wall and best CPU time of ``runs`` runs of a whole process."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return Timing(min(walls), min(cpus))


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def cpu_median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return statistics.median(times)


def bench_parse(page: Path, pages: int) -> float:
    text = page.read_text("utf-8")
    source = Source(text=text, name=str(page), encoding="utf-8")
    for _ in range(5):
        parse_once(text, source)
    rate = 1 / statistics.median(parse_once(text, source) for _ in range(pages))
    print(f"parse: {rate:.0f} pages/s in process -> target >= {TARGETS['parse']:.0f}: "
          f"{verdict(rate >= TARGETS['parse'])} ({rate / TARGETS['parse']:.2f}x of target)")
    return rate


def pages_issue(issue: lishi_pub.Issue, copies: int) -> lishi_pub.Issue:
    source = issue.pages[0]
    pages = [attrs.evolve(source, number=n, label=f"第{n}版",
                          articles=tuple(attrs.evolve(a, id=f"p{n}-{a.id}") for a in source.articles))
             for n in range(1, copies + 1)]
    return attrs.evolve(issue, pages=tuple(pages))


def bench_exporters(page: Path, runs: int) -> None:
    issue = lishi_pub.parse(page, title="离石报", date="2022-04-22", number="1234", publisher="离石区融媒体中心")
    for fmt in ("json", "epub", "pdf"):
        lishi_pub.render(issue, fmt)  # imports, fonts: once per process, measured in the whole-process runs
        for size in (1, 8):
            book = pages_issue(issue, size)
            spent = cpu_median(lambda: lishi_pub.render(book, fmt), runs if size == 1 else max(2, runs // 3))
            print(f"export {fmt:<4} {size}-page issue: {spent * 1000:7.1f} ms CPU -> {1 / spent:7.1f} issues/s, "
                  f"{size / spent:7.1f} pages/s")


def bench_processes(page: Path, runs: int) -> dict[str, Timing]:
    env = bench_env()
    found: dict[str, Timing] = {}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([*CLI, "--help"], check=True, stdout=subprocess.DEVNULL, env=env)  # fill the byte-code cache
        found["help"] = timed([*CLI, "--help"], runs * 3, env)
        for fmt in ("json", "epub", "pdf"):
            command = [*CLI, "convert", str(page), "--to", fmt, "-o", f"{tmp}/lishi.{fmt}"]
            subprocess.run(command, check=True, capture_output=True, env=env)
            found[fmt] = timed(command, runs, env)
        if shutil.which("pandoc"):
            found["pandoc epub"] = timed(["pandoc", "-f", "markdown", str(page), "-o", f"{tmp}/pandoc.epub"], runs)
        if shutil.which("ebook-convert"):
            calibre_env = {**os.environ, "QTWEBENGINE_DISABLE_SANDBOX": "1"}
            for fmt in ("epub", "pdf"):
                command = ["ebook-convert", str(page), f"{tmp}/calibre.{fmt}"]
                subprocess.run(command, check=True, capture_output=True, env=calibre_env)
                found[f"calibre {fmt}"] = timed(command, max(2, runs // 2), calibre_env)
    for name, timing in found.items():
        label = "lishi-pub --help" if name == "help" else (
            f"lishi-pub convert --to {name}" if name in ("json", "epub", "pdf") else name)
        print(f"{label:<32} {timing}")
    return found


def ratios(found: dict[str, Timing]) -> None:
    help_time = found["help"]
    print(f"--help: {help_time.wall * 1000:.0f} ms wall ({help_time.cpu * 1000:.0f} ms CPU) -> target < "
          f"{TARGETS['help'] * 1000:.0f} ms: {verdict(help_time.wall < TARGETS['help'])} on wall, "
          f"{verdict(help_time.cpu < TARGETS['help'])} on CPU")
    pairs = [("epub", "pandoc epub", "epub_vs_pandoc", "pandoc / lishi-pub, EPUB"),
             ("epub", "calibre epub", "epub_vs_calibre", "calibre / lishi-pub, EPUB"),
             ("pdf", "calibre pdf", "pdf_vs_calibre", "calibre / lishi-pub, PDF")]
    for ours, theirs, target, label in pairs:
        if theirs not in found:
            print(f"{label}: {theirs.split()[0]} not installed")
            continue
        wall = found[theirs].wall / found[ours].wall
        cpu = found[theirs].cpu / found[ours].cpu
        goal = TARGETS[target]
        print(f"{label}: {wall:.2f}x wall, {cpu:.2f}x CPU -> target >= {goal:g}x: "
              f"{verdict(wall >= goal)} on wall, {verdict(cpu >= goal)} on CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--runs", type=int, default=7, help="runs per measurement, best or median taken (default 7)")
    ap.add_argument("--parse-pages", type=int, default=200)
    ap.add_argument("--rss-pages", type=int, default=1000, help="pages in the peak-RSS batch (0: skip)")
    ap.add_argument("--no-pin", action="store_true", help="do not pin to one CPU")
    args = ap.parse_args()
    if not args.no_pin and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {sys.version.split()[0]}, lishi-pub {lishi_pub.__version__}, "
          f"{'one core' if not args.no_pin else 'all cores'}, load average {load:.1f} on {os.cpu_count()} cores")
    bench_parse(args.page, args.parse_pages)
    bench_exporters(args.page, args.runs)
    ratios(bench_processes(args.page, args.runs))
    if args.rss_pages:
        peaks = memory([args.rss_pages // 10, args.rss_pages], "json,epub,pdf", args.page)
        print(f"peak RSS, {args.rss_pages}-page batch: {peaks[args.rss_pages]:.0f} MiB -> target < "
              f"{TARGETS['rss']:.0f} MiB: {verdict(peaks[args.rss_pages] < TARGETS['rss'])}")


if __name__ == "__main__":
    main()
