"""Score the parser on generated pages with the project's scorer, ``../shared/tools/score_parse.py``.

The scorer lives beside the clone (CI puts ``shared/`` next to it), outside
the package, so it is loaded from its path; ``LISHI_PUB_SCORER`` overrides it.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, Callable

from .corpus import ROOT

# beside the clone (CI), or beside the directory of worktrees
SCORERS = (ROOT.parent / "shared" / "tools" / "score_parse.py", ROOT.parent.parent / "shared" / "tools" / "score_parse.py")
COMPONENTS = ("paragraphs", "segmentation", "headlines", "authors", "datelines", "subheadings", "figures", "page",
              "exact_text")


class ScorerMissing(RuntimeError):
    pass


def scorer_path() -> Path:
    if "LISHI_PUB_SCORER" in os.environ:
        return Path(os.environ["LISHI_PUB_SCORER"])
    return next((p for p in SCORERS if p.is_file()), SCORERS[0])


def load_scorer() -> ModuleType:
    path = scorer_path()
    if not path.is_file():
        raise ScorerMissing(f"score_parse.py not found at {path} (set LISHI_PUB_SCORER)")
    spec = importlib.util.spec_from_file_location("score_parse", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class PageScore:
    name: str
    total: float
    parts: dict[str, float]
    notes: list[str]
    seconds: float


def default_parser() -> Callable[[str], dict[str, Any]]:
    from lishi_pub.api import parse_text
    from lishi_pub.interchange import dumps

    def parse(dump: str) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(dumps(parse_text(dump)))
        return result

    return parse


def score_pages(pages: list[tuple[str, str, dict[str, Any]]], parse: Callable[[str], dict[str, Any]] | None = None,
                verbose: bool = True) -> list[PageScore]:
    import time

    module = load_scorer()
    parse = parse or default_parser()
    out = []
    for name, dump, gold in pages:
        start = time.perf_counter()
        pred = parse(dump)
        seconds = time.perf_counter() - start
        total, parts, _facts, notes = module.score(gold, pred, verbose)
        out.append(PageScore(name, total, parts, notes, seconds))
    return out
