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

import itertools
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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


_PLAIN_TEXT = re.compile(r"[\t\n\r\f\v\\|`*_\[\]<>#~]|\s\s")


def md_text(value: Any) -> Safe:
    """Escape a user string for Markdown running text (one line: whitespace runs become a space)."""
    text = str(value)
    if _PLAIN_TEXT.search(text) is None and text.isprintable():
        return Safe(text)  # nothing to escape (most cells): skip both substitutions
    text = _SPACE.sub(" ", text)
    return Safe(_CELL.sub(r"\\\1", text))


def md_cell(value: Any) -> Safe:
    """Escape a user string for a Markdown table cell: `|` and newlines cannot break the row."""
    return md_text(value) if value is not None and value != "" else Safe("—")


def md_cells(values: list[str]) -> list[str]:
    """The text of `md_cell` of each string: in one pass when none needs escaping (most)."""
    joined = "\x00".join(values)
    if (
        all(values)
        and joined.count("\x00") == len(values) - 1  # no value holds the separator
        and _PLAIN_TEXT.search(joined) is None
        and joined.replace("\x00", "").isprintable()
    ):
        return [str(v) for v in values]
    return [md_cell(v) for v in values]


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


MAX_SECONDS = 5.0
"""A template that runs longer than this is stopped (a user template with a runaway loop)."""
MAX_OUTPUT = 32 * 1024 * 1024
"""Most characters one document may have (a register of 10,000 people renders ~5 MB)."""
MAX_ITERATIONS = 2_000_000
"""Most loop iterations one rendering may run, all `{% for %}` loops together."""
MAX_INT_BITS = 4096
"""Largest integer a template may compute with `*` or `**` (about 1,233 decimal digits)."""
MAX_SEQUENCE = 1_000_000
"""Longest string or list a template may build with `*` (repetition) or `+`."""
MAX_WIDTH = 10_000
"""Largest width or padding a template may ask of a filter or a format string."""


class TemplateLimit(Exception):
    """A template went past one of the limits above."""


class _Budget:
    """What one rendering has used so far (reset by `render`)."""

    iterations = 0


def _bounded(iterable: Any) -> Any:
    """Every `{% for %}` loop iterates through this: it counts against MAX_ITERATIONS."""
    for item in iterable:
        _Budget.iterations += 1
        if _Budget.iterations > MAX_ITERATIONS:
            raise TemplateLimit(f"more than {MAX_ITERATIONS:,} loop iterations")
        yield item


_WIDTH = re.compile(r"%[-+ #0]*(\d+)|\{[^{}]*:[^{}]*?(\d+)[^{}]*\}")


