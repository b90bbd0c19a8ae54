"""Human-readable tables of a negotiation analysis, shared by the terminal and the brief."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DASH = "—"
LIMIT = 25
"""Rows of the frontier and of the acceptable frontier points shown in a table."""


def money(x: float | None, currency: str = "") -> str:
    """`1,234,567` or `1,234.50`, with the currency code, or a dash when unknown."""
    if x is None:
        return DASH
    text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
    return f"{text} {currency}".strip()


def amount(x: float | None, data: dict[str, Any]) -> str:
    """Money with the plan's currency, or points in a score-only plan."""
    if data.get("units") == "score":
        return DASH if x is None else f"{score(x)} points"
    return money(x, data["currency"])


def score(x: float | None) -> str:
    """A 0-100 score with at most two decimals (trailing zeros dropped)."""
    if x is None:
        return DASH
    return f"{x:.2f}".rstrip("0").rstrip(".")


def percent(x: float | None) -> str:
    """A probability as a percentage with one decimal."""
    return DASH if x is None else f"{x * 100:.1f}%"


def yes(flag: bool | None) -> str:
    """Say yes, no, or a dash for unknown."""
    return DASH if flag is None else ("yes" if flag else "no")


@dataclass(frozen=True, slots=True)
class Table:
    """A titled table of strings."""

    title: str
    headers: list[str]
    rows: list[list[str]]


def summary_tables(data: dict[str, Any]) -> list[Table]:
    """Alternatives per side, reservation values, proposals judged, sensitivity, simulation."""
    cur = data["currency"]

    def amt(x: float | None) -> str:
        return amount(x, data)

    alts = Table(
        "Alternatives to agreement (EV = sum p (value - cost))",
        ["party", "alternative", "EV", "worst", "best", "BATNA", "WATNA"],
        [
            [
                s["party"] + (" (us)" if s["us"] else ""),
                f"{a['name']} ({a['id']})",
                amt(a["ev"]),
                amt(a["worst"]) + (f" ({a['worst_outcome']})" if a["worst_outcome"] else ""),
                amt(a["best"]),
                yes(a["id"] == s["batna"]),
                yes(a["id"] == s["watna"]),
            ]
            for s in data["sides"]
            for a in s["alternatives"]
        ],
    )
    score_only = data.get("units") == "score"
    rvs = Table(
        "Reservation values" + (" (package-score points)" if score_only else ""),
        ["party", "role", "BATNA EV", "reservation", "from", "aspiration"],
        [
            [
                s["party"],
                s["role"] or DASH,
                amt(s["batna_ev"]),
                amt(s["reservation"]),
                s["reservation_source"],
                amt(s["aspiration"]) if not score_only else DASH,
            ]
            for s in data["sides"]
        ],
    )
    parties = [s["party"] for s in data["sides"]]
    if score_only:
        props = Table(
            "Proposals judged against each side's reservation score",
            ["proposal", *[f"score {p}" for p in parties], "verdict"],
            [
                [
                    f"{p['name']} ({p['id']})",
                    *[score(p["scores"][q]) for q in parties],
                    p["verdict"],
                ]
                for p in data["proposals"]
            ],
        )
    else:
        props = Table(
            "Proposals judged against each side's reservation value",
            [
                "proposal",
                "price",
                *[f"surplus {p}" for p in parties],
                "value beyond price",
                "verdict",
            ],
            [
                [
                    f"{p['name']} ({p['id']})",
                    money(p["price"], cur),
                    *[money(p["surplus"][q], cur) for q in parties],
                    money(p["value_beyond"], cur) if p["value_beyond"] else DASH,
                    p["verdict"],
                ]
                for p in data["proposals"]
            ],
        )
    sens = Table(
        "Sensitivity: where each estimate flips the recommendation",
        ["alternative", "estimate", "now", "break-even", "change"],
        [
            [
                s["alternative"],
                s["estimate"],
                _estimate(s["estimate"], s["current"], data),
                _estimate(s["estimate"], s["break_even"], data, "never (alone)"),
                _estimate(s["estimate"], s["change"], data, DASH),
            ]
            for s in data["sensitivity"]
        ],
    )
    tables = [alts, rvs, props, sens]
    sim = data["simulation"]
    if sim is not None:
        tables.append(
            Table(
                f"Simulation: P(proposal >= our BATNA), seed {sim['seed']}, {sim['samples']} draws",
                ["proposal", "probability"],
                [[k, percent(v)] for k, v in sim["p_beats_batna"].items()],
            )
        )
    return tables


