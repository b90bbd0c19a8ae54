"""A deterministic SVG of the packages in (our score, their score) space."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

from stakecli.core.svg_labels import near, place_labels
from stakecli.negotiation.text import PLAIN, Names

MARGIN = 60
PLOT = 520  # square plot: 0-100 on both axes, MARGIN from the left and top edges
HEIGHT = MARGIN + PLOT + MARGIN
LEGEND_X = MARGIN + PLOT + 30  # the legend sits right of the plot, never over the data
WIDTH = LEGEND_X + 240
TITLE_CHARS = 76  # a longer title is shortened on the chart (the <title> keeps it whole)
LABEL_CHARS = 30  # a proposal's name is shortened to this on the chart (data-name keeps it)
AXIS_CHARS = 64  # a party's name is shortened to this in an axis title (the plot is 520 px)
LEGEND_CHARS = 29  # a legend entry is shortened to this (it fits beside its sample)
FRONTIER, RESERVATION, NASH, PROPOSAL = "#36c", "#c33", "#090", "#e80"
APART = 1.0  # px: a frontier point closer than this to the last one drawn is not drawn
OFFER_COLOURS = ("#a0a", "#0aa", "#aa0")  # one per party that made offers


def _x(score: float) -> float:
    return MARGIN + score / 100 * PLOT


def _y(score: float) -> float:
    return MARGIN + (100 - score) / 100 * PLOT


def short(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = ""
    for word in text.split():
        if len(cut) + len(word) + bool(cut) > limit - 1:
            break
        cut = f"{cut} {word}" if cut else word
    return (cut or text[: limit - 1]).rstrip(" ,;:-") + "…"


def _frame(title: str, us: str, them: str, parties: int) -> list[str]:
    """The title, the note on a projection, the plot's frame, ticks and axis titles."""
    out = [
        f'<text class="chart-title" x="{MARGIN}" y="26" font-size="15" font-weight="bold">'
        f"{escape(short(title, TITLE_CHARS))}</text>",
        f'<rect x="{MARGIN}" y="{MARGIN}" width="{PLOT}" height="{PLOT}" fill="none" '
        'stroke="#999"/>',
    ]
    if parties > 2:  # a projection of a surface: points only, no staircase
        out.append(
            f'<text class="subtitle" x="{MARGIN}" y="44">Frontier of {parties} parties, '
            "projected on the first two</text>"
        )
    for tick in range(0, 101, 20):
        out.append(
            f'<text x="{_x(tick):.2f}" y="{HEIGHT - MARGIN + 16}" text-anchor="middle">'
            f"{tick}</text>"
        )
        out.append(f'<text x="{MARGIN - 8}" y="{_y(tick):.2f}" text-anchor="end">{tick}</text>')
    mid = MARGIN + PLOT / 2
    out.append(
        f'<text x="{mid:.0f}" y="{HEIGHT - 14}" text-anchor="middle">'
        f"{escape(short(us, AXIS_CHARS))} score (us)</text>"
    )
    out.append(
        f'<text x="16" y="{mid:.0f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {mid:.0f})">{escape(short(them, AXIS_CHARS))} score</text>'
    )
    return out


def _legend(parties: int, offers: list[str]) -> list[str]:
    """Samples of each mark with what it means, right of the plot.

    `offers` names the party of each colour of offers, in colour order.
    """
    y0, x1 = MARGIN + 18, LEGEND_X + 34
    samples = _samples(parties, offers)
    out = [
        f'<g class="legend"><rect x="{LEGEND_X}" y="{MARGIN}" width="{WIDTH - LEGEND_X - 10}" '
        f'height="{len(samples) * 24 + 12}" fill="none" stroke="#ccc"/>'
    ]
    for i, (text, sample) in enumerate(samples):
        out.append(
            f'<g class="legend-entry" transform="translate(0 {i * 24})">{sample}'
            f'<text x="{x1 + 10}" y="{y0 + 4}">{text}</text></g>'
        )
    return [*out, "</g>"]


