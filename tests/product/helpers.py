"""Browser tests' helpers: one headless Chromium page holding the pinned Mermaid.

The browser is Debian's `chromium` (or the one `STAKECLI_CHROMIUM` names), driven by
Playwright without a browser download of its own; Mermaid is the version
tests/browser/package-lock.json pins, installed by `npm ci --prefix tests/browser`.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import EXAMPLES
from stakecli.cli import app

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")
"""The example projects (examples/mistakes holds deliberate errors and renders nothing)."""
MERMAID_JS = ROOT / "tests" / "browser" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
# No sandbox: CI runs as root. No background networking: Chromium would call home at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.M | re.S)
HOW_TO_INSTALL = (
    "install them with `apt-get install -y chromium` (or set STAKECLI_CHROMIUM to a Chromium "
    "binary), `npm ci --prefix tests/browser` and `make .venv/.dev` (Playwright)"
)
STYLE = """
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px;
       max-width: 980px; font-size: 14px; line-height: 1.5; color: #1f2328; }
table { border-collapse: collapse; } td, th { border: 1px solid #d1d9e0; padding: 4px 10px; }
pre.mermaid { background: none; }
"""


def chromium() -> str | None:
    """The Chromium binary to drive, if there is one."""
    named = os.environ.get("STAKECLI_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing() -> str | None:
    """What the browser tests lack on this machine (None when they can run)."""
    lacking = []
    if importlib.util.find_spec("playwright") is None:
        lacking.append("the Playwright package")
    if chromium() is None:
        lacking.append("a Chromium binary")
    if not MERMAID_JS.is_file():
        lacking.append(f"Mermaid ({MERMAID_JS.relative_to(ROOT)})")
    if not lacking:
        return None
    return f"browser tests need {', '.join(lacking)}: {HOW_TO_INSTALL}"


def diagrams(markdown: str) -> list[str]:
    """The text of every ```mermaid block of a Markdown document."""
    return FENCE.findall(markdown)


class MermaidPage:
    """A Playwright page with Mermaid loaded; reused for every diagram of a test run."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self._mermaid_loaded = False

    def _blank(self) -> None:
        self.page.set_content("<!doctype html><html><head><meta charset='utf-8'></head></html>")
        self.page.add_script_tag(path=str(MERMAID_JS))
        self.page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")
        self._mermaid_loaded = True

    def parse_error(self, text: str) -> str | None:
        """Mermaid's error message for a diagram's text, or None when it parses."""
        if not self._mermaid_loaded:
            self._blank()
        return self.page.evaluate(
            """async (text) => {
                try { await mermaid.parse(text); return null; }
                catch (e) { return String((e && e.message) || e); }
            }""",
            text,
        )

    def errors(self, markdown: str) -> list[str]:
        """One message per ```mermaid block of `markdown` that Mermaid rejects."""
        found = []
        for n, text in enumerate(diagrams(markdown), start=1):
            error = self.parse_error(text)
            if error is not None:
                found.append(f"diagram {n} ({text.splitlines()[0]}): {error}")
        return found

    def show(self, markdown: str) -> None:
        """Load `markdown` as a page and draw its diagrams; a Mermaid error raises."""
        self.page.set_content(page_html(markdown))
        self.page.add_script_tag(path=str(MERMAID_JS))
        self.page.evaluate(
            """async () => {
                mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
                await mermaid.run({querySelector: 'pre.mermaid', suppressErrors: false});
            }"""
        )
        self._mermaid_loaded = True

    def show_svg(self, svg: str) -> None:
        """Load a standalone SVG document (no Mermaid) as the page."""
        self.page.set_content(f"<!doctype html><html><body style='margin:0'>{svg}</body></html>")
        self._mermaid_loaded = False

    def boxes(self, selector: str) -> list[dict[str, Any]]:
        """Text and on-page bounding box of every element matching `selector`."""
        return self.page.evaluate(
            """(selector) => [...document.querySelectorAll(selector)].map((el) => {
                const r = el.getBoundingClientRect();
                return {text: el.textContent, left: r.left, top: r.top,
                        right: r.right, bottom: r.bottom};
            })""",
            selector,
        )

    def screenshot(self, name: str) -> Path | None:
        """Save a full-page PNG as $STAKECLI_SCREENSHOTS/name.png when that variable is set."""
        folder = os.environ.get("STAKECLI_SCREENSHOTS")
        if not folder:
            return None
        path = Path(folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(path), full_page=True)
        return path


def page_html(markdown: str) -> str:
    """A page like GitHub's: tables, and each ```mermaid block a `<pre class="mermaid">`."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    default_fence = md.renderer.rules["fence"]

    def fence(tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.info.strip() == "mermaid":
            return f'<pre class="mermaid">{html.escape(token.content)}</pre>\n'
        return str(default_fence(tokens, idx, options, env))

    md.add_render_rule("fence", fence)
    head = f"<!doctype html><html><head><meta charset='utf-8'><style>{STYLE}</style></head>"
    return f"{head}<body>{md.render(markdown)}</body></html>"


def render_all(folder: Path, out: Path) -> list[Path]:
    """`stakecli render FOLDER --audience all -o OUT`: the documents it wrote."""
    argv = ["render", str(folder), "--audience", "all", "-o", str(out)]
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.stdout + result.stderr
    return sorted(out.rglob("*.md"))
