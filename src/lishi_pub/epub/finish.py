"""What ebooklib leaves wrong in the package document, put right in its tree before it is written.

``<package>`` gets ``xml:lang``: without it DAISY Ace reports ``epub-lang``
(serious) on every book, and reading systems cannot tell the language of
the metadata (the package's ``dc:language`` names the content's).  The NCX's
``dtb:depth``, also wrong in ebooklib, is written right by :mod:`.ncx`.

The edit is made on ebooklib's own tree (lxml), never on text, just before
it is serialised: parsing the written file again held a second tree of
every article's entry (bounded memory, issue 13).
"""

from __future__ import annotations

from lxml import etree

__all__ = ["package_language"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def package_language(package: etree._Element, lang: str) -> None:
    package.set(XML_LANG, lang)
