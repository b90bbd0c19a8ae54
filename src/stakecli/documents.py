"""Which documents stakecli renders from which file kinds: one DocumentSpec per document."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from stakecli.checks import Parsed, Workspace

Context = Callable[[Parsed, Workspace], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """A document rendered from one file of `kind` through `template`.

    `context` computes every value the template shows (templates never compute); for an
    `external` audience it receives redacted models (see `confidentiality.redact`). A
    `collective` document is rendered once per folder rather than once per file: its context
    is called with the folder's first file of `kind` and reads the others from the workspace.
    """

    name: str
    kind: str
    template: str
    audience: Literal["internal", "external"]
    context: Context
    collective: bool = False


def specs() -> list[DocumentSpec]:
    """Every document stakecli knows how to render (view modules are imported lazily)."""
    found: list[DocumentSpec] = []
    from stakecli.views import decisions as _decisions

    found += _decisions.SPECS
    from stakecli.views import comms as _comms

    found += _comms.SPECS
    from stakecli.views import raci as _raci

    found += _raci.SPECS
    from stakecli.views import charter as _charter

    found += _charter.SPECS
    from stakecli.views import stakeholders as _stakeholders

    found += _stakeholders.SPECS
    from stakecli.views import negotiation_docs as _negotiation

    found += _negotiation.SPECS
    return found
