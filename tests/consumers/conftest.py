"""Proof by the real consumers: claimmark's exports loaded by the tools they are meant for.

Each format is exported once per session by the real CLI (`claimmark convert --to FORMAT`) from
the two fixtures in tests/data/fixtures/, and the tests then load that output with the
consumer's own library (spaCy, jsonschema with the W3C suite, pybrat, label-studio-converter)
and compare what it read against the fixtures, which are the truth.

The CLI is `$CLAIMMARK_BIN`, else target/release/claimmark (scripts/consumers.sh builds it).
Nothing here is skipped: a missing binary, schema or library is a failure with a message.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURE_DIR = REPO / "tests" / "data" / "fixtures"
FIXTURE_FILES = [FIXTURE_DIR / "seed.claimmark.json", FIXTURE_DIR / "nasty.claimmark.json"]
# The vendored copy of ../shared (tests/data/shared/README.md).
SHARED = REPO / "tests" / "data" / "shared"

# Attribution mentions travel as spans with this label/type in doccano, Label Studio and brat,
# linked to their annotation by a relation of this type (brat capitalises relation types).
SOURCE_LABEL = "Source"
RELATION_TYPE = "attribution"
# Reporting cues ("announced", "urged") travel the same way, with these (brat: `Cue` for both).
CUE_LABEL = "Cue"
CUE_RELATION_TYPE = "cue"
# The label/type of each kind of span linked to an annotation, and the Ann field holding it.
LINKED = {"mention": (SOURCE_LABEL, RELATION_TYPE), "cue": (CUE_LABEL, CUE_RELATION_TYPE)}


@dataclass(frozen=True)
class Ann:
    id: str
    start: int
    end: int
    label: str
    source: str | None
    mention: tuple[int, int] | None
    cue: tuple[int, int] | None
    note: str

    def linked(self, kind: str) -> tuple[int, int] | None:
        """The annotation's "mention" or "cue" span."""
        return {"mention": self.mention, "cue": self.cue}[kind]


@dataclass(frozen=True)
class Doc:
    path: Path
    title: str
    text: str
    id: str
    language: str | None
    labels: tuple[str, ...]
    annotations: tuple[Ann, ...]

    def by_span(self, start: int, end: int, label: str) -> Ann:
        found = [a for a in self.annotations if (a.start, a.end, a.label) == (start, end, label)]
        assert len(found) == 1, f"{self.path.name}: no single annotation at {start}..{end} {label!r}"
        return found[0]

    def by_id(self, ann_id: str) -> Ann:
        found = [a for a in self.annotations if a.id == ann_id]
        assert len(found) == 1, f"{self.path.name}: no annotation with id {ann_id!r}"
        return found[0]

    @property
    def mentions(self) -> set[tuple[int, int]]:
        return {a.mention for a in self.annotations if a.mention is not None}

    @property
    def cues(self) -> set[tuple[int, int]]:
        return {a.cue for a in self.annotations if a.cue is not None}

    def linked(self, kind: str) -> set[tuple[int, int]]:
        """The distinct "mention" or "cue" spans of the document."""
        return {"mention": self.mentions, "cue": self.cues}[kind]


def splits_character(text: str, index: int) -> bool:
    """True when code point offset `index` falls inside a user-perceived character: before a
    combining mark, joiner, variation selector, emoji modifier or tag, after a zero-width
    joiner, or between CR and LF. Written from Unicode properties, independently of src/."""
    if index <= 0 or index >= len(text):
        return False
    after, before = text[index], text[index - 1]
    attached = (
        unicodedata.category(after) in ("Mn", "Mc", "Me")
        or after in "\u200c\u200d"
        or "\ufe00" <= after <= "\ufe0f"
        or "\U0001f3fb" <= after <= "\U0001f3ff"
        or "\U000e0020" <= after <= "\U000e007f"
        or "\U000e0100" <= after <= "\U000e01ef"
    )
    return attached or before == "\u200d" or (before, after) == ("\r", "\n")


def _linked_span(path: Path, ann_id: str, text: str, attribution: dict, key: str) -> tuple[int, int] | None:
    """`attribution[key]` ("mention" or "cue") as (start, end), checked against the text."""
    value = attribution.get(key)
    if value is None:
        return None
    where = f"{path.name} {ann_id}: {key}"
    assert isinstance(value, dict) and set(value) == {"start", "end"}, f"{where} is not {{start, end}}: {value!r}"
    start, end = value["start"], value["end"]
    assert all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)), f"{where}: offsets {value}"
    assert 0 <= start < end <= len(text), f"{where} {start}..{end} is not within the text ({len(text)})"
    words = text[start:end]
    assert words.strip() == words, f"{where} {words!r} has surrounding whitespace"
    for at in (start, end):
        assert not splits_character(text, at), f"{where} offset {at} splits a character ({text[at - 1 : at + 1]!r})"
    return (start, end)


