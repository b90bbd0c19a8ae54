from stakecli.core.plural import count, plural


def test_one_is_singular_and_others_plural():
    assert count(1, "RACI file") == "1 RACI file"
    assert count(2, "RACI file") == "2 RACI files"
    assert count(0, "document") == "0 documents"
    assert plural("person", 3) == "people"
    assert count(1200, "stakeholder") == "1,200 stakeholders"
