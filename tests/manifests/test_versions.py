"""Dependency version ranges over semantic versions."""

from __future__ import annotations

import pytest

from plugraph.manifests.versions import Version, VersionRange, satisfies


@pytest.mark.parametrize(
    ("version", "version_range", "expected"),
    [
        ("1.0.0", ">=1.0.0,<2.0.0", True),
        ("1.9.12", ">=1.0.0,<2.0.0", True),
        ("2.0.0", ">=1.0.0,<2.0.0", False),
        ("0.9.9", ">=1.0.0,<2.0.0", False),
        ("1.4.0", ">=1.4", True),
        ("1.3.9", ">=1.4", False),
        ("1.9.0", "<2", True),
        ("2.0.0-rc.1", "<2", True),  # a pre-release sorts before its release
        ("2.0.0-rc.1", ">=2.0.0", False),
        ("1.2.3+build.7", "==1.2.3", True),  # build metadata is ignored
        ("1.2.3", "!=1.2.3", False),
        ("1.2.4", " >= 1.2 , != 1.2.3 ", True),
        ("1.0.0", ">1.0.0", False),
        ("1.0.0", "<=1", True),
    ],
)
def test_satisfies(version: str, version_range: str, expected: bool):
    assert satisfies(version, version_range) is expected


def test_precedence_follows_semver():
    ordered = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
        "1.0.1",
        "1.1.0",
        "2.0.0",
    ]
    versions = [Version.parse(text) for text in ordered]
    assert sorted(reversed(versions)) == versions
    assert [str(v) for v in versions] == ordered


def test_bad_input_is_a_value_error_naming_it():
    with pytest.raises(ValueError, match=r"'1\.0' is not a semantic version"):
        Version.parse("1.0")
    with pytest.raises(ValueError, match=r"'~1\.0' is not a version range"):
        VersionRange.parse("~1.0")
    assert str(VersionRange.parse(">=1, <2.1")) == ">=1.0.0,<2.1.0"
