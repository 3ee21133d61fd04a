"""The PDF exporter's machinery (reportlab); imported only when a PDF is rendered.

:func:`.build.render` is the whole entry point; the modules each do
one job: :mod:`.settings` (options), :mod:`.fonts` (font choice, checks and
fallback), :mod:`.linebreak` (kinsoku rules), :mod:`.textblock` (setting
text), :mod:`.styles` (the typographic scale), :mod:`.story` (Issue to
flowables), :mod:`.contents` (table of contents), :mod:`.outline`
(bookmarks), :mod:`.document` (page templates, metadata) and :mod:`.pdfa`
(PDF/A-2b through pikepdf).  Nothing is imported here, so the pure modules
(:mod:`.linebreak`, :mod:`.cleantext`) load without reportlab.
"""
