"""Batch mode: ``--jobs 2`` against ``--jobs 1``, and peak memory against batch length.

    .venv/bin/python bench/bench_batch.py [--pages 200] [--rss-pages 100,1000] [--to json,epub,pdf] [PAGE.txt]

Both build an archive in a temporary folder from variants of the sample page,
eight pages (版) to an issue, and run ``lishi-pub convert ARCHIVE --to ...``
as a user would, each in a fresh process.  Speed-up is the ratio of wall
times (the best of ``--runs``); it needs two idle cores, so read it together
with the load average printed beside it.  Peak RSS is the largest resident
set of any process of the run (the command and its workers), from
``getrusage(RUSAGE_CHILDREN)`` in a wrapper process of its own, for each batch
length given: flat numbers mean memory does not grow with the archive.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
CLI = [sys.executable, "-m", "lishi_pub"]
PAGES_PER_ISSUE = 8
# Runs a command and prints the peak RSS (KiB) of the largest process it waited for, itself included.
_PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True); "
         "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")


def bench_env() -> dict[str, str]:
    """Byte-code cached as after ``pip install`` (this sandbox sets PYTHONDONTWRITEBYTECODE), no plugins."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "lishi-pub-bench-pycache")
    env["LISHI_PUB_NO_PLUGINS"] = "1"
    return env


# Characters the parser's conventions key on (markers, bylines, datelines, page labels): kept as they are.
_KEPT = set("本报讯记者通讯员实习生摄影供图资料电日月年第版期编辑责任校对审核合办主办综合新闻要闻专版")
_HAN_FIRST, _HAN_COUNT = 0x4E00, 0x9FA5 - 0x4E00 + 1


def variant(text: str, n: int) -> str:
    """Page ``n`` of a benchmark: ``text`` with its other Han characters moved ``n`` places along the block.

    The parser memoises per line, so copies of one page parse almost for
    free after the first; every variant has the same lines, lengths and
    conventions but none of the same text, like the pages of a real archive.
    """
    if n == 0:
        return text
    shift = n * 7919  # a prime: successive pages land far apart
    return "".join(chr(_HAN_FIRST + (ord(ch) - _HAN_FIRST + shift) % _HAN_COUNT)
                   if _HAN_FIRST <= ord(ch) < _HAN_FIRST + _HAN_COUNT and ch not in _KEPT else ch for ch in text)


def make_archive(root: Path, pages: int, page: Path = SAMPLE) -> Path:
    """``pages`` distinct variants of ``page`` (:func:`variant`), eight to an issue folder named by date."""
    text = page.read_text("utf-8")
    for n in range(pages):
        folder = root / f"2022-{1 + n // PAGES_PER_ISSUE // 28 % 12:02d}-{1 + n // PAGES_PER_ISSUE % 28:02d}"
        if n // PAGES_PER_ISSUE >= 28 * 12:
            folder = root / f"{2023 + n // PAGES_PER_ISSUE // (28 * 12)}" / folder.name
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{n % PAGES_PER_ISSUE + 1}.txt").write_text(variant(text, n), encoding="utf-8")
    return root


def convert(archive: Path, out: Path, formats: str, jobs: int) -> list[str]:
    return [*CLI, "convert", str(archive), "--to", formats, "-o", str(out), "--jobs", str(jobs)]


def wall(command: Sequence[str], runs: int, out: Path | None = None) -> float:
    best = float("inf")
    for _ in range(runs):
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=bench_env())
        best = min(best, time.perf_counter() - start)
    return best


def peak_rss_mib(command: Sequence[str]) -> float:
    done = subprocess.run([sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True,
                          env=bench_env())
    kib, code = done.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} exited {code}")
    return int(kib) / 1024


def speedup(pages: int, formats: str, runs: int, page: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = make_archive(Path(tmp) / "archive", pages, page)
        out = Path(tmp) / "out"
        subprocess.run(convert(archive, out, formats, 1), check=True, capture_output=True, env=bench_env())
        one = wall(convert(archive, out, formats, 1), runs, out)
        two = wall(convert(archive, out, formats, 2), runs, out)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"batch of {pages} pages ({pages // PAGES_PER_ISSUE} issues) to {formats}: --jobs 1 {one:.1f} s, "
          f"--jobs 2 {two:.1f} s -> {one / two:.2f}x (target >= 1.7x; load average {load:.1f} "
          f"on {os.cpu_count()} cores)")


def memory(lengths: Sequence[int], formats: str, page: Path) -> dict[int, float]:
    peaks = {}
    for pages in lengths:
        with tempfile.TemporaryDirectory() as tmp:
            archive = make_archive(Path(tmp) / "archive", pages, page)
            start = time.perf_counter()
            peaks[pages] = peak_rss_mib(convert(archive, Path(tmp) / "out", formats, 1))
            print(f"batch of {pages} pages to {formats}, --jobs 1: peak RSS {peaks[pages]:.0f} MiB "
                  f"(target < 300 MiB), {time.perf_counter() - start:.0f} s")
    if len(peaks) > 1:
        low, high = min(peaks), max(peaks)
        print(f"peak RSS at {high} pages / at {low} pages: {peaks[high] / peaks[low]:.2f}x (flat = 1.00x)")
    return peaks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--pages", type=int, default=200, help="batch length for the speed-up (default 200)")
    ap.add_argument("--rss-pages", default="100,1000", help="batch lengths for peak RSS (default 100,1000)")
    ap.add_argument("--to", default="json,epub,pdf", help="formats (default json,epub,pdf)")
    ap.add_argument("--runs", type=int, default=2, help="runs per --jobs value, best taken (default 2)")
    args = ap.parse_args()
    if args.pages:
        speedup(args.pages, args.to, args.runs, args.page)
    lengths = [int(n) for n in args.rss_pages.split(",") if n.strip()]
    if lengths:
        memory(lengths, args.to, args.page)


if __name__ == "__main__":
    main()
