"""What a document is: the DocumentSpec each kind registers for the documents it renders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from stakecli.core.project import Parsed, Workspace

Context = Callable[[Parsed, Workspace], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """A document rendered from one file of `kind` through `template`.

    `context` computes every value the template shows (templates never compute); for an
    `external` audience it receives redacted models (see `confidentiality.redact`). A
    `collective` document is rendered once per folder rather than once per file: its context
    is called with the folder's first file of `kind` and reads the others from the workspace.
    With `applies`, only files for which it returns True get the document (a debrief once a
    plan records its agreement). A context may draw figures: `figures` maps a name to SVG
    text (or None), and the template receives, under the same key, the file name of that
    figure beside the document, for a relative image link (`publishing.take_figures`).
    """

    name: str
    kind: str
    template: str
    audience: Literal["internal", "external"]
    context: Context
    collective: bool = False
    applies: Callable[[Parsed], bool] | None = None
