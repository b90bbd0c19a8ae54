"""Jinja environment for Markdown documents: sandboxed, strict, with escaping filters.

Renderers return strings; writing files is the caller's job. Templates receive computed
values and never compute them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from stakecli.errors import TemplateError


def builtin_templates() -> Path:
    """The shipped templates: inside the wheel, or the repository's top-level `templates/`."""
    packaged = Path(__file__).resolve().parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


_CELL = re.compile(r"([\\|`*_\[\]<>#])")


def md_text(value: Any) -> str:
    """Escape a user string for Markdown running text (one line)."""
    text = " ".join(str(value).split())
    return _CELL.sub(r"\\\1", text)


def md_cell(value: Any) -> str:
    """Escape a user string for a Markdown table cell: `|` and newlines cannot break the row."""
    return md_text(value) if value is not None and value != "" else "—"


def mermaid_label(value: Any) -> str:
    """A user string safe inside a double-quoted Mermaid label (quotes, colons, brackets)."""
    text = " ".join(str(value).split())
    return "".join(f"#{ord(ch)};" if ch in '"#<>[](){}|;:`\\' else ch for ch in text)


def mermaid_id(value: Any) -> str:
    """A Mermaid node id derived from a stakecli id (letters, digits and `_` only)."""
    return "n_" + re.sub(r"[^A-Za-z0-9_]", "_", str(value))


FILTERS = {
    "md": md_text,
    "cell": md_cell,
    "mlabel": mermaid_label,
    "mid": mermaid_id,
}


@cache
def _environment(search: tuple[Path, ...]) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader([str(p) for p in search]),
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def environment(user_dirs: Sequence[Path] = ()) -> Any:
    """A sandboxed environment that looks in `user_dirs` first, then the built-ins."""
    search = (*tuple(p.resolve() for p in user_dirs if p.is_dir()), builtin_templates())
    return _environment(search)


def render(template: str, context: dict[str, Any], user_dirs: Sequence[Path] = ()) -> str:
    """Render one template to a string; template problems raise TemplateError."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound

    env = environment(user_dirs)
    try:
        return str(env.get_template(template).render(**context))
    except TemplateNotFound:
        raise TemplateError(f"template {template!r} not found") from None
    except JinjaError as exc:
        where = f"{getattr(exc, 'filename', None) or template}:{getattr(exc, 'lineno', '?')}"
        raise TemplateError(f"{where}: {exc}") from None
