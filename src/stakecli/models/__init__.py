"""Pydantic models, one module per file kind; `MODEL_BY_KIND` maps a file's `kind` to its model."""

from __future__ import annotations

from pydantic import BaseModel

from stakecli.models.charter import Charter
from stakecli.models.comms import CommsPlan
from stakecli.models.decision import Decision
from stakecli.models.negotiation import Negotiation
from stakecli.models.raci import Raci
from stakecli.models.scorecard import ScorecardFile
from stakecli.models.stakeholders import Register

MODEL_BY_KIND: dict[str, type[BaseModel]] = {
    "stakeholders": Register,
    "decision": Decision,
    "comms": CommsPlan,
    "raci": Raci,
    "charter": Charter,
    "scorecard": ScorecardFile,
    "negotiation": Negotiation,
}
"""Every file kind stakecli reads, keyed by the value of its `kind:` field."""

VERSIONS: dict[str, tuple[int, ...]] = dict.fromkeys(MODEL_BY_KIND, (1,))
"""Format versions each kind understands."""
