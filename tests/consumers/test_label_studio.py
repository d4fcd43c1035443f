"""Label Studio JSON export (`--to label-studio`), read by label-studio-converter.

The converter turns the tasks into JSON_MIN (one flat record per annotation) using the
labelling config below, offline. It keeps only results whose `from_name` is a control tag of
the config, so what comes out shows what Label Studio itself would load.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest
from conftest import LINKED, REPO, doc_for_text
from label_studio_converter import Converter

# The labelling config of the README (Source and Cue labels, attribution and cue relations).
CONFIG = (
    '<View><Text name="text" value="$text"/><Labels name="label" toName="text"><Label value="claim"/>'
    '<Label value="allegation"/><Label value="proposal"/><Label value="Source"/><Label value="Cue"/></Labels>'
    '<Relations><Relation value="attribution"/><Relation value="cue"/></Relations>'
    '<TextArea name="source" toName="text" perRegion="true"/>'
    '<TextArea name="note" toName="text" perRegion="true"/></View>'
)
# The id suffix of each kind of linked region: `<annotation id>-source`, `<annotation id>-cue`.
SUFFIX = {"mention": "source", "cue": "cue"}
LINKED_LABELS = {label for label, _ in LINKED.values()}


@pytest.fixture(scope="module")
def export_path(convert):
    return convert("label-studio", "corpus.label-studio.json")


@pytest.fixture(scope="module")
def tasks(export_path) -> list[dict]:
    tasks = json.loads(export_path.read_text(encoding="utf-8"))
    assert isinstance(tasks, list), "a Label Studio import is a JSON list of tasks"
    return tasks


def _results(task) -> list[dict]:
    assert len(task["annotations"]) == 1, f"task {task['id']}: want one annotation"
    return task["annotations"][0]["result"]


def test_config_is_the_readmes_and_declares_every_label_and_relation(tasks):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"\*\*Label Studio\*\*.*?```xml\n(.*?)```", readme, re.S)
    assert block, "README.md: no ```xml labelling config after **Label Studio**"
    assert re.sub(r">\s+<", "><", block.group(1).strip()) == CONFIG, "README's labelling config differs from CONFIG"
    view = ET.fromstring(CONFIG)
    labels = {x.get("value") for x in view.iter("Label")}
    relations = {x.get("value") for x in view.iter("Relation")}
    assert {label for label, _ in LINKED.values()} <= labels and {r for _, r in LINKED.values()} <= relations
    for task in tasks:
        for r in _results(task):
            if r["type"] == "labels":
                assert set(r["value"]["labels"]) <= labels, f"task {task['id']} {r['id']}: undeclared label"
            elif r["type"] == "relation":
                assert set(r["labels"]) <= relations, f"task {task['id']}: undeclared relation {r['labels']}"


def test_one_task_per_document(tasks, docs):
    assert len(tasks) == len(docs)
    assert len({t["id"] for t in tasks}) == len(tasks), "task ids repeat"
    for task in tasks:
        doc = doc_for_text(docs, task["data"]["text"], f"task {task['id']}")
        assert task["data"]["title"] == doc.title


def test_label_regions_quote_the_text(tasks, docs):
    for task in tasks:
        text = task["data"]["text"]
        labels = [r for r in _results(task) if r["type"] == "labels"]
        assert labels, f"task {task['id']}: no labels results"
        for r in labels:
            v = r["value"]
            assert r["from_name"] == "label" and r["to_name"] == "text", f"task {task['id']} {r['id']}"
            assert text[v["start"] : v["end"]] == v["text"], f"task {task['id']} {r['id']}: {v}"


def test_regions_relations_and_textareas_match_the_fixture(tasks, docs):
    for task in tasks:
        doc = doc_for_text(docs, task["data"]["text"], f"task {task['id']}")
        where = f"task {task['id']} ({doc.path.name})"
        results = _results(task)
        regions = {}
        for r in results:
            if r["type"] == "labels":
                assert r["id"] not in regions, f"{where}: region id {r['id']} repeats"
                regions[r["id"]] = r["value"]
        claims = {rid: v for rid, v in regions.items() if not set(v["labels"]) & LINKED_LABELS}
        got = sorted((v["start"], v["end"], tuple(v["labels"])) for v in claims.values())
        want = sorted((a.start, a.end, (a.label,)) for a in doc.annotations)
        assert got == want, f"{where}: label regions differ from the fixture"

        kind_of = {relation: kind for kind, (_, relation) in LINKED.items()}
        relations = [r for r in results if r["type"] == "relation"]
        linked: dict[str, dict[str, tuple]] = {kind: {} for kind in LINKED}
        for r in relations:
            assert r.get("direction") == "right" and len(r.get("labels", [])) == 1, f"{where}: {r}"
            kind = kind_of.get(r["labels"][0])
            assert kind is not None, f"{where}: relation labelled {r['labels']}"
            assert r["from_id"] in claims, f"{where}: relation from unknown region {r['from_id']}"
            target = regions.get(r["to_id"])
            assert target is not None and target["labels"] == [LINKED[kind][0]], f"{where}: {kind} relation to {r['to_id']}"
            assert r["to_id"] == f"{r['from_id']}-{SUFFIX[kind]}", f"{where}: {kind} region id {r['to_id']!r}"
            assert r["from_id"] not in linked[kind], f"{where}: two {kind} relations from {r['from_id']}"
            linked[kind][r["from_id"]] = (target["start"], target["end"])
        # Every Source/Cue region is the target of its one relation.
        targets = sorted(r["to_id"] for r in relations)
        assert targets == sorted(rid for rid in regions if rid not in claims), f"{where}: unlinked Source/Cue regions"

        textareas: dict[tuple[str, str], list] = {}
        for r in results:
            if r["type"] == "textarea":
                assert r["from_name"] in ("source", "note") and r["to_name"] == "text", f"{where}: {r}"
                assert r["id"] in claims, f"{where}: per-region textarea for unknown region {r['id']}"
                region = claims[r["id"]]
                assert (r["value"]["start"], r["value"]["end"]) == (region["start"], region["end"]), where
                assert (r["id"], r["from_name"]) not in textareas, f"{where}: repeated textarea {r['id']}"
                textareas[(r["id"], r["from_name"])] = r["value"]["text"]

        for rid, v in claims.items():
            a = doc.by_span(v["start"], v["end"], v["labels"][0])
            assert rid == a.id, f"{where}: region {rid!r} for annotation {a.id}"
            for kind in LINKED:
                assert linked[kind].get(rid) == a.linked(kind), f"{where} {a.id}: {kind} {linked[kind].get(rid)} != {a.linked(kind)}"
            assert textareas.get((rid, "source")) == ([a.source] if a.source else None), f"{where} {a.id}: source"
            assert textareas.get((rid, "note")) == ([a.note] if a.note else None), f"{where} {a.id}: note"
        for kind, (label, _) in LINKED.items():
            found = sorted((v["start"], v["end"]) for v in regions.values() if v["labels"] == [label])
            assert sorted(set(found)) == sorted(doc.linked(kind)), f"{where}: {label} regions != {kind}s"


def test_label_studio_converter_reads_it(export_path, tasks, docs, tmp_path):
    converter = Converter(CONFIG, project_dir=str(tmp_path), download_resources=False)
    assert "JSON_MIN" in converter.supported_formats
    out = tmp_path / "json_min"
    converter.convert(str(export_path), str(out), "JSON_MIN", is_dir=False)
    records = json.loads((out / "result.json").read_text(encoding="utf-8"))
    assert len(records) == len(docs)
    for record in records:
        doc = doc_for_text(docs, record["text"], f"converted record {record.get('id')}")
        where = f"converted {doc.path.name}"
        labels = record.get("label")
        assert isinstance(labels, list), f"{where}: 'label' missing or not a list: {labels!r}"
        got = Counter((x["start"], x["end"], x["text"], tuple(x["labels"])) for x in labels)
        want = Counter((a.start, a.end, doc.text[a.start : a.end], (a.label,)) for a in doc.annotations)
        # One region per annotation that has a mention or cue (Label Studio regions belong to
        # one annotation each, so a shared cue is one region per annotation).
        for kind, (label, _) in LINKED.items():
            want.update(
                (*a.linked(kind), doc.text[slice(*a.linked(kind))], (label,))
                for a in doc.annotations
                if a.linked(kind) is not None
            )
        assert got == want, f"{where}: spans differ\n got {sorted(got)}\nwant {sorted(want)}"

        def texts(key):
            value = record.get(key, [])
            return sorted(value if isinstance(value, list) else [value])

        assert texts("source") == sorted(a.source for a in doc.annotations if a.source), f"{where}: sources"
        assert texts("note") == sorted(a.note for a in doc.annotations if a.note), f"{where}: notes"
