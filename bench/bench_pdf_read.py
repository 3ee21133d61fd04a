"""The PDF reader: speed against pdfminer.six's own ``extract_text`` in the same run, and
its score on the generated corpus read from the PDFs.

    .venv/bin/python bench/bench_pdf_read.py [--pages 40] [--seed 1] [--runs 3] [--no-score]
                                             [--corpus build/corpus/1-v4-...] [--worst 8]

Speed: for each page PDF, the best CPU time of ``--runs`` runs of
``pdfminer.high_level.extract_text`` (its default layout analysis: what a
user of pdfminer.six runs to get a page's text) and of lishi-pub's whole read
(``lishi_pub.parse`` on the PDF: extraction at glyph level, layout, articles),
interleaved so both see the same machine.  The ratio is ours / theirs.

Score: every generated page (tools/pagegen) is read from its PDF and scored
against its gold with the shared scorer, overall and per page kind; also
counted: Han characters of the gold (titles, paragraphs, captions, page
furniture) missing from the output.  ``--corpus DIR`` reads the first
``--pages`` pages of a corpus already generated (``bench_corpus.py``'s
``build/corpus/…``) instead of generating pages into ``build/pdf-corpus``.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests"))

HAN = re.compile(r"[\u4e00-\u9fff]")


def cpu(fn: Any) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def texts_of(data: Any) -> list[str]:
    """Every string of a gold or parsed document's articles and page text."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, list):
        return [t for item in data for t in texts_of(item)]
    if isinstance(data, dict):
        skip = {"type", "title_source", "id", "source", "format", "gold_version", "generator", "attach", "label",
                "roles", "diagnostics", "language", "date", "number", "format-version"}
        return [t for k, v in data.items() if k not in skip for t in texts_of(v)]
    return []


def han_lost(gold: dict[str, Any], pred: dict[str, Any]) -> int:
    want = Counter(HAN.findall("".join(texts_of({"page": gold.get("page"), "articles": gold["articles"],
                                                 "loose": gold.get("loose_figures", [])}))))
    got = Counter(HAN.findall("".join(texts_of(pred.get("pages", [])))))
    return sum((want - got).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-score", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--corpus", type=Path, help="a generated corpus directory to read instead of generating")
    ap.add_argument("--worst", type=int, default=8, help="list this many worst pages")
    args = ap.parse_args()
    if args.corpus is not None:
        golds = sorted(args.corpus.glob("*.gold.json"))[:args.pages]
        if not golds:
            raise SystemExit(f"bench_pdf_read: no *.gold.json in {args.corpus}")
        if not args.no_speed:
            speed(golds, args.runs)
        if not args.no_score:
            score(golds, args.worst)
        return

    from pagegen.bank import load
    from pagegen.corpus import generate_page, write_page

    out = ROOT / "build" / "pdf-corpus" / str(args.seed)
    items = load()
    golds = []
    for n in range(args.pages):
        found = sorted(out.glob(f"{args.seed}-{n:04d}-*.gold.json"))
        if not found:
            try:
                write_page(generate_page(args.seed, n, None, None, items), out)
            except RuntimeError as exc:  # the generator could not lay this draw out
                print(f"  (page {n} not generated: {exc})")
                continue
            found = sorted(out.glob(f"{args.seed}-{n:04d}-*.gold.json"))
        golds.extend(found)
    if not args.no_speed:
        speed(golds, args.runs)
    if not args.no_score:
        score(golds, args.worst)


def speed(golds: list[Path], runs: int) -> None:
    from pdfminer.high_level import extract_text

    import lishi_pub
    import pdf_pages

    with tempfile.TemporaryDirectory() as tmp:
        sample_pdf = Path(tmp) / "sample.pdf"
        sample_pdf.write_bytes(lishi_pub.render(lishi_pub.parse(ROOT / "examples" / "lishi-2022-04-page.txt"), "pdf"))
        hand = Path(tmp) / "hand.pdf"
        hand.write_bytes(pdf_pages.build_page())
        pdfs = [sample_pdf, hand] + [g.with_name(g.name[:-10] + ".pdf") for g in golds]

        lishi_pub.parse(hand)  # warm-up: imports, font and CMap loading
        extract_text(io.BytesIO(hand.read_bytes()))
        rows = []
        for pdf in pdfs:
            data = pdf.read_bytes()
            theirs = ours = float("inf")
            for _ in range(runs):
                theirs = min(theirs, cpu(lambda: extract_text(io.BytesIO(data))))
                ours = min(ours, cpu(lambda: lishi_pub.parse(pdf)))
            rows.append((pdf.name, ours, theirs))
    ratios = [o / t for _, o, t in rows]
    print(f"speed, {len(rows)} PDFs, best of {runs} CPU runs each, lishi-pub read / pdfminer.six extract_text:")
    for name, o, t in rows[:2]:
        print(f"  {name:<32} {1000 * o:7.1f} ms vs {1000 * t:7.1f} ms  ratio {o / t:.2f}")
    print(f"  all pages: median ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}, "
          f"total {sum(o for _, o, _ in rows):.2f} s vs {sum(t for _, _, t in rows):.2f} s "
          f"({sum(o for _, o, _ in rows) / sum(t for _, _, t in rows):.2f})")


def score(golds: list[Path], worst_n: int = 8) -> None:
    import lishi_pub
    from pagegen.scoring import load_scorer

    scorer = load_scorer()
    totals = []
    lost_total = 0
    worst = []
    kinds: dict[str, list[float]] = {}
    for gold_path in golds:
        gold = json.loads(gold_path.read_text("utf-8"))
        pred = json.loads(lishi_pub.dumps(lishi_pub.parse(gold_path.with_name(gold_path.name[:-10] + ".pdf"))))
        total, parts, _facts, _notes = scorer.score(gold, pred, False)
        lost = han_lost(gold, pred)
        totals.append(total)
        kinds.setdefault(gold_path.name.split("-")[2], []).append(total)
        lost_total += lost
        worst.append((total, gold_path.name[:-10], min(parts, key=parts.get), lost))
    print(f"score on {len(totals)} generated pages read from their PDFs: mean {statistics.mean(totals):.3f}, "
          f"min {min(totals):.3f}, pages below 0.95: {sum(1 for t in totals if t < 0.95)}, "
          f"Han characters lost: {lost_total}")
    for kind, values in sorted(kinds.items()):
        print(f"  {kind:<9} {len(values):3} pages: mean {statistics.mean(values):.3f}, min {min(values):.3f}, "
              f"below 0.95: {sum(1 for t in values if t < 0.95)}")
    for total, name, low, lost in sorted(worst)[:worst_n]:
        print(f"  {total:.3f} {name}  lowest {low}  Han lost {lost}")


if __name__ == "__main__":
    main()
