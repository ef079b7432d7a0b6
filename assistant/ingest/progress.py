"""Where an ingestion run stands, as data: what a progress display (terminal bar, log lines) shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class IngestProgress:
    """Files and bytes done out of the corpus's, pages read and passages made so far.

    Bytes give the time left: the work on a file grows with its size, not with its rank."""

    files_total: int = 0
    bytes_total: int = 0
    files_done: int = 0
    bytes_done: int = 0
    pages: int = 0  # pages read from new or changed files (an unchanged file is not read)
    chunks: int = 0  # passages cut and embedded from them
    current: str = ""  # the file being read; empty once the files are done
    sizes: dict[str, int] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, files: list[tuple[str, Path]]) -> IngestProgress:
        sizes = {rel: _size(path) for rel, path in files}
        return cls(files_total=len(files), bytes_total=sum(sizes.values()), sizes=sizes)

    def reading(self, rel: str) -> IngestProgress:
        self.current = rel
        return self

    def finished(self, rel: str, pages: int = 0, chunks: int = 0) -> IngestProgress:
        self.files_done += 1
        self.bytes_done += self.sizes.get(rel, 0)
        self.pages += pages
        self.chunks += chunks
        return self

    def done(self) -> IngestProgress:
        """All files handled; the run now finishes the indexes (BM25, catalog)."""
        self.current = ""
        return self


StepCallback = Callable[[IngestProgress], None]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # vanished or unreadable: the run itself reports it
        return 0
