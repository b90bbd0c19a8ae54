"""Locating findings costs one pass over a mapping, not one pass per finding."""

import time
from pathlib import Path

from stakecli import pipeline


def test_forty_thousand_unknown_keys_are_located_in_linear_time(tmp_path: Path, monkeypatch):
    from stakecli.core import schema_errors

    monkeypatch.setattr(schema_errors, "MAX_ERRORS", 100_000)  # all of them, not the first 10,000
    path = tmp_path / "keys.yaml"
    keys = "".join(f"k{i}: 1\n" for i in range(40_000))
    path.write_text("kind: stakeholders\nversion: 1\nstakeholders: []\n" + keys)
    started = time.process_time()
    report = pipeline.run([path])
    assert time.process_time() - started < 20  # quadratic lookups took minutes here
    assert len(report.findings) == 40_000
    last = max(report.findings, key=lambda f: f.line or 0)
    assert (last.code, last.line, last.col) == ("schema.unknown-key", 40_003, 1)
