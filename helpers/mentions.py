"""Casualty figures in one document. Being written (see issue 2)."""

from __future__ import annotations

from helpers.schema import Document


def extract_mentions(doc: Document) -> list[dict]:
    """Return one row per casualty figure, columns as `helpers.schema.MENTION_COLUMNS`."""
    return []
