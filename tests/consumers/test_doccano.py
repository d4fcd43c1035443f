"""doccano JSONL export (`--to doccano`): checked against doccano's documented import shapes.

Why not doccano-transformer (1.0.2, its last release, 2020; installable, so tried, not kept)? It
cannot read this file, for reasons that have nothing to do with claimmark:
  * `import doccano_transformer.datasets` fails under spaCy 3: its examples module does
    `from spacy.gold import biluo_tags_from_offsets`, a spaCy 2 module removed in spaCy 3.0
    (we need spaCy 3.8 for the spaCy export);
  * its `NERExample` reads `raw["id"]` and then `raw["labels"]` or `raw["annotations"]`,
    the shapes of doccano <= 1.0; doccano's sequence-labelling import and export (and the
    example in ../shared/fixtures/doccano/) use `"label"`, and carry no `"id"`.
So this module checks the two documented shapes itself, and first proves the checker on
doccano's own examples in ../shared/fixtures/doccano/ and on broken variants of them.
"""

from __future__ import annotations

import copy
import json

import pytest
from conftest import LINKED, SHARED, doc_for_text, read_jsonl

DOCCANO_EXAMPLES = SHARED / "fixtures" / "doccano"


def _is_int(x) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _span_ok(text: str, start, end) -> bool:
    return _is_int(start) and _is_int(end) and 0 <= start < end <= len(text)


def sequence_labeling_problems(record: dict) -> list[str]:
    """doccano sequence labelling JSONL: {"text": str, "label": [[start, end, "label"], ...]}."""
    problems = []
    text = record.get("text")
    if not isinstance(text, str):
        return ['"text" is missing or not a string']
    labels = record.get("label")
    if not isinstance(labels, list):
        return ['"label" is missing or not a list']
    for i, item in enumerate(labels):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[2], str) and item[2]):
            problems.append(f"label[{i}] is not [start, end, label]: {item!r}")
        elif not _span_ok(text, item[0], item[1]):
            problems.append(f"label[{i}] offsets {item[0]}..{item[1]} are not within the text")
    return problems


def relation_extraction_problems(record: dict) -> list[str]:
    """doccano relation extraction: {"text", "entities": [{id, start_offset, end_offset, label}],
    "relations": [{id, from_id, to_id, type}]}, ids unique, relations between known entities."""
    problems = []
    text = record.get("text")
    if not isinstance(text, str):
        return ['"text" is missing or not a string']
    entities, relations = record.get("entities"), record.get("relations")
    if not isinstance(entities, list) or not isinstance(relations, list):
        return ['"entities" and "relations" must be lists']
    ids = set()
    for i, e in enumerate(entities):
        if not isinstance(e, dict) or not {"id", "start_offset", "end_offset", "label"} <= set(e):
            problems.append(f"entities[{i}] lacks id/start_offset/end_offset/label: {e!r}")
            continue
        if not _is_int(e["id"]) or e["id"] in ids:
            problems.append(f"entities[{i}] id {e['id']!r} is not a unique integer")
        ids.add(e["id"])
        if not (isinstance(e["label"], str) and e["label"]):
            problems.append(f"entities[{i}] label {e['label']!r}")
        if not _span_ok(text, e["start_offset"], e["end_offset"]):
            problems.append(f"entities[{i}] offsets {e['start_offset']}..{e['end_offset']} are not within the text")
    relation_ids = set()
    for i, r in enumerate(relations):
        if not isinstance(r, dict) or not {"id", "from_id", "to_id", "type"} <= set(r):
            problems.append(f"relations[{i}] lacks id/from_id/to_id/type: {r!r}")
            continue
        if not _is_int(r["id"]) or r["id"] in relation_ids:
            problems.append(f"relations[{i}] id {r['id']!r} is not a unique integer")
        relation_ids.add(r["id"])
        for end in ("from_id", "to_id"):
            if r[end] not in ids:
                problems.append(f"relations[{i}] {end} {r[end]!r} is no entity")
        if not (isinstance(r["type"], str) and r["type"]):
            problems.append(f"relations[{i}] type {r['type']!r}")
    return problems


