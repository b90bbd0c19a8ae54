"""Labels placed next to their marks: off every obstacle, or covering as little as they can."""

from stakecli.core.svg_labels import near, overlaps, place_labels


def test_a_label_goes_right_of_its_mark_when_that_is_free():
    ((box, distance),) = place_labels([("label", 100, 100)], [], (0, 0, 400, 400))
    assert box[0] > 100
    assert distance == 7


def test_labels_keep_off_the_marks_they_are_told_to():
    mark = near(100, 100, 4)
    ((box, distance),) = place_labels([("label", 100, 100)], [mark], (0, 0, 400, 400))
    assert not overlaps(box, mark)
    assert distance == 7


def test_with_no_free_spot_a_label_covers_as_little_as_it_can():
    crowd = [near(x, y, 4) for x in range(0, 200, 6) for y in range(0, 200, 6)]
    ((box, _),) = place_labels([("x", 100, 100)], crowd, (0, 0, 200, 200))
    assert box[0] >= 0
    assert box[2] <= 200
