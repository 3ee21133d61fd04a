"""Save the parse JSON of the sample and every corpus page, or compare with a saved set.

    .venv/bin/python bench/parse_snapshot.py save /tmp/before [--corpus build/corpus/1-v4-03c8053d46]
    .venv/bin/python bench/parse_snapshot.py diff /tmp/before

For work meant to change no output (speed): save before the change, diff
after each step; any page whose JSON is not byte-identical is named and the
exit status is 1.  Pages are parsed in process (``parse_text`` + ``dumps``),
as bench_corpus.py does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lishi_pub.api import parse_text
from lishi_pub.interchange import dumps

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("save", "diff"))
    ap.add_argument("folder", type=Path, help="where the JSON files are kept")
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a folder of dumps (*.txt), repeatable (default: build/corpus/*/ holding dumps)")
    args = ap.parse_args()
    corpora = args.corpus or sorted(d for d in (ROOT / "build" / "corpus").glob("*") if any(d.glob("*.txt")))
    pages = [ROOT / "examples" / "lishi-2022-04-page.txt"]
    for corpus in corpora:
        pages += sorted(corpus.glob("*.txt"))
    args.folder.mkdir(parents=True, exist_ok=True)
    changed = missing = 0
    for page in pages:
        produced = dumps(parse_text(page.read_text("utf-8")))
        kept = args.folder / f"{page.parent.name}__{page.stem}.json"
        if args.mode == "save":
            kept.write_text(produced, "utf-8")
        elif not kept.exists():
            missing += 1
            print(f"not saved before: {page}")
        elif kept.read_text("utf-8") != produced:
            changed += 1
            print(f"changed: {page}")
    print(f"{len(pages)} pages; {'saved' if args.mode == 'save' else f'{changed} changed, {missing} not saved before'}")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    sys.exit(main())
