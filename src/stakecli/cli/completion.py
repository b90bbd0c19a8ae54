"""Shell completion of the words users type: kinds, documents, examples, rule codes.

Every <TAB> runs stakecli again, so these callbacks stay cheap: they read static tables
(kinds.NAMES, kinds.DOCUMENT_NAMES, the rule code table) and a folder listing, and import
no pydantic model (bench/bench_startup.py times a completion run).
"""

from pathlib import Path


def _starting(words: list[str], incomplete: str) -> list[str]:
    return [w for w in words if w.startswith(incomplete)]


def complete_kinds(incomplete: str) -> list[str]:
    """File kinds (`stakecli schema <TAB>`)."""
    from stakecli.kinds import NAMES

    return _starting(list(NAMES), incomplete)


def complete_kind_list(incomplete: str) -> list[str]:
    """Kinds for `init --with raci,<TAB>`: the kinds not yet named, after the ones typed."""
    from stakecli.kinds import NAMES

    choices = [k for k in NAMES if k != "stakeholders"]  # every folder has the register
    done, _, last = incomplete.rpartition(",")
    typed = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [prefix + k for k in (*choices, "all") if k not in typed and k.startswith(last)]


def complete_documents(incomplete: str) -> list[str]:
    """Document names (`render -d <TAB>`)."""
    from stakecli.kinds import DOCUMENT_NAMES

    return _starting(sorted(DOCUMENT_NAMES), incomplete)


def complete_examples(incomplete: str) -> list[str]:
    """Shipped example names (`init --example <TAB>`): a folder listing."""
    here = Path(__file__).resolve().parent.parent
    root = here / "examples" if (here / "examples").is_dir() else here.parents[1] / "examples"
    names = sorted(p.name for p in root.iterdir() if p.is_dir() and p.name != "mistakes")
    return _starting(names, incomplete)


def complete_rule_codes(incomplete: str) -> list[str]:
    """Finding codes (`stakecli rules <TAB>`)."""
    from stakecli.rule_codes import CODES

    return _starting(list(CODES), incomplete)


def complete_paths(incomplete: str) -> list[str]:
    """Files and folders starting with `incomplete` (folders end in `/`).

    Hidden ones only when asked for; Typer's completion scripts cannot hand paths back to
    the shell, so a group whose default subcommand takes a path lists them itself.
    """
    import os

    folder, slash, start = incomplete.rpartition("/")
    prefix = folder + slash
    try:
        entries = sorted(os.scandir(prefix or "."), key=lambda e: e.name)
    except OSError:
        return []
    return [
        prefix + e.name + ("/" if e.is_dir() else "")
        for e in entries
        if e.name.startswith(start) and (start.startswith(".") or not e.name.startswith("."))
    ]
