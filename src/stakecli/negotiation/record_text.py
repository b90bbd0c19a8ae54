"""Tables and sentences of the offer history and the debrief (terminal, brief and debrief)."""

from __future__ import annotations

from typing import Any

from stakecli.negotiation.text import (
    DASH,
    PLAIN,
    Names,
    Table,
    deal_text,
    expected,
    money,
    percent,
    score,
    yes,
)


def _pkg(package: dict[str, str], names: Names = PLAIN) -> str:
    if names is PLAIN:
        return ", ".join(f"{k}={v}" for k, v in package.items()) or DASH
    return names.package(package) or DASH


def _signed(x: float | None) -> str:
    if x is None:
        return DASH
    return ("+" if x > 0 else "") + score(x)


def offer_table(data: dict[str, Any], currency: str, names: Names = PLAIN) -> Table:
    """One row per offer: who, when, what, the scores, the concession, our reservation."""
    parties = data["parties"]
    return Table(
        "Offers and concessions (concession in the offering party's own score, and in money; "
        "the receivers' gain beside it)",
        ["offer", "by", "package; price", *map(names.who, parties), "concession", "receivers' gain",
         "above our reservation", "response"],
        [_offer_row(o, parties, currency, names) for o in data["offers"]],
    )  # fmt: skip


def _offer_row(o: dict[str, Any], parties: list[str], currency: str, names: Names) -> list[str]:
    """One offer: number and round, who, package and price, scores, concessions, response."""
    scores = o["scores"] or {}
    gains = ", ".join(
        f"{names.who(k)} {_signed(v)}" for k, v in o["receiver_gain"].items() if v is not None
    )
    concession = _signed(o["concession"])
    if o["price_concession"]:
        concession += f" ({money(o['price_concession'], currency)})"
    return [
        f"{o['number']} (round {o['round']}{', ' + o['at'] if o['at'] else ''})",
        names.who(o["by"]),
        _pkg(o["package"], names) + (f"; {money(o['price'], currency)}" if o["price"] else ""),
        *[score(scores.get(p)) for p in parties],
        concession,
        gains or DASH,
        yes(o["above_reservation"]),
        "; ".join([o["response"], *_offer_notes(o)]),
    ]


def _offer_notes(o: dict[str, Any]) -> list[str]:
    """What to notice about an offer: a long silence before it, a concession not returned."""
    notes = []
    if o["silence_days"] is not None:
        notes.append(f"after {o['silence_days']} days' silence")
    if o["unanswered"]:
        notes.append("second concession without a counter-offer: hold")
    return notes


