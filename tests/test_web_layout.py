"""The web app's layout in the system Chromium, at 1366×768 (a laptop) and 390×844 (a phone): on each
tab nothing is cut off at the viewport's edge or overlapping (chat icons and the last message, labels
and plots), using element bounding boxes. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import build_index, require_binary
from test_web import running_server

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORTS = {"1366x768": {"width": 1366, "height": 768}, "390x844": {"width": 390, "height": 844}}
REGISTER = [
    "action;axe;objectif;statut;responsable;date de mise à jour",
    "Magasin de producteurs;1;circuits de proximité;réalisée;PETR;2024-03-01",
    "Pépinière d'entreprises;1;animation économique;en cours;CC du Sammiellois;2024-03-05",
    "Club des dirigeants;2;structuration;réalisée;PETR;2024-02-10",
    "Site touristique en ligne;3;destination;non réalisée;OT;2024-01-15",
]

# Visible elements of the app that stick out of the viewport, left or right, unless a scrolling or
# clipping ancestor (a table's scroller) holds them: those are reached by scrolling that ancestor.
CUT_OFF_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('.gradio-container *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    if (r.right <= width + 1 && r.left >= -1) continue;
    let held = false;
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const ox = getComputedStyle(a).overflowX;
      if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') {
        const ar = a.getBoundingClientRect();
        if (ar.right <= width + 1 && ar.left >= -1) { held = true; break; }
      }
    }
    if (!held) out.push(`${el.tagName.toLowerCase()}.${el.className && el.className.baseVal === undefined ? el.className : ''}`
                        + ` « ${(el.innerText || '').slice(0, 40)} » [${Math.round(r.left)}, ${Math.round(r.right)}]`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, f"élément invisible : {locator}"
    return found


def overlap(a: dict, b: dict, tolerance: float = 1.0) -> bool:
    return (min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"]) > tolerance
            and min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"]) > tolerance)


def assert_nothing_cut_off(page) -> None:
    found = page.evaluate(CUT_OFF_JS)
    assert found["scrollWidth"] <= found["width"] + 1, f"la page défile en largeur : {found}"
    assert not found["out"], f"éléments coupés au bord de l'écran : {found['out']}"


TABS = ("Questions", "Note de synthèse", "Quel axe ?", "Tableau de bord", "Documents")


def open_tab(page, name: str) -> None:
    """Click a tab: every tab is in sight, on a phone too (no « … » menu that hides them)."""
    for each in TABS:
        shown = box(page.get_by_role("tab", name=each))
        assert shown["x"] >= 0 and shown["x"] + shown["width"] <= page.viewport_size["width"] + 1, each
    page.get_by_role("tab", name=name).click()


def shoot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("layout")
    extra = root / "extra"
    extra.mkdir()
    (extra / "registre-actions.csv").write_text("\n".join(REGISTER), encoding="utf-8")
    settings = build_index(root, extra)
    with running_server(root, settings) as url:
        yield url, settings


@pytest.fixture(scope="module")
def browser():
    require_binary("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(params=list(VIEWPORTS))
def page(request, browser, server):
    context = browser.new_context(viewport=VIEWPORTS[request.param], locale="fr-FR")
    opened = context.new_page()
    opened.goto(server[0] + "/", wait_until="load")
    opened.wait_for_selector("#pacte-question textarea", timeout=60000)
    opened.viewport_name = request.param
    yield opened
    context.close()


def ask(page, question: str) -> None:
    before = page.locator("#pacte-chat [data-testid=bot]").count()
    page.fill("#pacte-question textarea", question)
    page.click("#pacte-send")
    page.wait_for_function(f"document.querySelectorAll('#pacte-chat [data-testid=bot]').length > {before}",
                           timeout=60000)


def test_questions_tab_icons_label_sources_and_follow_up(page):
    for question in ("Quels sont les objectifs opérationnels de l'axe 1 ?", "et pour l'axe 2 ?",
                     "Quel est le taux d'actions réalisées ?"):
        ask(page, question)
    page.wait_for_selector(".pacte-source", timeout=60000)
    chat = page.locator("#pacte-chat")
    assert "compris : Quels sont les objectifs opérationnels de l'axe 2 ?" in chat.inner_text()
    follow_up = page.locator("#pacte-chat [data-testid=user]").nth(1)
    follow_up.scroll_into_view_if_needed()
    assert "compris :" in follow_up.inner_text()
    shoot(page, f"questions-follow-up-{page.viewport_name}")
    # the conversation scrolls to its end: the chat's icons must not cover the last message
    log = page.locator("#pacte-chat [role=log]")
    assert log.evaluate("el => el.scrollHeight > el.clientHeight + 10"), "la conversation devrait défiler"
    log.evaluate("el => el.scrollTop = el.scrollHeight")
    page.wait_for_timeout(300)
    last_bot = page.locator("#pacte-chat [data-testid=bot]").last
    last_user = page.locator("#pacte-chat [data-testid=user]").last
    icons = page.locator("#pacte-chat .top-panel button")
    assert icons.count() >= 1
    for i in range(icons.count()):
        for message in (last_bot, last_user):
            if message.is_visible():
                assert not overlap(box(icons.nth(i)), box(message)), "une icône du chat couvre le dernier message"
    # no floating « Conversation » label over the messages
    labels = page.locator("#pacte-chat [data-testid=block-label]")
    assert labels.count() == 0 or not labels.first.is_visible()
    # the answer names its document once, shortly, with page and section per source
    answer = last_bot.inner_text()
    assert answer.count("Evaluation POCE 2017/2021") == 1 and "p. 1" in answer
    assert "(PACTE OFFENSIVE CROISSANCE EMPLOI) 2017/2021 PETR CŒUR DE LORRAINE" not in answer
    cards = page.inner_text("#pacte-cards")
    assert cards.count("Evaluation POCE 2017/2021") == 1 and cards.count("p. 1") >= 3
    assert_nothing_cut_off(page)
    shoot(page, f"questions-{page.viewport_name}")


def test_documents_tab_columns_and_french_dates(page):
    open_tab(page, "Documents")
    page.wait_for_selector("#pacte-documents table", timeout=60000)
    table = page.locator("#pacte-documents")
    text = table.inner_text()
    assert re.search(r"\b\d\d/\d\d/20\d\d \d\d:\d\d\b", text), text
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", text), "date ISO dans le tableau"
    headers = page.locator("#pacte-documents thead th")
    names = [h.strip() for h in headers.all_inner_texts() if h.strip()]
    for wanted in ("Fichier", "Titre", "Pages", "Extraits", "Date", "Indexé le", "État"):
        assert any(wanted in n for n in names), names
    if page.viewport_size["width"] >= 1366:  # every column in view, without scrolling the table
        frame = box(table)
        for i in range(headers.count()):
            cell = box(headers.nth(i))
            assert cell["x"] >= frame["x"] - 1 and cell["x"] + cell["width"] <= frame["x"] + frame["width"] + 1, names[i:]
            assert cell["x"] + cell["width"] <= page.viewport_size["width"]
    assert_nothing_cut_off(page)
    shoot(page, f"documents-{page.viewport_name}")


def test_upload_shows_indexing_progress_naming_the_file(page, server, tmp_path):
    if page.viewport_name != "1366x768":
        pytest.skip("une fois suffit")
    open_tab(page, "Documents")
    note = tmp_path / "foire-aux-plants.md"
    note.write_text("# Foire aux plants\n\n" + "La foire aux plants de Commercy se tient en mai. " * 800, encoding="utf-8")
    page.set_input_files("#pacte-upload input[type=file]", str(note))
    # while it indexes, the progress bar names the file (over the status and the table)
    page.wait_for_function("document.body.innerText.includes('Indexation de « foire-aux-plants.md »')",
                           polling=20, timeout=60000)
    progress = page.get_by_text(re.compile("Indexation de « foire-aux-plants.md »")).first
    shown = box(progress)
    assert shown["x"] >= 0 and shown["x"] + shown["width"] <= page.viewport_size["width"] + 1
    shoot(page, f"documents-progress-{page.viewport_name}")
    page.wait_for_function(
        "document.querySelector('#pacte-doc-status').innerText.match(/documents? indexés?/)", timeout=120000)
    assert "« foire-aux-plants.md » ajouté" in page.inner_text("#pacte-doc-status")
    (Path(server[1].corpus_dir) / "foire-aux-plants.md").unlink()


def test_dashboard_labels_plots_and_register_side_by_side(page):
    open_tab(page, "Tableau de bord")
    for plot in ("#pacte-status-plot", "#pacte-timeline-plot"):
        page.wait_for_selector(f"{plot} [data-testid=matplotlib] img", timeout=60000)
    page.wait_for_selector("#pacte-register table", timeout=60000)
    register = page.inner_text("#pacte-register")
    assert "Chiffres publiés (janvier 2022) et registre des actions (mis à jour le 05/03/2024)" in register
    assert "Axe 2" in register and "registre : 4 actions" in register and "67\u00a0%" in register and "50\u00a0%" in register
    plots = [box(page.locator(f"{p} [data-testid=matplotlib] img")) for p in ("#pacte-status-plot", "#pacte-timeline-plot")]
    labels = page.locator("[data-testid=block-label]")
    for i in range(labels.count()):
        if labels.nth(i).is_visible():
            for plot in plots:
                assert not overlap(box(labels.nth(i)), plot), f"« {labels.nth(i).inner_text()} » sur un graphique"
    for plot in plots:
        assert plot["x"] >= 0 and plot["x"] + plot["width"] <= page.viewport_size["width"] + 1
    assert not overlap(*plots)
    assert_nothing_cut_off(page)
    shoot(page, f"dashboard-{page.viewport_name}")


def test_note_and_axis_tabs(page):
    open_tab(page, "Quel axe ?")
    page.get_by_label("Décrivez l'initiative").fill("Création d'un sentier de randonnée balisé avec des gîtes")
    page.get_by_role("button", name="Trouver l'axe").click()
    page.wait_for_selector(".pacte-axis", timeout=60000)
    assert_nothing_cut_off(page)
    shoot(page, f"axe-{page.viewport_name}")
    open_tab(page, "Note de synthèse")
    page.get_by_role("button", name="Rédiger la note").click()
    page.wait_for_function("document.querySelector('#pacte-note-preview').innerText.includes('Sources')", timeout=120000)
    assert_nothing_cut_off(page)
    shoot(page, f"note-{page.viewport_name}")
