"""YAML that stakecli writes for people: plain block style, one value per line, no surprises.

The C emitter (libyaml, through ruamel.yaml's safe dumper) writes a 1,000-stakeholder register
in about a second, a quarter of the round-trip dumper's time; keys keep their order, text that
YAML would misread is quoted, and multi-line text becomes a `|` block when that keeps it exact.
"""

from __future__ import annotations

import io
from typing import Any


def dump(data: Any, *comments: str) -> str:
    """Plain block-style YAML after `# comment` lines: pleasant to edit and to diff."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.width = 4096  # one line per value: wrapped values make noisy diffs
    yaml.allow_unicode = True
    yaml.representer.sort_base_mapping_type_on_output = False
    yaml.representer.add_representer(str, _text)
    out = io.StringIO()
    for comment in comments:
        out.write(f"# {_one_line(comment)}\n")
    if not isinstance(data, dict):
        yaml.dump(data, out)
        return out.getvalue()
    for key, value in data.items():  # one top-level key at a time, long lists in chunks:
        if isinstance(value, list) and len(value) > CHUNK:  # the node graph stays small
            yaml.dump({key: value[:CHUNK]}, out)
            for start in range(CHUNK, len(value), CHUNK):
                yaml.dump(value[start : start + CHUNK], out)  # `- ` items at column 0
        else:
            yaml.dump({key: value}, out)
    return out.getvalue()


CHUNK = 1000
"""Items of a long top-level list represented at once (memory grows with this, not the list)."""


def _text(representer: Any, value: str) -> Any:
    style = "|" if "\n" in value and _literal_safe(value) else None
    return representer.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _literal_safe(value: str) -> bool:
    """A `|` block keeps the text exactly only without trailing spaces or control characters."""
    lines = value.split("\n")
    clean = all(not line.endswith((" ", "\t")) and line.isprintable() for line in lines)
    return clean and not value.startswith((" ", "\n"))


def _one_line(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)
