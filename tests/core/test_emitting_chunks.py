"""Long lists are represented in chunks: the same YAML, in memory that does not grow with them."""

from stakecli.core import emitting


def test_chunked_output_is_the_same_yaml(monkeypatch):
    data = {
        "kind": "stakeholders",
        "version": 1,
        "stakeholders": [
            {"id": f"p{i}", "tags": ["a", "b"], "notes": "two\nlines"} for i in range(2500)
        ],
    }
    chunked = emitting.dump(data, "header")
    monkeypatch.setattr(emitting, "CHUNK", 10**9)
    assert chunked == emitting.dump(data, "header")
