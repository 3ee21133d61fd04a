"""python -m pagegen: write a corpus of generated pages (PDF, dump, gold) to a directory."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .corpus import KINDS, generate_corpus
from .extract import EXTRACTORS


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m pagegen", description=__doc__)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--kind", choices=KINDS, help="every page of this kind")
    ap.add_argument("--extractor", choices=EXTRACTORS, help="every page through this extractor")
    ap.add_argument("--out", type=Path, help="default build/corpus/SEED-vVERSION-BANKHASH")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    start = time.perf_counter()
    out = generate_corpus(args.seed, args.pages, args.out, args.kind, args.extractor, args.jobs)
    print(f"{out} ({args.pages} pages, {time.perf_counter() - start:.1f} s)")


if __name__ == "__main__":
    main()
