"""The answer service: condense the follow-up, route to a structured tool or retrieve, answer
(extractive or LLM), verify the citations, return an ``Answer``."""

from __future__ import annotations

import logging
import queue
import threading
from contextvars import ContextVar
from typing import Callable, Iterator

from assistant.answers.answerability import SentenceSimilarity
from assistant.answers.asked_leads import LeadWords, asked_lead
from assistant.answers.candidate import Candidate
from assistant.answers.compose import Origin, Quote, compose_quotes, declined, derived_lead
from assistant.answers.extractive import DECLINE_EN, DECLINE_FR, ExtractiveAnswerer, Pick
from assistant.answers.model import Answer, Source, keep_cited
from assistant.answers.prompts import (
    ANSWER_SYSTEM_PROMPT,
    ANSWER_USER_PROMPT,
    CONDENSE_PROMPT,
    FALLBACK_LLM_DECLINED,
    FALLBACK_LLM_DOWN,
    FALLBACK_LLM_DOWN_NO_ANSWER,
    fallback_all_dropped,
)
from assistant.answers.question import (QuestionAnalysis, analyse, condense, detect_language, extreme_asked,
                                       follow_up_analysis)
from assistant.answers.verify import MARKER_RE, verify
from assistant.retrieval.glossary import Glossary, QuestionCues
from assistant.retrieval.hybrid import Hit, HybridRetriever
from assistant.text.translate import Lexicon, counted_phrase
from assistant.text.tokens import tokenize_fr
from assistant.text.units import is_bare_heading

logger = logging.getLogger(__name__)

Router = Callable[[str, QuestionAnalysis], Answer | None]


def _excerpt(text: str, limit: int = 300) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


