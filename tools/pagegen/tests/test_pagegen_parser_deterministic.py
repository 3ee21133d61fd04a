"""The parser's JSON does not depend on PYTHONHASHSEED (the guide's determinism standard).

Set and frozenset order follows the hash seed; wherever that order reached the
output (float sums over a set of bigrams, which round differently in another
order and flip ties between equally good drafts) one run made a service column
an article of its own and the next merged it.  Each page is parsed in two
interpreters with different seeds and the JSON bytes compared.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pagegen.corpus import GeneratedPage

SAMPLE = Path(__file__).resolve().parents[3] / "examples" / "lishi-2022-04-page.txt"

_PARSE = """
import sys, lishi_pub
for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        sys.stdout.write(lishi_pub.dumps(lishi_pub.parse_text(f.read())) + "\\n\\f\\n")
"""


def _parse_with_seed(files: list[Path], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _PARSE, *map(str, files)], env=env,
                          capture_output=True, check=True, timeout=300)
    return done.stdout


def test_json_is_the_same_under_any_hash_seed(corpus_slice: list[GeneratedPage], tmp_path: Path) -> None:
    files = [SAMPLE]
    for page in corpus_slice:
        path = tmp_path / f"{page.name}.txt"
        path.write_text(page.dump, encoding="utf-8")
        files.append(path)
    first, second = _parse_with_seed(files, "1"), _parse_with_seed(files, "2")
    outputs = first.split(b"\n\f\n")
    assert len(outputs) == len(files) + 1 and all(outputs[:-1])
    for name, a, b in zip(files, outputs, second.split(b"\n\f\n")):
        assert a == b, name.name
