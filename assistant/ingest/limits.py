"""What one file may cost an ingestion: checked before a file is parsed, and on its text after.

A file over a limit is that file's failure, with a French reason naming the limit; the other
files are still indexed. The limits bound the time and memory one file can take:

- compressed Office files (DOCX, XLSX) are ZIP archives whose XML can expand a thousand-fold
  (« decompression bombs »): their members' declared sizes are read from the ZIP directory,
  without inflating anything, and checked against a total and a compression ratio;
- the extracted text of a document is bounded, which bounds chunking and embedding time.
"""

from __future__ import annotations

import os
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assistant.parsing.parsers import DocumentError

ZIP_SUFFIXES = {".docx", ".xlsx"}
# Ratio above which an XML member of at least 1 MB is taken for a bomb: Word and Excel XML
# compresses about 5-20 to 1; a crafted member reaches hundreds to one.
MAX_XML_RATIO = 100
RATIO_MIN_BYTES = 1 << 20
# Characters of text per printed page, to state the limits in pages for users.
CHARS_PER_PAGE = 3000


@dataclass(frozen=True)
class FileLimits:
    max_file_mb: float
    max_unzipped_mb: float
    max_text_chars: int

    def check_name(self, rel: str) -> None:
        """A name with control characters (a line break…) cannot be linked or shown safely."""
        if any(unicodedata.category(ch) == "Cc" for ch in rel):
            raise DocumentError(
                rel.encode("unicode_escape").decode("ascii"),
                "nom de fichier contenant un caractère de contrôle (saut de ligne, tabulation…) : renommez le fichier",
            )

    def check_size(self, rel: str, size: int) -> None:
        if size > self.max_file_mb * 1024 * 1024:
            raise DocumentError(
                rel, f"fichier trop volumineux ({size / 1048576:.0f} Mo, limite {self.max_file_mb:g} Mo, PACTE_MAX_FILE_MB)"
            )

    def check_archive(self, rel: str, path: Path) -> None:
        """DOCX/XLSX: the uncompressed size of the archive's members, read from its directory."""
        if path.suffix.lower() not in ZIP_SUFFIXES:
            return
        try:
            with zipfile.ZipFile(path) as archive:
                members = archive.infolist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            kind = "Word (DOCX)" if path.suffix.lower() == ".docx" else "Excel (XLSX)"
            raise DocumentError(rel, f"fichier {kind} corrompu ou illisible (archive ZIP invalide)") from exc
        total = sum(m.file_size for m in members)
        limit = self.max_unzipped_mb * 1024 * 1024
        if total > limit:
            raise DocumentError(
                rel,
                f"contenu décompressé trop volumineux ({total / 1048576:.0f} Mo pour un fichier de "
                f"{path.stat().st_size / 1048576:.1f} Mo ; limite {self.max_unzipped_mb:g} Mo, PACTE_MAX_UNZIPPED_MB)",
            )
        for m in members:
            if m.filename.endswith((".xml", ".rels")) and m.file_size >= RATIO_MIN_BYTES:
                ratio = m.file_size / max(m.compress_size, 1)
                if ratio > MAX_XML_RATIO:
                    raise DocumentError(
                        rel,
                        f"archive anormalement compressée ({m.filename} : {m.file_size / 1048576:.0f} Mo décompressés, "
                        f"taux {ratio:.0f} pour 1, limite {MAX_XML_RATIO} pour 1) : fichier refusé par précaution",
                    )

    def check_text_bytes(self, rel: str, path: Path) -> None:
        """A plain text file: its size already bounds its text (4 bytes a character at most in UTF-8)."""
        if path.suffix.lower() in {".txt", ".md", ".markdown", ".csv"}:
            size = path.stat().st_size
            if size > self.max_text_chars * 4:
                self._too_long(rel, size, "octets")

    def check_text(self, rel: str, chars: int) -> None:
        if chars > self.max_text_chars:
            self._too_long(rel, chars, "caractères")

    def _too_long(self, rel: str, amount: int, unit: str) -> None:
        pages = self.max_text_chars // CHARS_PER_PAGE
        raise DocumentError(
            rel,
            f"texte trop long ({amount:,} {unit} ; limite {self.max_text_chars:,} caractères, soit environ "
            f"{pages} pages, PACTE_MAX_TEXT_CHARS) : découpez le document".replace(",", " "),
        )


def resolved_inside(path: Path, root: Path) -> bool:
    """True when ``path`` (symlinks resolved) lies inside ``root`` (resolved)."""
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        return False
    real_root = Path(os.path.realpath(root))
    return real == real_root or real_root in real.parents