def _estimate(name: str, value: float | None, data: dict[str, Any], none: str = DASH) -> str:
    if value is None:
        return none
    return f"{value:.4g}" if name.endswith("probability") else amount(value, data)


DISAGREEMENT = {
    "reservation": "the reservation scores",
    "worst": "each party's worst package",
    "zero": "zero for every party",
}
"""How the frontier table names the plan's `disagreement:` convention."""


def package_tables(data: dict[str, Any], limit: int = LIMIT) -> list[Table]:
    """Proposal scores, the frontier, acceptable packages, Nash and logroll."""
    parties = data["parties"]

    def row(point: dict[str, Any]) -> list[str]:
        pkg = ", ".join(f"{k}={v}" for k, v in point["package"].items())
        return [pkg, *[score(point["scores"][p]) for p in parties], score(point["joint"])]

    head = ["package", *parties, "joint"]
    front = data["frontier"]
    inside = front.get("signable") is not None  # the plan records our signatories' stances
    proposals = Table(
        "Proposals scored (0-100 per party)",
        ["proposal", *head, "acceptable", "efficient"]
        + (["supported inside by", "blocked inside by"] if inside else []),
        [
            [p["id"], *row(p), yes(p["acceptable"]), yes(p["efficient"])]
            + (
                [", ".join(p["inside"]["support"]) or DASH, ", ".join(p["inside"]["block"]) or DASH]
                if inside
                else []
            )
            for p in data["proposals"]
        ],
    )
    signable = (
        f"; {front['signable']} signable (the other side's reservation and our coalition)"
        if inside
        else ""
    )
    tables = [
        proposals,
        Table(
            f"Pareto frontier: {front['size']} points ({front['packages']} of "
            f"{data['space_size']} packages){signable}"
            + (f", first {limit} shown" if front["size"] > limit else ""),
            [*head, "signable"] if inside else head,
            [[*row(p), yes(p["signable"])] if inside else row(p) for p in front["points"][:limit]],
        ),
    ]
    acc = data["acceptable"]
    more = "at least " if acc["count_capped"] else ""
    tables.append(
        Table(
            f"Acceptable packages (every party >= its reservation score): {more}{acc['count']}; "
            f"the {acc['efficient_count']} efficient ones"
            + (f", first {limit} shown" if acc["efficient_count"] > limit else ""),
            head,
            [row(p) for p in acc["efficient"][:limit]],
        )
    )
    nash = data["nash"]
    d = data["disagreement"]
    point = ", ".join(f"{p} {score(v)}" for p, v in d["point"].items())
    tables.append(
        Table(
            f"Nash solution (max product of gains over d = ({point}): "
            f"{DISAGREEMENT[d['convention']]})" + (": tie" if nash["tie"] else ""),
            [*head, "Nash product"],
            [[*row(p), score(nash["product"])] for p in nash["solutions"]]
            or [["no package is acceptable to every party", *[DASH] * (len(head))]],
        )
    )
    log = data["logroll"]
    tables.append(
        Table(
            f"Split the difference vs the best logroll (joint gain {score(log['joint_gain'])}, "
            f"integrative potential {score(log['integrative_potential'])})",
            ["kind", *head],
            [["compromise", *row(data["compromise"])]]
            + [["logroll", *row(p)] for p in log["best"]],
        )
    )
    return tables


