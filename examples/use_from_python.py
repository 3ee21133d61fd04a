"""lishi-pub used from a script: parse the sample page, look at it, export it.

    .venv/bin/python examples/use_from_python.py [OUTDIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import lishi_pub

HERE = Path(__file__).resolve().parent


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out")
    issue = lishi_pub.parse(HERE / "lishi-2022-04-page.txt", title="离石报", date="2022-04-22",
                            publisher="离石区融媒体中心")
    for article in issue.articles:
        marker = "" if article.title_source == "headline" else " (title derived from the lead)"
        print(f"{article.id}  {article.title}{marker}  — {'、'.join(article.authors) or 'no byline'}")
    for fmt in ("json", "epub", "pdf"):
        path = lishi_pub.export(issue, fmt, out / f"lishi-2022-04-22{lishi_pub.exporters()[fmt].extension}")
        print("wrote", path)


if __name__ == "__main__":
    main()
