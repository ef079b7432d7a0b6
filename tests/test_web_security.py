"""What the web app refuses, for real: `pacte serve` on a free loopback port, driven through HTTP the
way a browser (or an attacker) does — Gradio's upload route, its event queue, its login form."""

from __future__ import annotations

import base64
import http.client
import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

from assistant.corpus_service import CorpusError, CorpusFiles, display_name, sanitize_filename
from assistant.interfaces.web.render import inert_markdown
from assistant.interfaces.web.throttle import LoginThrottle
from conftest import POCE_FILE, build_index
from test_web import running_server

TRAP_URL = "http://127.0.0.1:9/x"
TRUFFLES = (  # the title too: answers quote it
    f'# Marché aux truffes <img src="{TRAP_URL}">\n\n'
    f'Le marché aux truffes de Toul ouvre chaque samedi matin, de décembre à février <img src="{TRAP_URL}">.\n\n'
    f"Les producteurs de truffes y vendent en direct ![affiche]({TRAP_URL}).\n"
)


class GradioEvents:
    """Gradio's own wire protocol: files through its upload route, events through its queue (as the
    browser sends them, private events included), answers read from the event stream."""

    def __init__(self, url: str):
        self.url = url
        with urllib.request.urlopen(url + "/config", timeout=30) as response:
            self.config = json.load(response)
        self.by_elem = {c["props"].get("elem_id"): c["id"] for c in self.config["components"] if c.get("props")}

    def fn_index(self, elem_id: str, event: str) -> int:
        target = self.by_elem[elem_id]
        for index, dep in enumerate(self.config["dependencies"]):
            if [target, event] in [list(t) for t in dep["targets"]]:
                return index
        raise KeyError(f"{elem_id}.{event}")

    def load_fn_index(self, output_elem_id: str) -> int:
        target = self.by_elem[output_elem_id]
        for index, dep in enumerate(self.config["dependencies"]):
            if any(t[1] == "load" for t in dep["targets"]) and dep["outputs"] == [target]:
                return index
        raise KeyError(output_elem_id)

    def upload(self, path: Path) -> dict:
        """A genuine upload: the file goes through Gradio's upload route into its upload folder."""
        boundary = uuid.uuid4().hex
        head = (f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{path.name}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n")  # raw UTF-8 name, as browsers send it
        body = head.encode("utf-8") + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(self.url + "/gradio_api/upload", body,
                                         {"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            [stored] = json.load(response)
        return {"path": stored, "orig_name": path.name, "meta": {"_type": "gradio.FileData"}}

    def run(self, fn_index: int, data: list, session: str | None = None) -> list:
        """Join the queue with ``data`` and return the output data of the completed event. Events of
        one ``session`` share its state (a dropdown accepts only the choices it was given)."""
        session = session or uuid.uuid4().hex[:12]
        trigger = self.config["dependencies"][fn_index]["targets"][0][0]
        body = json.dumps({"data": data, "fn_index": fn_index, "session_hash": session, "trigger_id": trigger,
                           "event_data": None}).encode()
        request = urllib.request.Request(self.url + "/gradio_api/queue/join", body, {"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=30).close()
        with urllib.request.urlopen(f"{self.url}/gradio_api/queue/data?session_hash={session}", timeout=300) as stream:
            for raw in stream:
                line = raw.decode("utf-8").strip()
                if not line.startswith("data:"):
                    continue
                message = json.loads(line[5:])
                if message.get("msg") == "process_completed":
                    assert message.get("success"), message
                    return message["output"]["data"]
        raise AssertionError("flux d'événements fermé sans résultat")


def table_files(table: dict) -> list[str]:
    return [row[0] for row in table["data"]]


def choice_values(update: dict) -> list[str]:
    return [c[1] if isinstance(c, (list, tuple)) else c for c in update["choices"]]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("websec")
    extra = root / "extra"
    extra.mkdir()
    (extra / "marche-truffes.txt").write_text(TRUFFLES, encoding="utf-8")
    settings = build_index(root, extra)
    tmp, uploads = root / "tmp", root / "uploads"
    tmp.mkdir()
    with running_server(root, settings, TMPDIR=str(tmp), GRADIO_TEMP_DIR=str(uploads)) as url:
        yield url, settings, tmp, uploads


@pytest.fixture(scope="module")
def events(server):
    return GradioEvents(server[0])


def corpus_state(settings) -> dict[str, bytes]:
    corpus = Path(settings.corpus_dir)
    return {p.relative_to(corpus).as_posix(): p.read_bytes() for p in sorted(corpus.rglob("*")) if p.is_file()}


# 1. Forged upload paths --------------------------------------------------------------------------

def test_forged_upload_path_is_refused_and_nothing_is_copied(server, events, tmp_path):
    url, settings, _, uploads = server
    upload = events.fn_index("pacte-upload", "upload")
    secret = tmp_path / "secret" / "README.md"
    secret.parent.mkdir()
    secret.write_text("# Fichier du serveur\n\nMot de passe du serveur : hunter2.\n", encoding="utf-8")
    before = corpus_state(settings)

    # the forged path names a server file outside Gradio's upload folder
    status, table, _, _ = events.run(upload, [[{"path": str(secret), "orig_name": "x", "meta": {"_type": "gradio.FileData"}}]])
    assert "refusé" in status and "« README.md »" in status and "ajouté" not in status
    assert corpus_state(settings) == before and "README.md" not in table_files(table)
    # nor did Gradio copy it into its cache on the way
    assert not [p for p in uploads.rglob("README.md")]

    # a symbolic link planted in the upload folder is judged by where it leads
    uploads.mkdir(exist_ok=True)
    planted = uploads / "planted"
    planted.mkdir(exist_ok=True)
    (planted / "lien.md").symlink_to(secret)
    traversal = str(uploads / ".." / "extra" / "marche-truffes.txt")  # a real file, reached through « .. »
    status, table, _, _ = events.run(upload, [[
        {"path": str(planted / "lien.md"), "orig_name": "lien.md", "meta": {"_type": "gradio.FileData"}},
        {"path": traversal, "orig_name": "y.txt", "meta": {"_type": "gradio.FileData"}},
    ]])
    assert status.count("refusé") == 2 and "« lien.md »" in status and "« marche-truffes.txt »" in status
    assert "ajouté" not in status
    assert corpus_state(settings) == before
    assert "hunter2" not in json.dumps(table, ensure_ascii=False)

    # Gradio's file route serves neither the server file nor the corpus
    for path in (secret, Path(settings.corpus_dir) / POCE_FILE, Path(settings.index_dir) / "pacte.sqlite3"):
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{url}/gradio_api/file={path}", timeout=10)
        assert refused.value.code in (403, 404)


def test_genuine_upload_is_accepted(server, events, tmp_path):
    _, settings, _, _ = server
    note = tmp_path / "foire-bio.md"
    note.write_text("# Foire bio\n\nLa foire bio de Liverdun se tient en mai.\n", encoding="utf-8")
    status, table, _, _ = events.run(events.fn_index("pacte-upload", "upload"), [[events.upload(note)]])
    assert "« foire-bio.md » ajouté" in status and "refusé" not in status
    assert "foire-bio.md" in table_files(table)
    assert (Path(settings.corpus_dir) / "foire-bio.md").read_bytes() == note.read_bytes()


# 2. No upload overwrites a document -------------------------------------------------------------

def test_same_sanitised_name_keeps_both_files(tmp_path):
    files = CorpusFiles(tmp_path / "corpus", max_upload_mb=1)
    first, second, third = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    first.write_text("Premier rapport.", encoding="utf-8")
    second.write_text("Second rapport.", encoding="utf-8")
    third.write_text("Troisième rapport.", encoding="utf-8")
    assert files.add("Rapport été.txt", first) == "Rapport_ete.txt"
    assert files.add("Rapport ete.txt", second) == "Rapport_ete-2.txt"
    assert files.add("RAPPORT_ETE.TXT", third) == "RAPPORT_ETE-3.txt"  # names compared without regard to case
    corpus = tmp_path / "corpus"
    assert (corpus / "Rapport_ete.txt").read_text(encoding="utf-8") == "Premier rapport."
    assert (corpus / "Rapport_ete-2.txt").read_text(encoding="utf-8") == "Second rapport."
    assert sorted(files.list_files()) == ["RAPPORT_ETE-3.txt", "Rapport_ete-2.txt", "Rapport_ete.txt"]
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]  # no half-copied file left
    with pytest.raises(CorpusError, match="pacte.toml"):
        files.add("pacte.toml", first)


def test_control_characters_are_removed_from_names():
    assert sanitize_filename("Compte\nrendu\t2023\r.md") == "Compte_rendu_2023.md"
    assert sanitize_filename("bilan\x00\x1b[31m.pdf") == "bilan_31m.pdf"
    assert sanitize_filename("note\u2028finale\u200b.txt") == "note_finale.txt"
    assert display_name("Compte\nrendu.md") == "Compte rendu.md"


def test_upload_never_replaces_a_document_through_the_server(server, events, tmp_path):
    _, settings, _, _ = server
    corpus = Path(settings.corpus_dir)
    upload = events.fn_index("pacte-upload", "upload")
    accented, plain = tmp_path / "a" / "Rapport été.txt", tmp_path / "b" / "Rapport ete.txt"
    accented.parent.mkdir()
    plain.parent.mkdir()
    accented.write_text("Rapport d'été : la fête du village a lieu en juillet.\n", encoding="utf-8")
    plain.write_text("Rapport d'étape : la fête du village est reportée.\n", encoding="utf-8")
    status, _, _, _ = events.run(upload, [[events.upload(accented)]])
    assert "« Rapport été.txt » ajouté sous le nom « Rapport_ete.txt »" in status
    status, _, _, _ = events.run(upload, [[events.upload(plain)]])
    assert "« Rapport ete.txt » ajouté sous le nom « Rapport_ete-2.txt »" in status and "existe déjà" in status
    assert (corpus / "Rapport_ete.txt").read_bytes() == accented.read_bytes()
    assert (corpus / "Rapport_ete-2.txt").read_bytes() == plain.read_bytes()

    evaluation = (corpus / POCE_FILE).read_bytes()
    homonym = tmp_path / "c" / POCE_FILE
    homonym.parent.mkdir()
    homonym.write_text("Brouillon sans chiffres.\n", encoding="utf-8")
    status, table, _, _ = events.run(upload, [[events.upload(homonym)]])
    kept = POCE_FILE.replace(".txt", "-2.txt")
    assert f"sous le nom « {kept} »" in status
    assert (corpus / POCE_FILE).read_bytes() == evaluation and (corpus / kept).exists()
    assert POCE_FILE in table_files(table) and kept in table_files(table)


# 3. Every corpus file can be removed; a bad upload is reported once -------------------------------

def test_bad_upload_is_reported_once_then_removable(server, events, tmp_path):
    _, settings, _, _ = server
    fake = tmp_path / "faux.pdf"
    fake.write_bytes(b"Ceci n'est pas un PDF, seulement du texte.\n" * 20)
    session = uuid.uuid4().hex[:12]
    status, table, choices, _ = events.run(events.fn_index("pacte-upload", "upload"), [[events.upload(fake)]], session)
    assert status.count("faux.pdf") == 1, status
    [line] = [ln for ln in status.splitlines() if "faux.pdf" in ln]
    assert "non indexé" in line and "erreur" in line and "ajouté" not in line
    assert "faux.pdf" in choice_values(choices)

    status, table, choices = events.run(events.fn_index("pacte-delete", "click"), ["faux.pdf"], session)
    assert "« faux.pdf » retiré" in status
    assert not (Path(settings.corpus_dir) / "faux.pdf").exists()
    assert "faux.pdf" not in table_files(table) and "faux.pdf" not in choice_values(choices)


def test_gone_and_linked_files_are_listed_and_removable(server, events, tmp_path):
    _, settings, _, _ = server
    corpus = Path(settings.corpus_dir)
    delete = events.fn_index("pacte-delete", "click")
    (corpus / "ephemere.txt").write_text("Le comité des fêtes se réunit le mardi.\n", encoding="utf-8")
    outside = tmp_path / "hors-corpus.txt"
    outside.write_text("Fichier hors du corpus.\n", encoding="utf-8")
    # index the new file (the re-index button), then make it vanish behind the app's back
    _, table, _ = events.run(events.fn_index("pacte-reindex", "click"), [])
    assert "ephemere.txt" in table_files(table)
    (corpus / "ephemere.txt").unlink()
    (corpus / "lien.txt").symlink_to(outside)

    session = uuid.uuid4().hex[:12]
    [choices] = events.run(events.load_fn_index("pacte-to-delete"), [], session)
    listed = choice_values(choices)
    assert {"ephemere.txt", "lien.txt", POCE_FILE} <= set(listed) and "pacte.toml" not in listed

    status, table, choices = events.run(delete, ["ephemere.txt"], session)
    assert "n'est plus dans le dossier du corpus" in status and "ephemere.txt" not in table_files(table)
    status, table, choices = events.run(delete, ["lien.txt"], session)
    assert "« lien.txt » retiré" in status
    assert not (corpus / "lien.txt").is_symlink() and outside.exists()  # the link goes, not its target
    assert "lien.txt" not in choice_values(choices)


def test_list_files_and_delete(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sous-dossier").mkdir(parents=True)
    (corpus / "sous-dossier" / "a.txt").write_text("a", encoding="utf-8")
    (corpus / "illisible.pdf").write_bytes(b"x")
    (corpus / "illisible.pdf").chmod(0)
    (corpus / ".cache").mkdir()
    (corpus / ".cache" / "b.txt").write_text("b", encoding="utf-8")
    (corpus / "pacte.toml").write_text("", encoding="utf-8")
    (corpus / "casse.txt").symlink_to(tmp_path / "absent.txt")
    (corpus / "dossier-lie").symlink_to(tmp_path)
    files = CorpusFiles(corpus, max_upload_mb=1)
    assert files.list_files() == ["casse.txt", "dossier-lie", "illisible.pdf", "sous-dossier/a.txt"]
    for name in files.list_files():
        files.delete(name)
    assert files.list_files() == [] and tmp_path.exists() and (corpus / "pacte.toml").exists()
    for forbidden in ("pacte.toml", ".cache/b.txt", "../corpus/pacte.toml", "sous-dossier"):
        with pytest.raises(CorpusError, match="introuvable"):
            files.delete(forbidden)


# 4. No HTML from documents reaches the page -------------------------------------------------------

def test_document_html_reaches_the_page_escaped(server, events):
    respond = events.fn_index("pacte-send", "click")
    _, messages, _, cards = events.run(respond, ["Quand ouvre le marché aux truffes de Toul ?", [], None])
    answer = messages[-1]["content"]
    answer = answer if isinstance(answer, str) else "".join(part.get("text", "") for part in answer)
    assert "Marché aux truffes &lt;img" in answer  # the document's title, quoted as text
    assert "<img" not in answer and "![" not in answer  # Markdown: neither HTML nor image syntax
    assert "<img" not in cards and "&lt;img" in cards  # HTML: the excerpt is shown as text

    from gradio_client import Client

    _, preview, _ = Client(server[0] + "/", verbose=False).predict("marché aux truffes de Toul", "Tout le pacte",
                                                                    api_name="/note")
    assert "de décembre à février &lt;img" in preview  # the document's sentence, quoted as text
    assert "<img" not in preview and "![" not in preview and "\n## Sources" in preview  # its Markdown kept


def test_inert_markdown():
    assert inert_markdown('a <img src="x"> & ![b](y)') == 'a &lt;img src="x"&gt; &amp; !\\[b](y)'
    assert inert_markdown(None) == ""


# 5. The note leaves no folder behind -------------------------------------------------------------

def test_note_calls_leave_no_temp_folder(server):
    from gradio_client import Client

    url, _, tmp, _ = server
    client = Client(url + "/", verbose=False)
    before = sorted(p.name for p in tmp.iterdir())
    for subject in ("circuits de proximité", "gouvernance", ""):
        _, _, files = client.predict(subject, "Tout le pacte", api_name="/note")
        assert len(files) == 3 and all(Path(f).stat().st_size > 0 for f in files)
    after = sorted(p.name for p in tmp.iterdir())
    assert after == before and not [name for name in after if name.startswith("note-")]


# 6. Login lockout ---------------------------------------------------------------------------------

def test_throttle_locks_after_repeated_failures_then_forgets():
    now = [1000.0]
    throttle = LoginThrottle(max_failures=5, window_s=300, lockout_s=60, clock=lambda: now[0])
    for _ in range(4):
        throttle.failed("10.0.0.1")
        now[0] += 70  # four failures spread over 280 s: not yet locked
    assert throttle.locked_for("10.0.0.1") == 0
    throttle.failed("10.0.0.1")
    assert throttle.locked_for("10.0.0.1") == 60 and throttle.locked_for("10.0.0.2") == 0
    now[0] += 59
    assert throttle.locked_for("10.0.0.1") == pytest.approx(1)
    now[0] += 1.5
    assert throttle.locked_for("10.0.0.1") == 0
    throttle.failed("10.0.0.1")
    assert throttle.locked_for("10.0.0.1") == 0  # the count starts again after a lockout
    for _ in range(4):
        throttle.failed("10.0.0.3")
        now[0] += 100  # spread over more than the window: never five within it
    throttle.failed("10.0.0.3")
    assert throttle.locked_for("10.0.0.3") == 0
    throttle.succeeded("10.0.0.3")


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("websec-auth")
    settings = build_index(root)
    with running_server(root, settings, PACTE_AUTH="agent:mot-de-passe-juste") as url:
        yield url


def _request(url: str, method: str, path: str, source: str, body: bytes | None = None,
             headers: dict | None = None) -> tuple[int, str]:
    """One request from the loopback address ``source`` (each test is its own client)."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30, source_address=(source, 0))
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def _login(url: str, password: str, source: str) -> tuple[int, str]:
    body = urllib.parse.urlencode({"username": "agent", "password": password}).encode()
    return _request(url, "POST", "/login", source, body, {"Content-Type": "application/x-www-form-urlencoded"})


def _basic(user: str, password: str) -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_six_wrong_logins_then_the_right_one_is_refused(auth_server):
    codes = [_login(auth_server, f"faux-{i}", "127.0.0.2")[0] for i in range(6)]
    assert codes == [400] * 5 + [429]
    status, text = _login(auth_server, "mot-de-passe-juste", "127.0.0.2")
    assert status == 429 and "Trop de tentatives" in json.loads(text)["detail"]
    # another client is not locked out
    assert _login(auth_server, "mot-de-passe-juste", "127.0.0.3")[0] == 200


def test_documents_basic_auth_shares_the_lockout(auth_server):
    path = f"/documents/{POCE_FILE}"
    assert _request(auth_server, "GET", path, "127.0.0.4")[0] == 401  # no credentials: a prompt, not a failure
    assert _request(auth_server, "GET", path, "127.0.0.4", headers=_basic("agent", "mot-de-passe-juste"))[0] == 200
    codes = [_request(auth_server, "GET", path, "127.0.0.4", headers=_basic("agent", f"faux-{i}"))[0] for i in range(3)]
    codes += [_login(auth_server, f"faux-{i}", "127.0.0.4")[0] for i in range(2)]
    assert codes == [401, 401, 401, 400, 400]
    status, text = _request(auth_server, "GET", path, "127.0.0.4", headers=_basic("agent", "mot-de-passe-juste"))
    assert status == 429 and "réessayez dans" in text
    assert _login(auth_server, "mot-de-passe-juste", "127.0.0.4")[0] == 429


def test_browser_fetches_nothing_a_document_names(server):
    """Chat, source cards, note preview, dashboard and documents table in Chromium: the document's
    « <img> » is shown as text and never requested."""
    from conftest import require_binary
    from playwright.sync_api import sync_playwright

    from test_web import _browser

    require_binary("chromium")
    url = server[0]
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        trapped = []
        page.on("request", lambda request: trapped.append(request.url) if request.url.startswith(TRAP_URL[:-2]) else None)
        page.goto(url + "/", wait_until="load")
        page.wait_for_selector("#pacte-question textarea", timeout=60000)
        page.fill("#pacte-question textarea", "Quand ouvre le marché aux truffes de Toul ?")
        page.click("#pacte-send")
        page.wait_for_selector(".pacte-source", timeout=60000)
        assert '<img src="http://127.0.0.1:9/x">' in page.inner_text(".pacte-sources")  # shown as text
        page.get_by_role("tab", name="Note de synthèse").click()
        page.get_by_label("Sujet (facultatif)").fill("marché aux truffes de Toul")
        page.get_by_role("button", name="Rédiger la note").click()
        page.wait_for_function("document.querySelector('#pacte-note-preview') && "
                               "document.querySelector('#pacte-note-preview').innerText.includes('de décembre à février')",
                               timeout=120000)
        page.get_by_role("tab", name="Tableau de bord").click()
        page.get_by_role("tab", name="Documents").click()
        page.wait_for_selector("#pacte-documents", timeout=60000)
        assert "Marché aux truffes" in page.inner_text("#pacte-documents")
        assert page.locator(f'img[src^="{TRAP_URL[:-2]}"]').count() == 0
        browser.close()
    assert trapped == []
