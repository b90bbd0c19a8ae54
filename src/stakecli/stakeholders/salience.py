"""Mitchell, Agle & Wood (1997) salience: attributes, the seven classes, groups and counts.

docs/methods.md §1.2 gives the typology; §1.3 says salience rises with the number of attributes
present, so the count is the primary level and a continuous score only breaks ties inside
a count (never a geometric mean, which is 0 for every latent or expectant stakeholder: §1.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stakecli.stakeholders.model import SCALE

DEFAULT_THRESHOLD = 3
"""[D] An attribute is present iff its 1-5 score is greater than this (the midpoint rule)."""


class SalienceClass(StrEnum):
    """The seven stakeholder classes, plus non-stakeholder (no attribute present)."""

    DORMANT = "dormant"
    DISCRETIONARY = "discretionary"
    DEMANDING = "demanding"
    DOMINANT = "dominant"
    DANGEROUS = "dangerous"
    DEPENDENT = "dependent"
    DEFINITIVE = "definitive"
    NON_STAKEHOLDER = "non-stakeholder"

    @property
    def label(self) -> str:
        """Display form: `Non-stakeholder`, `Definitive`."""
        return self.value.capitalize()


class Group(StrEnum):
    """Latent (1 attribute), expectant (2), definitive (3), none (0)."""

    LATENT = "latent"
    EXPECTANT = "expectant"
    DEFINITIVE = "definitive"
    NONE = "none"

    @property
    def label(self) -> str:
        """Display form: `Latent`."""
        return self.value.capitalize()


TYPOLOGY: dict[tuple[bool, bool, bool], SalienceClass] = {
    (True, False, False): SalienceClass.DORMANT,
    (False, True, False): SalienceClass.DISCRETIONARY,
    (False, False, True): SalienceClass.DEMANDING,
    (True, True, False): SalienceClass.DOMINANT,
    (True, False, True): SalienceClass.DANGEROUS,
    (False, True, True): SalienceClass.DEPENDENT,
    (True, True, True): SalienceClass.DEFINITIVE,
    (False, False, False): SalienceClass.NON_STAKEHOLDER,
}
"""(power, legitimacy, urgency) present -> class (docs/methods.md §1.2)."""

GROUP_BY_COUNT = (Group.NONE, Group.LATENT, Group.EXPECTANT, Group.DEFINITIVE)


@dataclass(frozen=True, slots=True)
class Salience:
    """Which attributes are present, and what follows from them."""

    power: bool
    legitimacy: bool
    urgency: bool
    score: float
    """Mean of the normalised 1-5 scores, 0..1: breaks ties inside one count only."""

    @property
    def cls(self) -> SalienceClass:
        """The class from the typology."""
        return classify(self.power, self.legitimacy, self.urgency)

    @property
    def count(self) -> int:
        """Number of attributes present, 0-3: the salience level (P1)."""
        return int(self.power) + int(self.legitimacy) + int(self.urgency)

    @property
    def group(self) -> Group:
        """Latent, expectant, definitive or none."""
        return GROUP_BY_COUNT[self.count]


def classify(power: bool, legitimacy: bool, urgency: bool) -> SalienceClass:
    """The class of a stakeholder with these attributes present."""
    return TYPOLOGY[(power, legitimacy, urgency)]


def group_of(cls: SalienceClass) -> Group:
    """The group a class belongs to."""
    present = next(k for k, v in TYPOLOGY.items() if v is cls)
    return GROUP_BY_COUNT[sum(present)]


def is_present(score: int, threshold: int = DEFAULT_THRESHOLD) -> bool:
    """Whether a graded attribute counts as present: strictly above the threshold."""
    return score > threshold


def normalised(score: int) -> float:
    """A 1-5 score as 0..1."""
    low, high = SCALE
    return (score - low) / (high - low)


def assess(
    power: int, legitimacy: int, urgency: int, threshold: int = DEFAULT_THRESHOLD
) -> Salience:
    """Salience from three 1-5 scores."""
    score = (normalised(power) + normalised(legitimacy) + normalised(urgency)) / 3
    return Salience(
        is_present(power, threshold),
        is_present(legitimacy, threshold),
        is_present(urgency, threshold),
        round(score, 4),
    )
