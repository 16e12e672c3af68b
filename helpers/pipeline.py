"""One document through the per-document stages: text -> mentions -> incidents.

This is the unit of work that the runner distributes over processes or a Dask cluster, so it
takes and returns plain, picklable values and never touches the file system.
"""

from __future__ import annotations

from helpers.incidents import extract_incidents
from helpers.mentions import extract_mentions
from helpers.schema import Document


def process_document(doc: Document) -> tuple[list[dict], list[dict]]:
    """Return (mention rows, incident rows) for one document, columns as in `helpers.schema`.

    Mentions come back with their `incident` column filled by the incident stage.
    """
    mentions = extract_mentions(doc)
    incidents, mentions = extract_incidents(doc, mentions)
    return mentions, incidents