def concession_lines(data: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """Each party's total concession and its reciprocity [D]."""
    out = []
    for party, total in data["conceded"].items():
        ratio = data["reciprocity"][party]
        recip = DASH if ratio is None else f"{score(ratio)}"
        out.append(
            f"{names.who(party)} conceded {score(total)} points in all; reciprocity (the others' "
            f"concessions over the same rounds / its own) {recip}."
        )
    return out


def debrief_lines(data: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """The bottom line of a debrief, as sentences."""
    lines = [_agreed_line(data, names), *_worth_lines(data, names)]
    if data["packages"] is not None:
        lines += _package_lines(data, data["packages"], names)
    if data["closest"] is not None:
        lines.append(_closest_line(data["closest"]))
    if data["rationale"]:
        lines.append(f"Why we agreed: {data['rationale']}")
    if data.get("inside") is not None:
        lines.append(_inside_line(data["inside"], names))
    return lines


def _agreed_line(data: dict[str, Any], names: Names = PLAIN) -> str:
    """What was agreed, in which round, at what price."""
    price = f" at {money(data['price'], data['currency'])}" if data["price"] is not None else ""
    when = f" in round {data['round']}" if data["round"] else ""
    return f"Agreed{when}: {_pkg(data['package'], names)}{price}."


def _worth_lines(data: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """What the deal means for us in money, against our BATNA (none when it has no worth)."""
    if data["worth"] is None:
        return []
    cur = data["currency"]
    deal = deal_text(data["price"], data["value_beyond"], data["worth"], cur)
    verdict = {True: "beats", False: "is worse than", None: "cannot be compared with"}
    batna = names.alternative(data["batna"]) if data["batna"] else DASH
    return [
        f"{deal[:1].upper()}{deal[1:]}: the deal {verdict[data['beats_batna']]} our BATNA, "
        f"{batna[:1].lower()}{batna[1:]}, which was expected to "
        f"{expected(data['batna_ev'], cur)}."
    ]


def _package_lines(data: dict[str, Any], pk: dict[str, Any], names: Names = PLAIN) -> list[str]:
    """Our score against the BATNA (score-only plans), efficiency, post-settlement suggestions."""
    lines = []
    if data["units"] == "score" and data["batna_ev"] is not None:
        compared = "beats" if data["beats_batna"] else "is worse than"
        lines.append(
            f"It scores {score(pk['scores'][pk['parties'][0]])} points for us: it {compared} "
            f"our BATNA {names.alternative(data['batna'])} ({score(data['batna_ev'])} points)."
        )
    lines.append(_efficiency_line(pk))
    for s in pk["suggestion"]:
        gains = ", ".join(f"{names.who(k)} {_signed(v)}" for k, v in s["gains"].items())
        lines.append(f"Post-settlement suggestion: {_pkg(s['package'], names)} ({gains}).")
    return lines


def _efficiency_line(pk: dict[str, Any]) -> str:
    """Whether the package is on the frontier, else how many beat it and by how much."""
    if pk["efficient"]:
        return "It is on the Pareto frontier: no package is better for both sides."
    more = "at least " if pk["dominating_capped"] else ""
    n = pk["dominating_count"]
    return (
        f"It is not efficient: {more}{n} package{'' if n == 1 else 's'} "
        f"{'is' if n == 1 else 'are'} better for both sides; value left on the table "
        f"{score(pk['pss_gain'])} points of joint score (post-settlement), "
        f"{score(pk['tu_gap'])} below the best joint score."
    )


def _closest_line(closest: dict[str, Any]) -> str:
    """Our prepared proposal nearest the agreement, and its rationale."""
    because = f"; its rationale: {closest['rationale'].rstrip('.')}" if closest["rationale"] else ""
    return (
        f"Closest prepared proposal: {closest['name']}, "
        f"{len(closest['same_issues'])} of {closest['issues']} issues as agreed{because}."
    )


def _inside_line(inside: dict[str, Any], names: Names = PLAIN) -> str:
    """Whether the deal clears our signatories, with who supports and who blocks it."""
    clears = "clears our signatories" if inside["clears"] else "does NOT clear our signatories"
    support = ", ".join(map(names.who, inside["support"])) or DASH
    block = ", ".join(map(names.who, inside["block"])) or DASH
    return f"Inside our side: {clears} (support: {support}; block: {block})."


def debrief_tables(data: dict[str, Any], names: Names = PLAIN) -> list[Table]:
    """Pareto improvements over the agreement, and the split against the Nash solution."""
    pk = data["packages"]
    if pk is None:
        return []
    return [_improvements(pk, names), _split(pk, names)]


def _improvements(pk: dict[str, Any], names: Names) -> Table:
    """The packages both sides prefer to the agreement, with each party's gain."""
    parties = pk["parties"]
    shown = len(pk["dominating"])
    more = f", first {shown} shown" if pk["dominating_count"] > shown else ""
    return Table(
        f"Packages both sides prefer to the agreement: {pk['dominating_count']}{more}",
        ["package", *[f"gain {names.who(p)}" for p in parties], "joint gain"],
        [
            [
                _pkg(d["package"], names),
                *[_signed(d["gains"][p]) for p in parties],
                _signed(d["joint_gain"]),
            ]
            for d in pk["dominating"]
        ],
    )


def _split(pk: dict[str, Any], names: Names) -> Table:
    """The agreement and the Nash solution: each party's score, gain and share of the gains."""
    parties = pk["parties"]
    rows = []
    for label, split, scores in (
        ("agreed", pk["split"], pk["scores"]),
        *[("Nash", pk["nash_split"], n["scores"]) for n in pk["nash"][:1]],
    ):
        if split is not None:
            rows.append([label, *[score(scores[p]) for p in parties], *_gains(split, parties)])
    return Table(
        "The split: each party's gain over the disagreement point (share of the gains)",
        ["package", *map(names.who, parties), *[f"gain {names.who(p)}" for p in parties]],
        rows,
    )


def _gains(split: dict[str, Any], parties: list[str]) -> list[str]:
    """Each party's gain, with its share of the gains where there is one."""
    return [
        f"{_signed(split['gains'][p])} ({percent(split['shares'][p])})"
        if split["shares"][p] is not None
        else _signed(split["gains"][p])
        for p in parties
    ]


def question_table(prep: list[dict[str, Any]], names: Names = PLAIN) -> Table:
    """Open positions of the other side and the 'why' questions to ask about each."""
    return Table(
        "Questions to ask: positions whose interest we do not know yet",
        ["party", "position", "questions"],
        [[names.who(p["party"]), p["position"], " · ".join(p["questions"])] for p in prep],
    )
