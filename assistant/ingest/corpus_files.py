"""The corpus's files as ingestion sees them: which files are read (a link out of the corpus is
refused), their identifiers and hashes, and the French reasons given when one cannot be read or
the index cannot be written."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.limits import resolved_inside
from assistant.retrieval.focus import PROFILE_FILE


def doc_id_for(rel_path: str) -> str:
    return "doc-" + hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


CONFIG_FILES = {PROFILE_FILE, "corrections.toml"}  # kept by users beside the documents, not indexed


@dataclass
class CorpusScan:
    files: list[tuple[str, Path]]  # (relative posix path, path), sorted
    refused: dict[str, str]  # relative path → French reason


def scan_corpus(corpus_dir: Path) -> CorpusScan:
    """Every visible file under the corpus dir. A symbolic link (file or folder) that resolves
    outside the corpus is refused: a link must not bring a server file into the answers."""
    root = Path(corpus_dir)
    files: list[tuple[str, Path]] = []
    refused: dict[str, str] = {}
    seen_dirs = {os.path.realpath(root)}
    for current, dirs, names in os.walk(root, followlinks=True):
        here = Path(current)
        kept_dirs = []
        for d in sorted(dirs):
            path = here / d
            rel = path.relative_to(root).as_posix()
            if d.startswith((".", "~$")):
                continue
            if path.is_symlink():
                if not resolved_inside(path, root):
                    refused[rel + "/"] = f"lien symbolique vers un dossier hors du corpus ({os.readlink(path)}) : refusé"
                    continue
                real = os.path.realpath(path)
                if real in seen_dirs:
                    continue  # already scanned under its own name (or a loop)
                seen_dirs.add(real)
            else:
                seen_dirs.add(os.path.realpath(path))
            kept_dirs.append(d)
        dirs[:] = kept_dirs
        for name in sorted(names):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if name.startswith((".", "~$")) or rel in CONFIG_FILES:
                continue
            if path.is_symlink() and not resolved_inside(path, root):
                try:
                    target = os.readlink(path)
                except OSError:
                    target = "?"
                refused[rel] = f"lien symbolique vers un fichier hors du corpus ({target}) : refusé"
                continue
            if not path.is_file():
                if path.is_symlink():
                    refused[rel] = "lien symbolique cassé (sa cible n'existe pas)"
                continue
            files.append((rel, path))
    files.sort()
    return CorpusScan(files, refused)


def printable_name(rel: str) -> str:
    """The file name as a report shows it: control characters (a line break…) escaped."""
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in rel):
        return rel.encode("unicode_escape").decode("ascii")
    return rel


def file_failure_reason(exc: BaseException) -> str:
    """A true French reason for an error raised while reading or splitting one file."""
    if isinstance(exc, FileNotFoundError):
        return "fichier disparu pendant l'indexation (supprimé ou déplacé)"
    if isinstance(exc, PermissionError):
        return "fichier illisible : droits de lecture insuffisants"
    if isinstance(exc, TimeoutError):
        return "découpage du texte abandonné (délai dépassé) : texte sans ponctuation ni paragraphes ?"
    if isinstance(exc, MemoryError):
        return "mémoire insuffisante pour lire ce fichier"
    if isinstance(exc, IsADirectoryError):
        return "c'est un dossier, pas un fichier"
    if isinstance(exc, OSError):
        return f"lecture du fichier impossible ({exc.strerror or type(exc).__name__})"
    return f"fichier illisible ({type(exc).__name__}: {str(exc)[:120]})"


def index_write_message(index_dir: Path, exc: BaseException) -> str:
    """A French message for a failed write to the index, saying what is known of the cause."""
    errno_ = getattr(exc, "errno", None)
    text = str(exc).lower()
    if errno_ == 28 or "no space" in text or "disk is full" in text or "database or disk is full" in text:
        cause = "disque plein"
    elif errno_ in (13, 30) or "read-only" in text or "readonly" in text:
        cause = "dossier en lecture seule ou droits insuffisants"
    else:
        cause = f"erreur d'écriture : {exc}"
    return (f"écriture impossible dans l'index {index_dir} ({cause}). L'index précédent reste utilisable ; "
            "relancez l'ingestion une fois le problème réglé.")
