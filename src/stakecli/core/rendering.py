"""Jinja environment for Markdown documents: sandboxed, strict, escaping user strings by default.

Renderers return strings; writing files is the caller's job. Templates receive computed
values and never compute them.

Escaping: every `{{ expression }}` whose value is a plain string is escaped for Markdown
running text (`md`) by the environment's `finalize` hook, so a user string cannot open a
link, a table cell, an HTML tag or a code span. The filters `md`, `cell`, `mlabel`, `mid`
and `paragraphs` return `Safe` strings that pass through unchanged; Jinja's `|safe` opts out
explicitly.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import Any

from stakecli.core.errors import TemplateError


class Safe(str):
    """A string already escaped for where the template puts it; `finalize` leaves it alone."""

    __slots__ = ()


def builtin_templates() -> Path:
    """The shipped templates: inside the wheel, or the repository's top-level `templates/`."""
    packaged = Path(__file__).resolve().parents[1] / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


_SPACE = re.compile(r"\s+")
_CELL = re.compile(r"([\\|`*_\[\]<>#~])")


def md_text(value: Any) -> Safe:
    """Escape a user string for Markdown running text (one line: whitespace runs become a space)."""
    text = _SPACE.sub(" ", str(value))
    return Safe(_CELL.sub(r"\\\1", text))


def md_cell(value: Any) -> Safe:
    """Escape a user string for a Markdown table cell: `|` and newlines cannot break the row."""
    return md_text(value) if value is not None and value != "" else Safe("—")


def md_paragraphs(value: Any) -> Safe:
    """Escape multi-paragraph user text: blank lines separate paragraphs, other breaks join."""
    parts = re.split(r"\n\s*\n", str(value).strip())
    return Safe("\n\n".join(md_text(p.strip()) for p in parts if p.strip()))


def mermaid_label(value: Any) -> Safe:
    """A user string safe inside a double-quoted Mermaid label (quotes, colons, brackets)."""
    text = " ".join(str(value).split())
    return Safe("".join(f"#{ord(ch)};" if ch in '"#%<>[](){}|;:`\\' else ch for ch in text))


def mermaid_id(value: Any) -> Safe:
    """A Mermaid node id derived from a stakecli id (letters, digits and `_` only)."""
    return Safe("n_" + re.sub(r"[^A-Za-z0-9_]", "_", str(value)))


def finalize(value: Any) -> Any:
    """The default escape of every `{{ ... }}`: plain strings are Markdown-escaped."""
    if value is None:
        return "—"
    if isinstance(value, Safe) or type(value).__name__ == "Markup":
        return value
    if isinstance(value, str):
        return md_text(value)
    return value


FILTERS = {
    "md": md_text,
    "cell": md_cell,
    "paragraphs": md_paragraphs,
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
        finalize=finalize,
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


def template_path(template: str, user_dirs: Sequence[Path] = ()) -> Path:
    """The file that `template` resolves to (a user override, or the built-in)."""
    from jinja2 import TemplateNotFound

    try:
        source = environment(user_dirs).get_template(template).filename
    except TemplateNotFound:
        raise TemplateError(f"template {template!r} not found") from None
    return Path(source)


def render(template: str, context: dict[str, Any], user_dirs: Sequence[Path] = ()) -> str:
    """Render one template to a string; template problems raise TemplateError.

    The message starts with `file:line:` of the template where the problem is (relative to
    the current folder when below it), e.g. `templates/decision.md.j2:12: 'foo' is undefined`.
    """
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    env = environment(user_dirs)
    try:
        return str(env.get_template(template).render(**context))
    except TemplateNotFound as exc:
        missing = f" (included from {template!r})" if exc.name != template else ""
        raise TemplateError(f"template {exc.name!r} not found{missing}") from None
    except TemplateSyntaxError as exc:
        where = _shown(exc.filename or template)
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except JinjaError as exc:
        filename, line = _template_frame(exc.__traceback__, template)
        raise TemplateError(f"{_shown(filename)}:{line}: {exc.message or exc}") from None


def _template_frame(tb: TracebackType | None, template: str) -> tuple[str, int | str]:
    """The innermost template file and line in a traceback (Jinja rewrites frames to them)."""
    found: tuple[str, int | str] = (template, "?")
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2") or tb.tb_frame.f_globals.get("__jinja_template__") is not None:
            found = (name, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _shown(filename: str) -> str:
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