class AnswerService:
    def __init__(self, retriever: HybridRetriever, glossary: Glossary, cues: QuestionCues, llm=None,
                 router: Router | None = None, tools: list | None = None, lexicon: Lexicon | None = None,
                 sentence_vectors=None):
        self.retriever = retriever
        self.glossary = glossary
        self.cues = cues
        self._lead_words = LeadWords.from_cues(cues)
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        self.llm = llm
        self.router = router
        embedder = getattr(retriever, "embedder", None)
        self.extractive = ExtractiveAnswerer(glossary, cues,
                                             similarity=(SentenceSimilarity(embedder, store=sentence_vectors)
                                                         if embedder is not None else None),
                                             max_hits=getattr(getattr(retriever, "settings", None), "top_k", 6),
                                             catalog=getattr(retriever, "catalog", None),
                                             lexical=getattr(retriever, "lexical", None))
        self.tools = tools or []  # FunctionTools offered to an LLM that calls functions

    def warm_up(self) -> None:
        """Load what the first answer would otherwise wait for: the answer gate (a forest grown
        from its stored rows, with scikit-learn's import) and the embedder's first call."""
        probabilities = self.extractive.model.probabilities
        probabilities([{}])
        embedder = getattr(self.retriever, "embedder", None)
        if embedder is not None:
            embedder.get_query_embedding("avancement des actions")

    def ask(self, question: str, history: list[str] | None = None) -> Answer:
        question = question.strip()
        if not question:
            return Answer(question, "Posez une question sur les documents du pacte.", False, verified=True)
        standalone, analysis = self.understand(question, history or [])
        routed = self.route(standalone, analysis)
        if routed is not None:
            routed.question = question
            routed.standalone_question = standalone
            return routed
        if self.llm is not None and self.tools:
            called = self._answer_with_tool_call(standalone, analysis)
            if called is not None:
                called.question, called.standalone_question = question, standalone
                return called
        hits = self.retriever.retrieve(analysis.text)
        if self.llm is not None:
            answer = self._answer_with_llm(standalone, analysis, hits)
        else:
            answer = self._answer_extractive(analysis, hits)
        answer.question = question
        answer.standalone_question = standalone
        return answer

    def route(self, standalone: str, analysis: QuestionAnalysis) -> Answer | None:
        """The structured tools' answer, if one applies; an English question is tried as written,
        then through its French gloss."""
        if self.router is None:
            return None
        routed = self.router(standalone, analysis)
        if routed is None and analysis.text != standalone:
            routed = self.router(analysis.text, analysis)
        return routed

    def understand(self, question: str, history: list[str]) -> tuple[str, QuestionAnalysis]:
        """The standalone question (a follow-up condensed) and its analysis; an English question
        is analysed and searched through its French gloss (the documents are French), and
        answered in English."""
        standalone = self._standalone(question, history)
        language = detect_language(question)
        searched = self.lexicon.to_french(standalone) if language == "en" else standalone
        analysis = analyse(searched, self.glossary, self.cues)
        analysis.language = language
        if language == "en":
            # the English cues (« what share », « how many », « how much ») name the kind asked and
            # the money where the gloss word by word may not (« share » glosses to « part »)
            english = analyse(standalone, self.glossary, self.cues)
            if analysis.kind == "what" or english.kind == "what" and english.money:
                analysis.kind = english.kind
            analysis.money = analysis.money or english.money
            analysis.several = analysis.several or english.several
            analysis.counts_things = analysis.counts_things or english.counts_things
            phrase = counted_phrase(standalone)
            if phrase and (self.lexicon.unglossed(phrase)
                           or not analysis.counted & set(tokenize_fr(self.lexicon.to_french(phrase.split()[-1])))):
                # « how many business failures »: English puts what is counted last; the gloss reads
                # « combien entreprise failures » and counts « entreprise », whose number is no count
                # of failures: no number is read as the count asked
                analysis.counts_things = False
            if analysis.extreme is None:  # « the highest » glosses to « plus élevé »
                analysis.extreme = extreme_asked(standalone, self.cues)
        if history:  # the words a follow-up brings, in French like the rest
            asked = self.lexicon.to_french(question) if language == "en" else question
            own = follow_up_analysis(asked, history, self.glossary, self.cues)
            if own is not None:
                analysis.followup = own.content
                # « Et qui s'est prononcé contre ? » asks who, whatever came before; « et combien sont
                # en cours ? » after a share asks that share
                if own.kind != "what" and not (own.kind == "count" and analysis.kind == "percent"):
                    analysis.kind, analysis.money, analysis.change = own.kind, own.money, own.change
        return standalone, analysis

    def _standalone(self, question: str, history: list[str]) -> str:
        if not history:
            return question
        if self.llm is None:
            return condense(question, history)
        from assistant.answers.followup import standalone_question

        prompt = CONDENSE_PROMPT.format(history="\n".join(f"- {h}" for h in history[-4:]), question=question)
        # the model's rewrite is checked (new element kept, topic kept, nothing invented), else the rules'
        return standalone_question(self.llm, prompt, question, history[-4:]).text

    # extractive ------------------------------------------------------------------------------
    def _answer_extractive(self, analysis: QuestionAnalysis, hits: list[Hit]) -> Answer:
        scope = self.retriever.scope(analysis.text)  # the documents the question may be answered from
        pick = self.extractive.select(analysis, hits, home_only=scope.restricts, covered=scope.words)
        if pick is None or not pick.confident:
            # the named documents do not answer: those that speak of them may (the délibération
            # that approved the evaluation the question names)
            wider = self._widened_pick(analysis, scope)
            if wider is not None:
                pick, hits = wider
        if pick is None:
            return self.decline(analysis, hits)
        if not pick.confident:
            return self.decline(analysis, hits, closest=pick.candidates[0])
        composed = self._compose(analysis, pick)
        if composed is None:
            return self.decline(analysis, hits)
        text, sources, passages, derived = composed
        clean, checks = verify(text, passages, derived)
        verified = all(c.ok for c in checks)
        return Answer(analysis.text, clean if verified else text, True, sources, None, verified, checks,
                      language=analysis.language)

    def _widened_pick(self, analysis: QuestionAnalysis, scope) -> tuple[Pick, list[Hit]] | None:
        """A confident answer from the documents that speak of the named ones, if any."""
        widened = getattr(self.retriever, "widened_scope", lambda _: None)(scope)
        if widened is None:
            return None
        hits = self.retriever.retrieve(analysis.text, scope=widened)
        pick = self.extractive.select(analysis, hits, home_only=True, covered=widened.required)
        return (pick, hits) if pick is not None and pick.confident else None

    def _compose(self, analysis: QuestionAnalysis, pick: Pick):
        """The picked units as data for the composer (quotes, their sources, the document, a value
        the quotes give); None when every unit is a bare heading, which is never an answer."""
        en = analysis.language == "en"
        definition = analysis.kind == "definition"  # an expansion in capitals is the answer itself
        cands = [c for c in pick.candidates
                 if not is_bare_heading(c.unit, c.hit.chunk.metadata.get("section") or "", caps_allowed=definition)]
        if not cands:
            return None
        if len(cands) < len(pick.candidates):  # a heading stays only as the context of what it heads
            cands = list(pick.candidates)
        numbers: dict[str, int] = {}
        grouped: dict[str, list] = {}
        for cand in cands:
            cid = cand.hit.chunk.id
            if cid not in numbers:
                numbers[cid] = len(numbers) + 1
            grouped.setdefault(cid, []).append(cand)
        sources, passages = [], {}
        for cid, group in grouped.items():
            hit = group[0].hit
            meta = hit.chunk.metadata
            n = numbers[cid]
            excerpt = " … ".join(c.unit.text.strip() for c in sorted(group, key=lambda c: c.unit.start))
            sources.append(self._source(n, hit, excerpt))
            # the lead names the document: its title and date are the passage's too
            passages[n] = f"{hit.chunk.search_text} {meta.get('document_title', '')} {meta.get('doc_date', '')}"
        titles = {c.hit.chunk.metadata.get("document_title", "") for c in cands}
        first = cands[0].hit.chunk.metadata
        origin = Origin(first.get("document_title", ""), first.get("doc_date")) if len(titles) == 1 else None
        units = [c.unit for c in cands]
        lead = derived_lead(analysis.kind, analysis.order, units, en, analysis.period) or asked_lead(analysis, units, self._lead_words)
        quotes = [Quote(c.unit.parts, numbers[c.hit.chunk.id]) for c in cands]
        text = compose_quotes(origin, quotes, en, lead)
        return text, sources, passages, (lead.values if lead else set())

    def _source(self, n: int, hit: Hit, excerpt: str) -> Source:
        meta = hit.chunk.metadata
        return Source(
            n=n,
            document=meta.get("document_title") or meta.get("file", ""),
            file=meta.get("file", ""),
            page=meta.get("page"),
            page_label=meta.get("page_label") or None,
            section=meta.get("section") or None,
            excerpt=excerpt,
            score=hit.score,
            chunk_id=hit.chunk.id,
            ocr=bool(meta.get("ocr")),
        )

    def decline(self, analysis: QuestionAnalysis, hits: list[Hit], closest: Candidate | None = None) -> Answer:
        """No answer: said, then the closest passages to consult; with ``closest``, the sentence that
        came nearest (quoted, as source 1) though the score judged it not to answer."""
        en = analysis.language == "en"
        if closest is not None and not is_bare_heading(closest.unit, closest.hit.chunk.metadata.get("section") or ""):
            others = [h for h in hits if h.chunk.id != closest.hit.chunk.id][:2]
            sources = [self._source(1, closest.hit, closest.unit.text.strip())]
            sources += [self._source(i + 2, h, _excerpt(h.chunk.text)) for i, h in enumerate(others)]
            nearest = Quote(closest.unit.parts, 1)
        else:
            sources = [self._source(i + 1, h, _excerpt(h.chunk.text)) for i, h in enumerate(hits[:3])]
            nearest = None
        text = declined(DECLINE_EN if en else DECLINE_FR, [(s.document, s.section, s.n) for s in sources], en,
                        closest=nearest)
        return Answer(analysis.text, text, False, sources, None, True, [], language=analysis.language)

    def _answer_with_tool_call(self, question: str, analysis: QuestionAnalysis) -> Answer | None:
        """Let a function-calling LLM pick one of the structured tools; the answer itself is then
        built from the tool's data (never from the model's words), with its sources."""
        try:
            response = self.llm.chat_with_tools(self.tools, user_msg=question, allow_parallel_tool_calls=False)
            calls = self.llm.get_tool_calls_from_response(response, error_on_no_tool_call=False)
        except Exception as exc:
            logger.warning("appel d'outil par le LLM impossible (%s)", exc)
            return None
        for call in calls:
            answer = getattr(self.router, "answer_from_tool_call", None)
            result = answer(call.tool_name, call.tool_kwargs or {}, question, analysis) if answer else None
            if result is not None:
                result.mode = "tool"
                return result
        return None

    # LLM -------------------------------------------------------------------------------------
    # where a streamed draft goes: set by ``ask_streaming`` in the thread that answers one question
    _draft_sink: ContextVar[Callable[[str], None] | None] = ContextVar("pacte_draft_sink", default=None)

    def ask_streaming(self, question: str, history: list[str] | None = None) -> Iterator[str | Answer]:
        """``ask`` for the web app: yields the LLM's draft as it is generated (its whole text so far),
        then the verified ``Answer``, which is what the user keeps."""
        events: queue.Queue = queue.Queue()

        def run() -> None:
            self._draft_sink.set(events.put)  # this thread's own context: no other question sees it
            try:
                events.put(self.ask(question, history))
            except BaseException as exc:  # noqa: BLE001 (handed to the reader, which raises it)
                events.put(exc)

        threading.Thread(target=run, name="pacte-answer", daemon=True).start()
        while True:
            item = events.get()
            if isinstance(item, BaseException):
                raise item
            yield item
            if isinstance(item, Answer):
                return

    def _generate(self, messages: list) -> str:
        """The model's reply; streamed to the draft sink when the caller shows drafts."""
        sink = self._draft_sink.get()
        if sink is None:
            return str(self.llm.chat(messages).message.content or "").strip()
        text = ""
        for chunk in self.llm.stream_chat(messages):
            if chunk.message.content and chunk.message.content != text:
                text = chunk.message.content
                sink(text)
        return text.strip()

    def _answer_with_llm(self, question: str, analysis: QuestionAnalysis, hits: list[Hit]) -> Answer:
        from llama_index.core.llms import ChatMessage

        if not hits:
            return self.decline(analysis, hits)
        sources = [self._source(i + 1, h, _excerpt(h.chunk.text, 600)) for i, h in enumerate(hits)]
        passages = {s.n: f"{h.chunk.search_text} {h.chunk.metadata.get('doc_date', '')}" for s, h in zip(sources, hits)}
        listing = "\n\n".join(f"[{n}] {text}" for n, text in passages.items())
        language = "anglais" if analysis.language == "en" else "français"
        messages = [
            ChatMessage(role="system", content=ANSWER_SYSTEM_PROMPT.format(language=language)),
            ChatMessage(role="user", content=ANSWER_USER_PROMPT.format(passages=listing, question=question)),
        ]
        try:
            raw = self._generate(messages)
        except Exception as exc:  # noqa: BLE001 (a server down or too slow: the extractive answer, said so)
            logger.warning("LLM indisponible (%s) : réponse extractive", exc)
            return self._better_of_two(analysis, hits, FALLBACK_LLM_DOWN, [], down=True)
        if not raw or DECLINE_FR.rstrip(".") in raw or DECLINE_EN.rstrip(".") in raw:
            return self._better_of_two(analysis, hits, FALLBACK_LLM_DECLINED, [])
        clean, checks = verify(raw, passages, claims=True)
        verified = all(c.ok for c in checks)
        if not clean.strip() or not MARKER_RE.search(clean):
            return self._better_of_two(analysis, hits, fallback_all_dropped(sum(not c.ok for c in checks)), checks)
        clean, cited, checks = keep_cited(clean, sources, checks)
        return Answer(question, clean, True, cited, None, verified, checks,
                      language=analysis.language, mode="llm")

    def _better_of_two(self, analysis: QuestionAnalysis, hits: list[Hit], reason: str, checks: list,
                       down: bool = False) -> Answer:
        """The LLM gave nothing that can be shown: the extractive answer when there is one, with the
        reason; else the decline (with the model's failed checks, so the drops are counted)."""
        extractive = self._answer_extractive(analysis, hits)
        if extractive.answered:
            extractive.mode, extractive.fallback = "extractive", reason
            return extractive
        declined = self.decline(analysis, hits)
        declined.checks, declined.verified = checks, all(c.ok for c in checks)
        declined.mode = "extractive" if down else "llm"
        declined.fallback = FALLBACK_LLM_DOWN_NO_ANSWER if down else None
        return declined
