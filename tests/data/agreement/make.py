"""Writes the agreement fixture sets (native claimmark files): an answer key and submissions on
the same text. Run from the repository root: python3 tests/data/agreement/make.py"""
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).parent
LABELS = [
    {"id": "claim", "name": "Claim", "description": "An assertion presented as true.", "color": "#0072b2"},
    {"id": "allegation", "name": "Allegation", "description": "An accusation of wrongdoing against a party.", "color": "#d55e00"},
    {"id": "proposal", "name": "Proposal", "description": "An offer, call or suggested course of action.", "color": "#009e73"},
]


def write(folder, name, annotator, text, marks, sources=()):
    annotations = []
    for i, (phrase, label, source, occurrence) in enumerate(marks):
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(phrase, start + 1)
        end = start + len(phrase)
        annotations.append({
            "id": f"a{i + 1}", "start": start, "end": end, "quote": text[start:end], "label": label,
            "attribution": {"source": source} if source else None, "note": "",
            "created": "2026-11-27T10:00:00Z", "modified": "2026-11-27T10:00:00Z",
        })
    annotations.sort(key=lambda a: (a["start"], -a["end"], a["id"]))
    doc = {
        "format": "claimmark", "version": 1, "offset_unit": "codepoint", "annotator": annotator,
        "document": {"id": "sha256:" + hashlib.sha256(text.encode()).hexdigest(), "title": folder, "text": text},
        "labels": LABELS, "sources": [{"name": n, "aliases": a} for n, a in sources], "annotations": annotations,
    }
    path = HERE / folder / f"{name}.claimmark.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")


seed = (HERE / "../../../assets/article.txt").resolve().read_text(encoding="utf-8")
zak = [("Maria Zakharova", ["Zakharova", "Russian spokesperson"])]
write("seed", "key", "Answer key", seed, [
    ("Russia has formally offered to facilitate discussions between Pakistan and Afghanistan", "proposal", "Russia", 0),
    ("Zakharova identified regional stability as Russia’s primary objective", "claim", "Maria Zakharova", 0),
    ("Officials urged both nations to demonstrate restraint", "proposal", "Russian Foreign Ministry", 0),
    ("Taliban authorities tolerate banned Tehrik-i-Taliban Pakistan (TTP) sanctuaries within Afghanistan", "allegation", "Pakistani officials", 0),
    ("Kabul has accused Islamabad of airspace violations", "allegation", "Kabul", 0),
], zak)
write("seed", "ana", "Ana", seed, [
    ("Russia has formally offered to facilitate discussions between Pakistan and Afghanistan", "proposal", "russia", 0),
    ("identified regional stability as Russia’s primary objective", "claim", "Zakharova", 0),
    ("Officials urged both nations to demonstrate restraint", "claim", "Officials", 0),
    ("Kabul has accused Islamabad of airspace violations and applying inappropriate political pressure", "allegation", "Kabul", 0),
])
write("seed", "ben", "Ben", seed, [
    ("Russia has formally offered to facilitate discussions", "proposal", "Russia", 0),
    ("formally offered to facilitate discussions between Pakistan and Afghanistan amid escalating bilateral tensions", "claim", "", 0),
    ("Taliban authorities tolerate banned Tehrik-i-Taliban Pakistan (TTP) sanctuaries", "allegation", "Pakistan", 0),
    ("Kabul has accused Islamabad", "allegation", "Kabul", 0),
    ("airspace violations", "claim", "Kabul", 0),
])
nasty = "“Zakharova” said — 🙂 the talks 👨🏻‍🚒 failed at the Cafe\u0301.\r\nKabul’s officials alleged fraud.\r\nThey propose a ceasefire 🙂."
write("nasty", "key", "Answer key", nasty, [
    ("“Zakharova” said — 🙂 the talks 👨🏻‍🚒 failed", "claim", "Zakharova", 0),
    ("Kabul’s officials alleged fraud", "allegation", "Kabul’s officials", 0),
    ("propose a ceasefire 🙂", "proposal", "They", 0),
])
write("nasty", "dee", "Dee", nasty, [
    ("the talks 👨🏻‍🚒 failed at the Cafe\u0301", "claim", "zakharova", 0),
    ("👨🏻‍🚒 failed", "allegation", "", 0),
    ("alleged fraud", "allegation", "Kabul’s  officials", 0),
    ("propose a ceasefire", "claim", "They", 0),
])
write("nasty", "eli", "Eli", nasty, [
    ("“Zakharova” said — 🙂 the talks 👨🏻‍🚒 failed", "claim", "Zakharova", 0),
    ("Kabul’s officials alleged fraud", "allegation", "Kabul", 0),
    ("🙂", "claim", "", 1),
])
short = "Kabul accused Islamabad. Islamabad denied it. Both sides propose talks."
write("short", "key", "Answer key", short, [
    ("Kabul accused Islamabad", "allegation", "Kabul", 0),
    ("Islamabad denied it", "claim", "Islamabad", 0),
    ("Both sides propose talks", "proposal", "", 0),
])
write("short", "fay", "Fay", short, [])
write("short", "gus", "Gus", short, [
    ("Kabul accused Islamabad", "allegation", "Kabul", 0),
    ("Islamabad denied it", "claim", "Islamabad", 0),
    ("Both sides propose talks", "proposal", "", 0),
])
write("short", "hal", "Hal", short, [
    ("Kabul accused Islamabad. Islamabad denied it", "claim", "Kabul", 0),
    ("Islamabad", "allegation", "Islamabad", 1),
])
write("short", "ivy", "Ivy", short, [])
