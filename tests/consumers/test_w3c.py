"""W3C Web Annotation export (`--to w3c`), checked with the W3C test suite's own JSON Schemas.

An annotation conforms when every assertion in annotations/annotationMusts.test (54 MUSTs)
gives its expectedResult; the collection is checked against collectionMusts.test and, for its
embedded first page, pageMusts.test. The validator is itself checked on the spec's samples.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import Doc
from w3c_schemas import SCHEMA_ROOT, W3CSuite

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SAMPLES = SCHEMA_ROOT / "tools" / "samples"
# correct/anno11-13 use types dropped from the final spec (see ../shared/README.md).
DROPPED_FROM_SPEC = {"anno11.json", "anno12.json", "anno13.json"}
QUOTE_CONTEXT_MAX = 32
# The body purpose of a source mention and of a reporting cue.
LINKED_PURPOSE = {"mention": "identifying", "cue": "describing"}
# Optional ("may") assertions of the suite that a mention or cue body must meet on its own:
# a Specific Resource by the suite's definition, with a purpose from the model's list (3.3.5).
BODY_MAYS = ("annotations/bodiesTargets/4-bodySpecificResource.json", "annotations/bodiesTargets/3.3.5-bodyPurpose.json")


@pytest.fixture(scope="session")
def suite() -> W3CSuite:
    return W3CSuite()


def _sample(kind: str, name: str) -> dict:
    return json.loads((SAMPLES / kind / name).read_text(encoding="utf-8"))


def _failed(suite: W3CSuite, instance) -> set[str]:
    return {f.assertion.rsplit("/", 1)[-1] for f in suite.failures(suite.annotation_musts, instance)}


# --- the validator, checked on the specification's samples -------------------------------


def test_suite_lists_54_must_assertions(suite):
    assert len(suite.annotation_musts) == 54
    assert all(a.schema["assertionType"] == "must" for a in suite.annotation_musts)
    assert all(a.expected in ("valid", "invalid") for a in suite.annotation_musts)


def test_validator_accepts_the_correct_samples(suite):
    names = sorted(p.name for p in (SAMPLES / "correct").glob("anno*.json"))
    assert len(names) >= 40, f"expected the spec's ~41 correct samples in {SAMPLES / 'correct'}"
    problems = {}
    for name in names:
        failures = suite.failures(suite.annotation_musts, _sample("correct", name))
        if name in DROPPED_FROM_SPEC:
            # They must fail, and only because of the dropped target types.
            assert {f.assertion for f in failures} == {"annotations/3.2-targetObjectsRecognized.json"}, name
        elif failures:
            problems[name] = [str(f) for f in failures]
    assert not problems, json.dumps(problems, indent=1)


# sample -> the MUST assertion that has to fail on it. Most incorrect samples also carry an
# `id` array (itself invalid); it is replaced by one good IRI so that the sample's own defect
# is what is tested. anno1, anno10, anno12-25 and anno37 are not JSON; anno26/27 (bad
# creator/generator) break agent rules, which are not MUST assertions.
INCORRECT = {
    "anno2.json": "3.1-annotationContextValidated.json",
    "anno3.json": "3.1-annotationContextValidated.json",
    "anno4.json": "3.1-annotationContextValidated.json",
    "anno5.json": "3.1-annotationContextValidated.json",
    "anno6.json": "3.1-annotationIdValidated.json",  # "not a uri": needs the uri format check
    "anno7.json": "3.1-annotationIdValidated.json",  # two ids: kept as they are
    "anno8.json": "3.1-annotationTypeValidated.json",
    "anno9.json": "3.1-annotationTypeValidated.json",
    "anno11.json": "3.2-targetObjectsRecognized.json",
    "anno28.json": "3.3.1-annotationCreatedValidated.json",  # "yesterday": date-time format
    "anno29.json": "3.3.1-annotationModifiedValidated.json",
    "anno30.json": "3.3.1-annotationGeneratedValidated.json",
    "anno31.json": "3.3.1-annotationModifiedValidated.json",
    "anno32.json": "3.3.1-annotationCreatedValidated.json",
    "anno33.json": "3.3.1-annotationGeneratedValidated.json",
    "anno34.json": "3.3.6-annotationRightsValidated.json",
    "anno35.json": "3.3.7-annotationViaValidated.json",
    "anno36.json": "3.3.7-annotationCanonicalValidated.json",
    "anno38.json": "4.2-fragmentCssXPathSelectorValid.json",
    "anno39.json": "4.2-fragmentCssXPathSelectorValid.json",
}


def test_validator_rejects_the_incorrect_samples(suite):
    missed = {}
    for name, assertion in INCORRECT.items():
        sample = _sample("incorrect", name)
        if name != "anno7.json" and isinstance(sample.get("id"), list):
            sample["id"] = "http://example.org/anno-fixed"
        failed = _failed(suite, sample)
        if assertion not in failed:
            missed[name] = {"expected to fail": assertion, "failed": sorted(failed)}
    assert not missed, json.dumps(missed, indent=1)


def test_validator_checks_text_selectors(suite):
    """Single defects on a correct TextQuoteSelector/TextPositionSelector sample are caught."""
    good = {
        "@context": ANNO_CONTEXT,
        "id": "http://example.org/anno",
        "type": "Annotation",
        "body": {"type": "TextualBody", "value": "claim", "purpose": "tagging"},
        "target": {
            "source": "http://example.org/doc",
            "selector": [
                {"type": "TextQuoteSelector", "exact": "x", "prefix": "a", "suffix": "b"},
                {"type": "TextPositionSelector", "start": 1, "end": 2},
            ],
        },
    }
    assert _failed(suite, good) == set()
    cases = {
        "exact missing": (lambda a: a["target"]["selector"][0].pop("exact"), "4.2.4-textQuoteSelectorValid.json"),
        "two prefixes": (
            lambda a: a["target"]["selector"][0].update(prefix=["a", "b"]),
            "4.2.4-textQuoteSelectorValid.json",
        ),
        "start not a number": (
            lambda a: a["target"]["selector"][1].update(start="1"),
            "4.2-TextDataPositionSelectorValid.json",
        ),
        "negative end": (
            lambda a: a["target"]["selector"][1].update(end=-2),
            "4.2-TextDataPositionSelectorValid.json",
        ),
        "https context": (lambda a: a.update({"@context": "https://www.w3.org/ns/anno.jsonld"}), "3.1-annotationContextValidated.json"),
        "created not a date": (lambda a: a.update(created="2026-11-27 10:00"), "3.3.1-annotationCreatedValidated.json"),
        "body and bodyValue": (lambda a: a.update(bodyValue="x"), "3.2.5-notBodyBodyValue.json"),
    }
    missed = {}
    for what, (mutate, assertion) in cases.items():
        bad = copy.deepcopy(good)
        mutate(bad)
        failed = _failed(suite, bad)
        if assertion not in failed:
            missed[what] = sorted(failed)
    assert not missed, missed


def _alone(body: dict) -> dict:
    """A minimal annotation whose only body is `body`."""
    return {
        "@context": ANNO_CONTEXT,
        "id": "http://example.org/anno",
        "type": "Annotation",
        "body": body,
        "target": "http://example.org/doc",
    }


def test_validator_checks_specific_resource_bodies(suite):
    """A cue-like body (a SpecificResource with purpose describing and a TextPositionSelector)
    passes the MUSTs and the body MAYs; a bad selector or a purpose outside the model's list is
    caught."""
    mays = [suite.assertion(rel) for rel in BODY_MAYS]
    good = {
        "type": "SpecificResource",
        "purpose": "describing",
        "source": "http://example.org/doc",
        "selector": {"type": "TextPositionSelector", "start": 3, "end": 9},
    }
    assert suite.failures(suite.annotation_musts, _alone(good)) == []
    assert suite.failures(mays, _alone(good)) == []
    bad_purpose = {**good, "purpose": "reporting"}
    assert {f.assertion for f in suite.failures(mays, _alone(bad_purpose))} == {BODY_MAYS[1]}
    bad_selector = {**good, "selector": {"type": "TextPositionSelector", "start": "3", "end": 9}}
    assert "4.2-TextDataPositionSelectorValid.json" in _failed(suite, _alone(bad_selector))
    no_source = {k: v for k, v in good.items() if k != "source"}
    assert suite.failures([suite.assertion(BODY_MAYS[0])], _alone(no_source)), "a source-less body passed"


def test_validator_checks_collections(suite):
    good = _sample("correct", "collection1.json")
    assert suite.failures(suite.collection_musts, good) == []
    assert suite.failures(suite.page_musts, good) == []
    bad_total = copy.deepcopy(good)
    bad_total["total"] = "many"
    assert suite.failures(suite.collection_musts, bad_total)
    bad_items = copy.deepcopy(good)
    bad_items["first"]["items"] = [{"id": "not an annotation"}]
    assert suite.failures(suite.page_musts, bad_items)
    bad_context = copy.deepcopy(good)
    bad_context["@context"] = "http://example.org/context"
    assert suite.failures(suite.collection_musts, bad_context)


# --- claimmark's export ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def collection(convert) -> dict:
    path = convert("w3c", "corpus.w3c.jsonld")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def items(collection) -> list[dict]:
    first = collection.get("first")
    assert isinstance(first, dict), f"'first' must be an embedded AnnotationPage, found {first!r}"
    assert isinstance(first.get("items"), list), "first.items must be a list"
    return first["items"]


def _as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def _selectors(annotation: dict) -> tuple[dict, dict]:
    target = annotation["target"]
    assert isinstance(target, dict), f"{annotation.get('id')}: target must be an object"
    by_type: dict[str, list[dict]] = {}
    for selector in _as_list(target.get("selector")):
        by_type.setdefault(selector.get("type"), []).append(selector)
    quote, position = by_type.get("TextQuoteSelector", []), by_type.get("TextPositionSelector", [])
    assert len(quote) == 1 and len(position) == 1, (
        f"{annotation.get('id')}: want one TextQuoteSelector and one TextPositionSelector, found {list(by_type)}"
    )
    return quote[0], position[0]


def _placed(items: list[dict], docs: list[Doc]) -> list[tuple[dict, Doc, dict, dict]]:
    """Each exported annotation with the fixture document its selectors fit."""
    placed = []
    for annotation in items:
        quote, position = _selectors(annotation)
        start, end = position["start"], position["end"]
        fits = [d for d in docs if d.text[start:end] == quote["exact"]]
        assert len(fits) == 1, (
            f"{annotation.get('id')}: TextPositionSelector {start}..{end} with exact {quote['exact']!r} "
            f"fits {len(fits)} fixture documents"
        )
        placed.append((annotation, fits[0], quote, position))
    return placed


def _bodies(annotation: dict, purpose: str) -> list[dict]:
    return [
        b
        for b in _as_list(annotation.get("body", []))
        if isinstance(b, dict) and purpose in _as_list(b.get("purpose"))
    ]


def test_collection_shape(collection, items, docs):
    assert collection.get("@context") == ANNO_CONTEXT
    assert collection.get("type") == "AnnotationCollection"
    expected = sum(len(d.annotations) for d in docs)
    assert len(items) == expected, f"{len(items)} annotations exported, fixtures hold {expected}"
    if "total" in collection:
        assert collection["total"] == len(items)
    assert collection["first"].get("type") == "AnnotationPage"


def test_collection_passes_the_collection_and_page_musts(collection, suite):
    failures = suite.failures(suite.collection_musts, collection) + suite.failures(suite.page_musts, collection)
    assert not failures, "\n".join(map(str, failures))


def test_every_annotation_passes_the_54_musts(items, suite):
    assert len(suite.annotation_musts) == 54
    problems = {}
    for index, annotation in enumerate(items):
        failures = suite.failures(suite.annotation_musts, annotation)
        if failures:
            problems[f"items[{index}] {annotation.get('id')}"] = [str(f) for f in failures]
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)


def test_annotations_are_standalone(items):
    ids = []
    for annotation in items:
        assert annotation.get("@context") == ANNO_CONTEXT, f"{annotation.get('id')}: own @context"
        assert annotation.get("type") == "Annotation"
        ids.append(annotation.get("id"))
    assert len(set(ids)) == len(ids), f"annotation ids repeat: {ids}"


def test_selectors_slice_the_text_in_code_points(items, docs):
    for annotation, doc, quote, position in _placed(items, docs):
        where = f"{annotation['id']} ({doc.path.name})"
        start, end = position["start"], position["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(doc.text), where
        assert doc.text[start:end] == quote["exact"], where
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        assert len(prefix) <= QUOTE_CONTEXT_MAX, f"{where}: prefix has {len(prefix)} code points"
        assert len(suffix) <= QUOTE_CONTEXT_MAX, f"{where}: suffix has {len(suffix)} code points"
        assert doc.text[start - len(prefix) : start] == prefix, f"{where}: prefix {prefix!r} is not the text before"
        assert doc.text[end : end + len(suffix)] == suffix, f"{where}: suffix {suffix!r} is not the text after"


def test_every_fixture_annotation_is_exported_once_with_its_label_and_source(items, docs):
    seen = []
    sources_per_doc: dict[str, set] = {}
    for annotation, doc, _quote, position in _placed(items, docs):
        where = f"{annotation['id']} ({doc.path.name})"
        tags = _bodies(annotation, "tagging")
        assert len(tags) == 1, f"{where}: want one tagging body, found {len(tags)}"
        assert tags[0].get("type") == "TextualBody", where
        expected = doc.by_span(position["start"], position["end"], tags[0].get("value"))
        seen.append((doc.path.name, expected.id))
        identifying = _bodies(annotation, "identifying")
        names = [b.get("value") for b in identifying if b.get("type") == "TextualBody"]
        assert names == ([] if expected.source is None else [expected.source]), (
            f"{where}: identifying TextualBody values {names}, fixture source {expected.source!r}"
        )
        # The source's own words in the text: an identifying SpecificResource on the same
        # document whose TextPositionSelector is the mention. The reporting cue likewise, with
        # purpose describing (and no describing TextualBody: that purpose is the cue's alone).
        mentions = [b for b in identifying if b.get("type") == "SpecificResource"]
        assert len(identifying) == len(names) + len(mentions), f"{where}: unexpected identifying bodies"
        describing = _bodies(annotation, "describing")
        cues = [b for b in describing if b.get("type") == "SpecificResource"]
        assert len(describing) == len(cues), f"{where}: describing bodies that are not SpecificResources"
        for kind, found in (("mention", mentions), ("cue", cues)):
            want = expected.linked(kind)
            if want is None:
                assert found == [], f"{where}: {expected.id} has no {kind} but exports {found}"
                continue
            assert len(found) == 1, f"{where}: want one {kind} body, found {len(found)}"
            assert _as_list(found[0].get("purpose")) == [LINKED_PURPOSE[kind]], f"{where}: {kind} purposes {found[0].get('purpose')}"
            assert found[0].get("source") == annotation["target"]["source"], f"{where}: {kind} on another source"
            selectors = [x for x in _as_list(found[0].get("selector")) if x.get("type") == "TextPositionSelector"]
            assert [(x["start"], x["end"]) for x in selectors] == [want], f"{where}: {kind} selectors {selectors}"
            start, end = want
            assert doc.text[start:end].strip(), f"{where}: {kind} selects nothing"
        # No body but these: label, source name, mention, cue, note.
        known = [*tags, *identifying, *describing, *_bodies(annotation, "commenting")]
        assert len(known) == len(_as_list(annotation.get("body", []))), f"{where}: bodies with other purposes"
        # The note: one commenting TextualBody, absent when the note is empty.
        comments = [(b.get("type"), b.get("value")) for b in _bodies(annotation, "commenting")]
        assert comments == ([("TextualBody", expected.note)] if expected.note else []), (
            f"{where}: commenting bodies {comments}, fixture note {expected.note!r}"
        )
        sources_per_doc.setdefault(doc.path.name, set()).add(json.dumps(annotation["target"].get("source")))
    want = sorted((d.path.name, a.id) for d in docs for a in d.annotations)
    assert sorted(seen) == want
    # One target source per document, a different one for each.
    assert all(len(s) == 1 for s in sources_per_doc.values()), sources_per_doc
    assert len({next(iter(s)) for s in sources_per_doc.values()}) == len(docs), sources_per_doc


def test_mention_and_cue_bodies_are_specific_resources_with_model_purposes(items, docs, suite):
    """Each mention and cue body, taken alone as an annotation's body, meets the MUSTs and the
    suite's Specific Resource and purpose assertions (describing is in the model's list)."""
    mays = [suite.assertion(rel) for rel in BODY_MAYS]
    counted = {"mention": 0, "cue": 0}
    problems = {}
    for annotation, _doc, _quote, _position in _placed(items, docs):
        for kind, purpose in LINKED_PURPOSE.items():
            for body in _bodies(annotation, purpose):
                if body.get("type") != "SpecificResource":
                    continue
                counted[kind] += 1
                failures = suite.failures(suite.annotation_musts + mays, _alone(body))
                if failures:
                    problems[f"{annotation['id']} {kind}"] = [str(f) for f in failures]
    assert not problems, json.dumps(problems, indent=1, ensure_ascii=False)
    want = {k: sum(a.linked(k) is not None for d in docs for a in d.annotations) for k in counted}
    assert counted == want, f"mention/cue bodies {counted}, fixtures hold {want}"
