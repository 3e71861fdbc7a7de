"""The import's side of the shared worker contract (``opscenter.progress``): long steps
take ``progress(done, total, text)`` and a cancel token, and stop with ``Cancelled``."""

from __future__ import annotations

from opscenter.progress import Cancelled, CancelToken, Progress, no_progress

Cancel = CancelToken

__all__ = ["Cancel", "CancelToken", "Cancelled", "Progress", "no_progress"]
