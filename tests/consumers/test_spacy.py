"""spaCy / Prodigy JSONL export (`--to spacy`), loaded into spaCy 3.8 Docs.

No pipeline model can be downloaded here, so `spacy.blank("en")` tokenizes; char_span in
"expand" mode is what a span categorizer's training data would use on word-snapped spans.
Source mentions and reporting cues become span groups of their own ("source", "cue"), each
span's id_ the annotation it belongs to, so that what spaCy keeps of them can be compared too.
"""

from __future__ import annotations

import pytest
import spacy
from conftest import doc_for_text, read_jsonl
from spacy.tokens import DocBin

SPANS_KEY = "sc"
# The span group of each kind of linked span, and its keys in a JSONL span.
LINKED_KEYS = {"mention": ("source", "mention_start", "mention_end"), "cue": ("cue", "cue_start", "cue_end")}


@pytest.fixture(scope="module")
def records(convert) -> list[dict]:
    return read_jsonl(convert("spacy", "corpus.spacy.jsonl"))


@pytest.fixture(scope="module")
def nlp():
    assert spacy.__version__ == "3.8.18", f"the offset vectors were made with spaCy 3.8.18, not {spacy.__version__}"
    return spacy.blank("en")


def test_one_line_per_document_with_meta(records, docs):
    assert len(records) == len(docs)
    for number, record in enumerate(records, 1):
        doc = doc_for_text(docs, record["text"], f"line {number}")
        expected = {"title": doc.title, "document_id": doc.id, "language": doc.language, "offset_unit": "codepoint"}
        assert record["meta"] == expected, f"line {number}"
    assert sorted(r["meta"]["title"] for r in records) == sorted(d.title for d in docs)


def test_spans_are_the_fixture_annotations(records, docs):
    for number, record in enumerate(records, 1):
        doc = doc_for_text(docs, record["text"], f"line {number}")
        want = []
        for a in doc.annotations:
            span = {"start": a.start, "end": a.end, "label": a.label, "id": a.id}
            if a.source is not None:
                span["source"] = a.source
            if a.mention is not None:
                span["mention_start"], span["mention_end"] = a.mention
            if a.cue is not None:
                span["cue_start"], span["cue_end"] = a.cue
            if a.note:
                span["note"] = a.note
            want.append(span)
        assert record["spans"] == want, f"line {number} ({doc.path.name})"


def _spacy_doc(nlp, record, where):
    text = record["text"]
    sdoc = nlp.make_doc(text)
    assert sdoc.text == text, f"{where}: spaCy changed the text"
    spans = []
    linked: dict[str, list] = {group: [] for group, _, _ in LINKED_KEYS.values()}
    for span in record["spans"]:
        s, e = span["start"], span["end"]
        got = sdoc.char_span(s, e, label=span["label"], alignment_mode="expand")
        assert got is not None, f"{where} {span['id']}: char_span({s}, {e}, expand) is None"
        assert text[s:e] in got.text, f"{where} {span['id']}: {got.text!r} lacks the quote {text[s:e]!r}"
        assert got.start_char <= s and e <= got.end_char, f"{where} {span['id']}"
        got.id_ = span["id"]
        spans.append(got)
        for kind, (group, start_key, end_key) in LINKED_KEYS.items():
            assert (start_key in span) == (end_key in span), f"{where} {span['id']}: half a {kind}: {span}"
            if start_key not in span:
                continue
            ls, le = span[start_key], span[end_key]
            one = sdoc.char_span(ls, le, label=kind, alignment_mode="expand")
            assert one is not None, f"{where} {span['id']}: {kind} char_span({ls}, {le}, expand) is None"
            assert text[ls:le] in one.text and one.start_char <= ls and le <= one.end_char, (
                f"{where} {span['id']}: {kind} {ls}..{le} {text[ls:le]!r} -> {one.text!r}"
            )
            one.id_ = span["id"]
            linked[group].append(one)
    sdoc.spans[SPANS_KEY] = spans
    for group, members in linked.items():
        sdoc.spans[group] = members
    return sdoc


def test_linked_spans_are_whole_tokens_at_their_offsets(records, nlp, docs):
    """The fixtures' mentions and cues are whole words, so spaCy's strict char_span must find
    exactly them: an offset counted in other units (UTF-16, bytes) would land elsewhere or
    mid-token and give None or other words."""
    checked = {"mention": 0, "cue": 0}
    for number, record in enumerate(records, 1):
        doc = doc_for_text(docs, record["text"], f"line {number}")
        sdoc = nlp.make_doc(record["text"])
        for span in record["spans"]:
            a = doc.by_id(span["id"])
            for kind, (_, start_key, end_key) in LINKED_KEYS.items():
                if a.linked(kind) is None:
                    continue
                ls, le = span[start_key], span[end_key]
                strict = sdoc.char_span(ls, le)
                assert strict is not None, f"line {number} {a.id}: {kind} {ls}..{le} is not on token edges"
                assert strict.text == doc.text[slice(*a.linked(kind))], f"line {number} {a.id}: {kind}"
                checked[kind] += 1
    assert checked["cue"] == sum(a.cue is not None for d in docs for a in d.annotations), checked
    assert checked["mention"] == sum(a.mention is not None for d in docs for a in d.annotations), checked


def test_linked_span_groups_hold_each_annotations_mention_and_cue(records, nlp, docs):
    for number, record in enumerate(records, 1):
        doc = doc_for_text(docs, record["text"], f"line {number}")
        sdoc = _spacy_doc(nlp, record, f"line {number}")
        for kind, (group, _, _) in LINKED_KEYS.items():
            got = sorted((s.id_, s.start_char, s.end_char, s.text) for s in sdoc.spans[group])
            want = sorted(
                (a.id, *a.linked(kind), doc.text[slice(*a.linked(kind))])
                for a in doc.annotations
                if a.linked(kind) is not None
            )
            assert got == want, f"line {number} ({doc.path.name}): span group {group!r}"


def test_char_spans_cover_every_quote(records, nlp):
    for number, record in enumerate(records, 1):
        sdoc = _spacy_doc(nlp, record, f"line {number}")
        assert len(sdoc.spans[SPANS_KEY]) == len(record["spans"])


def test_spans_survive_docbin(records, nlp):
    originals = [_spacy_doc(nlp, r, f"line {n}") for n, r in enumerate(records, 1)]
    docbin = DocBin(docs=originals)
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert len(restored) == len(originals)

    def key(sdoc, group=SPANS_KEY):
        return [(s.start_char, s.end_char, s.label_, s.id_, s.text) for s in sdoc.spans[group]]

    for before, after, record in zip(originals, restored, records):
        assert after.text == record["text"]
        assert key(after) == key(before)
        for group, _, _ in LINKED_KEYS.values():
            assert key(after, group) == key(before, group), f"span group {group!r} after DocBin"
        assert [s.label_ for s in after.spans[SPANS_KEY]] == [s["label"] for s in record["spans"]]
        assert [s.id_ for s in after.spans[SPANS_KEY]] == [s["id"] for s in record["spans"]]
