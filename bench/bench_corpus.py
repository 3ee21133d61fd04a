"""The parser's score on the generated corpus (tools/pagegen), page by page.

    .venv/bin/python bench/bench_corpus.py [--pages 300] [--seed 1] [--kind KIND]
                                           [--extractor pdfminer|pdftotext] [--jobs 2] [--worst 10]

Generates the corpus into build/corpus/ (or reuses it: the directory is
named after the seed, the generator version and the bank's hash), parses
every dump in process (``lishi_pub.parse_text`` + ``lishi_pub.dumps``),
scores it with ../shared/tools/score_parse.py and prints the mean, the
distribution, each component's mean, the means per page kind and extractor,
and the worst pages with their main failure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from pagegen.corpus import KINDS, generate_corpus, read_corpus  # noqa: E402
from pagegen.extract import EXTRACTORS  # noqa: E402
from pagegen.scoring import COMPONENTS, PageScore, score_pages  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def histogram(values: list[float]) -> list[str]:
    edges = [0.0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99, 1.0001]
    rows = []
    for lo, hi in zip(edges, edges[1:]):
        n = sum(1 for v in values if lo <= v < hi)
        label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
        rows.append(f"  {label:>14} {n:4d} {'#' * round(60 * n / len(values))}")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kind", choices=KINDS)
    ap.add_argument("--extractor", choices=EXTRACTORS)
    ap.add_argument("--jobs", type=int, default=1, help="processes generating pages")
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--out", type=Path, help="corpus directory (default build/corpus/SEED-vVERSION-BANK)")
    args = ap.parse_args()

    start = time.perf_counter()
    out = generate_corpus(args.seed, args.pages, args.out, kind=args.kind, extractor=args.extractor, jobs=args.jobs)
    generated = time.perf_counter() - start
    pages = read_corpus(out, args.pages)
    scores = score_pages(pages)
    totals = [s.total for s in scores]
    print(f"corpus: {out} ({len(pages)} pages; generated or checked in {generated:.1f} s)")
    print(f"parse: {1000 * statistics.mean(s.seconds for s in scores):.1f} ms per page (mean, wall)")
    print(f"mean {statistics.mean(totals):.3f}  min {min(totals):.3f}  p10 {percentile(totals, 0.1):.3f}  "
          f"p25 {percentile(totals, 0.25):.3f}  median {percentile(totals, 0.5):.3f}  "
          f"pages below 0.85: {sum(1 for t in totals if t < 0.85)}")
    print("histogram:")
    print("\n".join(histogram(totals)))
    print("components (mean):")
    for c in COMPONENTS:
        print(f"  {c:>13} {statistics.mean(s.parts[c] for s in scores):.3f}")
    groups: dict[str, list[PageScore]] = defaultdict(list)
    for s in scores:
        _seed, _n, kind, extractor = s.name.split("-")
        groups[f"kind {kind}"].append(s)
        groups[f"extractor {extractor}"].append(s)
    print("by group: mean, min, pages, then each component's mean")
    print(f"  {'':>20} {'mean':>5} {'min':>5} {'pages':>5} " + " ".join(f"{c[:5]:>5}" for c in COMPONENTS))
    for key in sorted(groups):
        v = groups[key]
        parts = " ".join(f"{statistics.mean(s.parts[c] for s in v):5.2f}" for c in COMPONENTS)
        print(f"  {key:>20} {statistics.mean(s.total for s in v):.3f} {min(s.total for s in v):.3f} {len(v):5d} {parts}")
    print(f"worst {args.worst}:")
    for s in sorted(scores, key=lambda s: (s.total, s.name))[: args.worst]:
        low = min(COMPONENTS, key=lambda c: s.parts[c])
        print(f"  {s.total:.3f} {s.name}  lowest {low} {s.parts[low]:.2f}")
        for line in (s.notes[0].strip().splitlines() if s.notes else [])[:3]:
            print(f"        {line.strip()[:100]}")
    print(f"corpus score {statistics.mean(totals):.3f}")


if __name__ == "__main__":
    main()
