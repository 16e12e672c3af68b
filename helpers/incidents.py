"""Incidents (ACLED sense) in one document. Placeholder until the incidents stage lands."""

from __future__ import annotations

from helpers.schema import Document


def extract_incidents(doc: Document, mentions: list[dict]) -> tuple[list[dict], list[dict]]:
    """Return (incident rows, mention rows with their `incident` column set)."""
    return [], mentions