def _samples(parties: int, offers: list[str]) -> list[tuple[str, str]]:
    """Each legend entry: its text and the sample of its mark."""
    y0, x0, x1 = MARGIN + 18, LEGEND_X + 10, LEGEND_X + 34
    dot = f'<circle cx="{(x0 + x1) / 2}" cy="{y0}" r="3" fill="{FRONTIER}"/>'
    staircase = (
        f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="{FRONTIER}" stroke-width="2"/>'
    )
    samples = [
        ("Pareto frontier", staircase + dot) if parties == 2 else ("Frontier points", dot),
        (
            "Reservation scores",
            f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" stroke="{RESERVATION}" '
            'stroke-dasharray="4 3"/>',
        ),
        (
            "Nash solution",
            f'<circle cx="{(x0 + x1) / 2}" cy="{y0}" r="7" fill="none" stroke="{NASH}" '
            'stroke-width="2"/>',
        ),
        (
            "Proposal",
            f'<rect x="{(x0 + x1) / 2 - 3}" y="{y0 - 3}" width="6" height="6" fill="{PROPOSAL}"/>',
        ),
    ]
    for k, party in enumerate(offers):
        samples.append(
            (
                escape(short(f"Offers of {party}", LEGEND_CHARS)),
                f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y0}" '
                f'stroke="{OFFER_COLOURS[k % len(OFFER_COLOURS)]}" '
                'stroke-width="1.5" stroke-dasharray="2 2"/>',
            )
        )
    return samples


def package_chart(data: dict[str, Any], title: str, names: Names = PLAIN) -> str:
    """SVG text: frontier polyline and points, reservation lines, proposals and Nash labelled.

    `data` is `views.negotiation.package_summary(...)`, with `offers` (`records.offer_data`)
    when there are any; the x axis is our party (first), the y axis the first other party.
    With three or more parties the frontier is a surface: its points are drawn projected on
    those two axes, without a polyline. The chart has a visible title and a legend; parties
    and proposals are called by `names` (a proposal by its name, shortened), offers `O1`,
    `O2`... by their number, each party's joined in order; labels are placed where they
    cover no other label or mark. Every user string is XML-escaped.
    """
    us, them = data["parties"][0], data["parties"][1]
    parties = len(data["parties"])
    front = _apart(
        sorted(
            ((p["scores"][us], p["scores"][them]) for p in data["frontier"]["points"]),
            key=lambda xy: (xy[0], -xy[1]),
        )
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        '<rect width="100%" height="100%" fill="#fff"/>',
        *_frame(title, names.who(us), names.who(them), parties),
    ]
    out += _reservations(data["reservation_scores"][us], data["reservation_scores"][them])
    out += _frontier(front, joined=parties == 2)
    nash = [(p["scores"][us], p["scores"][them]) for p in data["nash"]["solutions"]]
    out += [
        f'<circle class="nash" cx="{_x(a):.2f}" cy="{_y(b):.2f}" r="7" fill="none" '
        f'stroke="{NASH}" stroke-width="2"><title>Nash ({a:g}, {b:g})</title></circle>'
        for a, b in nash
    ]
    out += _marks(data, (us, them), front, nash, names)
    offering = dict.fromkeys(o["by"] for o in data.get("offers", []) if o["scores"] is not None)
    legend = _legend(parties, [names.who(party) for party in offering])
    return "\n".join([*out, *legend, "</svg>"]) + "\n"


def _reservations(ours: float, theirs: float) -> list[str]:
    """The two dashed lines of the reservation scores: ours upright, theirs across."""
    return [
        f'<line class="reservation" x1="{_x(ours):.2f}" y1="{_y(0):.2f}" '
        f'x2="{_x(ours):.2f}" y2="{_y(100):.2f}" stroke="{RESERVATION}" stroke-dasharray="4 3"/>',
        f'<line class="reservation" x1="{_x(0):.2f}" y1="{_y(theirs):.2f}" '
        f'x2="{_x(100):.2f}" y2="{_y(theirs):.2f}" stroke="{RESERVATION}" '
        'stroke-dasharray="4 3"/>',
    ]


def _frontier(front: list[tuple[float, float]], *, joined: bool) -> list[str]:
    """The frontier's points, joined by a line when it is a curve (two parties)."""
    points = " ".join(f"{_x(a):.2f},{_y(b):.2f}" for a, b in front) if joined else ""
    out = [
        f'<polyline class="frontier" points="{points}" fill="none" stroke="{FRONTIER}" '
        'stroke-width="2"/>'
    ]
    out += [
        f'<circle class="frontier-point" cx="{_x(a):.2f}" cy="{_y(b):.2f}" r="3" '
        f'fill="{FRONTIER}"><title>({a:g}, {b:g})</title></circle>'
        for a, b in front
    ]
    return out