def test_checker_accepts_doccanos_examples_and_rejects_broken_ones():
    sequence = read_jsonl(DOCCANO_EXAMPLES / "sequence_labeling.example.jsonl")
    relation = json.loads((DOCCANO_EXAMPLES / "relation_extraction.example.json").read_text(encoding="utf-8"))
    assert sequence and all(sequence_labeling_problems(r) == [] for r in sequence)
    assert relation_extraction_problems(relation) == []
    broken = [
        (sequence_labeling_problems, sequence[0], lambda r: r["label"][0].__setitem__(1, len(r["text"]) + 1)),
        (sequence_labeling_problems, sequence[0], lambda r: r["label"].append([3, 1, "ORG"])),
        (sequence_labeling_problems, sequence[0], lambda r: r.update(label={"ORG": [0, 2]})),
        (relation_extraction_problems, relation, lambda r: r["entities"][1].update(id=0)),
        (relation_extraction_problems, relation, lambda r: r["relations"][0].update(to_id=99)),
        (relation_extraction_problems, relation, lambda r: r["entities"][0].update(end_offset=1000)),
        (relation_extraction_problems, relation, lambda r: r["relations"][0].pop("type")),
    ]
    for number, (check, good, mutate) in enumerate(broken):
        bad = copy.deepcopy(good)
        mutate(bad)
        assert check(bad), f"broken variant {number} was accepted"


@pytest.fixture(scope="module")
def records(convert) -> list[dict]:
    return read_jsonl(convert("doccano", "corpus.doccano.jsonl"))


def test_loads_as_sequence_labeling_and_relation_extraction(records, docs):
    assert len(records) == len(docs)
    for number, record in enumerate(records, 1):
        doc_for_text(docs, record["text"], f"line {number}")
        assert sequence_labeling_problems(record) == [], f"line {number}"
        assert relation_extraction_problems(record) == [], f"line {number}"


def test_labels_entities_and_relations_match_the_fixture(records, docs):
    for number, record in enumerate(records, 1):
        doc = doc_for_text(docs, record["text"], f"line {number}")
        where = f"line {number} ({doc.path.name})"
        want_labels = [[a.start, a.end, a.label] for a in doc.annotations]
        assert record["label"] == want_labels, where

        entities = {e["id"]: e for e in record["entities"]}
        spans = {i: (e["start_offset"], e["end_offset"], e["label"]) for i, e in entities.items()}
        # Annotation i is label[i] and entity i; then come the Source and Cue entities.
        n = len(doc.annotations)
        assert [spans.get(i) for i in range(n)] == [tuple(x) for x in want_labels], f"{where}: entities 0..{n - 1}"
        linked_labels = {label for label, _ in LINKED.values()}
        rest = [v for i, v in spans.items() if i >= n]
        assert all(v[2] in linked_labels for v in rest), f"{where}: extra entities {rest}"
        for kind, (label, _) in LINKED.items():
            found = [v[:2] for v in rest if v[2] == label]
            assert sorted(found) == sorted(doc.linked(kind)), f"{where}: {label} entities != {kind}s (each once)"

        kind_of_type = {relation: kind for kind, (_, relation) in LINKED.items()}
        got = {kind: [] for kind in LINKED}
        for r in record["relations"]:
            kind = kind_of_type.get(r["type"])
            assert kind is not None, f"{where}: relation type {r['type']!r}"
            target = spans[r["to_id"]]
            assert r["from_id"] < n, f"{where}: {r['type']} relation from a linked entity: {r}"
            assert target[2] == LINKED[kind][0], f"{where}: {r['type']} relation to a {target[2]} entity: {r}"
            got[kind].append((r["from_id"], target[:2]))
        for kind, pairs in got.items():
            want = sorted((i, a.linked(kind)) for i, a in enumerate(doc.annotations) if a.linked(kind) is not None)
            assert sorted(pairs) == want, f"{where}: {kind} relations {sorted(pairs)} != fixture {want}"
