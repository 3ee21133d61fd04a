"""PDF exporter at scale: peak memory against page count, time against paragraph length.

    .venv/bin/python bench/bench_pdf_scale.py [--pages 250,500,1000] [--paragraph-mb 1,2,10]

Each measurement runs in a fresh process (``resource`` peak RSS is per
process), so the figures do not include each other.  The book repeats the
sample's printed page (one Issue, many 版) until the PDF has about N pages;
the paragraph is one article of a single paragraph with no line break.
Times are CPU times of the build; memory is the process's peak RSS,
imports and fonts included.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNIT = "4月21日，民建离石支部专程来到吕梁火车站，向青年志愿者协会赠送100份防疫专项保险，人均保额20万元。"


def one(kind: str, amount: float, columns: int) -> dict[str, float]:
    import attrs
    import pikepdf

    import lishi_pub
    from lishi_pub import Article, Issue, Page, Paragraph

    if kind == "pages":
        page = lishi_pub.parse(ROOT / "examples" / "lishi-2022-04-page.txt", title="离石报", date="2022-04-22")
        per_page = 5 if columns == 1 else 4  # PDF pages the sample's printed page takes (the output shows the count)
        source = page.pages[0]
        pages = tuple(attrs.evolve(source, number=n, label=f"第{n}版",
                                   articles=tuple(attrs.evolve(a, id=f"p{n}-{a.id}") for a in source.articles))
                      for n in range(1, round(amount / per_page) + 1))
        issue = attrs.evolve(page, pages=pages)
    else:
        text = UNIT * int(amount * 2**20 / len(UNIT.encode()))
        article = Article(id="a", title="标题", title_source="headline", blocks=(Paragraph(text),))
        issue = Issue(title="离石报", date=dt.date(2022, 4, 22), pages=(Page(number=1, articles=(article,)),))
    start = time.process_time()
    data = lishi_pub.render(issue, "pdf", columns=columns)
    spent = time.process_time() - start
    with pikepdf.open(io.BytesIO(data)) as pdf:
        count = len(pdf.pages)
    return {"seconds": spent, "pdf_pages": count, "mib": len(data) / 2**20,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", default="250,500,1000")
    ap.add_argument("--paragraph-mb", default="1,2,10")
    ap.add_argument("--columns", default="1,2")
    ap.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], float(args.one[1]), int(args.one[2]))))
        return
    for columns in map(int, args.columns.split(",")):
        for kind, amounts in (("pages", args.pages), ("paragraph", args.paragraph_mb)):
            for amount in amounts.split(","):
                out = subprocess.run([sys.executable, __file__, "--one", kind, amount, str(columns)],
                                     capture_output=True, text=True, check=True).stdout
                r = json.loads(out)
                label = f"{amount} PDF pages" if kind == "pages" else f"{amount} MB paragraph"
                print(f"columns={columns} {label:>18}: {r['pdf_pages']:5d} pages, {r['mib']:6.1f} MiB PDF, "
                      f"{r['seconds']:6.2f} s CPU, peak RSS {r['peak_rss_mib']:5.0f} MiB")


if __name__ == "__main__":
    main()
