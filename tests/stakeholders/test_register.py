"""One register: duplicate ids are reported at the second id."""

from __future__ import annotations

import json
from pathlib import Path

GOOD = """\
kind: stakeholders
version: 1
stakeholders:
  - id: cfo
    name: Dana Whitfield
    side: internal
    power: 5
    legitimacy: 5
    urgency: 4
    interest: 4
    owner: cfo
"""


def findings_for(run, path: Path) -> list[dict[str, object]]:
    result = run("validate", "--format", "json", path)
    assert result.exit_code == 1, result.stdout + result.stderr
    return [
        {k: f[k] for k in ("line", "col", "code")} | {"message": f["message"]}
        for f in json.loads(result.stdout)["findings"]
    ]


def only(run, path: Path) -> dict[str, object]:
    found = findings_for(run, path)
    assert len(found) == 1, found
    return found[0]


def test_duplicate_ids_are_reported_at_the_second_id(run, write):
    second = GOOD.split("stakeholders:\n")[1].replace("Dana Whitfield", "Someone Else")
    path = write("dup.yaml", GOOD + second)
    finding = only(run, path)
    assert (finding["code"], finding["line"], finding["col"]) == (
        "stakeholders.duplicate-id",
        12,
        9,
    )
