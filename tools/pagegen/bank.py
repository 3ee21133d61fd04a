"""The article bank: tools/pagegen/bank/*.json (format in README.md)."""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

BANK = Path(__file__).resolve().parent / "bank"
KINDS = ("news", "lead", "brief", "feature", "commentary", "qa", "essay", "poem", "notice", "service", "photo")


@lru_cache(maxsize=1)
def load() -> list[dict[str, Any]]:
    """Every item of every bank file, in file then item order; ids must be unique."""
    items: list[dict[str, Any]] = []
    seen: set[str] = set()
    for path in sorted(BANK.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            if item["id"] in seen:
                raise ValueError(f"{path.name}: duplicate id {item['id']}")
            if item.get("kind") not in KINDS:
                raise ValueError(f"{path.name}: {item['id']}: unknown kind {item.get('kind')!r}")
            seen.add(item["id"])
            items.append(item)
    return items


def fingerprint() -> str:
    """A short hash of the bank's content: a changed bank is a new corpus."""
    h = hashlib.sha256()
    for path in sorted(BANK.glob("*.json")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:10]
