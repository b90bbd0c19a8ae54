"""A deterministic SVG of the packages in (our score, their score) space."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

WIDTH = HEIGHT = 640
MARGIN = 60
PLOT = WIDTH - 2 * MARGIN  # square plot: 0-100 on both axes


def _x(score: float) -> str:
    return f"{MARGIN + score / 100 * PLOT:.2f}"


def _y(score: float) -> str:
    return f"{MARGIN + (100 - score) / 100 * PLOT:.2f}"


def _offers(data: dict[str, Any], us: str, them: str) -> list[str]:
    """Each party's offers joined in the order they were made (the negotiation dance)."""
    out = []
    scored = [o for o in data.get("offers", []) if o["scores"] is not None]
    for k, party in enumerate(dict.fromkeys(o["by"] for o in scored)):
        mine = [o for o in scored if o["by"] == party]
        colour = ("#a0a", "#0aa", "#aa0")[k % 3]
        line = " ".join(f"{_x(o['scores'][us])},{_y(o['scores'][them])}" for o in mine)
        out.append(
            f'<polyline class="offers" data-party={quoteattr(party)} points="{line}" '
            f'fill="none" stroke="{colour}" stroke-width="1.5" stroke-dasharray="2 2"/>'
        )
        for o in mine:
            a, b = o["scores"][us], o["scores"][them]
            out.append(
                f'<text class="offer" x="{_x(a)}" y="{_y(b)}" fill="{colour}">O{o["number"]}'
                f"<title>{escape(party)} round {o['round']} ({a:g}, {b:g})</title></text>"
            )
    return out


def package_chart(data: dict[str, Any], title: str) -> str:
    """SVG text: frontier polyline and points, reservation lines, proposals and Nash labelled.

    `data` is `views.negotiation.package_summary(...)`; the x axis is our party (first), the
    y axis the first other party. With three or more parties the frontier is a surface: its
    points are drawn projected on those two axes, without a polyline. Every user string is
    XML-escaped.
    """
    us, them = data["parties"][0], data["parties"][1]
    front = sorted(
        ((p["scores"][us], p["scores"][them]) for p in data["frontier"]["points"]),
        key=lambda xy: (xy[0], -xy[1]),
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{PLOT}" height="{PLOT}" fill="none" '
        'stroke="#999"/>',
    ]
    for tick in range(0, 101, 20):
        out.append(
            f'<text x="{_x(tick)}" y="{HEIGHT - MARGIN + 16}" text-anchor="middle">{tick}</text>'
        )
        out.append(f'<text x="{MARGIN - 8}" y="{_y(tick)}" text-anchor="end">{tick}</text>')
    out.append(
        f'<text x="{WIDTH / 2:.0f}" y="{HEIGHT - 14}" text-anchor="middle">'
        f"{escape(us)} score (us)</text>"
    )
    out.append(
        f'<text x="16" y="{HEIGHT / 2:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {HEIGHT / 2:.0f})">{escape(them)} score</text>'
    )
    rv = data["reservation_scores"]
    out.append(
        f'<line class="reservation" x1="{_x(rv[us])}" y1="{_y(0)}" x2="{_x(rv[us])}" '
        f'y2="{_y(100)}" stroke="#c33" stroke-dasharray="4 3"/>'
    )
    out.append(
        f'<line class="reservation" x1="{_x(0)}" y1="{_y(rv[them])}" x2="{_x(100)}" '
        f'y2="{_y(rv[them])}" stroke="#c33" stroke-dasharray="4 3"/>'
    )
    points = " ".join(f"{_x(a)},{_y(b)}" for a, b in front)
    if len(data["parties"]) > 2:  # a projection of a surface: points only, no staircase
        out.append(
            f'<text x="{MARGIN}" y="{MARGIN - 10}">Frontier of {len(data["parties"])} parties, '
            "projected on the first two</text>"
        )
        points = ""
    out.append(
        f'<polyline class="frontier" points="{points}" fill="none" stroke="#36c" stroke-width="2"/>'
    )
    for a, b in front:
        out.append(
            f'<circle class="frontier-point" cx="{_x(a)}" cy="{_y(b)}" r="3" '
            f'fill="#36c"><title>({a:g}, {b:g})</title></circle>'
        )
    for p in data["nash"]["solutions"]:
        a, b = p["scores"][us], p["scores"][them]
        out.append(
            f'<circle class="nash" cx="{_x(a)}" cy="{_y(b)}" r="7" fill="none" '
            f'stroke="#090" stroke-width="2"><title>Nash ({a:g}, {b:g})</title></circle>'
        )
    for p in data["proposals"]:
        a, b = p["scores"][us], p["scores"][them]
        label = quoteattr(p["name"])
        out.append(
            f'<g class="proposal" data-id={quoteattr(p["id"])} data-name={label}>'
            f'<rect x="{float(_x(a)) - 3:.2f}" y="{float(_y(b)) - 3:.2f}" width="6" '
            f'height="6" fill="#e80"/><text x="{float(_x(a)) + 6:.2f}" '
            f'y="{float(_y(b)) - 6:.2f}">{escape(p["id"])}</text></g>'
        )
    out += _offers(data, us, them)
    out.append("</svg>")
    return "\n".join(out) + "\n"
