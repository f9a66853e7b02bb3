"""Case 6: start-up with 1,000 installed plugin manifests: time to ready, and memory.

``N`` valid manifests (1,000; quick: 50) are generated into a temporary directory:
distinct slugs ``bench-pNNNN`` and labels ``BenchThingNNNN``, each one vertex label
with an inline schema, a unique index and a plain index. ``plugraph serve`` runs as a
subprocess with ``PLUGRAPH_MANIFESTS_DIR`` pointing there and its own embedded
database (``PLUGRAPH_GRAPH_URL=embedded://<dir>``); its first start installs them all
(reported as information), then it is restarted ``rounds`` times.

Measured per restart: seconds from spawn to the first 200 from ``/readyz`` (which
``plugraph serve`` answers only after migrations, bootstrap and the manifest sync),
and the resident memory (VmRSS from /proc) of the API process and of the embedded
database child right then.

Baseline: the same with the 3 example manifests (``manifests/``) in another data
directory; restarts of the two alternate. Against an external graph
(``PLUGRAPH_BENCH_GRAPH_URL``) each side runs on the wiped graph in turn instead
(no alternation, no database memory).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds
from bench.http_server import REPO_ROOT, _die_with_parent, stop_process, wait_ready
from plugraph.graph.embedded import free_loopback_port

COUNT_ENV = "PLUGRAPH_BENCH_STARTUP_MANIFESTS"


def manifest(i: int) -> dict[str, object]:
    return {
        "api_version": "plugraph/v1",
        "slug": f"bench-p{i:04d}",
        "name": f"Bench plugin {i}",
        "version": "1.0.0",
        "description": "A generated plugin for the start-up benchmark.",
        "vertex_labels": [
            {
                "name": f"BenchThing{i:04d}",
                "description": "A generated label.",
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"title": "Name", "type": "string", "maxLength": 100},
                        "status": {"title": "Status", "type": "string", "enum": ["on", "off"]},
                        "count": {"title": "Count", "type": "integer", "minimum": 0},
                    },
                },
                "indexes": [{"fields": ["name"], "unique": True}, {"fields": ["status"]}],
            }
        ],
    }


def write_manifests(root: Path, count: int) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, count + 1):
        folder = root / f"bench-p{i:04d}"
        folder.mkdir(exist_ok=True)
        (folder / "plugin.json").write_text(json.dumps(manifest(i)))
    return root


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@dataclass
class Start:
    seconds: float
    api_mib: float
    db_mib: float


def start_once(graph_url: str, manifests: Path, log: Path, extra_env: dict[str, str]) -> Start:
    port = free_loopback_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLUGRAPH_")}
    env |= extra_env | {
        "PLUGRAPH_GRAPH_URL": graph_url,
        "PLUGRAPH_MANIFESTS_DIR": str(manifests),
        "PLUGRAPH_HOST": "127.0.0.1",
        "PLUGRAPH_PORT": str(port),
        "PLUGRAPH_LOG_LEVEL": "WARNING",
    }
    command = [str(Path(sys.executable).parent / "plugraph"), "serve"]
    with log.open("ab") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent,
        )  # fmt: skip
    try:
        wait_ready(f"http://127.0.0.1:{port}/readyz", proc, 1800.0, log)
        seconds = time.perf_counter() - started
        api = rss_kib(proc.pid)
        db = sum(rss_kib(child) for child in children(proc.pid))
        return Start(seconds, api / 1024, db / 1024)
    finally:
        stop_process(proc, grace=60.0)


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    count = int(os.environ.get(COUNT_ENV) or (50 if quick else 1000))
    rounds = 2 if quick else 3
    root = env.workdir / "startup"
    generated = write_manifests(root / "generated", count)
    examples = root / "examples"
    shutil.copytree(REPO_ROOT / "manifests", examples)
    log = root / "serve.log"
    external: dict[str, str] = {}
    if env.external is not None:
        external = {
            "PLUGRAPH_GRAPH_USER": env.external.user,
            "PLUGRAPH_GRAPH_PASSWORD": env.external.password,
            "PLUGRAPH_GRAPH_DATABASE": env.external.database,
        }
    sides = {"subject": generated, "baseline": examples}
    firsts: dict[str, Start] = {}
    starts: dict[str, list[Start]] = {"subject": [], "baseline": []}
    if env.external is None:
        urls = {name: f"embedded://{root / ('db-' + name)}" for name in sides}
        for name, folder in sides.items():
            firsts[name] = start_once(urls[name], folder, log, external)
        for r in range(rounds):
            order = list(sides) if r % 2 == 0 else list(reversed(sides))
            for name in order:
                starts[name].append(start_once(urls[name], sides[name], log, external))
    else:
        for name, folder in sides.items():
            with env.fresh_store(migrate=False):  # wipes the external graph
                pass
            firsts[name] = start_once(env.external.uri, folder, log, external)
            for _ in range(rounds):
                starts[name].append(start_once(env.external.uri, folder, log, external))
    shutil.rmtree(root, ignore_errors=True)
    size = f"{count:,} manifests vs the 3 examples"
    note = f"{rounds} restarts per side (alternating), after a first start that installed them"
    first = firsts["subject"].seconds
    results = [
        from_rounds(
            f"start-up to /readyz, {size}",
            [s.seconds for s in starts["subject"]],
            [s.seconds for s in starts["baseline"]],
            unit="s",
            target="(report)",
            note=note,
            extra={"first_start_installing_s": round(first, 1)},
        ),
        from_rounds(
            f"API process RSS after start-up, {size}",
            [s.api_mib for s in starts["subject"]],
            [s.api_mib for s in starts["baseline"]],
            unit="MiB",
            target="(report)",
            note=note,
        ),
        CaseResult(
            name=f"first start installing {count:,} manifests vs the 3 examples (info)",
            value=round(first, 2),
            baseline=round(firsts["baseline"].seconds, 2),
            ratio=round(first / firsts["baseline"].seconds, 3),
            target="(info)",
            unit="s",
            spread=(round(first / firsts["baseline"].seconds, 3),) * 2,
            note="one run each",
        ),
    ]
    if env.external is None:
        results.insert(
            2,
            from_rounds(
                f"embedded database RSS after start-up, {size}",
                [s.db_mib for s in starts["subject"]],
                [s.db_mib for s in starts["baseline"]],
                unit="MiB",
                target="(report)",
                note=note + "; JVM -Xmx1g (PLUGRAPH_EMBEDDED_HEAP)",
            ),
        )
    return results
