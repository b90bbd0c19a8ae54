"""Human-readable tables of a negotiation analysis, shared by the terminal and the brief."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DASH = "—"
LIMIT = 25
"""Rows of the frontier and of the acceptable frontier points shown in a table."""


def money(x: float | None, currency: str = "") -> str:
    """`1,234,567 USD` with the currency code, or a dash when unknown.

    Whole units from 100 up (an expected value of -5,333,333.33 reads -5,333,333: estimates
    are not known to the cent); cents below, where they can matter.
    """
    if x is None:
        return DASH
    whole = float(x).is_integer() or abs(x) >= 100
    text = f"{round(x):,}" if whole else f"{x:,.2f}"
    return f"{text} {currency}".strip()


def expected(x: float | None, currency: str = "") -> str:
    """A value to us as money with a verb: `cost 4,875,000 USD` or `bring 2,545,000 USD`."""
    if x is None:
        return "be unknown"
    return f"cost {money(-x, currency)}" if x < 0 else f"bring {money(x, currency)}"


@dataclass(frozen=True, slots=True)
class Names:
    """How a document calls what a plan names by id.

    Parties and people by their register name; proposals, alternatives, issues and options
    by their `name`.
    """

    people: dict[str, str] = field(default_factory=dict)
    proposals: dict[str, str] = field(default_factory=dict)
    alternatives: dict[str, str] = field(default_factory=dict)
    issues: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, str]] = field(default_factory=dict)

    def who(self, ident: str) -> str:
        """A party or a person by name."""
        return self.people.get(ident, ident)

    def proposal(self, ident: str) -> str:
        """A proposal by its name."""
        return self.proposals.get(ident, ident)

    def alternative(self, ident: str) -> str:
        """An alternative to agreement by its name."""
        return self.alternatives.get(ident, ident)

    def option(self, issue: str, option: str) -> str:
        """One option of an issue by its name."""
        return self.options.get(issue, {}).get(option, option)

    def package(self, package: dict[str, str]) -> str:
        """A package as the names of its options, issue by issue."""
        return "; ".join(self.option(k, v) for k, v in package.items())


def names_of(plan: Any, people: dict[str, str] | None = None) -> Names:
    """The names of everything `plan` refers to by id; `people` maps register ids to names."""
    return Names(
        people=dict(people or {}),
        proposals={p.id: p.name or p.id for p in plan.proposals},
        alternatives={a.id: a.name for party in plan.parties for a in party.alternatives},
        issues={i.id: i.name for i in plan.issues},
        options={i.id: {o.id: o.name for o in i.options} for i in plan.issues},
    )


PLAIN = Names()
"""Ids as they are (the JSON output and callers without a register)."""


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


def summary_tables(data: dict[str, Any], names: Names = PLAIN) -> list[Table]:
    """Alternatives per side, reservation values, proposals judged, sensitivity, simulation."""
    tables = [
        _alternatives(data, names),
        _reservations(data, names),
        _score_proposals(data, names) if data.get("units") == "score" else _proposals(data, names),
        _sensitivity(data, names),
    ]
    if data["simulation"] is not None:
        tables.append(_simulation(data["simulation"], names))
    return tables


def _alternatives(data: dict[str, Any], names: Names) -> Table:
    """Each side's alternatives to agreement, its BATNA and WATNA marked."""
    return Table(
        "Alternatives to agreement: what each side does without a deal, at its expected value",
        ["party", "alternative", "expected", "worst case", "best case", "BATNA", "WATNA"],
        [
            [
                names.who(s["party"]) + (" (us)" if s["us"] else ""),
                a["name"],
                amount(a["ev"], data),
                amount(a["worst"], data)
                + (f" ({a['worst_outcome']})" if a["worst_outcome"] else ""),
                amount(a["best"], data),
                yes(a["id"] == s["batna"]),
                yes(a["id"] == s["watna"]),
            ]
            for s in data["sides"]
            for a in s["alternatives"]
        ],
    )


def _reservations(data: dict[str, Any], names: Names) -> Table:
    """Each side's BATNA, walk-away point (and where it comes from) and aspiration."""
    score_only = data.get("units") == "score"
    return Table(
        "Reservation values" + (" (package-score points)" if score_only else ""),
        ["party", "role", "BATNA (expected)", "walk-away point", "from", "aspiration"],
        [
            [
                names.who(s["party"]),
                s["role"] or DASH,
                amount(s["batna_ev"], data),
                amount(s["reservation"], data),
                SOURCES.get(s["reservation_source"], s["reservation_source"]),
                amount(s["aspiration"], data) if not score_only else DASH,
            ]
            for s in data["sides"]
        ],
    )


