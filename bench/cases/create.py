"""Case 2: POST one entity through the generic stack vs a hand-written route doing only the write;
and the cost of JSON Schema validation per entity for every example label.

HTTP: ``POST /admin/plugins/aws-iam-ic/entities/AwsAccount`` (auth, Casbin, manifest
lookup, JSON Schema validation, uniqueness check, create, version record, audit event,
all in one managed transaction) vs ``POST /bare/aws/accounts`` (the same create
statement in a managed transaction; nothing else). Requests interleaved one by one
on one keep-alive client; throughput ratio reported (no target: the difference is
the price of validation + history + audit, itemised by the validation rows).

Validation: per example label, the time plugraph spends validating one valid
document (``plugraph.entities.documents.ensure_valid``: server-owned member check +
the label's compiled schema: ``jsonschema-rs`` Draft 2020-12 decides, with plugraph's
format checks and Python's regexes; ``jsonschema`` runs only for a rejected document, to
word the errors) vs a compiled validator on the same schema with the same format checks
(``fastjsonschema``, code-generated once). Target: plugraph < 50 us per entity.
``extra`` keeps the figures around it: ``jsonschema_only_us``, the jsonschema validation
plugraph did before (its ``iter_errors`` + error translation: the "before" of the README),
and ``jsonschema_rs_us``, bare ``jsonschema-rs`` on the untranslated schema.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpx

from bench.environment import BenchEnv
from bench.harness import CaseResult, from_rounds, median
from bench.http_server import HttpServer
from bench.stack import ACCOUNTS, BARE, EXAMPLE_PLUGINS, account, deployment, interleaved
from plugraph.entities.documents import ensure_valid
from plugraph.manifests.entity_schema import _CHECKS  # the format checks plugraph asserts
from plugraph.manifests.validation_errors import field_errors
from tests.support.example_documents import SAMPLES  # checked valid below before timing


def _per_call_us(fn: Callable[[], object], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - started) / calls * 1e6


def _compiled(schema: dict[str, Any]) -> tuple[str, Callable[[Any], object]]:
    try:
        import fastjsonschema
    except ImportError:  # the bench extra installs it (pip install -e ".[bench]")
        from plugraph.manifests.entity_schema import compile_entity_schema

        # .validator: jsonschema's own, not plugraph's accelerated is_valid
        return "jsonschema is_valid (fastjsonschema not installed)", compile_entity_schema(
            schema
        ).validator.is_valid
    draft7 = {k: v for k, v in schema.items() if k != "$schema"}  # same keywords in draft 7
    return "fastjsonschema", fastjsonschema.compile(
        draft7, formats=dict(_CHECKS), use_default=False
    )


def _rust(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    try:
        import jsonschema_rs
    except ImportError:
        return None
    validator = jsonschema_rs.validator_for(schema, validate_formats=True, formats=dict(_CHECKS))
    return validator.is_valid


def _validation(dep, quick: bool) -> list[CaseResult]:
    calls = 2000 if quick else 20000
    rounds = 3 if quick else 7
    results = []
    for (slug, label), document in SAMPLES.items():
        manifest = dep.context.registry.get(slug)[1]
        if manifest is None or manifest.vertex_label(label) is None:
            continue  # an edge label's properties
        runtime = dep.context.registry.vertex_label(slug, label)
        schema = runtime.label.json_schema
        ensure_valid(runtime, document)  # raises if the sample is invalid
        assert runtime.validator.fast is not None, f"{label}: not accelerated (see the log)"
        baseline_name, compiled = _compiled(schema)
        compiled(document)
        rust = _rust(schema)
        assert rust is None or rust(document)
        jsonschema_only = runtime.validator.validator  # the jsonschema validator alone
        assert not field_errors(jsonschema_only.iter_errors(document))
        ours, theirs, rusts, before = [], [], [], []
        for _ in range(rounds):
            ours.append(_per_call_us(lambda r=runtime, d=document: ensure_valid(r, d), calls))
            theirs.append(_per_call_us(lambda c=compiled, d=document: c(d), calls))
            if rust is not None:
                rusts.append(_per_call_us(lambda v=rust, d=document: v(d), calls))
            before.append(
                _per_call_us(
                    lambda v=jsonschema_only, d=document: field_errors(v.iter_errors(d)),
                    max(calls // 10, 100),  # 100-250 us each
                )
            )
        extra = {"jsonschema_only_us": round(median(before), 2)}
        if rusts:
            extra["jsonschema_rs_us"] = round(median(rusts), 2)
        result = from_rounds(
            f"validate one {label}: plugraph (jsonschema-rs, jsonschema words errors)"
            f" vs {baseline_name}",
            ours,
            theirs,
            unit="us/entity",
            target="plugraph < 50 us",
            note=f"{calls} valid documents per round, {rounds} rounds",
            extra=extra,
        )
        result.passed = result.value < 50
        results.append(result)
    return results


def run(env: BenchEnv, quick: bool) -> list[CaseResult]:
    requests = 100 if quick else 500
    rounds = 5 if quick else 9
    results: list[CaseResult] = []
    with deployment(env, EXAMPLE_PLUGINS) as dep:
        results += _validation(dep, quick)
        with (
            HttpServer(dep.conn, dep.org_id, env.workdir) as server,
            httpx.Client(base_url=server.url, headers=dep.auth, timeout=30.0) as client,
        ):
            first = client.post(ACCOUNTS, json=account(1))
            bare = client.post(BARE, json=account(2))
            assert first.status_code == 201 == bare.status_code, (first.text, bare.text)
            assert set(first.json()) == set(bare.json())
            numbers = iter(range(10, 10_000_000))

            def post(prefix: str):
                def one(_: int) -> None:
                    response = client.post(prefix, json=account(next(numbers)))
                    if response.status_code != 201:
                        raise RuntimeError(f"{response.status_code}: {response.text}")

                return one

            series = {"generic": post(ACCOUNTS), "bare": post(BARE)}
            interleaved(1, 20, series)  # warm-up
            values = interleaved(rounds, requests, series)
    results.insert(
        0,
        from_rounds(
            "POST one entity: generic (validate+write+version+audit) vs hand-written write",
            values["generic"],
            values["bare"],
            unit="req/s",
            target="(report)",
            note=f"{requests} creates per side and round, interleaved; {rounds} rounds",
        ),
    )
    return results
