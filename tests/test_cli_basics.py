from stakecli import __version__


def test_version_prints_the_package_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"stakecli {__version__}\n"
