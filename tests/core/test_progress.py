from __future__ import annotations

from stakecli.core import progress


class Recorder:
    def __init__(self, label, total):
        self.events = [("start", label, total)]
        Recorder.last = self

    def advance(self, steps=1):
        self.events.append(("advance", steps))

    def close(self):
        self.events.append(("close",))


def test_nothing_is_shown_without_a_display():
    with progress.task("checking", 3) as tick:
        tick.advance()  # a no-op: the library never prints


def test_an_installed_display_sees_the_work_and_its_end():
    previous = progress.install(Recorder)
    try:
        with progress.task("simulating", 10) as tick:
            tick.advance(4)
    finally:
        progress.install(previous)
    assert Recorder.last.events == [("start", "simulating", 10), ("advance", 4), ("close",)]
