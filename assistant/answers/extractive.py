"""The offline answerer: picks the sentences or list items of the retrieved chunks that answer
the question, checks that they cover it, and quotes them with [n] markers. No LLM, nothing invented.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import replace

from assistant.answers.candidate import Candidate, Pick
from assistant.answers.completion import asked_item, continuation, question_names_heading, siblings, whole_list
from assistant.answers.answerability import CLOSE_RANK, AnswerabilityModel, SentenceSimilarity, quotes_runner
from assistant.answers.document_dates import dated_by, dated_passages, holds_document_date
from assistant.answers.question import REASON_WORDS, QuestionAnalysis
from assistant.answers.signals import (CAPTION_RE, MONEY_RE, YEAR_RE, count_bound, digits, introduced_items,
                                       is_date_label, is_label, length_of_time, named_in, names_person, proper_names,
                                       row_unnamed, softly_covered, states_money, states_reason)
from assistant.answers.table_extremes import TableExtremes
from assistant.answers.table_matches import TableMatches, row_candidates
from assistant.providers.catalog import Catalog
from assistant.providers.lexical import LexicalIndex
from assistant.retrieval.glossary import Glossary, QuestionCues
from assistant.retrieval.hybrid import Hit
from assistant.text.acronyms import acronyms, spelt_out
from assistant.text.dates import YEARS_RE, find_dates
from assistant.text.headings import heading_forms, heading_key, is_caps_heading
from assistant.text.tables import parse_row
from assistant.text.tokens import fold_accents, tokenize_fr
from assistant.text.units import DATE_RE, NUMBER_RE, PERCENT_RE, Unit, dates_in, split_units, states_count

DECLINE_FR = "Les documents indexés ne permettent pas de répondre à cette question."
DECLINE_EN = "The indexed documents do not answer this question."


VALUE_KINDS = ("percent", "date", "count")
ONE_VALUE = ("percent", "date", "who", "where")  # kinds asking one value (a count may count a list's items)
# a decline quotes the closest sentence when the gate gave it at least this share of the threshold
# (below, it is more often a sentence about something else than a near answer)
CLOSEST_SHARE = 0.5
ABOUT_THE_DOCUMENT = 0.75  # share of a date question's words in the document's title: it asks the document's date


class ExtractiveAnswerer:
    def __init__(self, glossary: Glossary, cues: QuestionCues, model: AnswerabilityModel | None = None,
                 similarity: SentenceSimilarity | None = None, max_hits: int = 6, catalog: Catalog | None = None,
                 lexical: LexicalIndex | None = None):
        self.glossary = glossary
        self.cues = cues
        self.model = model or AnswerabilityModel.load()
        self.similarity = similarity  # question ↔ sentence, with the bundled embedder (None: passage only)
        self.max_hits = max_hits  # sentences are read in the best passages only
        # « le plus / le moins » questions: the row at one end of a table (needs the whole table)
        self.tables = TableExtremes(catalog.chunks_of, similarity) if catalog is not None else None
        # « quelles zones gère la CC X ? »: every row of the table holding the cell the question names
        self.matches = TableMatches(catalog) if catalog is not None else None
        self.catalog = catalog  # the whole tables and the documents' dated passages (None: passages only)
        self.lexical = lexical  # how rare each word is in the corpus (None: every word weighs the same)
        self.money_words = {fold_accents(t[0]) for t in cues.money if len(t) == 1}  # « budget », « coût »…

    # selection -------------------------------------------------------------------------------
    def scored(self, analysis: QuestionAnalysis, hits: list[Hit], home_only: bool = False,
               covered: frozenset[str] = frozenset()) -> tuple[QuestionAnalysis, list[Candidate]]:
        """Every sentence of the retrieved passages with its features and ranking score."""
        if home_only:
            # only the documents the question may be answered from: the ones it names, else never a
            # peer territory's (« le pacte » means the users' own); retrieval keeps to them already
            hits = [h for h in hits if h.in_scope]
        if covered and analysis.kind != "definition":  # « que veut dire POCE ? » asks for the name itself
            # the words that chose the documents (« du Val d'Ornelle », « selon le registre ») are
            # answered by the documents themselves: a quoted passage need not repeat them
            analysis = replace(analysis, content=[c for c in analysis.content if not set(c.label.split()) <= covered])
        hits = hits[: self.max_hits]
        extremes = self.tables.find(analysis, hits) if self.tables is not None else None
        if extremes is not None:
            hits = hits + extremes.hits
        if analysis.kind == "date" and self.catalog is not None:
            hits = hits + dated_passages(hits, self.catalog.find_chunk)
        if self.similarity is not None and any(h.similarity is None for h in hits):
            # a register row comes from the register, not the vector search: measure it here (on a
            # copy: the retriever's hits stay as it returned them)
            unmeasured = [h.chunk.text for h in hits if h.similarity is None]
            scores = iter(self.similarity.scores(analysis.text, unmeasured))
            hits = [h if h.similarity is not None else replace(h, similarity=next(scores)) for h in hits]
        candidates = self._candidates(analysis, hits, covered)
        if extremes is not None and extremes.rows:
            for cand in candidates:
                cand.features["extreme_row"] = float(parse_row(cand.unit.text) in extremes.rows)
        if self.similarity is not None and candidates:
            scores = self.similarity.scores(analysis.text, [c.shown or c.unit.display for c in candidates])
        else:
            scores = [c.features["similarity"] for c in candidates]
        best = max(scores, default=0.0)
        for cand, score in zip(candidates, scores):
            cand.features["unit_similarity"] = score
            cand.features["unit_similarity_gap"] = best - score
            cand.rank = self.model.rank_score(cand.features)
        own_date = [c for c in candidates if c.features["document_date"] >= ABOUT_THE_DOCUMENT]
        if own_date:
            # a rule, not a weight (the dev sets hold too few such questions to learn it): a question
            # about the document itself, most of its words in the document's title (« quand le
            # rapport d'activité du club a-t-il été publié ? »), is answered by the document's date
            top = max(c.rank for c in candidates)
            for cand in own_date:
                cand.rank = max(cand.rank, top + 0.01)
        return analysis, candidates

    def select(self, analysis: QuestionAnalysis, hits: list[Hit], home_only: bool = False,
               covered: frozenset[str] = frozenset()) -> Pick | None:
        analysis, candidates = self.scored(analysis, hits, home_only, covered)
        answering = sorted((c for c in candidates if self._answers(analysis, c)),
                           key=lambda c: (-c.rank, c.hit_rank, c.unit.start))
        if not answering:
            return None
        best = answering[0]
        ranked = [(c.features, c.rank) for c in answering[:2]]
        best.score = self.model.probability(ranked)
        if best.score < self.model.threshold and analysis.kind != "definition":
            # the answer would not answer: decline (an expansion answers « que veut dire »), showing
            # the sentence that came closest when it scored at least half what answering needs
            return Pick([best], confident=False) if best.score >= CLOSEST_SHARE * self.model.threshold else None
        # sentences close behind the first one may complete it (the items of a list, other shares)
        valid = [c for c in answering if c.rank >= best.rank - CLOSE_RANK]
        chosen = [best]
        if best.unit.display.endswith(":") or best.unit.kind == "line":
            chosen += continuation(best, candidates)
        elif best.unit.kind == "item":
            # a list is asked, or what the question asks about titles the list (« quel est le
            # bilan quantitatif ? » over « Evaluation quantitative » and its items): all its items
            named = question_names_heading(analysis, best) if analysis.kind == "what" else None
            chosen = whole_list(best, candidates, headed=analysis.kind == "list", names_heading=named) or chosen
        if (analysis.kind in ONE_VALUE and not (analysis.several or analysis.order or analysis.nth)
                and len(chosen) > 2 and chosen[0].unit.display.endswith(":")):
            # one value is asked (« quand est prévu le bilan à mi-parcours ? ») and the list
            # announced holds it: the announcement and that item, not the whole calendar
            asked = asked_item(chosen[1:], lambda c: self._answers(analysis, c))
            chosen = [chosen[0], *asked] if asked else chosen
        if analysis.kind in ("list", "percent") or (analysis.kind == "count" and not dates_in(best.unit.text)):
            chosen += [c for c in siblings(analysis, best, valid) if c not in chosen]
        rows = self.matches.rows_like(analysis, best.hit, best.unit) if self.matches is not None else []
        if rows:  # the rows sharing the named cell are the answer, the other rows are not
            chosen = [c for c in chosen if parse_row(c.unit.text) is None] + row_candidates(rows, best, candidates)
        # the runner-up in the same passage or close behind: the gate judged the answer quoting both
        # (a table row and the sentence stating the same target; or, when the ranking put the
        # weaker first, the other one)
        same_passage = len(answering) > 1 and answering[1].hit is best.hit
        runner = answering[1] if quotes_runner(ranked, same_passage) else None
        if runner is not None and analysis.period and YEARS_RE.search(best.unit.text) and not YEARS_RE.search(runner.unit.text):
            runner = None  # the span of time asked is stated: another date would only blur it
        if runner is not None and runner.unit.display.rstrip().endswith("?"):
            runner = None  # a question (« Où consulter le rapport complet ? ») asks, it states nothing
        if (runner is not None and runner.unit.text not in {x.unit.text for x in chosen}
                and not (rows and parse_row(runner.unit.text) is not None)):
            chosen.append(runner)
            if runner.unit.display.endswith(":"):  # « Actions envisagées : » is quoted with its items
                chosen += [c for c in continuation(runner, candidates) if c not in chosen]
        chosen.sort(key=lambda c: (c.hit_rank, c.unit.start))
        return Pick(chosen)

    def _candidates(self, analysis: QuestionAnalysis, hits: list[Hit],
                    named: frozenset[str] = frozenset()) -> list[Candidate]:
        out: list[Candidate] = []
        n = len(analysis.content)
        best_similarity = max((h.similarity for h in hits if h.similarity is not None), default=0.0)
        essential = analysis.essential or []
        numbers = digits(analysis.text)
        # the names that chose the documents (« du Haut Plateau ») are answered by the documents
        # themselves: a passage of the named document need not repeat them
        names = {name for name in proper_names(analysis.text) if not set(tokenize_fr(name)) <= named} if named \
            else proper_names(analysis.text)
        weights, unknown = self._weights(analysis)
        total_weight = sum(weights) or 1.0
        for rank, hit in enumerate(hits):
            meta = hit.chunk.metadata
            header = set(tokenize_fr(f"{meta.get('document_title', '')} {meta.get('section', '')}"))
            chunk_tokens = set(tokenize_fr(hit.chunk.text)) | header
            last_heading = (meta.get("section") or "").split(" > ")[-1].strip()
            titles = heading_forms(last_heading, str(meta.get("document_title") or ""))
            similarity = hit.similarity if hit.similarity is not None else 0.0
            passage_folded = fold_accents(f"{meta.get('document_title', '')} {meta.get('section', '')} {hit.chunk.text}").lower()
            names_missing = sum(1 for name in names if name not in passage_folded)
            named_date = dated_by(analysis.text, meta)  # the document's own date, when the question names it
            title_tokens = set(tokenize_fr(str(meta.get("document_title") or "")))
            about_title = sum(1 for c in analysis.content if c.covered_by(title_tokens)) / n if n else 0.0
            passage = {
                "similarity": similarity,
                "similarity_gap": best_similarity - similarity if hit.similarity is not None else 0.0,
                "bm25_rank": 1.0 / hit.bm25_rank if hit.bm25_rank else 0.0,
                "dense_rank": 1.0 / hit.dense_rank if hit.dense_rank else 0.0,
                "agreement": float(bool(hit.bm25_rank and hit.dense_rank and hit.bm25_rank <= 3 and hit.dense_rank <= 3)),
                "hit_rank": 1.0 / (1 + rank),
                "register_row": float(meta.get("kind") == "register"),
                "english": float(analysis.language == "en"),
                # the kind of question: the gate's evidence differs by kind (the same for every
                # sentence of a question, so the ranker ignores them)
                "asks_value": float(analysis.kind in VALUE_KINDS),
                "asks_list": float(analysis.kind == "list"),
                "asks_who": float(analysis.kind == "who"),
                "no_content": float(n == 0),
                "name_missing": names_missing / len(names) if names else 0.0,
            }
            units = split_units(hit.chunk.text)
            block_sizes = Counter(u.block for u in units if u.kind in ("item", "line"))
            unit_header = header  # the headings over a unit: the chunk's section, then any heading inside it
            parents = set(tokenize_fr(f"{meta.get('document_title', '')} "
                                      + " ".join((meta.get("section") or "").split(" > ")[:-1])))
            dated: Unit | None = None  # a timeline's date set as a title (« 27 juin 2023 ») heads the next unit
            before: set[str] = set()  # the words of the sentence before: « Fin 2022, … les travaux restants ont
            # été retardés … » goes on about the subject the sentence before named
            for at, unit in enumerate(units):
                if dated is not None:
                    # the date and the event under it are one answer: « 27 juin 2023 Vote du comité … »
                    end = unit.start + len(unit.text)
                    unit = Unit(hit.chunk.text[dated.start:end], dated.start, unit.block, unit.kind)
                    dated = None
                tokens = set(tokenize_fr(unit.text))
                if not tokens or is_label(unit.display):
                    continue
                previous, before = before, tokens
                marked = unit.is_heading_mark or is_caps_heading(unit.display)
                if marked:
                    # a heading inside the passage (« ### Quel est le loyer ? ») heads what follows it
                    unit_header = parents | tokens
                    before = set()
                    if analysis.kind != "definition" and ":" not in unit.display:
                        # a title says where, not what; but « (PACTE OFFENSIVE …) » expands an acronym,
                        # and « 312 emplois créés (cible : 400) » states a figure
                        dated = unit if is_date_label(unit.display) else None
                        continue
                # « Il obéit à une double finalité : » is answered by the items that follow: the value
                # asked and the meaning are looked for in what the answer would quote
                shown = " ; ".join([unit.display, *(u.display for u in introduced_items(units, at))])
                in_unit = in_header = anywhere = 0
                weight_in_unit = weight_anywhere = 0.0
                missing = []
                for concept, weight in zip(analysis.content, weights):
                    unit_has = concept.covered_by(tokens)
                    header_has = concept.covered_by(unit_header)
                    in_unit += unit_has
                    in_header += header_has
                    weight_in_unit += weight * unit_has
                    if unit_has or header_has or concept.covered_by(chunk_tokens):
                        anywhere += 1
                        weight_anywhere += weight
                    else:
                        missing.append(concept.label)
                has_value = self._has_value(analysis, shown, unit.kind)
                unit_words = set(tokenize_fr(unit.text, keep_stopwords=True))
                negation_mismatch = analysis.kind == "percent" and bool(unit_words & self.cues.negation) != analysis.negated
                if negation_mismatch:
                    missing.append("(négation)")
                # a heading, the document's own title or a table/figure caption says where, not what
                heading = (marked or heading_key(unit.display) in titles or len(unit.display) < 3
                           or bool(CAPTION_RE.match(unit.display)))
                features = {
                    **passage,
                    "unit_soft_coverage": sum(1 for c in analysis.content if softly_covered(c, tokens)) / n if n else 0.0,
                    # the question's first content word is usually what it asks about (« le loyer
                    # mensuel de… », « quelle surface… »): the entity words alone do not answer
                    "focus_missing": float(analysis.focus is not None and not softly_covered(analysis.focus, tokens)),
                    # the places and bodies the question names (« la Meuse », « la Région »): the row
                    # or sentence about them holds them, not the table's caption
                    "unit_name_missing": (sum(1 for name in names if name not in fold_accents(shown).lower()) / len(names))
                                         if names else 0.0,
                    "followup_missing": (sum(1 for c in analysis.followup if not softly_covered(c, tokens))
                                         / len(analysis.followup)) if analysis.followup else 0.0,
                    "count_unbound": float(analysis.kind == "count" and bool(analysis.counted)
                                           and not count_bound(shown, analysis.counted)),
                    "unit_coverage": in_unit / n if n else 0.0,
                    "context_coverage": (sum(1 for c in analysis.content if c.covered_by(tokens | previous)) / n
                                         if n else 0.0),
                    "section_coverage": in_header / n if n else 0.0,
                    "passage_coverage": anywhere / n if n else 0.0,
                    "all_covered": float(anywhere == n),
                    "missing": float(min(3, n - anywhere)),
                    "value_present": float(analysis.kind in VALUE_KINDS and has_value),
                    "value_missing": float(analysis.kind in VALUE_KINDS and not has_value),
                    "heading": float(heading),
                    "short": float(len(tokens) < 4),
                    "negation_mismatch": float(negation_mismatch),
                    "essential_missing": float(any(not c.covered_by(unit_words) for c in essential
                                                   if not (analysis.reason and c.label in REASON_WORDS and states_reason(shown)))),
                    "named_in_unit": len(named & tokens) / len(named) if named else 0.0,
                    # the document's own date, when the question names it (« au copil du 30
                    # septembre 2020 » in the minutes of that day), answers its numbers, as its names do
                    "number_missing": (sum(1 for x in numbers if x not in digits(
                        " ".join((shown, str(meta.get("section") or ""), named_date))))
                                       / len(numbers)) if numbers else 0.0,
                    "name_absent": float(analysis.kind in ("who", "where") and not (named_in(shown) - names)),
                    # « comment s'appelle le vice-président … ? » is not answered by « présidé par le
                    # vice-président chargé de l'économie »: the role, but no one's name
                    "person_missing": float(analysis.person and not names_person(shown)),
                    "money_missing": float(analysis.money and not states_money(shown, self.money_words)),
                    "list_item": float(analysis.kind in ("list", "count") and unit.kind in ("item", "line")),
                    "list_size": (math.log1p(block_sizes.get(unit.block, 1) - 1)
                                  if analysis.kind in ("list", "count") and unit.kind in ("item", "line") else 0.0),
                    "counted_missing": float(bool(analysis.counted) and not analysis.counted <= set(tokenize_fr(shown))),
                    "extreme_row": 0.0,  # set by scored(): the row at the asked end of its table's column
                    "row_unnamed": row_unnamed(analysis, unit.text),
                    # the same coverage, each word weighing as much as it is rare in the corpus: « porte »
                    # or « présentée » are easily paraphrased, « scierie » or « Lagarde » are what is asked
                    "unit_rare_coverage": weight_in_unit / total_weight if n else 0.0,
                    "passage_rare_coverage": weight_anywhere / total_weight if n else 0.0,
                    "unknown_words": unknown,
                    # the document's own date, as much as the question is about the document (its
                    # title's words): « quand le rapport d'activité a-t-il été publié ? », not « quand
                    # le salon s'est-il tenu ? »
                    "document_date": float(analysis.kind == "date" and holds_document_date(unit.text, meta)) * about_title,
                    # « quelle date ? » is answered to the day or the month; a year alone is vaguer,
                    # and a span of years (« 2025-2031 ») answers « sur quelle période ? » only
                    "exact_date": float(analysis.kind == "date" and any(
                        analysis.period or not YEARS_RE.fullmatch(m.group(0)) for m in DATE_RE.finditer(shown))),
                    # « quel jour ? » is not answered by « en juin 2023 »
                    "day_missing": float(analysis.day and not any(d.precision == "day" for d in find_dates(shown))),
                }
                if heading and ":" not in shown and analysis.kind != "definition":
                    dated = unit if is_date_label(unit.display) else None
                    continue  # it heads the sentences that answer; ranked, it would only push them down
                out.append(Candidate(hit, rank, unit, 0.0, anywhere, missing, has_value, features, shown=shown))
        return out

    def _weights(self, analysis: QuestionAnalysis) -> tuple[list[float], float]:
        """Each content word's weight, its inverse document frequency over the corpus's passages
        (BM25's), and how many of them (at most 2) no passage holds in any of their forms."""
        if self.lexical is None or not analysis.content:
            return [1.0] * len(analysis.content), 0.0
        forms = [[list(alt) for alt in c.alternatives] for c in analysis.content]
        frequencies = self.lexical.document_frequencies(sorted({t for alts in forms for alt in alts for t in alt}))
        size = max(len(self.lexical), 1)
        weights, unknown = [], 0
        for alts in forms:
            # a word's frequency is that of its most frequent form (its synonyms count: « copil »
            # is as common as « comité de pilotage »); a form of several words, its rarest word
            frequency = max((min(frequencies[t] for t in alt) for alt in alts if alt), default=0)
            weights.append(math.log(1 + (size - frequency + 0.5) / (frequency + 0.5)))
            unknown += frequency == 0
        return weights, float(min(unknown, 2))

    def _has_value(self, analysis: QuestionAnalysis, text: str, unit_kind: str = "") -> bool:
        kind = analysis.kind
        if kind == "percent":
            # « quelle part vient de la Région ? » about money: an amount answers too
            return bool(PERCENT_RE.search(text) or analysis.money and MONEY_RE.search(text))
        if kind == "date":
            return bool(DATE_RE.search(text) or YEAR_RE.search(text) or length_of_time(text))
        if kind == "count":
            # a count (not a date's or a year's digits), a list to count (« combien de communautés
            # de communes, et lesquelles ? »), an amount (« jusqu'à combien par an ? »), a
            # percentage for a change (« de combien … a augmenté ? »)
            return (states_count(text) or unit_kind == "line" or bool(MONEY_RE.search(text))
                    or analysis.change and bool(PERCENT_RE.search(text)))
        return True

    def _answers(self, analysis: QuestionAnalysis, cand: Candidate) -> bool:
        """The rules that stay rules, before any score: a definition quotes the expansion of the
        acronym; a question that asks for a value (a percentage, a date, a number, an amount) is
        answered by a sentence that holds one (a table row's amounts may leave the currency to the
        column heading: a number is enough); « qui ? » by a sentence that gives a name the question
        does not; a bare heading never answers on its own, nor does a sentence announcing items it
        does not hold, nor a few words without the word the question hinges on (« prochaine »,
        « pourquoi », « montant »)."""
        if analysis.kind == "definition":
            return self._defines(analysis, cand)
        shown = cand.shown or cand.unit.display
        if analysis.kind in VALUE_KINDS and not cand.has_value:
            return False
        if analysis.money and not NUMBER_RE.search(shown):
            return False
        if analysis.kind in ("who", "where") and cand.features["name_absent"]:
            return False  # « qui ? », « où ? » are answered by a name (a person, a body, a place) the question does not give
        f = cand.features
        if shown.endswith(":"):
            return False  # « … comprendra au minimum : » announces an answer this passage does not hold
        if f["short"] and f["essential_missing"]:
            return False  # a few words (« Janvier 2022 ») cannot say the « prochaine » or « pourquoi » asked
        return not (f["heading"] and ":" not in shown)

    def _defines(self, analysis: QuestionAnalysis, cand: Candidate) -> bool:
        """The unit holds an expansion of the acronym: one the glossary knows, or words whose
        initials spell it (the documents' own glossaries, « Zéro artificialisation nette (ZAN) »)."""
        tokens = set(tokenize_fr(cand.unit.text))
        if any(len(alt) >= 2 and set(alt) <= tokens for c in analysis.content for alt in c.alternatives):
            return True
        return any(spelt_out(a, cand.unit.text) for a in acronyms(analysis.text))
