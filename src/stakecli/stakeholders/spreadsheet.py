"""The register as a spreadsheet: its columns, the headings real registers use, and its codes.

`export` writes the HEADINGS below, one column per field; `import` reads those and the headings
practitioners' templates use (PMBOK register, ServiceNow, kevstemplates; DOMAIN_2.md 12.1),
matched case-folded with punctuation and spaces dropped: `Internal/External`, `Level of
Interest`, `Needs (interests)`. Influence and authority are power; impact is its own field.
The importing and exporting modules do the work; docs/stakeholders.md says it for users.
"""

from __future__ import annotations

import re

from stakecli.core.rules import Rule

RULES = [
    Rule(
        "csv.syntax",
        "error",
        "A spreadsheet to import cannot be read (a stray quote, a huge cell...).",
        why="Nothing can be imported from a file a CSV reader refuses; the line says where.",
    ),
    Rule("csv.header", "error", "A spreadsheet to import has no header row naming its columns."),
    Rule(
        "csv.unknown-column",
        "error",
        "A column names no register field; map it (--map), skip it or keep it in the notes.",
        why="A silently dropped column is lost data; a guessed one is wrong data.",
    ),
    Rule("csv.skipped-column", "warning", "An unknown column was left out (--skip-unknown)."),
    Rule(
        "csv.column-in-notes", "info", "An unknown column was kept in the notes (--keep-unknown)."
    ),
    Rule("csv.duplicate-column", "error", "Two columns fill the same register field."),
    Rule("csv.missing-column", "error", "A spreadsheet lacks a column every stakeholder needs."),
    Rule(
        "csv.filled-score",
        "warning",
        "A required score had no column or a blank cell and got `spreadsheets.missing_score`.",
    ),
    Rule(
        "csv.at-cut-off",
        "warning",
        "A word or tier became a score exactly at the salience threshold or grid cut-off.",
        why="'Medium' becomes 3, which the grid reads as low and salience as absent: say so "
        "rather than let the middle of a scale silently fall to the bottom half.",
    ),
    Rule(
        "csv.rescaled",
        "warning",
        "A score column holds numbers above 5 and is read as a 1-10 scale (7 -> 4).",
    ),
    Rule(
        "csv.formula",
        "warning",
        "A cell starts like a formula (=, +, -, @): it would run when the sheet is opened.",
        why="CSV injection (OWASP, CWE-1236): the text is imported as text, but check where it "
        "came from.",
    ),
    Rule(
        "csv.kept-in-notes",
        "warning",
        "A value could not be placed (an owner no row names, a stance with no desired level) "
        "and was kept in the notes.",
    ),
]

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
    ("journey_stage", "Journey stage"),
    ("visibility", "Visibility"),
    ("tags", "Tags"),
    ("notes", "Notes"),
    ("confidential", "Confidential"),
    ("assessed_on", "Assessed on"),
    ("assessor", "Assessor"),
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
    "journey_stage": "journey_stage",
    "visibility": "visibility",
}
"""Columns of the `discovered:` mapping -> its keys."""
