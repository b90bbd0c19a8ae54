"""YAML that stakecli writes for people: plain block style, one value per line, no surprises."""

from __future__ import annotations

from typing import Any


def dump(data: Any, *comments: str) -> str:
    """Plain block-style YAML after `# comment` lines: pleasant to edit and to diff.

    One value per line (no wrapping), `|` blocks for multi-line text, no flow collections.
    """
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.scalarstring import LiteralScalarString

    def literal(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: literal(v) for k, v in value.items()}
        if isinstance(value, list):
            return [literal(v) for v in value]
        if isinstance(value, str) and "\n" in value and _literal_safe(value):
            return LiteralScalarString(value)
        return value

    yaml = YAML(typ="rt")
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: wrapped values make noisy diffs
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    out = io.StringIO()
    for comment in comments:
        out.write(f"# {_one_line(comment)}\n")
    yaml.dump(literal(data), out)
    return out.getvalue()


def _literal_safe(value: str) -> bool:
    """A `|` block keeps the text exactly only without trailing spaces or control characters."""
    lines = value.split("\n")
    clean = all(not line.endswith((" ", "\t")) and line.isprintable() for line in lines)
    return clean and not value.startswith((" ", "\n"))


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
