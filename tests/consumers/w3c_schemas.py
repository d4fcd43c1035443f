"""The W3C Web Annotation test suite's JSON Schemas (draft-04), as a validator.

`tests/data/shared/w3c-web-annotation-schemas/` (a copy of ../shared) holds the assertion schemas of the W3C test suite for
the Web Annotation Data Model. Each assertion schema carries `expectedResult` ("valid" or
"invalid"); an object conforms to a `*.test` list (for example `annotationMusts.test`, the 54
MUST assertions for one annotation) when, for every assertion listed, validating the object
against the assertion schema gives the expected result.

The assertion schemas `$ref` the libraries in `definitions/*.json` by their `id`, a bare file
name ("annotations.json#/definitions/..."), so the registry below maps exactly those ids.
Formats are checked (`date-time` by rfc3339-validator, `uri` by rfc3986-validator), as the
suite's `created`, `modified` and `id` rules rely on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

REPO = Path(__file__).resolve().parents[2]
SCHEMA_ROOT = REPO / "tests" / "data" / "shared" / "w3c-web-annotation-schemas"

ANNOTATION_MUSTS = "annotations/annotationMusts.test"
COLLECTION_MUSTS = "collections/collectionMusts.test"
PAGE_MUSTS = "collections/pages/pageMusts.test"


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


@dataclass(frozen=True)
class Failure:
    assertion: str
    expected: str
    message: str

    def __str__(self) -> str:
        return f"{self.assertion} (expected {self.expected}): {self.message}"


@dataclass(frozen=True)
class Assertion:
    path: str
    schema: dict
    validator: jsonschema.Draft4Validator

    @property
    def expected(self) -> str:
        return self.schema.get("expectedResult", "valid")

    def check(self, instance) -> Failure | None:
        valid = self.validator.is_valid(instance)
        if valid == (self.expected == "valid"):
            return None
        detail = ""
        if not valid:
            best = jsonschema.exceptions.best_match(self.validator.iter_errors(instance))
            if best is not None:
                detail = f" [{best.message[:200]}]"
        return Failure(self.path, self.expected, self.schema.get("errorMessage", "") + detail)


class W3CSuite:
    """The definitions registry plus the assertion lists, loaded once."""

    def __init__(self, root: Path = SCHEMA_ROOT):
        if not (root / ANNOTATION_MUSTS).is_file():
            raise FileNotFoundError(
                f"the W3C Web Annotation schemas are missing: expected {root / ANNOTATION_MUSTS}"
            )
        self.root = root

    @cached_property
    def registry(self) -> Registry:
        resources = []
        for path in sorted((self.root / "definitions").glob("*.json")):
            contents = _load(path)
            # Every library names itself by its file name; refs use exactly that.
            assert contents["id"] == path.name, f"{path}: id {contents['id']!r} is not its file name"
            resources.append((contents["id"], Resource.from_contents(contents, default_specification=DRAFT4)))
        return Registry().with_resources(resources)

    def assertion(self, rel: str) -> Assertion:
        """One assertion schema, by its path under the root."""
        schema = _load(self.root / rel)
        jsonschema.Draft4Validator.check_schema(schema)
        validator = jsonschema.Draft4Validator(
            schema,
            registry=self.registry,
            format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER,
        )
        return Assertion(rel, schema, validator)

    def assertions(self, test_file: str) -> list[Assertion]:
        listing = _load(self.root / test_file)
        return [self.assertion(rel) for rel in listing["assertions"]]

    @cached_property
    def annotation_musts(self) -> list[Assertion]:
        return self.assertions(ANNOTATION_MUSTS)

    @cached_property
    def collection_musts(self) -> list[Assertion]:
        return self.assertions(COLLECTION_MUSTS)

    @cached_property
    def page_musts(self) -> list[Assertion]:
        return self.assertions(PAGE_MUSTS)

    @staticmethod
    def failures(assertions: list[Assertion], instance) -> list[Failure]:
        return [f for a in assertions if (f := a.check(instance)) is not None]
