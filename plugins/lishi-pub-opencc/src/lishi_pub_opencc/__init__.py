"""lishi-pub-opencc: Simplified to Traditional Chinese for Hong Kong and Taiwan readers.

Transforms run only when named: ``lishi-pub convert page.txt --to epub
--transform zh-tw``.  The plugin is found through the ``lishi_pub`` entry point
declared in pyproject.toml; this module is all that entry point names.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from lishi_pub import Transform, hookimpl
from lishi_pub.model import Issue

__all__ = ["register_transforms"]
__version__ = "0.1.0"

#: name, OpenCC configuration, BCP 47 tag of the result, description.
VARIANTS = (
    ("zh-hant", "s2t", "zh-Hant", "Simplified to Traditional Chinese (OpenCC standard characters)"),
    ("zh-tw", "s2twp", "zh-TW", "Simplified to Traditional Chinese as written in Taiwan, with Taiwan's words"),
    ("zh-hk", "s2hk", "zh-HK", "Simplified to Traditional Chinese as written in Hong Kong"),
)


def _apply(config: str, language: str, issue: Issue) -> Issue:
    from .convert import convert_issue

    return convert_issue(issue, config, language)


@hookimpl
def register_transforms() -> Iterable[Transform]:
    return [
        Transform(name=name, apply=partial(_apply, config, language), description=description)
        for name, config, language, description in VARIANTS
    ]