def headline(data: dict[str, Any]) -> list[str]:
    """ZOPA, split of the pie and the recommendation, as sentences."""
    if data.get("units") == "score":
        return _score_headline(data)
    cur = data["currency"]
    lines = []
    pairs = data.get("zopas") or []
    if len(pairs) > 1:
        lines += [_pair_line(z, cur) for z in pairs]
    elif pairs and pairs[0]["reason"] is not None:
        lines.append(_pair_line(pairs[0], cur))
    else:
        lines.append(_zone_line(data["zopa"], cur))
    pie = data["split_the_pie"]
    if pie is not None:
        shares = ", ".join(f"{k} {money(v, cur)}" for k, v in pie["shares"].items())
        lines.append(f"Split the pie: pie {money(pie['pie'], cur)}; {shares}.")
    rec = data["recommendation"]
    if rec is not None and rec["proposal"] is not None:
        if rec["accept"] is None:
            lines.append(
                f"Best proposal for us: {rec['proposal']} (worth {money(rec['value'], cur)}); "
                "add our alternatives to judge it against walking away."
            )
            return lines
        verb = "Accept" if rec["accept"] else "Walk away from"
        beyond = next(
            (p["value_beyond"] for p in data["proposals"] if p["id"] == rec["proposal"]), 0
        )
        extra = f": the price and {money(beyond, cur)} value beyond price" if beyond else ""
        lines.append(
            f"{verb} {rec['proposal']} (worth {money(rec['value'], cur)} to us{extra}) against "
            f"our BATNA {rec['batna'] or DASH} (EV {money(rec['batna_ev'], cur)})."
        )
    return lines


def _zone_line(z: dict[str, Any] | None, cur: str) -> str:
    if z is None:
        return "ZOPA: needs a buyer and a seller with reservation values."
    if z["exists"]:
        return (
            f"ZOPA: [{money(z['low'], cur)}, {money(z['high'], cur)}] between seller "
            f"{z['seller']} and buyer {z['buyer']}; surplus {money(z['surplus'], cur)}"
            + (" (agreement possible, zero surplus)" if z["surplus"] == 0 else "")
            + f"; the even split is at {money(z['fair_price'], cur)}."
        )
    return (
        f"No ZOPA: gap of {money(z['gap'], cur)} (seller {z['seller']} needs at least "
        f"{money(z['low'], cur)}, buyer {z['buyer']} pays at most {money(z['high'], cur)}); "
        "each side's BATNA governs."
    )


def _pair_line(z: dict[str, Any], cur: str) -> str:
    if z["reason"] is not None:
        return f"No ZOPA for seller {z['seller']} and buyer {z['buyer']}: {z['reason']}."
    return _zone_line(z, cur)


def _score_headline(data: dict[str, Any]) -> list[str]:
    """The headline of a score-only plan: everything in package-score points."""
    z = data["zopa_scores"]
    if z is None:
        lines = ["No ZOPA: no package reaches every party's reservation score; each side's "
                 "BATNA governs."]  # fmt: skip
    else:
        ranges = ", ".join(f"{p} {score(z['low'][p])}-{score(z['high'][p])}" for p in z["low"])
        more = "at least " if z["count_capped"] else ""
        lines = [
            f"ZOPA (package-score points): {more}{z['count']} packages reach every party's "
            f"reservation score ({z['efficient']} efficient); scores in it: {ranges}."
        ]
    rec = data["recommendation"]
    if rec is not None:
        what = rec["proposal"] or "the Nash package " + ", ".join(
            f"{k}={v}" for k, v in rec["package"].items()
        )
        if rec["accept"] is None:
            lines.append(f"Best for us: {what} ({score(rec['value'])} points); add our "
                         "alternatives to judge it against walking away.")  # fmt: skip
        else:
            verb = "Accept" if rec["accept"] else "Walk away from"
            lines.append(
                f"{verb} {what} ({score(rec['value'])} points to us) against our BATNA "
                f"{rec['batna'] or DASH} ({score(rec['batna_ev'])} points)."
            )
    return lines
