"""Validate a 10,000-stakeholder register: stakecli vs check-jsonschema vs a bare YAML parse.

    python bench/bench_validate.py [--n 10000] [--runs 3]

Every contender runs as a fresh process on the same file, so each pays its own start-up,
as a user's CI would. Prints median wall times and ratios.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import register  # noqa: E402
from timing import median_process  # noqa: E402

BIN = Path(sys.executable).parent


def timed(cmd: list[str], runs: int) -> float:
    """Median wall time of `cmd` over `runs` runs (after one warm-up)."""
    return median_process(cmd, runs)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    out = HERE / "out"
    out.mkdir(exist_ok=True)
    data = out / f"register-{args.n}.yaml"
    data.write_text(register(args.n), encoding="utf-8")
    schema = out / "stakeholders.schema.json"
    schema.write_bytes(
        subprocess.run(
            [str(BIN / "stakecli"), "schema", "stakeholders"], capture_output=True, check=True
        ).stdout
    )
    cjs = shutil.which("check-jsonschema", path=str(BIN)) or "check-jsonschema"
    bare = "from ruamel.yaml import YAML; import sys; YAML(typ='safe').load(open(sys.argv[1]))"
    bare_gc = "import gc; gc.disable(); " + bare
    size = data.stat().st_size / 1e6
    print(f"register: {args.n:,} stakeholders, {size:.1f} MB; median of {args.runs} runs\n")
    rows = {
        "stakecli validate": timed([str(BIN / "stakecli"), "validate", "-q", str(data)], args.runs),
        "check-jsonschema": timed([cjs, "--schemafile", str(schema), str(data)], args.runs),
        "bare YAML parse (C)": timed([sys.executable, "-c", bare, str(data)], args.runs),
        "bare parse, gc off": timed([sys.executable, "-c", bare_gc, str(data)], args.runs),
    }
    base = rows["stakecli validate"]
    for name, seconds in rows.items():
        print(f"{name:<22} {seconds:7.2f} s   {seconds / base:5.2f}x stakecli")
    print()
    print(f"check-jsonschema / stakecli: {rows['check-jsonschema'] / base:.2f}x (target >= 3)")
    print(f"stakecli / bare parse:       {base / rows['bare YAML parse (C)']:.2f}x (target <= 1.3)")
    print(f"stakecli / bare parse gc off: {base / rows['bare parse, gc off']:.2f}x")
    startup(args.runs * 3)


def startup(runs: int) -> None:
    """`stakecli --help` and `--version` against importing typer alone."""
    help_s = timed([str(BIN / "stakecli"), "--help"], runs)
    version_s = timed([str(BIN / "stakecli"), "--version"], runs)
    typer_s = timed([sys.executable, "-c", "import typer"], runs)
    print(f"\nstartup (median of {runs})")
    print(f"python -c 'import typer' {typer_s * 1000:6.0f} ms")
    print(f"stakecli --version       {version_s * 1000:6.0f} ms  {version_s / typer_s:.2f}x")
    print(
        f"stakecli --help          {help_s * 1000:6.0f} ms  {help_s / typer_s:.2f}x (target <= 1.5)"
    )


if __name__ == "__main__":
    main()
