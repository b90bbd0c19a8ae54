"""Generate large, valid stakecli files for benchmarks and tests.

    python bench/generate.py register 10000 [SEED] > stakeholders.yaml

`register(n, seed)` returns the YAML text of a stakeholder register with `n` entries that
passes `stakecli validate --strict` (every owner and influence exists, every gap has actions,
every hidden stakeholder has a source). Same `n` and `seed`, same text.
"""

from __future__ import annotations

import json
import random
import sys

FIRST = ["Ana", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivan", "Jo", "Kofi", "Lea"]
LAST = ["Okafor", "Lin", "Reyes", "Schmidt", "Nakamura", "Silva", "Haddad", "Novak", "Ward"]
ORGS = ["Finance", "Engineering", "Marketing", "Sales", "Security", "Legal", "Vendor Co"]
ROLES = ["Director", "Lead", "Manager", "Analyst", "VP", "Architect", "Buyer"]
LEVELS = ["unaware", "resistant", "neutral", "supportive", "leading"]
TAGS = ["sponsor", "approver", "user", "vendor", "customer", "regulator", "advocate"]


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def stakeholder(i: int, n: int, rng: random.Random) -> str:
    """The YAML lines of stakeholder `i` of `n`."""
    ident = f"s{i:06d}"
    others = [j for j in rng.sample(range(1, n + 1), min(3, n)) if j != i] or [i]
    current, desired = rng.choice(LEVELS), rng.choice(LEVELS)
    lines = [
        f"  - id: {ident}",
        f"    name: {_q(f'{rng.choice(FIRST)} {rng.choice(LAST)} {i}')}",
        f"    side: {rng.choice(['internal', 'external'])}",
        f"    organisation: {_q(rng.choice(ORGS))}",
        f"    role: {_q(rng.choice(ROLES))}",
        *(f"    {k}: {rng.randint(1, 5)}" for k in ("power", "legitimacy", "urgency", "interest")),
        f"    proximity: {rng.randint(1, 4)}",
        "    engagement:",
        f"      current: {current}",
        f"      desired: {desired}",
    ]
    if current != desired:
        lines.append(f"      actions: [{_q(f'Plan step for {ident}')}]")
    lines.append(f"    owner: s{others[0]:06d}")
    lines.append(f"    influences: [{', '.join(f's{j:06d}' for j in others[1:])}]")
    if rng.random() < 0.05:
        lines += [
            "    hidden: true",
            "    discovered:",
            "      method: interview",
            f"      source: {_q(f'Customer interview {i}')}",
        ]
    lines.append(f"    tags: [{', '.join(rng.sample(TAGS, 2))}]")
    return "\n".join(lines)


def register(n: int, seed: int = 0) -> str:
    """YAML text of a valid register of `n` stakeholders."""
    rng = random.Random(seed)
    head = f"kind: stakeholders\nversion: 1\ntitle: Generated register ({n} stakeholders)\n"
    body = "\n".join(stakeholder(i, n, rng) for i in range(1, n + 1))
    return head + "stakeholders:\n" + body + "\n"


def main(argv: list[str]) -> int:
    """`register N [SEED]` -> stdout."""
    if len(argv) not in (2, 3) or argv[0] != "register" or not argv[1].isdigit():
        sys.stderr.write("usage: python bench/generate.py register N [SEED]\n")
        return 2
    sys.stdout.write(register(int(argv[1]), int(argv[2]) if len(argv) == 3 else 0))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