def _score_proposals(data: dict[str, Any], names: Names) -> Table:
    """The proposals of a score-only plan: each party's score and the verdict."""
    parties = [s["party"] for s in data["sides"]]
    return Table(
        "Proposals judged against each side's reservation score",
        ["proposal", *[f"score {names.who(p)}" for p in parties], "verdict"],
        [
            [p["name"], *[score(p["scores"][q]) for q in parties], _verdict(p, names)]
            for p in data["proposals"]
        ],
    )


def _proposals(data: dict[str, Any], names: Names) -> Table:
    """The proposals in money: price, each party's gain, value beyond price, the verdict."""
    cur = data["currency"]
    parties = [s["party"] for s in data["sides"]]
    return Table(
        "Proposals judged against each side's walk-away point",
        [
            "proposal",
            "price",
            *[f"gain for {names.who(p)}" for p in parties],
            "value beyond price",
            "verdict",
        ],
        [
            [
                p["name"],
                money(p["price"], cur),
                *[money(p["surplus"][q], cur) for q in parties],
                money(p["value_beyond"], cur) if p["value_beyond"] else DASH,
                _verdict(p, names),
            ]
            for p in data["proposals"]
        ],
    )


def _sensitivity(data: dict[str, Any], names: Names) -> Table:
    """How far each estimate must move to change the recommendation."""
    return Table(
        "Sensitivity: how far each estimate must move to change the recommendation",
        ["alternative", "estimate", "now", "break-even", "change"],
        [
            [
                names.alternative(s["alternative"]),
                estimate_name(s["estimate"]),
                _estimate(s["estimate"], s["current"], data),
                _estimate(s["estimate"], s["break_even"], data, "never (alone)"),
                _estimate(s["estimate"], s["change"], data, DASH),
            ]
            for s in data["sensitivity"]
        ],
    )


def _simulation(sim: dict[str, Any], names: Names) -> Table:
    """How often each proposal beats our BATNA over the simulated draws."""
    return Table(
        f"Simulation: how often each proposal beats our BATNA ({sim['samples']:,} "
        f"draws, seed {sim['seed']})",
        ["proposal", "beats our BATNA"],
        [[names.proposal(k), percent(v)] for k, v in sim["p_beats_batna"].items()],
    )


SOURCES = {"batna": "our BATNA", "given": "stated in the plan"}
"""Where a reservation value comes from, in words."""


def _verdict(p: dict[str, Any], names: Names) -> str:
    """`acceptable to all`, or `rejected by Northwind Data` (the party by name)."""
    verdict = str(p["verdict"])
    head, sep, who = verdict.partition("rejected by ")
    if not sep:
        return verdict
    return head + sep + ", ".join(names.who(w.strip()) for w in who.split(","))


def estimate_name(path: str) -> str:
    """`outcomes[failed migration].cost` -> `cost if failed migration`; `range.low` -> `low end`."""
    import re

    match = re.fullmatch(r"outcomes\[(.+)\]\.(\w+)", path)
    if match:
        return f"{match.group(2)} if {match.group(1)}"
    words = {"range.low": "low end", "range.high": "high end", "range.mode": "most likely"}
    return words.get(path, path.replace("_", " "))


def _estimate(name: str, value: float | None, data: dict[str, Any], none: str = DASH) -> str:
    if value is None:
        return none
    return f"{value:.4g}" if name.endswith("probability") else amount(value, data)


FULL = " (all of them: stakecli frontier --format json)"
"""Where a shortened package list is given in full."""

DISAGREEMENT = {
    "reservation": "the reservation scores",
    "worst": "each party's worst package",
    "zero": "zero for every party",
}
"""How the frontier table names the plan's `disagreement:` convention."""


def package_tables(data: dict[str, Any], limit: int = LIMIT, names: Names = PLAIN) -> list[Table]:
    """Proposal scores, the frontier, acceptable packages, Nash and logroll."""
    return [
        _scored_proposals(data, names),
        _frontier(data, limit, names),
        _acceptable(data, limit, names),
        _nash(data, names),
        _logroll(data, names),
    ]


