"""The structured tools: plain typed functions with a docstring, listed once in a registry.

The CLI calls them, ``ask`` routes questions to them, and an LLM can receive them as function
tools (``as_function_tools``): their JSON schema comes from the signatures below.
"""

from __future__ import annotations

from typing import Callable, Optional


def build_tools(knowledge, classifier) -> dict[str, Callable[..., dict]]:
    """The registry: tool name → function returning JSON-ready data with its sources."""

    def action_stats(axis: Optional[int] = None) -> dict:
        """Part des actions réalisées, en cours et non réalisées (en %), telle que publiée dans
        l'évaluation, avec la date des données, les sources et les chiffres du registre s'il existe."""
        return knowledge.action_stats(axis).to_dict()

    def governance_calendar(body: Optional[str] = None, year: Optional[int] = None) -> dict:
        """Réunions des instances de gouvernance (comité de pilotage, CTDC, réseaux…), dates telles
        qu'écrites dans les documents ; filtrables par instance et par année."""
        return knowledge.governance_calendar(body, year).to_dict()

    def strategy_axes() -> dict:
        """Axes stratégiques du pacte et leurs objectifs opérationnels, avec leurs sources."""
        return knowledge.strategy_axes().to_dict()

    def strategy_inputs() -> dict:
        """Études, schémas et documents sur lesquels la stratégie du pacte a été construite, avec
        leur état quand le document le précise (« En cours ») et leurs sources."""
        return knowledge.fact_list("input").to_dict()

    def next_steps() -> dict:
        """Suites à donner au pacte (ce qui prend le relais après l'évaluation), avec leurs sources."""
        return knowledge.fact_list("next_step").to_dict()

    def members() -> dict:
        """Membres du territoire du pacte (communautés de communes), tels que le document les liste, avec leurs sources."""
        return knowledge.fact_list("member").to_dict()

    def classify_initiative(text: str) -> dict:
        """Axe stratégique et objectif opérationnel auxquels se rattache une initiative décrite en
        quelques phrases, avec les raisons ; axe nul si elle ne relève d'aucun axe."""
        return classifier.classify(text).to_dict()

    tools = (action_stats, governance_calendar, strategy_axes, strategy_inputs, next_steps, members, classify_initiative)
    return {tool.__name__: tool for tool in tools}


def as_function_tools(registry: dict[str, Callable[..., dict]]) -> list:
    """The registry as llama-index FunctionTools, for an LLM that calls functions."""
    from llama_index.core.tools import FunctionTool

    return [FunctionTool.from_defaults(fn=fn, name=name) for name, fn in registry.items()]
