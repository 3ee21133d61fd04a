"""pagegen: a generator of varied newspaper pages, their extractor dumps and gold parses.

See README.md for the catalogue of conventions it draws from.
"""

GENERATOR_VERSION = "4"