def _head(data: dict[str, Any], names: Names) -> list[str]:
    """The columns of a package row: the package, each party's score, the joint score."""
    return ["package", *[names.who(p) for p in data["parties"]], "joint"]


def _row(point: dict[str, Any], data: dict[str, Any], names: Names) -> list[str]:
    """A package row: its options by name, each party's score and the joint score."""
    scores = [score(point["scores"][p]) for p in data["parties"]]
    return [names.package(point["package"]), *scores, score(point["joint"])]


def _shown(count: int, limit: int) -> str:
    """The note on a list cut at `limit` rows, if it is."""
    return f"; the first {limit} shown{FULL}" if count > limit else ""


def _scored_proposals(data: dict[str, Any], names: Names) -> Table:
    """Each proposal's scores, whether acceptable and efficient, and who inside backs it."""
    inside = data["frontier"].get("signable") is not None  # the plan records our signatories
    return Table(
        "Proposals scored (0-100 per party)",
        ["proposal", *_head(data, names), "acceptable", "efficient"]
        + (["supported inside by", "blocked inside by"] if inside else []),
        [
            [
                names.proposal(p["id"]),
                *_row(p, data, names),
                yes(p["acceptable"]),
                yes(p["efficient"]),
            ]
            + (
                [
                    ", ".join(map(names.who, p["inside"]["support"])) or DASH,
                    ", ".join(map(names.who, p["inside"]["block"])) or DASH,
                ]
                if inside
                else []
            )
            for p in data["proposals"]
        ],
    )


def _frontier(data: dict[str, Any], limit: int, names: Names) -> Table:
    """The Pareto frontier's first `limit` points, signable ones marked when known."""
    front = data["frontier"]
    inside = front.get("signable") is not None
    signable = (
        f"; {front['signable']} signable (the other side's reservation and our coalition)"
        if inside
        else ""
    )
    head = _head(data, names)
    return Table(
        f"Pareto frontier: {front['size']} points ({front['packages']} of "
        f"{data['space_size']} packages){signable}" + _shown(front["size"], limit),
        [*head, "signable"] if inside else head,
        [
            [*_row(p, data, names), yes(p["signable"])] if inside else _row(p, data, names)
            for p in front["points"][:limit]
        ],
    )


def _acceptable(data: dict[str, Any], limit: int, names: Names) -> Table:
    """How many packages every party accepts, and the first `limit` efficient ones."""
    acc = data["acceptable"]
    more = "at least " if acc["count_capped"] else ""
    return Table(
        "Acceptable packages (every party at or above its reservation score): "
        f"{more}{acc['count']}; "
        f"the {acc['efficient_count']} efficient ones" + _shown(acc["efficient_count"], limit),
        _head(data, names),
        [_row(p, data, names) for p in acc["efficient"][:limit]],
    )


def _nash(data: dict[str, Any], names: Names) -> Table:
    """The Nash solutions against the disagreement point, or a row saying there is none."""
    nash = data["nash"]
    d = data["disagreement"]
    point = ", ".join(f"{names.who(p)} {score(v)}" for p, v in d["point"].items())
    head = _head(data, names)
    return Table(
        f"Nash solution: the package with the largest product of both sides' gains over "
        f"{DISAGREEMENT[d['convention']]} ({point})" + (", a tie" if nash["tie"] else ""),
        [*head, "Nash product"],
        [[*_row(p, data, names), score(nash["product"])] for p in nash["solutions"]]
        or [["no package is acceptable to every party", *[DASH] * (len(head))]],
    )


def _logroll(data: dict[str, Any], names: Names) -> Table:
    """Splitting the difference on every issue against the best trade across issues."""
    log = data["logroll"]
    return Table(
        f"Split the difference vs the best logroll (joint gain {score(log['joint_gain'])}, "
        f"integrative potential {score(log['integrative_potential'])})",
        ["kind", *_head(data, names)],
        [["split the difference", *_row(data["compromise"], data, names)]]
        + [["logroll", *_row(p, data, names)] for p in log["best"]],
    )