def load_fixture(path: Path) -> Doc:
    """Reads a native fixture and checks the premises the tests rely on."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = data["document"]["text"]
    anns = []
    for a in data["annotations"]:
        assert text[a["start"] : a["end"]] == a["quote"], f"{path.name} {a['id']}: quote != text slice"
        attribution = a.get("attribution") or None
        for at in (a["start"], a["end"]):
            assert not splits_character(text, at), f"{path.name} {a['id']}: offset {at} splits a character"
        mention = cue = None
        if attribution:
            assert set(attribution) <= {"source", "mention", "cue"}, f"{path.name} {a['id']}: {sorted(attribution)}"
            mention = _linked_span(path, a["id"], text, attribution, "mention")
            cue = _linked_span(path, a["id"], text, attribution, "cue")
        anns.append(
            Ann(
                id=a["id"],
                start=a["start"],
                end=a["end"],
                label=a["label"],
                source=attribution["source"] if attribution else None,
                mention=mention,
                cue=cue,
                note=a.get("note", ""),
            )
        )
    keys = [(a.start, a.end, a.label) for a in anns]
    assert len(set(keys)) == len(keys), f"{path.name}: two annotations share span and label"
    labels = tuple(label["id"] for label in data.get("labels", [])) or ("claim", "allegation", "proposal")
    doc = Doc(
        path=path,
        title=data["document"]["title"],
        language=data["document"].get("language"),
        text=text,
        id="sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest(),
        labels=labels,
        annotations=tuple(anns),
    )
    assert data["document"]["id"] == doc.id, f"{path.name}: document.id does not match its text"
    return doc


@pytest.fixture(scope="session")
def docs() -> list[Doc]:
    for path in FIXTURE_FILES:
        if not path.is_file():
            pytest.fail(f"fixture missing: {path}")
    loaded = [load_fixture(p) for p in FIXTURE_FILES]
    assert len({d.text for d in loaded}) == len(loaded), "fixtures must have distinct texts"
    check_cue_coverage(loaded)
    return loaded


def check_cue_coverage(loaded: list[Doc]) -> None:
    """The fixtures exercise the cue the ways a format could get it wrong; without these cases
    the per-format cue checks would prove little."""
    anns = [a for d in loaded for a in d.annotations]
    assert any(a.cue and a.mention for a in anns), "premise: a cue next to a mention"
    assert any(a.cue and not a.mention for a in anns), "premise: a cue without a mention"
    assert any(a.source and a.mention and not a.cue for a in anns), "premise: a mention without a cue"
    assert any(a.cue and not (a.start <= a.cue[0] and a.cue[1] <= a.end) for a in anns), (
        "premise: a cue outside its annotation's span"
    )
    assert any(
        sum(a.cue == c for a in d.annotations) >= 2 for d in loaded for c in d.cues
    ), "premise: one cue shared by two annotations (formats that de-duplicate must keep one entity)"

    def meaningful(text: str, start: int) -> bool:
        # Code points differ from UTF-16 units and from bytes, and a CRLF and a combining
        # mark come before: an exporter counting anything else misplaces it.
        before = text[:start]
        return (
            "\r\n" in before
            and any(unicodedata.category(c) == "Mn" for c in before)
            and any(ord(c) > 0xFFFF for c in before)
        )

    assert any(meaningful(d.text, c[0]) for d in loaded for c in d.cues), (
        "premise: a cue after an astral emoji, a combining mark and a CRLF"
    )


def doc_for_text(docs: list[Doc], text: str, where: str) -> Doc:
    for d in docs:
        if d.text == text:
            return d
    raise AssertionError(f"{where}: text matches no fixture document exactly (starts {text[:60]!r})")


def line_break_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) split at line breaks: the maximal runs without \\r or \\n (brat fragments)."""
    frags: list[tuple[int, int]] = []
    i = start
    while i < end:
        while i < end and text[i] in "\r\n":
            i += 1
        j = i
        while j < end and text[j] not in "\r\n":
            j += 1
        if j > i:
            frags.append((i, j))
        i = j
    return frags


@pytest.fixture(scope="session")
def claimmark_bin() -> Path:
    configured = os.environ.get("CLAIMMARK_BIN")
    path = Path(configured) if configured else REPO / "target" / "release" / "claimmark"
    if not path.is_absolute():
        path = REPO / path
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(
            f"claimmark CLI not found at {path} "
            "(set CLAIMMARK_BIN, or run scripts/consumers.sh, which builds it)"
        )
    return path


@pytest.fixture(scope="session")
def convert(claimmark_bin, tmp_path_factory):
    """`convert(fmt, out_name)`: runs `claimmark convert --to fmt <fixtures> -o OUT` once per
    (fmt, out_name) in the session and returns OUT."""
    base = tmp_path_factory.mktemp("exports")
    done: dict[tuple[str, str], Path] = {}

    def run(fmt: str, out_name: str) -> Path:
        key = (fmt, out_name)
        if key not in done:
            out = base / fmt / out_name
            out.parent.mkdir(parents=True, exist_ok=True)
            target = str(out) + ("/" if out_name.endswith("/") else "")
            cmd = [str(claimmark_bin), "convert", "--to", fmt, *map(str, FIXTURE_FILES), "-o", target]
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            assert proc.returncode == 0, (
                f"{' '.join(cmd)} exited {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
            )
            assert out.exists(), f"{' '.join(cmd)} succeeded but wrote nothing at {out}"
            done[key] = out
        return done[key]

    return run


def read_jsonl(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), f"{path.name}: starts with a byte order mark"
    # JSON Lines: records separated by \n (never str.splitlines, which also splits at U+2028);
    # the last record may or may not be followed by one.
    lines = raw.decode("utf-8").split("\n")
    if lines[-1] == "":
        lines.pop()
    records = []
    for number, line in enumerate(lines, 1):
        assert line.strip(), f"{path.name} line {number}: blank line inside JSON Lines"
        record = json.loads(line)
        assert isinstance(record, dict), f"{path.name} line {number}: not a JSON object"
        records.append(record)
    return records
