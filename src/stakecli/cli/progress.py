"""A progress bar on stderr for work that runs past about a second, on a terminal only.

Never in a pipe, in CI (`CI`, `PRE_COMMIT`), on a dumb terminal, or when the command prints a
machine-readable format: there the bar would be noise in a log or a captured stream. rich is
imported only when a bar is actually shown.
"""

import os
import sys
import threading
from typing import Any

DELAY = 1.0
"""Seconds of work before a bar appears: short runs stay quiet."""
MACHINE = {"json", "sarif", "github", "csv", "markdown"}
"""Formats whose output is read by programs (or pasted), where no bar belongs."""


def wanted(argv: list[str], environ: dict[str, str] | None = None, tty: bool | None = None) -> bool:
    """Whether this run may show a bar: a terminal on both streams, no CI, no machine format."""
    env = os.environ if environ is None else environ
    if tty is None:
        tty = sys.stderr.isatty() and sys.stdout.isatty()
    if not tty or env.get("TERM") == "dumb" or env.get("CI") or env.get("PRE_COMMIT"):
        return False
    for i, word in enumerate(argv):
        value = None
        if word in ("--format", "-f") and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--format="):
            value = word.split("=", 1)[1]
        elif word.startswith("-f") and len(word) > 2:
            value = word[2:]
        if value in MACHINE:
            return False
    return True


class DelayedBar:
    """A ticker that draws a transient rich bar once its work has lasted `delay` seconds."""

    def __init__(self, label: str, total: int | None, delay: float = DELAY, console: Any = None):
        self.label, self.total, self.done = label, total, 0
        self.console = console
        self.bar: Any = None
        self.task: Any = None
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = threading.Timer(delay, self._show)
        self.timer.daemon = True
        self.timer.start()

    def _show(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        with self.lock:
            if self.timer is None:  # closed meanwhile
                return
            console = self.console or Console(stderr=True)
            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )
            self.task = self.bar.add_task(self.label, total=self.total, completed=self.done)
            self.bar.start()

    def advance(self, steps: int = 1) -> None:
        """Count `steps` more done (shown on the bar once it is up)."""
        with self.lock:
            self.done += steps
            if self.bar is not None:
                self.bar.update(self.task, completed=self.done)

    def close(self) -> None:
        """Stop the timer, or take the bar off the screen."""
        with self.lock:
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
            if self.bar is not None:
                self.bar.stop()
                self.bar = None


def enable(argv: list[str]) -> None:
    """Install the bar for this run when `wanted`."""
    if wanted(argv):
        from stakecli.core import progress

        progress.install(DelayedBar)
