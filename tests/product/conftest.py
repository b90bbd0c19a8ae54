"""The browser tests' `mermaid` fixture: one headless Chromium and one Mermaid page per run.

Without a browser or Mermaid the browser tests are skipped with a note on how to install
them, except in CI (the `CI` environment variable set), where that is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from product import helpers as browser


@pytest.fixture(scope="session")
def mermaid() -> Iterator[browser.MermaidPage]:
    problem = browser.missing()
    if problem is not None:
        if os.environ.get("CI", "").lower() not in ("", "0", "false"):
            pytest.fail(f"{problem} (CI is set, so this is a failure, not a skip)")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=browser.chromium(), args=browser.CHROMIUM_ARGS
        )
        try:
            page = chromium.new_page(viewport={"width": 1000, "height": 800})
            yield browser.MermaidPage(page)
        finally:
            chromium.close()
