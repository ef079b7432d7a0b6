"""Structured knowledge read from the catalog's facts: action statistics, governance calendar,
strategy axes. Every result carries the sources where its data was read."""

from __future__ import annotations

from collections import Counter

from assistant.knowledge.corrections import Corrections
from assistant.knowledge.results import (OPTIONAL_STATUSES, STATUS_WORDS_FR, STATUSES, ActionStats, Axis, Calendar, Conflict, Event,
                                         FactList, Item, SourceBook, Strategy, as_of_key, is_before)
from assistant.providers.catalog import Catalog, FactRow
from assistant.retrieval.focus import FocusFilter
from assistant.text.dates import date_key, month_and_year
from assistant.text.tokens import fold_accents
from assistant.text.typography import plural, share_fr

class KnowledgeService:
    def __init__(self, catalog: Catalog, focus: FocusFilter | None = None, corrections: Corrections | None = None):
        self.catalog = catalog
        self.focus = focus
        self.corrections = corrections

    # facts, with the users' corrections --------------------------------------------------------
    def facts(self, kind: str | None = None) -> list[FactRow]:
        rows = self.catalog.facts(kind)
        return self.corrections.apply(rows) if self.corrections is not None else rows

    # which documents speak for the pact ---------------------------------------------------------
    def _ranked_documents(self, kind: str) -> list[str]:
        """Documents holding facts of this kind, the one that speaks for the pact first: the home
        territory's documents only (when a profile names it and one of them has such facts), the
        latest « as of » date first, then the one with more such facts."""
        facts = self.facts(kind)
        if not facts:
            return []
        dates = {f.doc_id: f.data.get("as_of") for f in self.catalog.facts("document")}
        counts: dict[str, int] = {}
        for f in facts:
            counts[f.doc_id] = counts.get(f.doc_id, 0) + 1
        docs = set(counts)
        if self.focus is not None and self.focus.profile.active and self.focus.focus_documents():
            # the territory has documents of its own: only they speak for its pact (another
            # territory's figures are never taken for ours, even when ours are missing)
            docs = {d for d in docs if self.focus.is_focus(d)}
            if not docs:
                return []
        return sorted(docs, key=lambda d: (as_of_key(dates.get(d)), counts[d], d), reverse=True)

    def _latest_document(self, kind: str) -> str | None:
        ranked = self._ranked_documents(kind)
        return ranked[0] if ranked else None

    def _pact_document(self, kind: str) -> str | None:
        """For the pact's lists (members, strategy inputs, next steps): the document that gives the
        pact's axes, when it has such facts; else the first of the ranked documents."""
        ranked = self._ranked_documents(kind)
        strategy = self._ranked_documents("axis")
        if strategy and strategy[0] in ranked:
            return strategy[0]
        return ranked[0] if ranked else None

    def _facts_of(self, kind: str, doc_id: str | None = None) -> list[FactRow]:
        doc_id = doc_id or self._latest_document(kind)
        return [f for f in self.facts(kind) if f.doc_id == doc_id] if doc_id else []

    def _doc_label(self, doc_id: str) -> tuple[str, str, str | None]:
        doc = self.catalog.document(doc_id)
        as_of = next((f.data.get("as_of") for f in self.catalog.facts("document") if f.doc_id == doc_id), None)
        return ((doc.title if doc else "") or "", doc.path if doc else "", as_of)

    # tools --------------------------------------------------------------------------------
    def action_stats(self, axis: int | None = None) -> ActionStats:
        book = SourceBook(self.catalog)
        values: dict[str, float | None] = {s: None for s in STATUSES}
        written: dict[str, str] = {}
        source_of: dict[str, int] = {}
        corrections: dict[str, dict] = {}
        as_of, computed, situation = None, None, None
        # the most complete set of shares speaks for the pact (an evaluation, not a press release
        # quoting one figure); among complete sets, the latest
        stated = [d for d in self._ranked_documents("status_share")
                  if any(f.data.get("axis") == axis for f in self._facts_of("status_share", d))]
        stated.sort(key=lambda d: -len({f.data["status"] for f in self._facts_of("status_share", d)
                                        if f.data.get("axis") == axis}))
        tables = self._ranked_documents("action_item")
        primary = stated[0] if stated else (tables[0] if tables else None)
        if primary is not None and primary in stated:
            for fact in self._facts_of("status_share", primary):
                status = fact.data["status"]
                if fact.data.get("axis") != axis or status not in values or values[status] is not None:
                    continue
                values[status] = fact.data["value"]
                written[status] = fact.data.get("written") or fact.excerpt or ""
                source_of[status] = book.cite(fact)
                as_of = fact.data.get("as_of") or as_of
                situation = situation or fact.data.get("situation")
                if fact.data.get("correction"):
                    corrections[status] = fact.data["correction"]
        elif primary is not None:
            computed = self._table_shares(primary, axis, book, values, written, source_of)
            as_of = self._doc_label(primary)[2]
        conflicts, earlier = [], []
        for other in [d for d in stated if d != primary]:
            theirs = {f.data["status"]: f.data["value"] for f in self._facts_of("status_share", other)
                      if f.data.get("axis") == axis}
            if _disagree(values, theirs):
                title, file, other_as_of = self._doc_label(other)
                cited = [book.cite(f) for f in self._facts_of("status_share", other) if f.data.get("axis") == axis]
                summary = ", ".join(f"{share_fr(v)} % {STATUS_WORDS_FR.get(k, k)}" for k, v in theirs.items())
                found = Conflict(title, file, other_as_of, summary, sorted(set(cited)))
                # figures dated before the ones retained are their history, not a disagreement
                (earlier if is_before(other_as_of, as_of) else conflicts).append(found)
        register = self.register_stats(values)
        return ActionStats(values["done"], values["in_progress"], values["not_done"], "percent", as_of,
                           book.sources, register, axis, written, source_of, conflicts, computed, corrections,
                           abandoned=values["abandoned"], earlier=earlier, situation=situation)

    def _table_shares(self, doc_id: str, axis: int | None, book: "SourceBook", values: dict, written: dict,
                      source_of: dict) -> dict:
        """Shares computed from a document's table of actions (one row per action, a status column)."""
        rows = [f for f in self._facts_of("action_item", doc_id) if axis is None or f.data.get("axis") == axis]
        counted = [f for f in rows if f.data.get("status")]
        counts: dict[str, int] = {}
        for f in counted:
            counts[f.data["status"]] = counts.get(f.data["status"], 0) + 1
        total = len(counted)
        for status in STATUSES:
            n = counts.get(status, 0)
            if status in OPTIONAL_STATUSES and not n:
                continue
            values[status] = round(100 * n / total, 1) if total else None
            written[status] = f"{plural(n, 'action')} sur {total}"
            first = next((f for f in counted if f.data["status"] == status), None)
            if first is not None:
                source_of[status] = book.cite(first, " ; ".join(f.excerpt or "" for f in rows[:12]))
        return {"actions": len(rows), "counted": total, "counts": counts,
                "unrecognised": [f.data.get("status_written") for f in rows if not f.data.get("status")]}

    def register_stats(self, published: dict[str, float | None] | None = None) -> dict | None:
        rows = self.catalog.facts("register_action")
        if not rows:
            return None
        files = {f.doc_id: f.data.get("file") for f in self.catalog.facts("register")}

        def shares(items: list[FactRow]) -> dict:
            counted = [f for f in items if f.data.get("status")]
            total = len(counted)
            out = {"actions": len(items)}
            for status in STATUSES:
                n = sum(1 for f in counted if f.data["status"] == status)
                if status in OPTIONAL_STATUSES and not n:
                    continue
                out[status] = round(100 * n / total, 1) if total else None
                out[f"{status}_count"] = n
            return out

        overall = shares(rows)
        by_axis = {}
        for number in sorted({f.data["axis"] for f in rows if f.data.get("axis") is not None}):
            by_axis[str(number)] = shares([f for f in rows if f.data.get("axis") == number])
        issues = [
            f"ligne {f.data['line']} : statut « {f.data['status_written']} » non reconnu" for f in rows if not f.data.get("status")
        ]
        issues += [f"ligne {f.data['line']} : axe manquant" for f in rows if f.data.get("axis") is None]
        known_axes = {f.data["number"] for f in self._facts_of("axis")}
        issues += [
            f"ligne {f.data['line']} : axe {f.data['axis']} inconnu de la stratégie"
            for f in rows if known_axes and f.data.get("axis") is not None and f.data["axis"] not in known_axes
        ]
        if published:
            for status in STATUSES:
                pub, cur = published.get(status), overall.get(status)
                if pub is not None and cur is not None and abs(pub - cur) >= 5:
                    issues.append(f"actions {STATUS_WORDS_FR[status]} : {share_fr(cur)} % dans le registre contre "
                                  f"{share_fr(pub)} % publiés dans l'évaluation")
        # the latest update by its date (« 05/02/2024 » is later than « 31/01/2024 »), as written
        updated = sorted((f.data["updated"] for f in rows if f.data.get("updated")), key=date_key)
        return {
            "files": sorted(set(files.values())),
            "overall": overall,
            "by_axis": by_axis,
            "updated": updated[-1] if updated else None,
            "issues": issues,
        }

    def governance_calendar(self, body: str | None = None, year: int | None = None) -> Calendar:
        """Meetings from every document that speaks for the pact (the same meeting once)."""
        book = SourceBook(self.catalog)
        kept, seen = [], set()
        wanted = body.lower() if body else None
        for doc_id in self._ranked_documents("governance_event"):
            facts = self._facts_of("governance_event", doc_id)
            # a meeting written twice (« 21 novembre 2019 : installation », then in the list of the
            # body's meetings) is cited from the passage that lists the most meetings
            listed = Counter(f.excerpt for f in facts)
            for fact in sorted(facts, key=lambda f: -listed[f.excerpt]):
                data = fact.data
                if wanted and wanted not in data["body"].lower() and wanted not in data.get("label", "").lower():
                    continue
                if year and not _in_year(data, year):
                    continue
                key = (data["body"].lower(), data.get("iso") or data["written"])
                if key in seen:
                    continue
                seen.add(key)
                kept.append(fact)
        # « la revue de novembre 2021 » is the body's meeting of 30 November 2021, not another one
        dated = {(f.data["body"].lower(), f.data["iso"][:7]) for f in kept if f.data.get("iso")}
        # in the order of time; a date written with its month only goes at the start of its month,
        # one that cannot be read goes last
        kept.sort(key=lambda f: f.data.get("iso") or (month_and_year(f.data["written"]) or "9999") + "-00")
        events = [Event(f.data["body"], f.data["written"], f.data.get("iso"), bool(f.data.get("incomplete")),
                        book.cite(f), f.data.get("correction"), bool(f.data.get("planned")))
                  for f in kept
                  if f.data.get("iso") or (f.data["body"].lower(), month_and_year(f.data["written"])) not in dated]
        return Calendar(events, book.sources, body, year)

    def bodies(self) -> list[str]:
        names = set()
        for doc_id in self._ranked_documents("governance_event"):
            names |= {f.data["body"] for f in self._facts_of("governance_event", doc_id)}
        return sorted(names)

    def strategy_axes(self, doc_id: str | None = None) -> Strategy:
        """The pact's strategy, or the one a given document states (another territory's pact, the
        regional scheme)."""
        book = SourceBook(self.catalog)
        if doc_id is not None:
            axes = self._axes_of(doc_id, book)
            return Strategy(axes, book.sources, kind=self._strategy_kind(doc_id)) if axes else Strategy([], [])
        ranked = self._ranked_documents("axis")
        if not ranked:
            return Strategy([], [])
        # the strategy does not age like figures: the document that gives it whole (its axes
        # with their objectives) speaks for it, before a later summary that names the axes only
        objectives = Counter(f.doc_id for f in self.facts("objective"))  # one read of the catalog
        ranked.sort(key=lambda d: -objectives[d])  # stable: the date order stays among equals
        axes = self._axes_of(ranked[0], book)
        conflicts = []
        kind = {f.data.get("kind") for f in self._facts_of("axis", ranked[0])}
        for other in ranked[1:]:
            theirs = self._facts_of("axis", other)
            if not {f.data.get("kind") for f in theirs} & kind:
                continue  # another kind of strategy (a scheme's « orientations »), not the same series
            mine = {(a.number, a.title) for a in axes}
            if {(f.data["number"], f.data["title"]) for f in theirs} != mine:
                title, file, as_of = self._doc_label(other)
                summary = "; ".join(f"{f.data['number']}. {f.data['title']}" for f in theirs)
                conflicts.append(Conflict(title, file, as_of, summary, [book.cite(f) for f in theirs]))
        return Strategy(axes, book.sources, conflicts, kind=self._strategy_kind(ranked[0]))

    def _strategy_kind(self, doc_id: str) -> str:
        kinds = Counter(f.data.get("kind") or "axe" for f in self.catalog.facts("axis") if f.doc_id == doc_id)
        return kinds.most_common(1)[0][0] if kinds else "axe"

    def _axes_of(self, doc_id: str, book: "SourceBook") -> list[Axis]:
        objectives: dict[int, list[str]] = {}
        for fact in self.facts("objective"):
            if fact.doc_id == doc_id:
                objectives.setdefault(fact.data["axis"], []).append(fact.data["text"])
        axes: dict[int, Axis] = {}
        for fact in self._facts_of("axis", doc_id):
            number = fact.data["number"]
            # the source shows the axis as the document gives it: heading, then its objectives
            head = fact.excerpt or fact.data["title"]
            excerpt = " ; ".join([head, *(o for o in objectives.get(number, []) if o not in head)])
            axes[number] = Axis(number, fact.data["title"], objectives.get(number, []), book.cite(fact, excerpt),
                                fact.data.get("correction"))
        return [axes[k] for k in sorted(axes)]

    def fact_list(self, kind: str) -> FactList:
        """``member``, ``input`` or ``next_step`` facts of the pact's document, each with its source."""
        book = SourceBook(self.catalog)
        facts = self.members() if kind == "member" else self._facts_of(kind, self._pact_document(kind))
        # the items of one page are one passage of the document: one source, their lines as excerpt
        pages: dict[tuple, list[str]] = {}
        for fact in facts:
            pages.setdefault((fact.doc_id, fact.page), []).append(fact.excerpt or "")
        items = []
        for fact in facts:
            text = fact.data.get("name") or fact.data.get("text") or fact.excerpt or ""
            items.append(Item(text, fact.data.get("status"), book.cite(fact, " ; ".join(pages[(fact.doc_id, fact.page)]))))
        return FactList(kind, items, book.sources)

    def all_facts(self) -> list[dict]:
        """Every extracted fact with its identifier, document, page and excerpt (``pacte facts``)."""
        from assistant.knowledge.corrections import fact_id

        titles = {d.doc_id: (d.title or d.path, d.path) for d in self.catalog.documents()}
        raw = {fact_id(f): f for f in self.catalog.facts() if f.kind not in ("document", "register")}
        corrected = {fact_id(f): f for f in self.facts() if f.kind not in ("document", "register")}
        out = []
        for fid, fact in raw.items():
            shown = corrected.get(fid)
            title, path = titles.get(fact.doc_id, ("", ""))
            out.append({
                "id": fid, "kind": fact.kind, "document": title, "file": path, "page": fact.page,
                "excerpt": fact.excerpt, "data": (shown or fact).data,
                "status": "exclu" if shown is None else ("corrigé" if (shown.data.get("correction") or {}).get("action") == "override"
                                                         else "confirmé" if shown.data.get("correction") else "extrait"),
            })
        return out

    def members(self) -> list[FactRow]:
        """The communities that make up the territory: never the territory itself (« CA du Littoral
        d'Opale » in its own report's byline)."""
        own = {fold_accents(a).lower() for a in self.focus.profile.aliases} if self.focus is not None else set()
        kept = [f for f in self.facts("member") if fold_accents(f.data.get("name", "")).lower() not in own]
        ranked = [d for d in self._ranked_documents("member") if any(f.doc_id == d for f in kept)]
        strategy = self._ranked_documents("axis")
        doc = strategy[0] if strategy and strategy[0] in ranked else (ranked[0] if ranked else None)
        return [f for f in kept if f.doc_id == doc]

    def inputs(self) -> list[FactRow]:
        return self._facts_of("input", self._pact_document("input"))

    def next_steps(self) -> list[FactRow]:
        return self._facts_of("next_step", self._pact_document("next_step"))


def _in_year(data: dict, year: int) -> bool:
    if data.get("iso"):
        return data["iso"].startswith(str(year))
    return str(year) in data.get("written", "")


def _disagree(ours: dict[str, float | None], theirs: dict[str, float]) -> bool:
    """Two sets of shares state different figures. When one of them counts the abandoned actions
    apart and the other does not, « non réalisées » groups them in both (« 8 % non engagées, 4 %
    abandonnées » and « 12 % non réalisées » agree)."""
    mine = {k: v for k, v in ours.items() if v is not None}
    other = dict(theirs)
    grouped = ("abandoned" in mine) != ("abandoned" in other)
    if grouped:
        for shares in (mine, other):
            if "abandoned" in shares:
                shares["not_done"] = shares.get("not_done", 0) + shares.pop("abandoned")
    # two shares rounded apart may sum to one point off their group's own rounding
    return any(k in mine and abs(v - mine[k]) > (1 if grouped and k == "not_done" else 0) for k, v in other.items())
