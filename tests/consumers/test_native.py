"""Native export of several documents (`--to native`): JSON Lines of native v1 objects, each
valid against the published JSON Schema (static/claimmark.schema.json) and equal to its
fixture, which is itself a native v1 file."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import FIXTURE_FILES, REPO, read_jsonl, splits_character

SCHEMA = REPO / "static" / "claimmark.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_schema_rejects_a_broken_file(validator):
    fixture = json.loads(FIXTURE_FILES[0].read_text(encoding="utf-8"))
    assert list(validator.iter_errors(fixture)) == []
    fixture["annotations"][0]["start"] = -1
    fixture["version"] = 2
    assert len(list(validator.iter_errors(fixture))) >= 2


def test_schema_checks_the_cue(validator):
    fixture = json.loads(FIXTURE_FILES[0].read_text(encoding="utf-8"))
    with_cue = next(a for a in fixture["annotations"] if (a.get("attribution") or {}).get("cue"))
    for bad in ({"start": -1, "end": 3}, {"start": 1, "end": "3"}, {"start": 1}, "said"):
        with_cue["attribution"]["cue"] = bad
        assert list(validator.iter_errors(fixture)), f"schema accepted cue {bad!r}"
    with_cue["attribution"]["cue"] = None
    assert list(validator.iter_errors(fixture)) == []


def test_schema_checks_the_provenance(validator):
    fixture = json.loads(FIXTURE_FILES[0].read_text(encoding="utf-8"))
    annotation = fixture["annotations"][0]
    good = [
        {"status": "majority", "annotators": ["ana", "بن"], "agreement": "2/3"},
        {"status": "conflict", "annotators": [], "agreement": "0/2", "group": 1, "reason": "boundary", "note": "?"},
        None,
    ]
    for provenance in good:
        annotation["provenance"] = provenance
        assert list(validator.iter_errors(fixture)) == [], provenance
    bad = [
        {"status": "gold", "annotators": [], "agreement": "0/1"},
        {"status": "conflict", "annotators": [], "agreement": "0/1"},
        {"status": "single", "annotators": ["ana"], "agreement": "1/1", "group": 1},
        {"status": "single", "annotators": ["ana"], "agreement": "one"},
        {"status": "single", "annotators": ["ana"], "agreement": "1/1", "reason": "typo"},
        {"status": "single", "agreement": "1/1"},
        "majority",
    ]
    for provenance in bad:
        annotation["provenance"] = provenance
        assert list(validator.iter_errors(fixture)), f"schema accepted provenance {provenance!r}"


def test_the_premise_helper_finds_split_characters():
    text = "a\u0301 👨🏻\u200d🚒\r\nx"
    inside = {i for i in range(len(text) + 1) if splits_character(text, i)}
    # after a (before its accent), after 👨 (before 🏻), before and after the joiner, CR|LF
    assert inside == {1, 4, 5, 6, 8}, inside


def test_jsonl_of_native_objects_equal_to_the_fixtures(convert, validator):
    records = read_jsonl(convert("native", "corpus.claimmark.jsonl"))
    fixtures = [json.loads(p.read_text(encoding="utf-8")) for p in FIXTURE_FILES]
    assert len(records) == len(fixtures)
    for number, (record, fixture) in enumerate(zip(records, fixtures), 1):
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], f"line {number}: {errors}"
        differing = sorted(k for k in set(record) | set(fixture) if record.get(k) != fixture.get(k))
        assert record == fixture, f"line {number} differs from {FIXTURE_FILES[number - 1].name} in {differing}"
