"""Project configuration: found from the checked folder upward, stopping at the git root."""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Collection
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from stakecli.core.errors import ConfigError

CONFIG_NAMES = (".stakecli.yaml", "stakecli.yaml", "pyproject.toml")
"""Looked for in each folder, in this order; pyproject.toml counts only with [tool.stakecli]."""
ENV_VAR = "STAKECLI_CONFIG"

Grade = Literal["error", "warning", "info", "off"]


class Section(BaseModel):
    """Strict config section: a misspelt setting is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class DecisionsConfig(Section):
    """Settings of the decision-record checks (docs/documents.md)."""

    max_proposed_days: int = Field(
        30, ge=1, description="A decision proposed longer than this is a warning."
    )


class CommsConfig(Section):
    """Settings of the communication-plan checks (docs/documents.md).

    Who counts as a key stakeholder is not set here: the coverage rule uses `grid.cutoff` and
    `salience.threshold`, the settings of the register analysis, so "key" means one thing. How
    often a stakeholder must hear from us is not set here either: the cadence rule uses the
    top-level `cadence` section, as the engagement checks do.
    """

    @model_validator(mode="before")
    @classmethod
    def _removed(cls, data: Any) -> Any:
        if isinstance(data, dict) and "key_score" in data:
            raise ValueError(
                "`comms.key_score` was removed: key stakeholders are those the register "
                "analysis calls manage closely (`grid.cutoff`) or definitive "
                "(`salience.threshold`)"
            )
        if isinstance(data, dict) and "cadence" in data:
            raise ValueError(
                "`comms.cadence` was removed: set how often each grid strategy must hear from "
                "us in days with `cadence.strategy_days` (manage_closely, keep_satisfied, "
                "keep_informed, monitor) and the days of a frequency word with "
                "`cadence.frequency_days` (docs/methods.md §12.2)"
            )
        return data


class RaciConfig(Section):
    """Thresholds of the RACI rules (docs/methods.md §5.2-§5.5); each is a documented default."""

    max_responsible: int = Field(3, ge=1, description="R4: warn above this many R in a row.")
    max_consulted: int = Field(4, ge=0, description="R5: warn above this many C in a row.")
    max_informed: int = Field(6, ge=0, description="R6: note above this many I in a row.")
    allow_accountable_as_responsible: bool = Field(
        False, description="R2: an A with no R in its row is a warning, not an error (§5.2)."
    )
    max_column_responsible: int = Field(5, ge=1, description="C1: warn above this many R.")
    max_column_accountable: int = Field(3, ge=1, description="C3: warn above this many A.")
    column_rules_min_rows: int = Field(3, ge=1, description="C2/C4 need at least this many rows.")
    max_agree: int = Field(2, ge=0, description="RAPID: warn above this many A (Agree) in a row.")


CharterSection = Literal[
    "purpose", "goals", "requirements", "assumptions", "constraints", "scope", "risks",
    "milestones", "budget", "financial_resources", "stakeholders", "approval_requirements",
    "exit_criteria", "manager", "sponsor", "decision_rights", "escalation", "scorecards",
    "ceremonies", "signatories",
]  # fmt: skip
CharterProfile = Literal["default", "pmbok5", "pmbok6", "custom"]

PROFILES: dict[str, tuple[CharterSection, ...]] = {
    "default": ("purpose", "goals", "decision_rights", "escalation", "scorecards", "signatories"),
    # PMBOK 5th ed. section 4.1.3.1 (docs/methods.md §6.1): high-level risks, the summary
    # budget, the stakeholder list; assumptions and constraints are still in the charter.
    "pmbok5": (
        "purpose", "goals", "requirements", "assumptions", "constraints", "scope", "risks",
        "milestones", "budget", "stakeholders", "approval_requirements", "manager", "sponsor",
    ),
    # PMBOK 6th ed. section 4.1.3.1: overall project risk, preapproved financial resources, the
    # key stakeholder list and the exit criteria; assumptions and constraints move to the
    # assumption log.
    "pmbok6": (
        "purpose", "goals", "requirements", "scope", "risks", "milestones", "financial_resources",
        "stakeholders", "approval_requirements", "exit_criteria", "manager", "sponsor",
    ),
}  # fmt: skip
"""The sections each built-in completeness profile requires (docs/agreements.md)."""


class CharterConfig(Section):
    """The charter completeness profile: a built-in one, or `custom` with its own list."""

    profile: CharterProfile | None = Field(
        None,
        description="default, pmbok5, pmbok6, or custom (then `required_sections` is the "
        "list); unset: default, or custom when `required_sections` is given.",
    )
    required_sections: list[CharterSection] | None = Field(
        None, description="The sections a `custom` profile requires (charter.missing-section)."
    )

    @model_validator(mode="after")
    def _one_list(self) -> CharterConfig:
        if self.profile == "custom" and self.required_sections is None:
            raise ValueError("profile custom needs `required_sections: [...]`")
        if self.profile not in (None, "custom") and self.required_sections is not None:
            raise ValueError(
                f"profile {self.profile} has its own sections; use `profile: custom` to give "
                "`required_sections`"
            )
        return self

    @property
    def chosen(self) -> CharterProfile:
        """The profile in force."""
        if self.profile is not None:
            return self.profile
        return "custom" if self.required_sections is not None else "default"

    def sections(self) -> tuple[CharterSection, ...]:
        """The sections the profile in force requires, in charter order."""
        if self.required_sections is not None:
            return tuple(self.required_sections)
        return PROFILES[self.chosen]


class ScorecardConfig(Section):
    """How scorecards are evaluated."""

    max_age_days: int = Field(35, ge=0, description="A current value older than this is stale.")


class SalienceConfig(Section):
    """Mitchell-Agle-Wood salience from 1-5 scores (docs/methods.md §1.1; docs/stakeholders.md)."""

    threshold: int = Field(
        3, ge=0, le=5, description="An attribute is present iff its score is > this (3: 4 and 5)."
    )
    raters_test: Literal["z", "t"] = Field(
        "z",
        description="Several raters (`ratings`): StakeholderAnalysis' z rule (population "
        "variance) or a one-sample t-test (docs/methods.md §12.4).",
    )
    raters_alpha: float = Field(
        0.10, gt=0, lt=1, description="Several raters: an attribute is + or - iff p <= this."
    )


class CircleWeights(Section):
    """Stakeholder Circle-style index weights (docs/methods.md §2.4); only their ratios matter."""

    power: float = Field(4, ge=0)
    proximity: float = Field(2, ge=0)
    urgency: float = Field(5, ge=0)

    @model_validator(mode="after")
    def _not_all_zero(self) -> CircleWeights:
        if self.power + self.proximity + self.urgency <= 0:
            raise ValueError("at least one weight must be positive")
        return self


class GridConfig(Section):
    """Power/interest grid and prioritisation settings (docs/methods.md §2.1, §2.4, §2.7)."""

    cutoff: int = Field(3, ge=0, le=5, description="High iff score > this; at the cut-off is low.")
    circle_weights: CircleWeights = CircleWeights()
    diagram_limit: int = Field(40, ge=1, description="Most stakeholders drawn in a diagram.")


THREE_LEVELS = {"high": 5, "h": 5, "medium": 3, "med": 3, "m": 3, "moderate": 3, "low": 1, "l": 1}
FIVE_LEVELS = {
    "very high": 5, "vh": 5, "high": 4, "h": 4, "medium": 3, "med": 3, "m": 3, "moderate": 3,
    "low": 2, "l": 2, "very low": 1, "vl": 1,
}  # fmt: skip


class SpreadsheetConfig(Section):
    """How spreadsheet columns and words become register fields (DOMAIN_2.md 12.1)."""

    columns: dict[str, str] = Field(
        default={},
        description="Column heading -> register field (as `--map`); `notes` keeps the column in "
        "the notes, `skip` leaves it out.",
    )
    scale: dict[str, int] = Field(
        default=THREE_LEVELS,
        description="Words of a three-level column (High/Medium/Low, H/M/L) -> 1-5.",
    )
    five_level_scale: dict[str, int] = Field(
        default=FIVE_LEVELS,
        description="Words of a column that also uses 'very high' or 'very low' -> 1-5.",
    )
    tiers: dict[int, int] = Field(
        default={1: 5, 2: 3, 3: 1}, description="Tier N (Tier 1 = most important) -> 1-5."
    )
    missing_score: int | None = Field(
        3,
        ge=1,
        le=5,
        description="A required score (power, legitimacy, urgency, interest) with no column or a "
        "blank cell gets this value, with a warning; null makes it an error.",
    )

    @model_validator(mode="after")
    def _scores_in_range(self) -> SpreadsheetConfig:
        tables = (self.scale, self.five_level_scale, self.tiers)
        for table in tables:
            for word, value in table.items():
                if not 1 <= value <= 5:
                    raise ValueError(f"{word!r} maps to {value}; scores are 1-5")
        return self


class NegotiationConfig(Section):
    """Settings for negotiation plans (docs/negotiation.md)."""

    normalise_weights: bool = Field(
        False,
        description="Weights not summing to 1 are divided by their sum (a warning) instead of "
        "being an error.",
    )
    seed: int = Field(0, description="Default seed of the BATNA simulation.")
    samples: int = Field(10_000, ge=1, le=10_000_000, description="Default simulation draws.")
    silence_days: int = Field(
        7,
        ge=0,
        description="A reply more than this many days after the offer it answers is "
        "reported as a silence (docs/methods.md §4.10).",
    )
    questions: list[str] | None = Field(
        None,
        description="Question forms asked of every open position of the other side "
        "({position}, {proposal} are filled in); default: the eight forms of methods §4.12.",
    )
    coalition: Literal["no-block", "majority"] = Field(
        "no-block",
        description="When a package clears our internal signatories: nobody blocks it "
        "(no-block), or more support than block it (majority).",
    )


class StrategyDays(Section):
    """[D] How often each grid strategy must hear from us, in days (docs/methods.md §12.2)."""

    manage_closely: int = Field(14, ge=1, description="Manage closely: at least every 14 days.")
    keep_satisfied: int = Field(30, ge=1, description="Keep satisfied: at least every 30 days.")
    keep_informed: int = Field(30, ge=1, description="Keep informed: at least every 30 days.")
    monitor: int = Field(90, ge=1, description="Monitor: at least every 90 days.")

    def of(self, strategy: str) -> int:
        """The days asked of a strategy value (`manage-closely`, ...)."""
        days: int = getattr(self, strategy.replace("-", "_"))
        return days


class FrequencyDays(Section):
    """[D] Days between contacts that a comms frequency word stands for (docs/methods.md §12.2).

    `once` and `ad-hoc` do not recur, so they have no days and meet no cadence.
    """

    daily: int = Field(1, ge=1)
    weekly: int = Field(7, ge=1)
    fortnightly: int = Field(14, ge=1)
    monthly: int = Field(30, ge=1)
    quarterly: int = Field(91, ge=1)
    yearly: int = Field(365, ge=1)

    def of(self, frequency: str) -> int | None:
        """The days of a frequency word; None for `once`, `ad-hoc` (no recurrence)."""
        if frequency not in type(self).model_fields:
            return None
        days: int = getattr(self, frequency)
        return days


class CadenceConfig(Section):
    """How often a stakeholder must hear from us, one table for every check (docs/methods.md §12.2).

    The comms plan's cadence rule (`comms.cadence`), the coverage table of the comms-plan
    document and the overdue-contact check of the interaction logs all read these two tables.
    """

    strategy_days: StrategyDays = StrategyDays()
    frequency_days: FrequencyDays = FrequencyDays()


class EngagementConfig(Section):
    """Engagement over time: contacts, follow-ups, interviews, reviews (docs/engagement.md)."""

    today: date | None = Field(
        None,
        description="The as-of date of date-dependent checks (default: the real date); "
        "`--today` overrides it.",
    )
    sentiment_window: int = Field(
        2,
        ge=2,
        description="A key player's sentiment is falling when the latest of their last this "
        "many rated contacts is below the first of them.",
    )
    interviews_per_week: int = Field(
        1, ge=0, description="Customer interviews each ISO week needs (0 switches it off)."
    )
    figure_max_age_days: int = Field(
        30, ge=0, description="A review figure dated more than this before the review is stale."
    )

    @model_validator(mode="before")
    @classmethod
    def _moved(cls, data: Any) -> Any:
        for key, new in (("cadence_days", "strategy_days"), ("frequency_days", "frequency_days")):
            if isinstance(data, dict) and key in data:
                raise ValueError(
                    f"`engagement.{key}` was removed: it is `cadence.{new}` now, the one "
                    "cadence table the comms plan and the engagement checks share "
                    "(docs/methods.md §12.2)"
                )
        return data


class Config(Section):
    """Everything a project can tune. Every field is optional; defaults are documented."""

    rules: dict[str, Grade] = Field(
        default={}, description="Re-grade or switch off rules: {code: error|warning|info|off}."
    )
    decisions: DecisionsConfig = DecisionsConfig()
    comms: CommsConfig = CommsConfig()
    cadence: CadenceConfig = CadenceConfig()
    raci: RaciConfig = RaciConfig()
    charter: CharterConfig = CharterConfig()
    scorecard: ScorecardConfig = ScorecardConfig()
    salience: SalienceConfig = SalienceConfig()
    grid: GridConfig = GridConfig()
    negotiation: NegotiationConfig = NegotiationConfig()
    engagement: EngagementConfig = EngagementConfig()
    spreadsheets: SpreadsheetConfig = SpreadsheetConfig()
    source: Path | None = Field(None, exclude=True, description="The file this came from.")


def discover(start: Path, explicit: Path | None = None) -> Config:
    """`explicit` > $STAKECLI_CONFIG > nearest config file from `start` up to the git root."""
    path = explicit or (Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else None)
    if path is not None:
        if not path.is_file():
            raise ConfigError(f"config file {path} does not exist")
        return read(path)
    found = find(start)
    return read(found) if found else Config()


def find(start: Path) -> Path | None:
    """The nearest config file at or above `start`, not looking past the git root."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
        if (candidate / ".git").exists():
            return None
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a pyproject.toml has `[tool.stakecli]`.

    One that does not parse but mentions stakecli is a ConfigError, not "no settings": the
    project's gates (rules graded `error`) must never switch off silently.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    try:
        return "stakecli" in tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        if b"stakecli" not in raw:
            return False
        raise ConfigError(
            f"{path}: cannot read [tool.stakecli]: {exc}; fix the file (stakecli would "
            "otherwise run without the project's settings)"
        ) from None


