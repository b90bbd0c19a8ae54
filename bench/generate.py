"""Generate realistic stakecli files of any size, for benchmarks.

python bench/generate.py register 10000 > register.yaml
python bench/generate.py raci 10000 > raci.yaml   # 100 rows over 30 of those stakeholders
"""

from __future__ import annotations

import random
import sys

LEVELS = ["unaware", "resistant", "neutral", "supportive", "leading"]
ORGS = ["Finance", "Security", "Marketing", "Engineering", "Legal", "Sales", "Vendor Co"]


NOTES = [
    "Prefers e-mail to calls; wants the numbers before any meeting.",
    "Sceptical since the last migration ran over; reassure on the timeline.",
    "Reports to the board monthly, so bring one slide, not ten.",
]


def register(n: int, seed: int = 1, notes: bool = False) -> str:
    """A valid register of `n` stakeholders as YAML text (deterministic for a seed).

    With `notes`, each stakeholder has a candid note (a confidential field the leak check
    searches every public text for).
    """
    rng = random.Random(seed)
    out = ["kind: stakeholders", "version: 1", f"title: Generated register of {n}", "stakeholders:"]
    for i in range(n):
        current, desired = sorted(rng.sample(range(5), 2))
        out += [
            f"  - id: s{i:05d}",
            f"    name: Stakeholder {i}",
            f"    side: {rng.choice(['internal', 'external'])}",
            f"    organisation: {rng.choice(ORGS)}",
            f"    role: Role {rng.randrange(50)}",
            f"    power: {rng.randint(1, 5)}",
            f"    legitimacy: {rng.randint(1, 5)}",
            f"    urgency: {rng.randint(1, 5)}",
            f"    interest: {rng.randint(1, 5)}",
            "    engagement:",
            f"      current: {LEVELS[current]}",
            f"      desired: {LEVELS[desired]}",
            "      actions: [Monthly one-to-one]",
            f"    interests: [Budget certainty, Delivery on time {i % 7}]",
            f"    owner: s{rng.randrange(n):05d}",
            f"    influences: [{_other(i, rng.randrange(n))}]",
            f"    tags: [{rng.choice(ORGS).lower()}]",
        ]
        if notes:
            out.append(f"    notes: {NOTES[i % len(NOTES)]} ({i})")
    return "\n".join(out) + "\n"


def _other(i: int, target: int) -> str:
    """An influence on someone else (`stakeholders.self-influence` is an error): none if not."""
    return "" if target == i else f"s{target:05d}"


def raci(n: int, rows: int = 100, people: int = 40) -> str:
    """A RACI matrix of `rows` activities over `people` stakeholders of `register(n)`.

    Row i: A, R, two C and two I taken in turn from the participants, so that nobody is
    idle or overloaded (no findings).
    """
    ids = [f"s{k * n // people:05d}" for k in range(min(people, n))]
    out = ["kind: raci", "version: 1", "id: delivery", f"title: Delivery of {rows} activities"]
    out += ["participants: [" + ", ".join(ids) + "]", "rows:"]
    for i in range(rows):
        who = [ids[(i + k) % len(ids)] for k in range(6)]
        letters = dict(zip(who, ["A", "R", "C", "C", "I", "I"], strict=True))
        cells = ", ".join(f"{k}: {v}" for k, v in letters.items())
        out += [f"  - id: a{i:03d}", f"    name: Activity {i}", f"    assign: {{{cells}}}"]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    what, count = sys.argv[1], int(sys.argv[2])
    if what == "register":
        sys.stdout.write(register(count))
    elif what == "raci":
        sys.stdout.write(raci(count))
    else:
        sys.exit(f"unknown generator {what!r}; try: register, raci")
