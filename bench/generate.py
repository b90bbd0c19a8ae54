"""Generate realistic stakecli files of any size, for benchmarks.

python bench/generate.py register 10000 > register.yaml
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
            f"    influences: [s{rng.randrange(n):05d}]",
            f"    tags: [{rng.choice(ORGS).lower()}]",
        ]
        if notes:
            out.append(f"    notes: {NOTES[i % len(NOTES)]} ({i})")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    what, count = sys.argv[1], int(sys.argv[2])
    if what != "register":
        sys.exit(f"unknown generator {what!r}; try: register")
    sys.stdout.write(register(count))