def _apart(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The points at least `APART` px from the last one kept (the first and last always).

    Tens of thousands of frontier points would draw as one band and make a file of megabytes;
    a point within a pixel of its neighbour adds nothing to the picture.
    """
    if len(points) <= 2:
        return points
    kept = [points[0]]
    for a, b in points[1:-1]:
        last = kept[-1]
        if abs(_x(a) - _x(last[0])) >= APART or abs(_y(b) - _y(last[1])) >= APART:
            kept.append((a, b))
    last = kept[-1]
    if (
        len(kept) > 1
        and abs(_x(points[-1][0]) - _x(last[0])) < APART
        and abs(_y(points[-1][1]) - _y(last[1])) < APART
    ):
        kept.pop()  # the last point replaces a kept one it would sit on
    return [*kept, points[-1]]


def _leader(x: float, y: float, box: tuple[float, float, float, float], d: float) -> str:
    """A thin line from a mark to its label when the label stands off."""
    if d <= 7:
        return ""
    lx, ly = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return (
        f'<line class="leader" x1="{x:.2f}" y1="{y:.2f}" x2="{lx:.2f}" y2="{ly:.2f}" '
        'stroke="#999" stroke-width="0.8"/>'
    )


def _marks(
    data: dict[str, Any],
    axes: tuple[str, str],
    front: list[tuple[float, float]],
    nash: list[tuple[float, float]],
    names: Names,
) -> list[str]:
    """Proposals (squares, short names) and offers (each party's joined in order, `O1`...).

    Every label is placed apart from the others and off every mark; a label set off from
    its mark gets a leader line.
    """
    us, them = axes
    proposals = data["proposals"]
    offers = [o for o in data.get("offers", []) if o["scores"] is not None]
    shown = [short(names.proposal(p["id"]), LABEL_CHARS) for p in proposals]
    marks = [
        (label, _x(p["scores"][us]), _y(p["scores"][them]))
        for label, p in zip(shown, proposals, strict=True)
    ]
    marks += [(f"O{o['number']}", _x(o["scores"][us]), _y(o["scores"][them])) for o in offers]
    obstacles = [near(_x(a), _y(b), 4) for a, b in front[:500]]
    obstacles += [near(_x(a), _y(b), 8) for a, b in nash]
    obstacles += [near(x, y, 4) for _, x, y in marks]
    area = (MARGIN + 2, MARGIN + 2, MARGIN + PLOT - 2, MARGIN + PLOT - 2)
    labels = place_labels(marks, obstacles, area)
    n = len(proposals)
    out = _proposal_marks(proposals, marks[:n], labels[:n], names)
    return out + _offer_marks(offers, labels[n:], axes, names)


Placed = tuple[tuple[float, float, float, float], float]
"""A label's box and its distance from its mark."""


def _proposal_marks(
    proposals: list[dict[str, Any]],
    marks: list[tuple[str, float, float]],
    labels: list[Placed],
    names: Names,
) -> list[str]:
    """Each proposal: a square, its short name, and its full name as the title."""
    out = []
    for p, (label, x, y), (box, d) in zip(proposals, marks, labels, strict=True):
        out.append(
            f'<g class="proposal" data-id={quoteattr(p["id"])} data-name={quoteattr(p["name"])}>'
            f"<title>{escape(names.proposal(p['id']))}</title>"
            f'{_leader(x, y, box, d)}<rect x="{x - 3:.2f}" y="{y - 3:.2f}" width="6" height="6" '
            f'fill="{PROPOSAL}"/><text x="{box[0]:.2f}" y="{box[3] - 3:.2f}">'
            f"{escape(label)}</text></g>"
        )
    return out


def _offer_marks(
    offers: list[dict[str, Any]], labels: list[Placed], axes: tuple[str, str], names: Names
) -> list[str]:
    """Each party's offers in its colour, joined in order, each labelled `O<number>`."""
    us, them = axes
    placed = dict(zip((id(o) for o in offers), labels, strict=True))
    out = []
    for k, party in enumerate(dict.fromkeys(o["by"] for o in offers)):
        mine = [o for o in offers if o["by"] == party]
        colour = OFFER_COLOURS[k % len(OFFER_COLOURS)]
        line = " ".join(f"{_x(o['scores'][us]):.2f},{_y(o['scores'][them]):.2f}" for o in mine)
        out.append(
            f'<polyline class="offers" data-party={quoteattr(party)} points="{line}" '
            f'fill="none" stroke="{colour}" stroke-width="1.5" stroke-dasharray="2 2"/>'
        )
        for o in mine:
            a, b = o["scores"][us], o["scores"][them]
            box, d = placed[id(o)]
            out.append(
                f'{_leader(_x(a), _y(b), box, d)}<circle class="offer-point" cx="{_x(a):.2f}" '
                f'cy="{_y(b):.2f}" r="2.5" fill="{colour}"/><text class="offer" '
                f'x="{box[0]:.2f}" y="{box[3] - 3:.2f}" fill="{colour}">O{o["number"]}'
                f"<title>{escape(names.who(party))} round {o['round']} ({a:g}, {b:g})</title>"
                "</text>"
            )
    return out
