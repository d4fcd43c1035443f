"""brat standoff export (`--to brat`), read back with pybrat.

pybrat reads the .txt with universal newlines (CRLF becomes LF, shifting every later offset),
so offsets are compared against the fixture's text and the .ann's own mention strings, never
against pybrat's text. pybrat skips `#` lines, so AnnotatorNotes are read here directly.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from conftest import CUE_LABEL, SOURCE_LABEL, Doc, doc_for_text, line_break_fragments
from pybrat.parser import BratParser

# Each kind of linked span: its entity type and the type of the relation to it.
LINKED_TYPES = {"mention": (SOURCE_LABEL, "Attribution"), "cue": (CUE_LABEL, "Has_cue")}
LINKED_ENTITY_TYPES = {entity for entity, _ in LINKED_TYPES.values()}


@pytest.fixture(scope="module")
def brat_dir(convert) -> Path:
    return convert("brat", "out/")


@pytest.fixture(scope="module")
def examples(brat_dir, docs):
    """(pybrat Example, fixture Doc, raw .ann lines) per document."""
    parsed = BratParser(error="raise").parse(brat_dir)
    result = []
    for example in parsed:
        txt = brat_dir / f"{example.id}.txt"
        doc = doc_for_text(docs, txt.read_bytes().decode("utf-8"), txt.name)
        ann_lines = (brat_dir / f"{example.id}.ann").read_bytes().decode("utf-8").split("\n")
        result.append((example, doc, ann_lines))
    return result


def _brat_mention(text: str, spans) -> str:
    # brat writes a fragmented entity's text as its fragments joined by one space.
    return " ".join(text[s.start : s.end] for s in spans)


def test_one_txt_ann_pair_per_document_named_by_title(brat_dir, docs):
    names = sorted(p.name for p in brat_dir.iterdir())
    want = sorted(f"{d.title}{ext}" for d in docs for ext in (".ann", ".txt"))
    assert names == want


def test_txt_is_the_document_text_exactly(brat_dir, docs):
    for doc in docs:
        raw = (brat_dir / f"{doc.title}.txt").read_bytes()
        assert raw == doc.text.encode("utf-8"), f"{doc.title}.txt differs from the document text"


def test_pybrat_reads_every_document(examples, docs):
    assert sorted(d.path.name for _, d, _ in examples) == sorted(d.path.name for d in docs)


def test_entities_match_the_annotations(examples):
    for example, doc, _ in examples:
        where = doc.path.name
        found = {}
        for entity in example.entities:
            spans = [(s.start, s.end) for s in entity.spans]
            for start, end in spans:
                assert 0 <= start < end <= len(doc.text), f"{where} {entity.id}: fragment {start} {end} outside the text"
            assert entity.mention == _brat_mention(doc.text, entity.spans), (
                f"{where} {entity.id}: .ann text {entity.mention!r} != the text at {spans}"
            )
            found.setdefault(entity.type, []).append(spans)
        annotations = sorted(line_break_fragments(doc.text, a.start, a.end) for a in doc.annotations)
        got = sorted(s for t, spans in found.items() if t not in LINKED_ENTITY_TYPES for s in spans)
        assert got == annotations, f"{where}: annotation entities {got} != fixture {annotations}"
        for a in doc.annotations:
            assert line_break_fragments(doc.text, a.start, a.end) in found.get(a.label, []), (
                f"{where} {a.id}: no {a.label} entity with fragments {line_break_fragments(doc.text, a.start, a.end)}"
            )
        for kind, (entity_type, _) in LINKED_TYPES.items():
            # Each distinct mention or cue once, however many annotations share it.
            want = sorted(line_break_fragments(doc.text, *m) for m in doc.linked(kind))
            assert sorted(found.get(entity_type, [])) == want, f"{where}: {entity_type} entities != {kind}s"


def test_fragments_split_only_at_line_breaks(examples):
    crossing = 0
    for example, doc, _ in examples:
        for entity in example.entities:
            first, last = entity.spans[0], entity.spans[-1]
            covered = doc.text[first.start : last.end]
            if len(entity.spans) > 1:
                crossing += 1
                for before, after in zip(entity.spans, entity.spans[1:]):
                    gap = doc.text[before.end : after.start]
                    assert gap and set(gap) <= {"\r", "\n"}, f"{doc.path.name} {entity.id}: gap {gap!r}"
            else:
                assert "\n" not in covered and "\r" not in covered, f"{doc.path.name} {entity.id} crosses a line break"
    assert crossing >= 1, "the nasty fixture has an annotation across CRLF; brat must write it as fragments"


def test_attribution_and_cue_relations(examples):
    types = {relation: kind for kind, (_, relation) in LINKED_TYPES.items()}
    for example, doc, _ in examples:
        where = doc.path.name
        by_id = {e.id: e for e in example.entities}
        got = {kind: [] for kind in LINKED_TYPES}
        for relation in example.relations:
            kind = types.get(relation.type)
            assert kind is not None, f"{where} {relation.id}: type {relation.type!r}"
            # As in doccano and Label Studio: from the annotation (Arg1) to its mention or cue (Arg2).
            assert relation.arg1.type not in LINKED_ENTITY_TYPES and relation.arg2.type == LINKED_TYPES[kind][0], (
                f"{where} {relation.id} {relation.type}: Arg1 {relation.arg1.type}, Arg2 {relation.arg2.type}"
            )
            assert by_id[relation.arg1.id] is relation.arg1 and by_id[relation.arg2.id] is relation.arg2
            got[kind].append((relation.arg1.type, tuple((s.start, s.end) for s in relation.arg1.spans),
                              tuple((s.start, s.end) for s in relation.arg2.spans)))
        for kind in LINKED_TYPES:
            want = sorted(
                (a.label, tuple(line_break_fragments(doc.text, a.start, a.end)),
                 tuple(line_break_fragments(doc.text, *a.linked(kind))))
                for a in doc.annotations
                if a.linked(kind) is not None
            )
            assert sorted(got[kind]) == want, f"{where}: {kind} relations {sorted(got[kind])} != fixture {want}"


def test_cue_lines_quote_the_text_in_code_points(examples):
    """The raw `T… Cue s e\ttext` lines, read without pybrat: one per distinct cue, offsets in
    code points of the .txt (not bytes or UTF-16), text exactly what they select."""
    for _example, doc, ann_lines in examples:
        got = []
        for line in ann_lines:
            fields = line.split("\t")
            if line.startswith("T") and fields[1].startswith(CUE_LABEL + " "):
                pieces = [tuple(map(int, piece.split())) for piece in fields[1][len(CUE_LABEL) + 1 :].split(";")]
                assert fields[2] == " ".join(doc.text[s:e] for s, e in pieces), f"{doc.path.name}: {line!r}"
                got.append(pieces)
        want = sorted(line_break_fragments(doc.text, *c) for c in doc.cues)
        assert sorted(got) == want, f"{doc.path.name}: Cue lines {got} != cues {want}"


def test_annotator_notes_carry_notes_and_source_names(examples):
    for example, doc, ann_lines in examples:
        where = doc.path.name
        notes: dict[str, list[str]] = {}
        for line in ann_lines:
            if line.startswith("#"):
                fields = line.split("\t")
                assert len(fields) == 3 and fields[1].startswith("AnnotatorNotes T"), f"{where}: bad line {line!r}"
                notes.setdefault(fields[1].split(" ", 1)[1], []).append(fields[2])
        entity_of = {}
        for entity in example.entities:
            if entity.type not in LINKED_ENTITY_TYPES:
                entity_of[(entity.type, tuple((s.start, s.end) for s in entity.spans))] = entity.id
        for a in doc.annotations:
            tid = entity_of[(a.label, tuple(line_break_fragments(doc.text, a.start, a.end)))]
            texts = notes.get(tid, [])
            if a.note:
                assert a.note in texts, f"{where} {a.id} ({tid}): note {a.note!r} not in AnnotatorNotes {texts}"
            if a.source:
                assert any(a.source in t for t in texts), (
                    f"{where} {a.id} ({tid}): source {a.source!r} not in AnnotatorNotes {texts}"
                )
            if not a.note and not a.source:
                assert texts == [], f"{where} {a.id} ({tid}): unexpected AnnotatorNotes {texts}"


def test_zip_holds_the_same_pairs_stored(convert, brat_dir):
    path = convert("brat", "corpus.brat.zip")
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None, "a member fails its CRC check"
        infos = z.infolist()
        assert all(i.compress_type == zipfile.ZIP_STORED for i in infos), "members must be stored"
        members = {i.filename: z.read(i) for i in infos}
    directory = {p.name: p.read_bytes() for p in brat_dir.iterdir()}
    assert sorted(members) == sorted(directory), "zip member names (UTF-8) differ from the directory export"
    assert members == directory
