"""An ingestion's progress on stderr: a bar on a terminal (files, pages, passages, time left),
one line per file in a log, nothing at all with ``--json``. Stdout is never written to."""

from __future__ import annotations

from assistant.ingest.progress import IngestProgress


def duration_fr(seconds: float) -> str:
    """« 45 s », « 3 min 05 s », « 1 h 12 min »."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class IngestDisplay:
    """A context manager, and the ``on_step`` callback of ``IngestService.run``."""

    def __init__(self, console, quiet: bool = False):
        self.console = console
        self.mode = "off" if quiet else ("bar" if console.is_terminal else "lines")
        self._bar = None
        self._task = None
        self._files_done = self._pages = self._chunks = 0  # as last shown, in « lines » mode

    def __enter__(self) -> IngestDisplay:
        if self.mode == "bar":
            from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TextColumn, TimeElapsedColumn
            from rich.text import Text

            class TimeLeft(ProgressColumn):
                def render(self, task) -> Text:
                    left = task.time_remaining
                    return Text("" if left is None or task.finished else f"reste ~{duration_fr(left)}", style="cyan")

            self._bar = Progress(
                SpinnerColumn(), TextColumn("[bold]Indexation"), BarColumn(), TextColumn("{task.fields[files]}"),
                TextColumn("{task.fields[pages]}"), TextColumn("{task.fields[chunks]}"), TimeElapsedColumn(), TimeLeft(),
                TextColumn("[dim]{task.description}"), console=self.console, transient=True,
            )
            self._bar.start()
            # building the embedder and the stores takes a few seconds before the first file
            self._task = self._bar.add_task("préparation (modèle, index)…", total=None, files="", pages="", chunks="")
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, step: IngestProgress) -> None:
        if self.mode == "bar":
            by_bytes = step.bytes_total > 0
            self._bar.update(
                self._task,
                total=step.bytes_total if by_bytes else step.files_total,
                completed=step.bytes_done if by_bytes else step.files_done,
                files=f"{step.files_done}/{step.files_total} fichiers",
                pages=f"{step.pages} pages lues", chunks=f"{step.chunks} extraits",
                description=step.current.replace("[", r"\[") or "finalisation (index lexical)…",
            )
        elif self.mode == "lines" and step.files_done > self._files_done:
            # one line per file read (an unchanged file is skipped silently; failures come in the report)
            pages, chunks = step.pages - self._pages, step.chunks - self._chunks
            self._files_done, self._pages, self._chunks = step.files_done, step.pages, step.chunks
            if chunks or pages:
                shown = "".join(ch if ch.isprintable() else "?" for ch in step.current)
                self.console.print(f"Indexé {step.files_done}/{step.files_total} : {shown} ({pages} p., {chunks} extraits)",
                                   markup=False)
