"""spaCy / Prodigy JSONL export (`--to spacy`), loaded into spaCy 3.8 Docs.

No pipeline model can be downloaded here, so `spacy.blank("en")` tokenizes; char_span in
"expand" mode is what a span categorizer's training data would use on word-snapped spans.
"""

from __future__ import annotations

import pytest
import spacy
from conftest import doc_for_text, read_jsonl
from spacy.tokens import DocBin

SPANS_KEY = "sc"


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
        assert record["meta"] == {"title": doc.title, "document_id": doc.id, "offset_unit": "codepoint"}, f"line {number}"
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
            if a.note:
                span["note"] = a.note
            want.append(span)
        assert record["spans"] == want, f"line {number} ({doc.path.name})"


def _spacy_doc(nlp, record, where):
    text = record["text"]
    sdoc = nlp.make_doc(text)
    assert sdoc.text == text, f"{where}: spaCy changed the text"
    spans = []
    for span in record["spans"]:
        s, e = span["start"], span["end"]
        got = sdoc.char_span(s, e, label=span["label"], alignment_mode="expand")
        assert got is not None, f"{where} {span['id']}: char_span({s}, {e}, expand) is None"
        assert text[s:e] in got.text, f"{where} {span['id']}: {got.text!r} lacks the quote {text[s:e]!r}"
        assert got.start_char <= s and e <= got.end_char, f"{where} {span['id']}"
        got.id_ = span["id"]
        spans.append(got)
        if "mention_start" in span:
            ms, me = span["mention_start"], span["mention_end"]
            mention = sdoc.char_span(ms, me, alignment_mode="expand")
            assert mention is not None and text[ms:me] in mention.text, f"{where} {span['id']}: mention {ms}..{me}"
    sdoc.spans[SPANS_KEY] = spans
    return sdoc


def test_char_spans_cover_every_quote(records, nlp):
    for number, record in enumerate(records, 1):
        sdoc = _spacy_doc(nlp, record, f"line {number}")
        assert len(sdoc.spans[SPANS_KEY]) == len(record["spans"])


def test_spans_survive_docbin(records, nlp):
    originals = [_spacy_doc(nlp, r, f"line {n}") for n, r in enumerate(records, 1)]
    docbin = DocBin(docs=originals)
    restored = list(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert len(restored) == len(originals)

    def key(sdoc):
        return [(s.start_char, s.end_char, s.label_, s.id_, s.text) for s in sdoc.spans[SPANS_KEY]]

    for before, after, record in zip(originals, restored, records):
        assert after.text == record["text"]
        assert key(after) == key(before)
        assert [s.label_ for s in after.spans[SPANS_KEY]] == [s["label"] for s in record["spans"]]
        assert [s.id_ for s in after.spans[SPANS_KEY]] == [s["id"] for s in record["spans"]]
