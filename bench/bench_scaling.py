"""Time and memory against input size and shape: is everything linear, and bounded?

    .venv/bin/python bench/bench_scaling.py [--sizes 1,4,16,50] [--pdf-sizes 1,2,10] [--timeout S] [--no-pandoc] [--no-articles]

Two tables, each cell a fresh process (peak RSS never goes down), so one
slow or huge case cannot colour the next:

* single-page inputs of 1, 4, 16 and 50 MB (tests/shapes.py ``page``: the
  sample page again and again, no form feed): parse, then each built-in
  exporter on the parsed issue (loaded from its JSON, so the exporter's
  own cost is what is measured; where the parse was stopped, a synthetic
  issue of many articles of the same size), and pandoc turning the same
  text into an EPUB, as a ratio;
* the same exporters on a synthetic page of the same size made of many
  short articles (five 60-byte paragraphs each), their worst shape: every
  article is a document, a bookmark, a table-of-contents entry;
* single-paragraph issues of 1, 2 and 10 MB through the PDF exporter.

Each row gives CPU seconds, the time ratio to the previous size divided by
the size ratio (1.0 is linear; the target is at most 2.3 / 2 = 1.15), peak
RSS and peak growth over the process's state before the work (the target is
10 bytes per input byte plus 100 MB).  A case that runs past ``--timeout``
is shown as such and the larger sizes of that row are not tried.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
MB = 1_000_000


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def worker(args: list[str]) -> None:
    """One measurement in this process: ``parse TEXT OUT.json``, ``render FMT IN.json``, or
    ``paragraph FMT SIZE`` / ``articles FMT SIZE`` (a synthetic issue of that shape)."""
    import lishi_pub
    import shapes

    kind = args[0]
    if kind == "parse":
        lishi_pub.parse_text(shapes.SAMPLE.read_text("utf-8"))
        text = Path(args[1]).read_text("utf-8")
        before, start = _peak(), time.process_time()
        issue = lishi_pub.parse_text(text)
        cpu = time.process_time() - start
        Path(args[2]).write_text(lishi_pub.dumps(issue), "utf-8")
    else:
        fmt = args[1]
        lishi_pub.render(shapes.paragraph_issue(4000), fmt)
        build = {"render": lambda: lishi_pub.loads(Path(args[2]).read_bytes()),
                 "paragraph": lambda: shapes.paragraph_issue(int(args[2])),
                 "articles": lambda: shapes.articles_issue(int(args[2]))}[kind]
        issue = build()
        before, start = _peak(), time.process_time()
        lishi_pub.render(issue, fmt)
        cpu = time.process_time() - start
    print(json.dumps({"cpu": cpu, "peak": _peak(), "growth": _peak() - before}))


def run(args: list[str], timeout: float) -> dict[str, float] | None:
    env = {**os.environ, "LISHI_PUB_NO_PLUGINS": "1"}
    try:
        out = subprocess.run([sys.executable, __file__, "--worker", *args], capture_output=True, text=True,
                             timeout=timeout, env=env, check=True).stdout
    except subprocess.TimeoutExpired:
        return None
    return json.loads(out)


def pandoc(text_path: Path, timeout: float) -> float | None:
    """pandoc's whole-process CPU time for the same text as an EPUB (children's rusage)."""
    if shutil.which("pandoc") is None:
        return None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        subprocess.run(["pandoc", "-f", "markdown", str(text_path), "-o", str(text_path.with_suffix(".epub"))],
                       check=True, timeout=timeout, capture_output=True)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def row(label: str, size: float, m: dict[str, float] | None, previous: tuple[float, float] | None,
        timeout: float, extra: str = "") -> str:
    if m is None:
        return f"| {label} | {size:g} MB | > {timeout:.0f} s (stopped) | | | | {extra} |"
    growth = m["growth"] / 2**20
    limit = 10 * size + 100
    slope = ""
    if previous is not None and previous[1] > 0.05:
        slope = f"{(m['cpu'] / previous[1]) / (size / previous[0]):.2f}"
    verdict = "ok" if growth <= limit else f"over ({limit:.0f} MiB allowed)"
    return (f"| {label} | {size:g} MB | {m['cpu']:.2f} s | {slope} | {m['peak'] / 2**20:.0f} MiB | "
            f"{growth:.0f} MiB {verdict} | {extra} |")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2:])
        return
    import shapes

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,4,16,50", help="single-page input sizes in MB")
    ap.add_argument("--pdf-sizes", default="1,2,10", help="single-paragraph PDF sizes in MB")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--no-pandoc", action="store_true")
    ap.add_argument("--steps", default="parse,json,epub,pdf", help="which of parse, json, epub, pdf to run")
    ap.add_argument("--no-articles", action="store_true",
                    help="skip the exporters' second shape: a synthetic page of many short articles")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    header = ("| step | input | CPU | time slope (1.0 linear) | peak RSS | growth (limit 10×input+100 MB) | |\n"
              "| --- | --- | --- | --- | --- | --- | --- |")
    print(f"load average {os.getloadavg()[0]:.1f}\n\nSingle-page inputs\n\n{header}")
    with tempfile.TemporaryDirectory() as tmp:
        stopped: set[str] = set()
        previous: dict[str, tuple[float, float]] = {}
        for size in sizes:
            text_path = Path(tmp) / f"page-{size:g}.txt"
            text_path.write_text(shapes.page_text(int(size * MB)), "utf-8")
            json_path = Path(tmp) / f"page-{size:g}.json"
            for label in args.steps.split(","):
                if label in stopped:
                    continue
                if label == "parse":
                    command = ["parse", str(text_path), str(json_path)]
                elif json_path.exists():
                    command = ["render", label, str(json_path)]
                else:  # the parser gave up at this size: the exporter still gets an issue this big
                    command = ["articles", label, str(int(size * MB))]
                m = run(command, args.timeout)
                extra = ""
                if label == "parse" and not args.no_pandoc and m is not None:
                    theirs = pandoc(text_path, args.timeout)
                    extra = (f"pandoc → EPUB {theirs:.2f} s CPU ({m['cpu'] / theirs:.2f}× of pandoc's)"
                             if theirs else "pandoc: stopped or missing")
                if command[0] == "articles":
                    extra = "synthetic issue of this size (many articles; parse not run or stopped)"
                print(row(label, size, m, previous.get(label), args.timeout, extra), flush=True)
                if m is None:
                    stopped.add(label)
                else:
                    previous[label] = (size, m["cpu"])
                many = f"{label} (articles)"
                if label == "parse" or args.no_articles or command[0] == "articles" or many in stopped:
                    continue
                # the worst shape for an exporter: a page of many short articles (five 60-byte paragraphs each)
                m = run(["articles", label, str(int(size * MB))], args.timeout)
                print(row(many, size, m, previous.get(many), args.timeout, "synthetic: many short articles"),
                      flush=True)
                if m is None:
                    stopped.add(many)
                else:
                    previous[many] = (size, m["cpu"])
        print(f"\nSingle-paragraph PDFs\n\n{header}")
        last: tuple[float, float] | None = None
        for size in (float(s) for s in args.pdf_sizes.split(",") if s):
            m = run(["paragraph", "pdf", str(int(size * MB))], args.timeout)
            print(row("pdf", size, m, last, args.timeout), flush=True)
            if m is None:
                break
            last = (size, m["cpu"])


if __name__ == "__main__":
    main()
