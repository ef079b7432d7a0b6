"""Users see and correct what was extracted (``pacte facts``, ``corrections.toml``), and two
documents of the home territory that disagree are both shown, never the last one silently."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from assistant.container import Assistant
from assistant.interfaces.cli import app

POISON = """EVALUATION POCE

PETR CŒUR DE LORRAINE

Février 2024

AXE 4

CONQUERIR LES MARCHES LUNAIRES

Installer une base économique sur la Lune

Evaluation quantitative

- 99% d'action réalisées
- 1% d'action en cours
"""


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_facts_lists_every_fact_with_its_provenance(settings, use_index):
    Assistant(settings).ingest.run()
    use_index(settings)
    listed = cli_json("facts", "--json")["facts"]
    kinds = {f["kind"] for f in listed}
    assert {"axis", "objective", "status_share", "governance_event", "member", "input", "next_step"} <= kinds
    for fact in listed:
        assert fact["id"].startswith(fact["kind"] + ":") and fact["document"] and fact["file"] and fact["excerpt"]
        assert fact["status"] == "extrait"
    done = next(f for f in listed if f["kind"] == "status_share" and f["data"]["status"] == "done")
    assert done["data"]["value"] == 67 and done["page"] == 1 and "67%" in done["excerpt"]
    ids = [f["id"] for f in listed]
    assert len(ids) == len(set(ids))
    # identifiers are stable: a re-ingestion of the same documents gives the same ones
    Assistant(settings).ingest.run()
    assert [f["id"] for f in cli_json("facts", "--json")["facts"]] == ids


def test_corrections_override_exclude_and_confirm_everywhere(settings, corpus_dir, use_index, tmp_path):
    Assistant(settings).ingest.run()
    use_index(settings)
    listed = cli_json("facts", "--json")["facts"]
    done = next(f for f in listed if f["kind"] == "status_share" and f["data"]["status"] == "done")
    malformed = next(f for f in listed if f["kind"] == "governance_event" and f["data"]["written"] == "06/04/202")
    member = next(f for f in listed if f["kind"] == "member")
    (corpus_dir / "corrections.toml").write_text(f"""
[[fait]]
id = "{done['id']}"
action = "corriger"
valeur = 70
note = "Chiffre rectifié au comité de pilotage"

[[fait]]
id = "{malformed['id']}"
action = "corriger"
valeur = "06/04/2021"
note = "Année complétée d'après le compte rendu"

[[fait]]
id = "{member['id']}"
action = "confirmer"
note = "Vérifié"
""", encoding="utf-8")
    stats = cli_json("stats", "--json")
    assert stats["done"] == 70 and stats["corrections"]["done"]["note"] == "Chiffre rectifié au comité de pilotage"
    assert stats["corrections"]["done"]["original"] == 67
    calendar = cli_json("calendar", "--json")
    fixed = next(e for e in calendar["events"] if e["date"] == "06/04/2021")
    assert fixed["iso"] == "2021-04-06" and not fixed["incomplete"] and fixed["correction"]["action"] == "override"
    states = {f["id"]: f["status"] for f in cli_json("facts", "--json")["facts"]}
    assert states[done["id"]] == "corrigé" and states[member["id"]] == "confirmé"
    out = CliRunner().invoke(app, ["stats"]).stdout
    assert "correction des utilisateurs" in out and "Chiffre rectifié" in out
    answer = Assistant(settings).answers.ask("Quel est le taux d'actions réalisées ?")
    assert "70" in answer.answer and "corrig" in answer.answer
    note = Assistant(settings).briefing.build()
    assert any("corrigée" in item.text for section in note.sections for item in section.items)

    (corpus_dir / "corrections.toml").write_text(f'[[fait]]\nid = "{done["id"]}"\naction = "exclure"\n', encoding="utf-8")
    stats = cli_json("stats", "--json")
    assert stats["done"] is None and stats["in_progress"] == 20
    assert next(f for f in cli_json("facts", "--json")["facts"] if f["id"] == done["id"])["status"] == "exclu"


def test_conflicting_home_documents_are_both_shown(settings, corpus_dir, use_index):
    (corpus_dir / "poce-bis.txt").write_text(POISON, encoding="utf-8")
    Assistant(settings).ingest.run()
    use_index(settings)
    stats = cli_json("stats", "--json")
    values = {stats["done"]} | {c["summary"] for c in stats["conflicts"]}
    assert any("67" in str(v) for v in values) and any("99" in str(v) for v in values)
    assert "warning" in stats and "corrections.toml" in stats["warning"]
    assert all(c["file"] and c["sources"] for c in stats["conflicts"])
    strategy = cli_json("axes", "--json")
    assert strategy.get("conflicts") and strategy["warning"].startswith("Attention")
    out = CliRunner().invoke(app, ["stats"]).stdout
    assert "Attention" in out
    note = Assistant(settings).briefing.build()
    assert any("Chiffres divergents" in item.text for section in note.sections for item in section.items)
    from assistant.interfaces.web.dashboard import facts_table

    assert any(row[1] == "avancement" and "poce-bis.txt" in row[3] or "EVALUATION" in row[3] for row in facts_table(Assistant(settings)))


def test_a_broken_corrections_file_is_reported_not_fatal(settings, corpus_dir, use_index):
    Assistant(settings).ingest.run()
    use_index(settings)
    (corpus_dir / "corrections.toml").write_text("[[fait]\nid = ", encoding="utf-8")
    data = cli_json("facts", "--json")
    assert data["facts"] and "corrections.toml illisible" in data["corrections_error"]
    assert cli_json("stats", "--json")["done"] == 67
