"""Progress of long work, as a hook: the library says what it is doing, the CLI may show it.

Library code wraps long loops in `task(label, total)` and calls `advance()`; nothing is shown
unless the command line installed a display (`stakecli.cli.progress`: a rich bar on a
terminal's stderr, never in pipes, CI or machine-readable output). The default costs one
attribute lookup per call.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Protocol


class Ticker(Protocol):
    """One piece of work being counted."""

    def advance(self, steps: int = 1) -> None:
        """Count `steps` more units done."""

    def close(self) -> None:
        """The work is finished (or abandoned)."""


class _Silent:
    def advance(self, steps: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


Factory = Callable[[str, "int | None"], Ticker]
_factory: Factory | None = None


def install(factory: Factory | None) -> Factory | None:
    """Show progress through `factory` (None: show nothing); returns the one it replaces."""
    global _factory
    previous, _factory = _factory, factory
    return previous


@contextmanager
def task(label: str, total: int | None = None) -> Iterator[Ticker]:
    """A counted piece of work: `total` units (None when unknown) described by `label`."""
    ticker: Ticker = _factory(label, total) if _factory is not None else _Silent()
    try:
        yield ticker
    finally:
        ticker.close()