def headline(data: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """The zone of agreement, the split of the pie and the recommendation, as sentences."""
    if data.get("units") == "score":
        return _score_headline(data, names)
    cur = data["currency"]
    lines = []
    pairs = data.get("zopas") or []
    if len(pairs) > 1:
        lines += [_pair_line(z, cur, names) for z in pairs]
    elif pairs and pairs[0]["reason"] is not None:
        lines.append(_pair_line(pairs[0], cur, names))
    else:
        lines.append(_zone_line(data["zopa"], cur, names))
    pie = data["split_the_pie"]
    if pie is not None:
        shares = ", ".join(f"{names.who(k)} {money(v, cur)}" for k, v in pie["shares"].items())
        lines.append(f"Split the pie of {money(pie['pie'], cur)}: {shares}.")
    rec = data["recommendation"]
    if rec is not None and rec["proposal"] is not None:
        chosen = next((p for p in data["proposals"] if p["id"] == rec["proposal"]), None)
        title = chosen["name"] if chosen else names.proposal(rec["proposal"])
        price = chosen["price"] if chosen else None
        beyond = chosen["value_beyond"] if chosen else 0
        deal = deal_text(price, beyond, rec["value"], cur)
        if rec["accept"] is None:
            lines.append(
                f"Best proposal for us: {title} ({deal}); add our alternatives to judge it "
                "against walking away."
            )
            return lines
        verb = "Accept" if rec["accept"] else "Walk away from"
        batna = names.alternative(rec["batna"]) if rec["batna"] else DASH
        lines.append(
            f"{verb} {title}: {deal}. Without a deal we would {batna[:1].lower()}{batna[1:]}, "
            f"which is expected to {expected(rec['batna_ev'], cur)}."
        )
    return lines


def deal_text(price: float | None, beyond: float, value: float | None, cur: str) -> str:
    """What a proposal means for us in money: what we pay (or receive) and what else we gain."""
    if price is None:
        return f"worth {money(value, cur)} to us"
    paying = value is not None and value < 0
    text = f"we {'pay' if paying else 'receive'} {money(price, cur)}"
    if beyond:
        text += f" and gain {money(beyond, cur)} of value beyond price"
    return text


def _zone_line(z: dict[str, Any] | None, cur: str, names: Names = PLAIN) -> str:
    if z is None:
        return "Zone of possible agreement: needs a buyer and a seller with walk-away points."
    seller, buyer = names.who(z["seller"]), names.who(z["buyer"])
    if z["exists"]:
        return (
            f"Zone of possible agreement: from {money(z['low'], cur)} (the least {seller} "
            f"accepts) to {money(z['high'], cur)} (the most {buyer} pays), "
            f"{money(z['surplus'], cur)} to share"
            + (" (agreement possible, nothing to share)" if z["surplus"] == 0 else "")
            + f"; the even split is at {money(z['fair_price'], cur)}."
        )
    return (
        f"No zone of possible agreement: {seller} needs at least {money(z['low'], cur)} and "
        f"{buyer} pays at most {money(z['high'], cur)}, a gap of {money(z['gap'], cur)}; each "
        "side's BATNA governs."
    )


def _pair_line(z: dict[str, Any], cur: str, names: Names = PLAIN) -> str:
    if z["reason"] is not None:
        return (
            f"No zone of possible agreement between {names.who(z['seller'])} and "
            f"{names.who(z['buyer'])}: {z['reason']}."
        )
    return _zone_line(z, cur, names)


def _score_headline(data: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """The headline of a score-only plan: everything in package-score points."""
    z = data["zopa_scores"]
    if z is None:
        lines = ["No ZOPA: no package reaches every party's reservation score; each side's "
                 "BATNA governs."]  # fmt: skip
    else:
        ranges = ", ".join(
            f"{names.who(p)} {score(z['low'][p])}-{score(z['high'][p])}" for p in z["low"]
        )
        more = "at least " if z["count_capped"] else ""
        lines = [
            f"ZOPA (package-score points): {more}{z['count']} packages reach every party's "
            f"reservation score ({z['efficient']} efficient); scores in it: {ranges}."
        ]
    rec = data["recommendation"]
    if rec is not None:
        what = (
            names.proposal(rec["proposal"])
            if rec["proposal"]
            else "the Nash package (" + names.package(rec["package"]) + ")"
        )
        if rec["accept"] is None:
            lines.append(f"Best for us: {what} ({score(rec['value'])} points); add our "
                         "alternatives to judge it against walking away.")  # fmt: skip
        else:
            verb = "Accept" if rec["accept"] else "Walk away from"
            lines.append(
                f"{verb} {what} ({score(rec['value'])} points to us) against our BATNA "
                f"{names.alternative(rec['batna']) if rec['batna'] else DASH} "
                f"({score(rec['batna_ev'])} points)."
            )
    return lines
