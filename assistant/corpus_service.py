"""The corpus folder as users manage it: upload (sanitised, size-limited, never overwriting), list,
delete, resolve a file to serve. Nothing is ever written or read outside the corpus dir."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from assistant.parsing.parsers import REGISTER_SUFFIXES, SUPPORTED_SUFFIXES
from assistant.retrieval.focus import PROFILE_FILE

UPLOAD_SUFFIXES = SUPPORTED_SUFFIXES | REGISTER_SUFFIXES
RESERVED_FILES = {PROFILE_FILE, "corrections.toml"}  # the corpus's own settings, kept beside the documents
MAX_NAME_TRIES = 1000


class CorpusError(ValueError):
    """A refused operation; the message is French and names the file."""


def display_name(name: str) -> str:
    """A file name fit for a one-line message: control characters (newlines, tabs…) become spaces."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name).strip()


def sanitize_filename(name: str) -> str:
    """A safe file name: base name only, no control characters, accents dropped, no leading dot,
    no path separators."""
    base = Path(display_name(name).replace("\\", "/")).name
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    base = re.sub(r"[^\w.\-]+", "_", base).strip("._-")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem.strip("._-")[:120] or "document"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def numbered(name: str, n: int) -> str:
    """« Rapport.txt » → « Rapport-2.txt » (n = 2)."""
    stem, dot, suffix = name.rpartition(".")
    return f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}"


def is_hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


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

    def list_files(self) -> list[str]:
        """Every visible entry of the corpus folder, as sorted relative POSIX paths: regular files,
        and symbolic links whatever they point to (even outside, even broken), so that each one can
        be removed. Hidden names and the corpus's settings files are left out; linked folders are
        listed, not entered."""
        root = self.corpus_dir
        found = []
        for current, dirs, names in os.walk(root, followlinks=False):
            here = Path(current)
            dirs[:] = sorted(d for d in dirs if not is_hidden(d))
            for d in dirs:
                if (here / d).is_symlink():
                    found.append((here / d).relative_to(root).as_posix())
            for name in names:
                rel = (here / name).relative_to(root).as_posix()
                if not is_hidden(name) and rel not in RESERVED_FILES:
                    found.append(rel)
        return sorted(found)

    def add(self, original_name: str, source: Path) -> str:
        """Copy an uploaded file into the corpus; returns its corpus name.

        An upload never replaces a file: when its sanitised name is taken (« Rapport été.txt » and
        « Rapport ete.txt » both give « Rapport_ete.txt »), it is kept as « Rapport_ete-2.txt »,
        then « -3 », etc. (names compared without regard to case). Each name is claimed with a
        hard link, which fails rather than overwrite, so two uploads at once cannot take the same one."""
        shown = display_name(original_name)
        name = sanitize_filename(original_name)
        suffix = Path(name).suffix.lower()
        if suffix not in UPLOAD_SUFFIXES:
            allowed = ", ".join(sorted(s.lstrip(".").upper() for s in UPLOAD_SUFFIXES))
            raise CorpusError(f"« {shown} » : format non pris en charge (acceptés : {allowed}).")
        size = source.stat().st_size
        if size > self.max_upload_mb * 1024 * 1024:
            raise CorpusError(
                f"« {shown} » : fichier trop volumineux ({size / 1048576:.1f} Mo, limite {self.max_upload_mb:g} Mo)."
            )
        if size == 0:
            raise CorpusError(f"« {shown} » : fichier vide.")
        if name in RESERVED_FILES:
            raise CorpusError(f"« {shown} » : ce nom est réservé aux réglages du corpus.")
        self.corpus_dir.mkdir(parents=True, exist_ok=True)
        fd, part = tempfile.mkstemp(dir=self.corpus_dir, prefix=".upload-", suffix=".part")  # hidden: never ingested
        os.close(fd)
        try:
            shutil.copyfile(source, part)
            return self._claim(part, name)
        finally:
            Path(part).unlink(missing_ok=True)

    def _claim(self, part: str, name: str) -> str:
        """Give the copied file ``part`` the first free name among name, name-2, name-3…"""
        for n in range(1, MAX_NAME_TRIES + 1):
            candidate = name if n == 1 else numbered(name, n)
            taken = {entry.lower() for entry in os.listdir(self.corpus_dir)}
            if candidate.lower() in taken or candidate in RESERVED_FILES:
                continue
            target = self.corpus_dir / candidate
            try:
                os.link(part, target)  # fails if the name exists: never overwrites
            except FileExistsError:
                continue
            except OSError:  # a file system without hard links: check, then rename
                if target.exists() or target.is_symlink():
                    continue
                os.replace(part, target)
            return candidate
        raise CorpusError(f"« {name} » : trop de documents portent déjà ce nom.")

    def delete(self, relative: str) -> None:
        """Remove one entry listed by ``list_files`` (a symbolic link is removed, not its target)."""
        if relative not in self.list_files():
            raise CorpusError(f"« {display_name(relative)} » : document introuvable dans le dossier du corpus.")
        (self.corpus_dir / relative).unlink()
