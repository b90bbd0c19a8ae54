"""The comms-plan model: what its schema refuses."""

from __future__ import annotations

from stakecli import pipeline


def test_an_audience_needs_at_least_one_entry(tmp_path, write):
    write(
        "comms.yaml",
        "kind: comms\nversion: 1\ncommunications:\n  - {id: x, audience: [], message: m, "
        "channel: email, frequency: weekly, owner: ann}\n",
    )
    found = [(f.code, f.line) for f in pipeline.run([tmp_path]).findings]
    assert ("schema.empty", 4) in found
