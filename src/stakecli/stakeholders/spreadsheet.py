"""The register as a spreadsheet: its columns, the headings real registers use, and its codes.

`export` writes the HEADINGS below, one column per field; `import` reads those and the headings
practitioners' templates use (PMBOK register, ServiceNow, kevstemplates; DOMAIN_2.md 12.1),
matched case-folded with punctuation and spaces dropped: `Internal/External`, `Level of
Interest`, `Needs (interests)`. Influence and authority are power; impact is its own field.
The importing and exporting modules do the work (and importing declares the `csv.*` codes);
docs/stakeholders.md says it for users.
"""

from __future__ import annotations

import re

Field = str
"""A register field name, or one of the engagement or discovery columns below."""

HEADINGS: tuple[tuple[Field, str], ...] = (
    ("id", "ID"),
    ("name", "Name"),
    ("type", "Type"),
    ("side", "Internal/External"),
    ("organisation", "Organisation"),
    ("role", "Role"),
    ("contact", "Contact"),
    ("power", "Power"),
    ("legitimacy", "Legitimacy"),
    ("urgency", "Urgency"),
    ("interest", "Interest"),
    ("impact", "Impact"),
    ("proximity", "Proximity"),
    ("circle_power", "Circle power"),
    ("circle_proximity", "Circle proximity"),
    ("circle_urgency", "Circle urgency"),
    ("direction", "Direction"),
    ("current", "Current engagement"),
    ("desired", "Desired engagement"),
    ("actions", "Actions"),
    ("positions", "Positions"),
    ("interests", "Interests"),
    ("owner", "Owner"),
    ("influences", "Influences"),
    ("hidden", "Hidden"),
    ("discovered", "Discovered by"),
    ("discovery_source", "Discovery source"),
    ("discovery_interview", "Discovery interview"),
    ("journey_stage", "Journey stage"),
    ("visibility", "Visibility"),
    ("tags", "Tags"),
    ("notes", "Notes"),
    ("confidential", "Confidential"),
    ("assessed_on", "Assessed on"),
    ("assessor", "Assessor"),
    ("ratings", "Ratings"),
)
"""Every column of an exported register, in order: the headings import reads back."""
FIELDS = tuple(f for f, _ in HEADINGS)
NOTES, SKIP = "notes", "skip"

_ALIASES: dict[Field, tuple[str, ...]] = {
    "id": ("stakeholderid", "ref", "reference"),
    "name": ("stakeholder", "stakeholdername", "fullname", "who"),
    "type": ("stakeholdertype", "kind"),
    "side": ("internalexternal", "internalorexternal", "internalexternalstakeholder"),
    "organisation": ("organization", "department", "dept", "company", "organisationdepartment",
                     "organizationdepartment", "departmentorganisation", "unit", "businessunit"),
    "role": ("title", "jobtitle", "position", "roleontheproject", "projectrole", "roletitle",
             "titlerole", "organisationalposition"),
    "contact": ("email", "emailaddress", "contactdetails", "contactinformation", "contactinfo"),
    "power": ("influence", "authority", "levelofinfluence", "powerinfluence", "influencepower",
              "levelofpower", "levelofauthority"),
    "interest": ("levelofinterest", "interestlevel"),
    "impact": ("levelofimpact", "impactlevel"),
    "direction": ("directionofinfluence",),
    "current": ("currentstance", "currentengagement", "currentengagementlevel", "stance",
                "attitude", "engagement", "currentlevel", "currentattitude"),
    "desired": ("desiredengagement", "desiredstance", "desiredengagementlevel", "targetengagement",
                "desiredlevel", "desiredattitude"),
    "actions": ("engagementactions", "plannedactions"),
    "positions": ("requirements", "majorrequirements", "position statements", "statedpositions"),
    "interests": ("expectations", "needs", "needsinterests", "interestsneeds", "expectationsneeds",
                  "needsandexpectations", "keyinterests", "majorexpectations"),
    "owner": ("relationshipowner", "accountowner", "stakeholderowner"),
    "tags": ("labels", "tag"),
    "notes": ("comments", "comment", "remarks", "note"),
    "assessed_on": ("assessed", "lastassessed", "assessmentdate"),
    "discovered": ("discoveredby", "discovery", "discoverymethod", "foundby"),
    "journey_stage": ("stage",),
}  # fmt: skip


def normalise(heading: str) -> str:
    """Case-folded, letters and digits only: `Needs (interests)` -> `needsinterests`."""
    return re.sub(r"[\W_]+", "", heading.casefold())


ALIASES: dict[str, Field] = {
    normalise(alias): field
    for field, heading in HEADINGS
    for alias in (field, heading, *_ALIASES.get(field, ()))
}
"""Normalised heading -> the field it fills."""
HEADING: dict[Field, str] = dict(HEADINGS)

SCORES = ("power", "legitimacy", "urgency", "interest", "impact")
REQUIRED_SCORES = ("power", "legitimacy", "urgency", "interest")
LISTS = ("tags", "interests", "positions", "influences", "actions")
BOOLEANS = ("confidential", "hidden")
CHOICES = ("type", "side", "direction", "current", "desired", "discovered", "visibility")
ENGAGEMENT = ("current", "desired", "actions")
DISCOVERY = {
    "discovered": "method",
    "discovery_source": "source",
    "discovery_interview": "interview",
    "journey_stage": "journey_stage",
    "visibility": "visibility",
}
"""Columns of the `discovered:` mapping -> its keys."""
CIRCLE = {"circle_power": "power", "circle_proximity": "proximity", "circle_urgency": "urgency"}
"""Columns of the `circle:` mapping (the Stakeholder Circle's own ratings) -> its keys."""
NUMBERS = ("proximity", *CIRCLE)
STRUCTURED = ("ratings",)
"""Fields too rich for a cell of text, kept as JSON (several raters' answers)."""
FLATTENED = {"engagement": ENGAGEMENT, "discovered": tuple(DISCOVERY), "circle": tuple(CIRCLE)}
"""Model fields that are spread over several columns."""
"""Whole numbers that are not 1-5 scores (no word scale applies)."""
