"""The EPUB 3 builder behind the built-in ``epub`` exporter.

Kept apart from :mod:`lishi_pub.default_plugins.epub_exporter` so that the
plugin module stays cheap to import: nothing here is loaded (and ebooklib is
never imported) until a book is actually rendered.
"""
