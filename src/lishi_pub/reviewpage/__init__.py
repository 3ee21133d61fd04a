"""The review page: a parsed issue drawn over its source, for an editor to check (docs/review.md)."""
