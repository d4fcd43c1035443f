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


@dataclass(frozen=True)
class Ann:
    id: str
    start: int
    end: int
    label: str
    source: str | None
    mention: tuple[int, int] | None
    note: str


@dataclass(frozen=True)
class Doc:
    path: Path
    title: str
    text: str
    id: str
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


def load_fixture(path: Path) -> Doc:
    """Reads a native fixture and checks the premises the tests rely on."""
    data = json.loads(path.read_text(encoding="utf-8"))
    text = data["document"]["text"]
    anns = []
    for a in data["annotations"]:
        assert text[a["start"] : a["end"]] == a["quote"], f"{path.name} {a['id']}: quote != text slice"
        attribution = a.get("attribution") or None
        mention = None
        if attribution and attribution.get("mention"):
            mention = (attribution["mention"]["start"], attribution["mention"]["end"])
        anns.append(
            Ann(
                id=a["id"],
                start=a["start"],
                end=a["end"],
                label=a["label"],
                source=attribution["source"] if attribution else None,
                mention=mention,
                note=a.get("note", ""),
            )
        )
    keys = [(a.start, a.end, a.label) for a in anns]
    assert len(set(keys)) == len(keys), f"{path.name}: two annotations share span and label"
    labels = tuple(label["id"] for label in data.get("labels", [])) or ("claim", "allegation", "proposal")
    doc = Doc(
        path=path,
        title=data["document"]["title"],
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
    return loaded


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
