import json
import math
from enum import IntEnum, StrEnum

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stakecli.core import jsontext


def standard(value):
    return json.dumps(value, indent=2, ensure_ascii=False)


class Colour(StrEnum):
    RED = "red"


class Level(IntEnum):
    HIGH = 3


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from([Colour.RED, Level.HIGH, math.nan, -0.0, 1e16, "\u2028", "\x00\x1f\x7f"])
)
keys = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_the_text_is_the_standard_librarys_byte_for_byte(value):
    assert jsontext.dumps(value) == standard(value)


def test_a_stakeholder_analysis_shaped_document_is_identical():
    document = {
        "register": "examples/x/stakeholders.yaml",
        "settings": {"salience_threshold": 3, "circle_weights": {"power": 4.0}},
        "stakeholders": [
            {"rank": 1, "name": "Zoë | *bold*", "tags": [], "scores": {}, "circle": None},
            {"rank": 2, "hidden": True, "score": 0.3333, "engagement": {"gap": -1}},
        ],
    }
    assert jsontext.dumps(document) == standard(document)


def test_what_json_refuses_is_refused_the_same_way():
    with pytest.raises(TypeError, match="not JSON serializable"):
        jsontext.dumps({"when": object()})
    loop: list[object] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        jsontext.dumps({"loop": loop})


def test_deep_nesting_is_left_to_the_standard_library():
    deep: object = "leaf"
    for _ in range(jsontext.MAX_DEPTH + 5):
        deep = [deep]
    assert jsontext.dumps(deep) == standard(deep)


@settings(max_examples=200, deadline=None)
@given(values)
def test_a_value_is_written_for_its_depth(value):
    nested = standard({"a": [value]})
    prefix, suffix = '{\n  "a": [\n    ', "\n  ]\n}"
    assert nested.startswith(prefix)
    assert nested.endswith(suffix)
    assert jsontext.encode(value, "\n    ") == nested[len(prefix) : -len(suffix)]


def test_an_encoded_value_writes_itself_where_it_stands():
    part = jsontext.Encoded(lambda newline: f"[{newline}  1{newline}]", lambda: [1])
    assert jsontext.dumps({"x": part, "y": [part]}) == standard({"x": [1], "y": [[1]]})
    with pytest.raises(TypeError, match="set is not JSON serializable"):
        jsontext.dumps({"x": part, "bad": {1j}})
    assert jsontext.dumps({"x": part, "deep": "ok"}) == standard({"x": [1], "deep": "ok"})