def _check_width(value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_WIDTH:
        raise TemplateLimit(f"a width of {value:,} is over the limit of {MAX_WIDTH:,}")
    if isinstance(value, str):
        for match in _WIDTH.finditer(value):
            width = match.group(1) or match.group(2)
            if (width is not None and len(width) > 6) or int(width or 0) > MAX_WIDTH:
                raise TemplateLimit(f"a format width over the limit of {MAX_WIDTH:,}")


def _size(value: Any) -> int | None:
    return len(value) if isinstance(value, str | list | tuple) else None


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be too large, before computing it."""
    if operator == "**" and _int(left) and _int(right):
        if right > 0 and abs(left) > 1 and right * left.bit_length() > MAX_INT_BITS:
            raise TemplateLimit(f"{left} ** {right} is larger than {MAX_INT_BITS} bits")
    elif operator == "*":
        if _int(left) and _int(right) and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise TemplateLimit(f"a product larger than {MAX_INT_BITS} bits")
        for seq, times in ((left, right), (right, left)):
            size = _size(seq)
            if size is not None and _int(times) and size * times > MAX_SEQUENCE:
                raise TemplateLimit(f"a repetition longer than {MAX_SEQUENCE:,} items")
    elif operator == "+":
        sizes = (_size(left), _size(right))
        if None not in sizes and sum(s or 0 for s in sizes) > MAX_SEQUENCE:
            raise TemplateLimit(f"a concatenation longer than {MAX_SEQUENCE:,} items")
    elif operator == "%" and isinstance(left, str):
        _check_width(left)


def _guarded_filter(filter_: Any) -> Any:
    import functools

    @functools.wraps(filter_)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        for value in (*args[1:], *kwargs.values()):
            _check_width(value)
        if filter_.__name__ == "do_format" and args:
            _check_width(args[0])
        return filter_(*args, **kwargs)

    return guarded


WIDE_FILTERS = ("center", "indent", "wordwrap", "truncate", "format", "filesizeformat")
"""Built-in filters whose arguments set a size: they are refused past MAX_WIDTH."""


@cache
def _environment(search: tuple[Path, ...]) -> Any:
    from jinja2 import StrictUndefined, nodes
    from jinja2.sandbox import SandboxedEnvironment

    from stakecli.core.confidentiality import json_default

    class Environment(SandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def call(self, context: Any, obj: Any, *args: Any, **kwargs: Any) -> Any:
            target = getattr(obj, "__wrapped__", obj)  # the sandbox wraps str.format
            if getattr(target, "__name__", None) in ("format", "format_map") and isinstance(
                getattr(target, "__self__", None), str
            ):
                _check_width(target.__self__)
            return super().call(context, obj, *args, **kwargs)

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Filter(
                    loop.iter, "stakecli_bounded", [], [], None, None, lineno=loop.lineno
                )
            return tree

    env = Environment(
        loader=_loader(search),
        undefined=StrictUndefined,
        autoescape=False,
        finalize=finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    for name in WIDE_FILTERS:
        env.filters[name] = _guarded_filter(env.filters[name])
    env.filters.update(FILTERS)
    env.filters["stakecli_bounded"] = _bounded
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "default": json_default}
    return env


def _loader(search: tuple[Path, ...]) -> Any:
    """Templates from the template folders only: `*.j2` files whose real path is inside one.

    A symlink that leads out of its folder, a path with `..`, or any other file (the YAML, a
    secret) is not a template: a template can include other templates and read nothing else.
    """
    import functools

    from jinja2 import BaseLoader, TemplateNotFound
    from jinja2.loaders import split_template_path

    class Loader(BaseLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            pieces = split_template_path(template)
            if not template.endswith(".j2"):
                raise TemplateNotFound(template, f"{template!r} is not a template (*.j2)")
            for folder in search:
                candidate = folder.joinpath(*pieces)
                if not candidate.is_file():
                    continue
                real = candidate.resolve()
                if folder not in real.parents:
                    raise TemplateNotFound(
                        template, f"{candidate} leads out of its template folder {folder}"
                    )
                contents = real.read_text("utf-8")
                return (
                    contents,
                    str(candidate),
                    functools.partial(_unchanged, real, real.stat().st_mtime),
                )
            raise TemplateNotFound(template)

    return Loader()


def _unchanged(path: Path, mtime: float) -> bool:
    try:
        return path.stat().st_mtime == mtime
    except OSError:
        return False


def environment(user_dirs: Sequence[Path] = ()) -> Any:
    """A sandboxed environment that looks in `user_dirs` first, then the built-ins."""
    search = (
        *tuple(p.resolve() for p in user_dirs if p.is_dir()),
        builtin_templates().resolve(),
    )
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
    A template runs within MAX_SECONDS, MAX_OUTPUT, MAX_ITERATIONS and MAX_INT_BITS.
    """
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    from stakecli.core.confidentiality import ConfidentialValueError

    env = environment(user_dirs)
    _Budget.iterations = 0
    main = template
    try:
        compiled = env.get_template(template)
        main = compiled.filename or template
        trusted = builtin_templates().resolve() in Path(main).resolve().parents
        with _deadline(None if trusted else MAX_SECONDS):  # the shipped templates: no clock
            parts: list[str] = []
            size = 0
            chunks = compiled.generate(**context)
            while batch := list(itertools.islice(chunks, 4096)):
                chunk = "".join(batch)
                size += len(chunk)
                if size > MAX_OUTPUT:
                    frame = chunks.gi_frame
                    line = compiled.get_corresponding_lineno(frame.f_lineno) if frame else "?"
                    raise TemplateError(
                        f"{_shown(main)}:{line}: template stopped: output longer than "
                        f"{MAX_OUTPUT:,} characters"
                    )
                parts.append(chunk)
            return "".join(parts)
    except TemplateError:
        raise
    except TemplateNotFound as exc:
        missing = f" (included from {template!r})" if exc.name != template else ""
        reason = f": {exc.message}" if exc.message and exc.message != exc.name else ""
        raise TemplateError(f"template {exc.name!r} not found{missing}{reason}") from None
    except TemplateSyntaxError as exc:
        where = _shown(exc.filename or template)
        raise TemplateError(f"{where}:{exc.lineno}: {exc.message}") from None
    except ConfidentialValueError as exc:
        filename, line = _template_frame(exc.__traceback__, main)
        raise TemplateError(
            f"{_shown(filename)}:{line}: {exc.message} (stopped by the redaction of "
            "confidential fields); it was not written"
        ) from None
    except JinjaError as exc:
        filename, line = _template_frame(exc.__traceback__, main)
        raise TemplateError(f"{_shown(filename)}:{line}: {exc.message or exc}") from None
    except TemplateLimit as exc:
        filename, line = _template_frame(exc.__traceback__, main)
        raise TemplateError(f"{_shown(filename)}:{line}: template stopped: {exc}") from None
    except (RecursionError, MemoryError) as exc:
        filename, line = _template_frame(exc.__traceback__, main)
        what = "recursion too deep" if isinstance(exc, RecursionError) else "out of memory"
        raise TemplateError(f"{_shown(filename)}:{line}: template stopped: {what}") from None
    except Exception as exc:  # OverflowError, the int-to-string limit, a TypeError...
        filename, line = _template_frame(exc.__traceback__, main)
        raise TemplateError(f"{_shown(filename)}:{line}: {type(exc).__name__}: {exc}") from None


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise TemplateLimit in the main thread after `seconds` (no-op elsewhere, or for None)."""
    import signal
    import threading

    if (
        seconds is None
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def expire(*_: Any) -> None:
        raise TemplateLimit(f"ran longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
