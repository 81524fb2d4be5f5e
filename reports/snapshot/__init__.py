"""A progress report's content: gathered from the live data (`gather`), stored on publishing as the JSON of a
typed `Snapshot` (schema.py), compared with the previous report (`changes_since`, changes.py) and with the live
data after publishing (`drift`, drift.py)."""

from .changes import changes_since, figure_changes
from .drift import drift
from .gather import gather
from .schema import FORMAT, DriftItem, Snapshot

__all__ = ["FORMAT", "DriftItem", "Snapshot", "changes_since", "drift", "figure_changes", "gather"]
