"""Browser tests' helpers: one headless Chromium page holding the pinned Mermaid, and the
documents to draw (the examples rendered, copies of them with names hostile to Mermaid).

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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conftest import EXAMPLES
from stakecli.cli import app

ROOT = Path(__file__).resolve().parents[2]
MERMAID_JS = ROOT / "tests" / "browser" / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
FOLDERS = sorted(p for p in EXAMPLES.iterdir() if p.is_dir() and p.name != "mistakes")
"""The example projects (examples/mistakes holds deliberate errors and renders nothing)."""
# No sandbox: CI runs as root. No background networking: Chromium would call home at start.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
FENCE = re.compile(r"^```mermaid\n(.*?)^```$", re.M | re.S)
QUOTED = re.compile(r'"([^"\n]*)"')
ENTITY = re.compile(r"#(\d+);")
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
        page.set_content(f"<!doctype html><html><head><meta charset='utf-8'><style>{STYLE}</style>")
        page.add_script_tag(path=str(MERMAID_JS))
        page.evaluate("mermaid.initialize({startOnLoad: false, securityLevel: 'strict'})")

    def parse_error(self, text: str) -> str | None:
        """Mermaid's error message for a diagram's text, or None when it parses."""
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
        """Make `markdown` the page (as GitHub would) and draw its diagrams; an error raises."""
        self.page.evaluate(
            """async (body) => {
                document.body.innerHTML = body;
                await mermaid.run({querySelector: 'pre.mermaid', suppressErrors: false});
            }""",
            body_html(markdown),
        )

    def show_svg(self, svg: str) -> None:
        """Make a standalone SVG document (no Mermaid) the page."""
        self.page.evaluate("(svg) => { document.body.innerHTML = svg; }", svg)

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

    def quadrant_charts(self) -> list[dict[str, Any]]:
        """Geometry of each drawn quadrantChart in page px, boxes as [left, top, right, bottom].

        Per chart: `chart` (the svg), `plot` (the four quadrants), `titles` (quadrant titles)
        and `points`, each with its `name`, `label` box and `dot` box.
        """
        return self.page.evaluate(
            """() => {
                const box = (el) => {
                    const r = el.getBoundingClientRect();
                    return [r.left, r.top, r.right, r.bottom];
                };
                const union = (boxes) => [
                    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
                    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
                ];
                return [...document.querySelectorAll('pre.mermaid svg')]
                    .filter((svg) => svg.querySelector('g.data-points'))
                    .map((svg) => ({
                        chart: box(svg),
                        plot: union([...svg.querySelectorAll('g.quadrant rect')].map(box)),
                        titles: [...svg.querySelectorAll('g.quadrant text')]
                            .filter((t) => t.textContent.trim()).map(box),
                        points: [...svg.querySelectorAll('g.data-point')].map((g) => ({
                            name: g.textContent,
                            label: box(g.querySelector('text')),
                            dot: box(g.querySelector('circle')),
                        })),
                    }));
            }"""
        )

    def drawn_text(self) -> str:
        """The text of every drawn diagram on the page, whitespace runs as one space."""
        return " ".join(
            " ".join(text.split())
            for text in self.page.evaluate(
                "[...document.querySelectorAll('pre.mermaid svg')].map((svg) => svg.textContent)"
            )
        )

    def screenshot_diagrams(self, name: str) -> None:
        """Save a PNG of each drawn diagram as name-1.png, name-2.png, ... (see `screenshot`)."""
        count = self.page.locator("pre.mermaid").count()
        for n in range(count):
            self.screenshot(f"{name}-{n + 1}", f"pre.mermaid >> nth={n}")

    @contextmanager
    def document(self, folder: Path, name: str) -> Iterator[Any]:
        """A fresh page showing the Markdown file `folder/name` as GitHub would, images too.

        The folder is served at one made-up https origin (nothing leaves the machine), so a
        relative image link loads as on GitHub and its pixels can be read back (`pixels`).
        """
        markdown = (folder / name).read_text(encoding="utf-8")
        context = self.page.context.browser.new_context(viewport={"width": 1000, "height": 800})
        page = context.new_page()

        def serve(route: Any) -> None:
            wanted = folder / route.request.url.removeprefix(ORIGIN).split("?")[0]
            if wanted.name == "index.html":
                route.fulfill(body=PAGE.format(style=STYLE, body=body_html(markdown)))
            elif wanted.is_file() and wanted.resolve().parent == folder.resolve():
                kind = "image/svg+xml" if wanted.suffix == ".svg" else "text/plain"
                route.fulfill(body=wanted.read_bytes(), content_type=kind)
            else:
                route.fulfill(status=404, body="not found")

        try:
            page.route(f"{ORIGIN}**", serve)
            page.goto(f"{ORIGIN}index.html")
            page.wait_for_load_state("load")
            yield page
        finally:
            context.close()

    def screenshot(self, name: str, selector: str | None = None, page: Any = None) -> Path | None:
        """Save a PNG as $STAKECLI_SCREENSHOTS/name.png when that variable is set.

        The whole page, or the first element `selector` matches; of this page, or of `page`
        (one that `document` opened).
        """
        page = page or self.page
        folder = os.environ.get("STAKECLI_SCREENSHOTS")
        if not folder:
            return None
        path = Path(folder) / f"{name}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if selector is None:
            page.screenshot(path=str(path), full_page=True)
        else:
            page.locator(selector).first.screenshot(path=str(path))
        return path


ORIGIN = "https://docs.stakecli.test/"
PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><style>{style}</style></head>"
    "<body>{body}</body></html>"
)


def images(page: Any) -> list[dict[str, Any]]:
    """Every <img> of the page: its src, alt, whether it loaded, natural and shown size."""
    return page.evaluate(
        """async () => Promise.all([...document.images].map(async (img) => {
            try { await img.decode(); } catch (e) { /* not loaded: naturalWidth stays 0 */ }
            const r = img.getBoundingClientRect();
            return {src: img.getAttribute('src'), alt: img.alt, natural: [img.naturalWidth,
                    img.naturalHeight], shown: [r.width, r.height]};
        }))"""
    )


def pixels(page: Any, src: str, probes: Sequence[tuple[float, float]]) -> list[list[list[int]]]:
    """The RGB pixels the browser drew for image `src` within 2 px of each (x, y) probe.

    The image is drawn at its natural size on a canvas, so (x, y) are the SVG's own
    coordinates (stakecli's figures have a viewBox equal to their size).
    """
    return page.evaluate(
        """async ([src, probes]) => {
            const img = [...document.images].find((i) => i.getAttribute('src') === src);
            await img.decode();
            const canvas = document.createElement('canvas');
            canvas.width = img.naturalWidth;
            canvas.height = img.naturalHeight;
            const g = canvas.getContext('2d');
            g.drawImage(img, 0, 0);
            const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
            return probes.map(([x, y]) => {
                const found = [];
                for (let dy = -2; dy <= 2; dy++) {
                    for (let dx = -2; dx <= 2; dx++) {
                        const px = Math.round(x) + dx, py = Math.round(y) + dy;
                        if (px < 0 || py < 0 || px >= canvas.width || py >= canvas.height) continue;
                        const i = (py * canvas.width + px) * 4;
                        found.push([data[i], data[i + 1], data[i + 2]]);
                    }
                }
                return found;
            });
        }""",
        [src, list(probes)],
    )


def labels(text: str) -> list[str]:
    """The texts a diagram asks Mermaid to show, as Mermaid shows them.

    Double-quoted labels with entity codes (`#34;`) decoded; for a `journey`, its title,
    sections, tasks and actors (plain text there: stakecli writes none of `:,;#`).
    """
    if text.split()[0] != "journey":
        return [decoded(label) for label in QUOTED.findall(text)]
    found = []
    for line in text.splitlines()[1:]:
        keyword, _, rest = line.strip().partition(" ")
        if keyword in ("title", "section"):
            found.append(rest)
        elif ":" in line:
            task, _, actors = line.strip().partition(":")
            found += [task, *actors.partition(":")[2].split(",")]
    return [" ".join(f.split()) for f in found if f.strip()]


def decoded(label: str) -> str:
    """A label with Mermaid's entity codes (`#34;`) decoded and whitespace runs as one space."""
    return " ".join(ENTITY.sub(lambda m: chr(int(m.group(1))), label).split())


def body_html(markdown: str) -> str:
    """HTML of a document like GitHub's: tables, each ```mermaid block a `<pre class="mermaid">`."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    default_fence = md.renderer.rules["fence"]

    def fence(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        token = tokens[idx]
        if token.info.strip() == "mermaid":
            return f'<pre class="mermaid">{html.escape(token.content)}</pre>\n'
        return str(default_fence(tokens, idx, options, env))

    md.add_render_rule("fence", fence)
    return str(md.render(markdown))


HOSTILE_NAMES = [
    "Say \"hi\" to 'them'",
    "Ratio: 3:1; then more",
    "[draft] (v2) {beta}",
    "50% off",
    "100%% sure %%{init: {}}%%",
    "#35; not an entity #quoted",
    "<b>bold</b> & <script>x</script>",
    "a --> b | c",
    "`ticks` and back\\slash",
    "Zoë Łukasiewicz-Ōtsuka 東京 🚀",
    "end",
    "subgraph",
    "graph TD",
    "click call style classDef",
    "title",
    "x-axis",
    "quadrant-1",
    "Longname " + "Verylongsurname " * 10,
]
"""Stakeholder names, decision titles, proposal names, comms deadlines and journey texts to use."""

HOSTILE_IDS = ["end", "title", "x-axis", "quadrant-1", "classDef", "F1", "graph", "subgraph"]
"""Ids (letters, digits, `_.-` only) that read like Mermaid keywords."""

PARTY_IDS = {"halden-retail": "end", "northwind": "x-axis"}
"""Party ids of the vendor-renewal example, renamed in every file of the copy."""


def _rename_ids(folder: Path) -> None:
    for path in folder.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        for old, new in PARTY_IDS.items():
            text = re.sub(rf"(?<![\w.-]){re.escape(old)}(?![\w.-])", new, text)
        path.write_text(text, encoding="utf-8")


def _replace(data: Any, names: count[int]) -> None:
    def name() -> str:
        return HOSTILE_NAMES[next(names) % len(HOSTILE_NAMES)]

    kind = data.get("kind")
    if kind == "stakeholders":
        for person in data["stakeholders"]:
            person["name"] = name()
    elif kind == "decision":
        data["title"] = name()
    elif kind == "comms":
        for step in data.get("escalation", []):
            step["within"] = name()
    elif kind == "negotiation":
        data["title"] = name()
        for i, proposal in enumerate(data.get("proposals", [])):
            proposal["id"] = HOSTILE_IDS[i % len(HOSTILE_IDS)]
            proposal["name"] = name()
    elif kind == "journey":
        data["title"] = name()
        for stage in data.get("stages", []):
            stage["name"] = name()
            for touchpoint in stage.get("touchpoints", []):
                touchpoint["name"] = name()
            for step in stage.get("backstage", []):
                step["action"] = name()


def hostile_copy(example: Path, dest: Path) -> Path:
    """A copy of an example folder (without docs/) with hostile names; returns `dest`."""
    from ruamel.yaml import YAML

    shutil.copytree(example, dest, ignore=shutil.ignore_patterns("docs"))
    _rename_ids(dest)
    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True  # without it, ruamel drops quotes a flow mapping needs
    names = count()
    for path in sorted(dest.rglob("*.yaml")):
        data = yaml.load(path)
        if isinstance(data, dict):
            _replace(data, names)
            yaml.dump(data, path)
    return dest


def render_all(folder: Path, out: Path) -> list[Path]:
    """`stakecli render FOLDER --audience all -o OUT`: the documents it wrote."""
    argv = ["render", str(folder), "--audience", "all", "-o", str(out)]
    result = CliRunner().invoke(app, argv, catch_exceptions=False)
    assert result.exit_code == 0, result.stdout + result.stderr
    return sorted(out.rglob("*.md"))


def crowded_copy(dest: Path, people: int = 10) -> Path:
    """A register whose stakeholders all share one score cell, with names of many lengths."""
    import json

    names = [
        "Al",
        "Bea Ng",
        "Chidi Okeke",
        "Dana Whitfield",
        'Ed "Ted" Ruiz: ops',
        "Zoë Ōtsuka 東京",
    ]
    register = {
        "kind": "stakeholders",
        "version": 1,
        "stakeholders": [
            {
                "id": f"p{i}",
                "name": f"{names[i % len(names)]} {i}",
                "side": "internal",
                "power": 5,
                "legitimacy": 4,
                "urgency": 4,
                "interest": 5,
            }
            for i in range(people)
        ],
    }
    dest.mkdir(parents=True)
    (dest / "stakeholders.yaml").write_text(json.dumps(register, indent=2), encoding="utf-8")
    return dest
