"""A progress bar on stderr only on a terminal, after about a second, never for machines."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console

from stakecli.cli.progress import DelayedBar, wanted


@pytest.mark.parametrize(
    ("argv", "env", "tty", "shown"),
    [
        (["validate", "big/"], {}, True, True),
        (["validate", "big/"], {}, False, False),  # a pipe or a file
        (["validate", "big/"], {"CI": "true"}, True, False),
        (["validate", "big/"], {"PRE_COMMIT": "1"}, True, False),
        (["validate", "big/"], {"TERM": "dumb"}, True, False),
        (["validate", "-f", "json", "big/"], {}, True, False),
        (["validate", "--format=sarif", "big/"], {}, True, False),
        (["stakeholders", "-fcsv"], {}, True, False),
        (["negotiation", "--format", "table"], {}, True, True),
    ],
)
def test_a_bar_is_wanted_only_on_a_terminal_for_people(argv, env, tty, shown):
    assert wanted(argv, env, tty) is shown


def test_short_work_shows_nothing_and_long_work_a_bar_that_goes_away():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=80)
    quick = DelayedBar("checking", 10, delay=0.5, console=console)
    quick.advance(10)
    quick.close()
    assert out.getvalue() == ""
    slow = DelayedBar("simulating", 100, delay=0.05, console=console)
    time.sleep(0.3)
    slow.advance(50)
    time.sleep(0.2)
    slow.close()
    assert "simulating" in out.getvalue()


def test_pipes_never_get_a_bar(run, tmp_path):
    import stakecli.core.progress as progress

    assert run("validate", "examples/partnership").exit_code in (0, 2)
    assert progress._factory is None
