"""``python -m bench.markdown [results.json]``: the results as a Markdown table (for README.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.harness import RESULTS_DIR


def table(document: dict) -> str:
    lines = [
        f"{document['date']} · {document['machine']} · mode {document['mode']}"
        + (f" · load average {document['load_average']}" if document.get("load_average") else ""),
        "",
        "| case | value | baseline | ratio (spread) | target | unit | ok |",
        "|---|---:|---:|---|---|---|---|",
    ]
    for case in document["cases"]:
        ok = {True: "yes", False: "**NO**", None: ""}[case.get("passed")]
        low, high = case.get("spread", [0, 0])
        lines.append(
            f"| {case['name']} | {case['value']:.4g} | {case['baseline']:.4g} | "
            f"{case['ratio']:.3f} ({low:.2f}..{high:.2f}) | {case['target']} | "
            f"{case['unit']} | {ok} |"
        )
    return "\n".join(lines)


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else RESULTS_DIR / "latest.json"
    print(table(json.loads(path.read_text())))


if __name__ == "__main__":
    main()
