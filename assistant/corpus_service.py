"""The corpus folder as users manage it: upload (sanitised, size-limited), delete, resolve a file
to serve. Nothing is ever written or read outside the corpus dir."""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

from assistant.providers.parsers import REGISTER_SUFFIXES, SUPPORTED_SUFFIXES
from assistant.retrieval.focus import PROFILE_FILE

UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES | REGISTER_SUFFIXES


class CorpusError(ValueError):
    """A refused operation; the message is French and names the file."""


def sanitize_filename(name: str) -> str:
    """A safe file name: base name only, accents dropped, no leading dot, no path separators."""
    base = Path(name.replace("\\", "/")).name
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._-")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:120] or "document"
    return f"{stem}.{suffix.lower()}" if suffix else stem


class CorpusFiles:
    def __init__(self, corpus_dir: Path, max_upload_mb: float):
        self.corpus_dir = Path(corpus_dir)
        self.max_upload_mb = max_upload_mb

    def resolve(self, relative: str) -> Path | None:
        """The corpus file for a relative path, or None when it is outside the corpus or absent."""
        root = self.corpus_dir.resolve()
        try:
            candidate = (root / relative).resolve()
        except (OSError, ValueError):
            return None
        if candidate == root or root not in candidate.parents or not candidate.is_file():
            return None
        if any(part.startswith(".") for part in candidate.relative_to(root).parts):
            return None
        return candidate

    def add(self, original_name: str, source: Path) -> str:
        """Copy an uploaded file into the corpus; returns its corpus name."""
        name = sanitize_filename(original_name)
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            allowed = ", ".join(sorted(s.lstrip(".").upper() for s in UPLOAD_SUFFIXES))
            raise CorpusError(f"« {original_name} » : format non pris en charge (acceptés : {allowed}).")
        size = source.stat().st_size
        if size > self.max_upload_mb * 1024 * 1024:
            raise CorpusError(
                f"« {original_name} » : fichier trop volumineux ({size / 1048576:.1f} Mo, limite {self.max_upload_mb:g} Mo)."
            )
        if size == 0:
            raise CorpusError(f"« {original_name} » : fichier vide.")
        if name == PROFILE_FILE:
            raise CorpusError(f"« {original_name} » : ce nom est réservé au profil du corpus.")
        self.corpus_dir.mkdir(parents=True, exist_ok=True)
        target = self.corpus_dir / name
        tmp = self.corpus_dir / f".{name}.part"
        shutil.copyfile(source, tmp)
        tmp.replace(target)  # a half-copied file is never seen by an ingestion
        return name

    def delete(self, relative: str) -> None:
        path = self.resolve(relative)
        if path is None:
            raise CorpusError(f"« {relative} » : document introuvable dans le corpus.")
        path.unlink()
