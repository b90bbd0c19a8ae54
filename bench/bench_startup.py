"""Start-up: what every command, pre-commit run and Tab press pays before any work.

    python bench/bench_startup.py [--runs 15] [--baseline OTHER_CHECKOUT]

Each contender is a fresh process; the figure is its median CPU time (user + system, from the
kernel's accounting of the finished child), which a busy second core disturbs less than wall
time. Ratios are against `python -c "import typer"` measured in the same run. Bytecode is
compiled first and kept (PYTHONDONTWRITEBYTECODE is cleared for the children), as it is for
an installed package. `--baseline` times another checkout's stakecli (its `.venv`, on its own
copy of the example) side by side.
"""

from __future__ import annotations

import argparse
import compileall
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from timing import median_process  # noqa: E402

BIN = Path(sys.executable).parent
EXAMPLE = ROOT / "examples" / "vendor-renewal"
FLOOR = "import typer, pydantic; pydantic.TypeAdapter(int)"
"""What any Typer 0.29 command pays: it coerces every parameter through a pydantic TypeAdapter."""
MODELS_FLOOR = (
    FLOOR + "; import stakecli.core.config; from stakecli import kinds; "
    "[kinds.model(k) for k in {kinds!r}]"
)
"""What validating the example cannot go below with pydantic models: the floor, the config
model and the models of the kinds the example holds (no YAML, no checks, no output)."""


def kinds_of(example: Path) -> list[str]:
    """The file kinds present in an example folder (its `kind:` lines)."""
    found: list[str] = []
    for path in sorted(example.rglob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("kind:"):
                kind = line.split(":", 1)[1].strip()
                if kind not in found:
                    found.append(kind)
                break
    return found


def commands(stakecli: str, example: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    complete = {
        "_STAKECLI_COMPLETE": "complete_bash",
        "COMP_WORDS": "stakecli validate --fo",
        "COMP_CWORD": "2",
    }
    return {
        "--version": ([stakecli, "--version"], {}),
        "--help": ([stakecli, "--help"], {}),
        "Tab (validate --fo)": ([stakecli], complete),
        "validate one example": ([stakecli, "validate", "-q", str(example)], {}),
    }


TARGETS = {"--help": 1.3, "Tab (validate --fo)": 1.5, "validate one example": 2.5}


def cpu(cmd: list[str], extra: dict[str, str], runs: int) -> float:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return median_process(cmd, runs, env={**env, **extra})[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", help="another checkout (with its .venv) to time side by side")
    args = parser.parse_args()
    compileall.compile_dir(str(ROOT / "src"), quiet=1)
    if args.baseline:
        compileall.compile_dir(str(Path(args.baseline) / "src"), quiet=1)
    typer_s = cpu([sys.executable, "-c", "import typer"], {}, args.runs)
    floor_s = cpu([sys.executable, "-c", FLOOR], {}, args.runs)
    kinds = kinds_of(EXAMPLE)
    models_s = cpu([sys.executable, "-c", MODELS_FLOOR.format(kinds=kinds)], {}, args.runs)
    load = os.getloadavg()[0]
    print(f"median CPU time of {args.runs} runs; load average {load:.2f}\n")
    print(f"{'python -c import typer':<30} {typer_s * 1000:6.0f} ms  1.00x")
    print(
        f"{'+ pydantic TypeAdapter (floor)':<30} {floor_s * 1000:6.0f} ms  {floor_s / typer_s:.2f}x"
    )
    print(
        f"{'+ config, models of the kinds':<30} {models_s * 1000:6.0f} ms  "
        f"{models_s / typer_s:.2f}x  (validate's floor: {', '.join(kinds)})"
    )
    mine = commands(str(BIN / "stakecli"), EXAMPLE)
    other = {}
    if args.baseline:
        base = Path(args.baseline)
        other = commands(str(base / ".venv" / "bin" / "stakecli"), base / EXAMPLE.relative_to(ROOT))
    for name, (cmd, extra) in mine.items():
        seconds = cpu(cmd, extra, args.runs)
        target = f"  (target <= {TARGETS[name]}x)" if name in TARGETS else ""
        line = (
            f"{'stakecli ' + name:<30} {seconds * 1000:6.0f} ms  {seconds / typer_s:.2f}x{target}"
        )
        if name in other:
            before = cpu(*other[name], args.runs)
            line += f"   baseline {before * 1000:5.0f} ms ({seconds / before:.2f}x of it)"
        print(line)


if __name__ == "__main__":
    main()
