"""What one input may cost (issue 11: nothing lost, nothing executed, nothing hangs). Past these bounds
the loader gives the record an E-code instead of reading on; the stages after it rely on them."""
from __future__ import annotations

from dataclasses import dataclass

# No bound on a text's length: a text longer than spaCy's max_length is tagged in chunks
# (pipeline.tagging.chunks); the worker's time and memory limits (pipeline.workers.Limits) bound its cost.


@dataclass(frozen=True)
class ZipLimits:
    """Bounds on a zip container (DOCX), checked on what its directory declares before anything inflates."""
    max_entries: int = 10_000                # a Word file has tens of parts, a few hundred with images
    max_directory: int = 10_000_000          # bytes of central directory read to list the entries
    max_total: int = 512 * 1024 * 1024       # bytes of all entries inflated
    max_ratio: float = 200.0                 # inflated / compressed per entry; Word XML stays under 50
    ratio_floor: int = 1024 * 1024           # smaller entries are not judged by their ratio


ZIP = ZipLimits()
