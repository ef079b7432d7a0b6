"""Cut a parsed document into llama-index nodes carrying a contextual header and flat metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from llama_index.core.node_parser import SentenceSplitter
from llama_index.core.schema import MetadataMode, NodeRelationship, RelatedNodeInfo, TextNode

from assistant.ingest.structure import document_date, document_title, split_sections
from assistant.parsing.parsers import ParsedDocument
from assistant.text.headings import is_caps_heading

# Only the title and the section path are embedded and shown to the LLM, as a short header.
HEADER_KEYS = ("document_title", "section")
# the longest lead (in characters) repeated in the piece it introduces: a paragraph ending in « : »
MAX_LEAD = 700


@dataclass
class ChunkedDocument:
    title: str
    date: str | None
    nodes: list[TextNode]


def make_splitter(chunk_size: int, chunk_overlap: int) -> SentenceSplitter:
    return SentenceSplitter(chunk_size=chunk_size, chunk_overlap=chunk_overlap, paragraph_separator="\n\n")


def chunk_document(
    doc: ParsedDocument, doc_id: str, rel_path: str, content_hash: str, splitter: SentenceSplitter
) -> ChunkedDocument:
    title = document_title(doc)
    date = document_date(doc)
    nodes: list[TextNode] = []
    for section in split_sections(doc):
        for piece in repeat_leads_in_what_follows(splitter.split_text(section.text), section.text):
            if not piece.strip():
                continue
            ordinal = len(nodes)
            metadata = {
                "document_title": title,
                "section": section.path_text,
                "file": rel_path,
                "kind": doc.kind,
                "page": section.page.number,
                "page_label": section.page.label or "",
                "doc_date": date or "",
                "ocr": section.page.ocr,
                "chunk": ordinal,
            }
            node = make_node(f"{doc_id}-{content_hash[:10]}-{ordinal:05d}", piece, metadata, doc_id)
            # the id also carries the text embedded: rules that cut an unchanged file otherwise give
            # its passages new ids, hence new vectors (same order: the ordinal comes first)
            node.id_ += "-" + hashlib.sha1(search_text(node).encode("utf-8")).hexdigest()[:8]
            nodes.append(node)
    return ChunkedDocument(title=title, date=date, nodes=nodes)


def repeat_leads_in_what_follows(pieces: list[str], text: str) -> list[str]:
    """Repeat the lines ending a piece at the start of the next one when they lead into what
    follows: a sentence announcing a list (« … œuvrent de concert pour : »), a title in capitals, a
    short label over it (« AXE 2 »). Cut from what they introduce, the next piece would lose what it
    is about; the piece they end is left as it is (its words still find it)."""
    out = list(pieces)
    for i in range(len(out) - 1):
        lines = pieces[i].rstrip().split("\n")
        if not _leads(lines[-1].strip()):
            continue
        cut = len(lines)
        while cut > 1 and (not lines[cut - 1].strip() or _leads(lines[cut - 1].strip(), above=cut < len(lines))):
            cut -= 1
        lead = "\n".join(lines[cut:]).strip()
        if not lead or len(lead) > MAX_LEAD:
            continue
        last = lead.rsplit("\n", 1)[-1].strip()
        if last not in out[i + 1][: len(lead) + 200]:  # else the overlap carried them over already
            joint = "\n\n" if f"{last}\n\n" in text else "\n"
            out[i + 1] = f"{lead}{joint}{out[i + 1].lstrip()}"
    return out


def _leads(line: str, above: bool = False) -> bool:
    """A line that introduces what comes after it rather than saying something itself: « … : », a
    title in capitals, a few words without a full stop; a few words with a figure (« 312 », « AXE
    2 ») only above such a line (alone at the end, a figure is what the lines before it state)."""
    short = len(line.split()) <= 3 and not line.endswith((".", ";", "!", "?"))
    return line.endswith(":") or is_caps_heading(line) or (short and (above or not any(ch.isdigit() for ch in line)))


def make_node(node_id: str, text: str, metadata: dict, doc_id: str) -> TextNode:
    """A chunk node; also used to rebuild chunks read back from a Chroma server."""
    return TextNode(
        id_=node_id,
        text=text,
        metadata=metadata,
        excluded_embed_metadata_keys=[k for k in metadata if k not in HEADER_KEYS],
        excluded_llm_metadata_keys=[k for k in metadata if k not in HEADER_KEYS],
        metadata_template="{value}",
        metadata_seperator=" — ",
        text_template="{metadata_str}\n\n{content}",
        relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc_id)},
    )


def search_text(node: TextNode) -> str:
    """What the retrievers see: the header (title — section) and the chunk text."""
    return node.get_content(metadata_mode=MetadataMode.EMBED)
