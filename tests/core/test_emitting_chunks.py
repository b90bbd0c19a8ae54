"""Long lists are represented in chunks: the same YAML, in memory that does not grow with them."""

from stakecli.core import emitting


def test_chunked_output_is_the_same_yaml(monkeypatch):
    data = {
        "kind": "stakeholders",
        "version": 1,
        "stakeholders": [
            {"id": f"p{i}", "tags": ["a", "b"], "notes": "two\nlines", "score": 0.5}
            for i in range(2500)
        ],
    }
    chunked = emitting.reference_dump(data, "header")
    assert emitting.dump(data, "header") == chunked  # every item handed to the reference
    monkeypatch.setattr(emitting, "CHUNK", 10**9)
    assert chunked == emitting.reference_dump(data, "header")