def read(path: Path) -> Config:
    """Parse and validate one config file; problems raise ConfigError naming the file."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    if path.suffix == ".toml":
        try:
            data: Any = tomllib.loads(text).get("tool", {}).get("stakecli", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: {exc}") from None
    else:
        from stakecli.core.loading import Document, parse

        doc = parse(text.encode("utf-8"), path)
        if isinstance(doc, Document):
            data = doc.data or {}
        elif doc.code == "file.empty":
            data = {}
        else:
            raise ConfigError(f"{path}:{doc.line}:{doc.col}: {doc.message}")
    return validate(data, path)


def validate(data: Any, path: Path) -> Config:
    """Check a config mapping against the settings schema."""
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        message = str(first["msg"]).removeprefix("Value error, ")  # one "error" a line
        raise ConfigError(f"{path}: {where}: {message}") from None
    return config.model_copy(update={"source": path})


def check_rule_codes(config: Config, known: Collection[str]) -> None:
    """Every rule code the config re-grades exists; a typo would silently grade nothing."""
    path = config.source or Path("config")
    for code in config.rules:
        if code not in known:
            guess = difflib.get_close_matches(code, list(known), n=1)
            hint = f"; did you mean {guess[0]!r}?" if guess else "; see `stakecli rules`"
            raise ConfigError(f"{path}: rules: unknown rule code {code!r}{hint}")
