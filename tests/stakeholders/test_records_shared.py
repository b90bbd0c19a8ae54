"""Records share what repeats between stakeholders, and are what they were built one by one."""

import json
from decimal import Decimal

import pytest

from helpers import varied_register
from stakecli.core import jsontext
from stakecli.core.tables import escape
from stakecli.stakeholders import attention, records
from stakecli.stakeholders.grid import circle_ratings


def first_record(a):
    """`records.record` as first written, every value looked up for the one stakeholder."""
    s = a.stakeholder
    return {
        "rank": a.rank,
        "id": s.id,
        "name": s.name,
        "side": s.side.value,
        "organisation": s.organisation,
        "role": s.role,
        "tags": list(s.tags),
        "scores": {
            "power": s.power,
            "legitimacy": s.legitimacy,
            "urgency": s.urgency,
            "interest": s.interest,
            "proximity": s.proximity,
        },
        "circle": None
        if (rated := circle_ratings(s)) is None
        else dict(zip(("power", "proximity", "urgency"), rated, strict=True)),
        "attributes": {
            "power": a.salience.power,
            "legitimacy": a.salience.legitimacy,
            "urgency": a.salience.urgency,
        },
        "class": a.cls.value,
        "group": a.group.value,
        "count": a.salience.count,
        "score": a.salience.score,
        "quadrant": a.quadrant.value,
        "strategy": a.strategy.value,
        "engagement": None
        if a.current is None or a.desired is None
        else {
            "current": a.current.value,
            "desired": a.desired.value,
            "gap": a.gap,
            "over_engaged": a.over_engaged,
        },
        "circle_index": a.circle,
        "owner": s.owner,
        "hidden": s.hidden,
        "discovered": s.discovered.model_dump(mode="json") if s.discovered else None,
    }


def first_csv_row(a):
    """`records.csv_row` as first written: every cell escaped."""
    s, found = a.stakeholder, a.stakeholder.discovered
    cells = [
        str(a.rank),
        s.id,
        s.name,
        s.side.value,
        a.cls.value,
        a.group.value,
        str(a.salience.count),
        f"{a.salience.score:.4f}",
        a.quadrant.value,
        a.strategy.value,
        a.current.value if a.current else "",
        a.desired.value if a.desired else "",
        str(a.gap) if a.current else "",
        ("true" if a.over_engaged else "false") if a.current else "",
        "" if a.circle is None else f"{a.circle:.4f}",
        s.owner or "",
        "true" if s.hidden else "false",
        *(
            ["", "", "", "", ""]
            if found is None
            else [
                found.method,
                found.source or "",
                found.interview or "",
                found.journey_stage or "",
                found.visibility.value if found.visibility else "",
            ]
        ),
    ]
    return [escape(cell) for cell in cells]


def test_records_and_rows_are_those_built_one_by_one():
    ranked = attention.rank(varied_register(60).stakeholders)
    assert [records.record(a) for a in ranked] == [first_record(a) for a in ranked]
    assert [list(records.record(a)) for a in ranked] == [list(first_record(a)) for a in ranked]
    assert [records.csv_row(a) for a in ranked] == [first_csv_row(a) for a in ranked]
    assert any(row[-4] == "'+memo" for row in map(records.csv_row, ranked))


def test_records_share_no_containers():
    ranked = attention.rank(varied_register(12).stakeholders)
    one, two = (records.record(a) for a in ranked[:2])
    one["attributes"]["power"] = "changed"
    assert records.record(ranked[1]) == two
    assert records.record(ranked[0])["attributes"]["power"] != "changed"


def test_the_written_json_is_that_of_the_records():
    ranked = attention.rank(varied_register(80).stakeholders)
    for chosen in (ranked, ranked[:1], []):
        document = {"register": "x", "stakeholders": records.encoded(chosen)}
        plain = {"register": "x", "stakeholders": [records.record(a) for a in chosen]}
        assert jsontext.dumps(document) == json.dumps(plain, indent=2, ensure_ascii=False)
    assert records.encoded(ranked).plain() == [records.record(a) for a in ranked]


def test_a_document_with_something_json_cannot_write_still_fails_as_json_does():
    ranked = attention.rank(varied_register(3).stakeholders)
    document = {"when": object(), "stakeholders": records.encoded(ranked)}
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps(document)
    fine = {"when": Decimal(1)} | {"stakeholders": records.encoded(ranked)}
    with pytest.raises(TypeError, match="Decimal is not JSON serializable"):
        jsontext.dumps(fine)
