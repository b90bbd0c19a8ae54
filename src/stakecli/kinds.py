"""The one registry of file kinds: model, versions, checks, rules, documents and commands.

Every entry names its parts by import path and nothing is imported until a run needs it, so
`stakecli --help` and shell completion load no model, and `validate` loads only the kinds of
the files at hand. Adding a kind is one package, one `Kind(...)` line here, its templates and
its tests (see CONTRIBUTING.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from stakecli.core.documents import DocumentSpec
    from stakecli.core.project import DataCheck, FileCheck, ProjectCheck
    from stakecli.core.rules import Rule


@dataclass(frozen=True, slots=True)
class Kind:
    """One file kind, by the value of its `kind:` field. Parts are `module:attribute` paths.

    Attributes:
        name: the `kind:` value.
        model: the pydantic model of a whole file.
        versions: the `version:` values this kind reads.
        checks: checks of one file (may look at the rest of its project).
        data_checks: checks of one file's plain data, run whether or not it passes its
            schema, so that its mistakes are shown at once (a duplicate id beside a typo).
        project_checks: checks across the files of a project, run once when the kind is
            present (or, with `always`, on every run: the register's reference checks must
            also speak when there is no register).
        rules: modules that declare a `RULES` list for the codes they emit.
        documents: module attributes holding this kind's `DocumentSpec` list.
        commands: the root commands of this kind, each `name` (registered by the module
            `stakecli.cli.<name>`) or `name=module[+module...]`; a root command several
            kinds add to (`import`) gathers the modules of all of them.
    """

    name: str
    model: str
    versions: tuple[int, ...] = (1,)
    checks: tuple[str, ...] = ()
    data_checks: tuple[str, ...] = ()
    project_checks: tuple[str, ...] = ()
    always: bool = False
    rules: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    commands: tuple[str, ...] = ()


_S = "stakecli"
KINDS: tuple[Kind, ...] = (
    Kind(
        "stakeholders",
        f"{_S}.stakeholders.model:Register",
        checks=(f"{_S}.stakeholders.rules:check",),
        data_checks=(f"{_S}.stakeholders.register:check_ids",),
        project_checks=(
            f"{_S}.stakeholders.references:check",
            f"{_S}.stakeholders.references:check_unique_ids",
            f"{_S}.stakeholders.references:check_links",
        ),
        always=True,
        rules=(
            f"{_S}.stakeholders.register",
            f"{_S}.stakeholders.rules",
            f"{_S}.stakeholders.references",
            f"{_S}.stakeholders.importing",
        ),
        documents=(f"{_S}.stakeholders.views:SPECS",),
        commands=("stakeholders=stakeholders+stakeholder_diff",),
    ),
    Kind(
        "negotiation",
        f"{_S}.negotiation.model:Negotiation",
        checks=(f"{_S}.negotiation.rules:check", f"{_S}.negotiation.table_rules:check"),
        rules=(
            f"{_S}.negotiation.rules",
            f"{_S}.negotiation.scores",
            f"{_S}.negotiation.table_rules",
        ),
        documents=(f"{_S}.negotiation.documents:SPECS",),
        commands=("negotiation", "frontier=negotiation"),
    ),
    Kind(
        "raci",
        f"{_S}.raci.model:Raci",
        checks=(f"{_S}.raci.rules:check",),
        rules=(f"{_S}.raci.rules", f"{_S}.raci.variants", f"{_S}.raci.matrix"),
        documents=(f"{_S}.raci.views:SPECS",),
        commands=(
            "raci=agreements",
            "import=transfer+raci_sheet",
            "export=transfer+raci_sheet",
        ),
    ),
    Kind(
        "charter",
        f"{_S}.charters.model:Charter",
        checks=(f"{_S}.charters.rules:check",),
        project_checks=(f"{_S}.charters.rules:check_decision_rights",),
        rules=(f"{_S}.charters.rules",),
        documents=(f"{_S}.charters.views:SPECS",),
    ),
    Kind(
        "scorecard",
        f"{_S}.charters.scorecard_model:ScorecardFile",
        checks=(f"{_S}.charters.rules:check_scorecard_file",),
        rules=(f"{_S}.charters.scorecard",),
        documents=(f"{_S}.charters.views:SCORECARD_SPECS",),
        commands=("scorecard",),
    ),
    Kind(
        "decision",
        f"{_S}.decisions.model:Decision",
        checks=(f"{_S}.decisions.rules:check", f"{_S}.decisions.raci_links:check"),
        project_checks=(f"{_S}.decisions.rules:check_folders",),
        rules=(f"{_S}.decisions.rules", f"{_S}.decisions.raci_links", f"{_S}.decisions.adr"),
        documents=(f"{_S}.decisions.views:SPECS",),
        commands=("decision=decisions", "import=transfer+adr"),
    ),
    Kind(
        "comms",
        f"{_S}.comms.model:CommsPlan",
        checks=(f"{_S}.comms.rules:check",),
        rules=(f"{_S}.comms.rules",),
        documents=(f"{_S}.comms.views:SPECS",),
    ),
    Kind(
        "interactions",
        f"{_S}.engagement.model:InteractionLog",
        checks=(f"{_S}.engagement.rules:check",),
        project_checks=(f"{_S}.engagement.rules:check_contacts",),
        rules=(f"{_S}.engagement.rules",),
        commands=("engagement", "stakeholders=engagement"),  # adds `stakeholders history`
    ),
    Kind(
        "interviews",
        f"{_S}.engagement.model:InterviewLog",
        checks=(f"{_S}.engagement.interviews:check",),
        project_checks=(f"{_S}.engagement.interviews:check_project",),
        rules=(f"{_S}.engagement.interviews",),
    ),
    Kind(
        "journey",
        f"{_S}.engagement.model:Journey",
        checks=(f"{_S}.engagement.journeys:check",),
        rules=(f"{_S}.engagement.journeys",),
        documents=(f"{_S}.engagement.views:SPECS",),
    ),
    Kind(
        "review",
        f"{_S}.reviews.model:Review",
        checks=(f"{_S}.reviews.rules:check",),
        rules=(f"{_S}.reviews.rules",),
        documents=(f"{_S}.reviews.views:SPECS",),
        commands=("calendar",),
    ),
)
"""Every kind stakecli reads, in the order users meet them."""

CORE_RULES = (
    f"{_S}.core.loading",
    f"{_S}.core.schema_errors",
    f"{_S}.core.confidentiality",
    f"{_S}.pipeline",
)
"""Modules outside any kind that emit codes (files, YAML, kinds, schemas)."""

BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
NAMES: tuple[str, ...] = tuple(BY_NAME)

DOCUMENT_NAMES: tuple[str, ...] = (
    "stakeholder-map",
    "stakeholder-list",
    "internal-map",
    "external-map",
    "hidden-map",
    "negotiation-brief",
    "proposal",
    "negotiation-debrief",
    "raci-chart",
    "charter",
    "agenda",
    "scorecard",
    "decision-memo",
    "decision-notice",
    "decisions",
    "comms-plan",
    "ceremony-agenda",
    "journey-map",
    "review-agenda",
)
"""The names of `documents()` without importing them, for shell completion (a test keeps the
two equal: add a new kind's documents here too)."""


def resolve(target: str) -> Any:
    """The object a `module:attribute` path names (a module alone without the colon)."""
    module, _, attribute = target.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


@cache
def model(kind: str) -> type[BaseModel]:
    """The model of `kind` (imports only that kind's model module)."""
    found: type[BaseModel] = resolve(BY_NAME[kind].model)
    return found


def versions(kind: str) -> tuple[int, ...]:
    """The format versions `kind` reads."""
    return BY_NAME[kind].versions


def checks(kind: str) -> list[FileCheck]:
    """The one-file checks of `kind`."""
    return [resolve(c) for c in BY_NAME[kind].checks]


def data_checks(kind: str) -> list[DataCheck]:
    """The checks of `kind` that read a file's plain data (schema errors or not)."""
    return [resolve(c) for c in BY_NAME[kind].data_checks] if kind in BY_NAME else []


def project_checks(present: Iterable[str]) -> Iterator[ProjectCheck]:
    """The project checks of the kinds present in a run, each once, in registry order."""
    wanted = set(present)
    for kind in KINDS:
        if kind.name in wanted or (kind.always and wanted):
            yield from (resolve(c) for c in kind.project_checks)


def documents(present: Iterable[str] | None = None) -> list[DocumentSpec]:
    """Every document stakecli can render, in registry order; with `present`, of those kinds.

    A kind's documents import its views (the negotiation's import numpy): `render` asks only
    for the kinds of the files it renders.
    """
    wanted = None if present is None else set(present)
    return [
        spec
        for kind in KINDS
        if wanted is None or kind.name in wanted
        for target in kind.documents
        for spec in resolve(target)
    ]


def commands() -> dict[str, tuple[str, ...]]:
    """Root command -> the `stakecli.cli` modules that register it, in registry order."""
    table: dict[str, tuple[str, ...]] = {}
    for kind in KINDS:
        for entry in kind.commands:
            name, _, modules = entry.partition("=")
            added = (modules or name).split("+")
            table[name] = tuple(dict.fromkeys([*table.get(name, ()), *added]))
    return table


def rule_modules() -> list[str]:
    """Every module that declares a `RULES` list, core first."""
    return [*CORE_RULES, *(m for kind in KINDS for m in kind.rules)]


@cache
def all_rules() -> dict[str, Rule]:
    """Every code stakecli can report, sorted by code."""
    found: list[Rule] = []
    for name in rule_modules():
        module = importlib.import_module(name)
        found.extend(replace_module(r, name) for r in module.RULES)
    return {r.code: r for r in sorted(found, key=lambda r: r.code)}


def replace_module(rule: Rule, module: str) -> Rule:
    """The rule with the module that declares it (where `stakecli rules` says it lives)."""
    from dataclasses import replace

    return replace(rule, module=module)


def rule_codes_module() -> str:
    """The text of `stakecli/rule_codes.py`: every code, for completion (`make docs`)."""
    rows = "".join(f'    "{code}",\n' for code in all_rules())
    return (
        '"""Every finding code, as a static table for shell completion (`stakecli rules <TAB>`).'
        "\n\nGenerated by `make docs` (`kinds.rule_codes_module()`); tests/cli/test_completion.py"
        "\nkeeps it current. Completion must not import the rule modules (they import the "
        'models).\n"""\n\nfrom __future__ import annotations\n\n'
        f"CODES: tuple[str, ...] = (\n{rows})\n"
    )
