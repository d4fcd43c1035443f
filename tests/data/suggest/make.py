"""Writes the suggestion benchmark's gold files (native claimmark JSON): short news texts written
for this benchmark, annotated by hand. Run from the repository root:

    python3 tests/data/suggest/make.py

tune/ holds the texts the engine was tuned on; heldout/ the texts kept out of tuning (scored only
by scripts/suggest-bench.sh). The people and organisations are invented. How the texts are
annotated is in README.md beside this file.

Each gold line is (label, source, content, mention, cue): `content` is a substring of the text
(`#n` picks its n-th occurrence, from 1), and the mention and cue are the occurrences of their
substrings nearest to the content, outside it when they can be (`<` before a mention or cue:
the nearest one before the content). An empty source means unattributed."""
import hashlib
import json
import pathlib

HERE = pathlib.Path(__file__).parent
LABELS = [
    {"id": "claim", "name": "Claim", "description": "An assertion presented as true.", "color": "#0072b2"},
    {"id": "allegation", "name": "Allegation", "description": "An accusation of wrongdoing against a party.", "color": "#d55e00"},
    {"id": "proposal", "name": "Proposal", "description": "An offer, call or suggested course of action.", "color": "#009e73"},
]
STAMP = "2026-12-01T09:00:00Z"

TEXTS = []


def text(split, slug, title, body, aliases, gold):
    TEXTS.append((split, slug, title, body, aliases, gold))


def find(body, needle, near=None, outside=None):
    """The occurrence of `needle` (with an optional #n) nearest to `near`, outside `outside`."""
    if "#" in needle and near is None:
        needle, n = needle.rsplit("#", 1)
        at = -1
        for _ in range(int(n)):
            at = body.index(needle, at + 1)
        return at, at + len(needle)
    before = needle.startswith("<")
    needle = needle.lstrip("<")
    every = []
    at = body.find(needle)
    while at >= 0:
        every.append((at, at + len(needle)))
        at = body.find(needle, at + 1)
    assert every, f"{needle!r} not found"
    clear = lambda s: outside is None or s[1] <= outside[0] or s[0] >= outside[1]
    # Inside the content only when the content holds its own attribution ("X, according to Y, Z").
    found = [s for s in every if clear(s)] or every
    if before:
        found = [s for s in found if s[1] <= near[0]]
    if near is None:
        assert len(found) == 1, f"{needle!r} occurs {len(found)} times"
        return found[0]
    distance = lambda s: max(near[0] - s[1], s[0] - near[1], 0)
    return min(found, key=distance)


def write(split, slug, title, body, aliases, gold):
    annotations, names = [], []
    for i, (label, source, content, mention, cue) in enumerate(gold):
        start, end = find(body, content)
        attribution = None
        if source:
            attribution = {"source": source}
            if source not in names:
                names.append(source)
            for key, needle in (("mention", mention), ("cue", cue)):
                if needle:
                    s, e = find(body, needle, (start, end), (start, end))
                    attribution[key] = {"start": s, "end": e}
        annotations.append({
            "id": f"a{i + 1}", "start": start, "end": end, "quote": body[start:end], "label": label,
            "attribution": attribution, "note": "", "created": STAMP, "modified": STAMP,
        })
    annotations.sort(key=lambda a: (a["start"], -a["end"], a["id"]))
    doc = {
        "format": "claimmark", "version": 1, "offset_unit": "codepoint", "annotator": "Gold",
        "document": {
            "id": "sha256:" + hashlib.sha256(body.encode()).hexdigest(),
            "title": title, "language": "en", "text": body,
        },
        "labels": LABELS,
        "sources": [{"name": n, "aliases": aliases.get(n, [])} for n in names],
        "annotations": annotations,
    }
    path = HERE / split / f"{slug}.claimmark.json"
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- tuning texts

text("tune", "01-ceasefire-talks", "Ceasefire talks resume in Geneva", (
    "Talks on a ceasefire in the Harlan valley resumed in Geneva on Tuesday after a two-week pause. "
    "“We are closer to an agreement than at any point this year,” said Lena Moravec, the United Nations "
    "envoy who chairs the talks. Moravec added that both delegations had accepted a draft timetable for the "
    "withdrawal of heavy weapons.\n"
    "The government delegation accused rebel commanders of shelling civilian areas during the pause. Rebel "
    "spokesman Tomas Reed denied the charge and said government forces had fired first. He called for an "
    "independent investigation into the attacks.\n"
    "According to two diplomats familiar with the negotiations, the draft also provides for a prisoner exchange."
), {"Lena Moravec": ["Moravec"], "Tomas Reed": ["Reed"]}, [
    ("claim", "Lena Moravec", "We are closer to an agreement than at any point this year", "Lena Moravec", "said"),
    ("claim", "Lena Moravec", "both delegations had accepted a draft timetable for the withdrawal of heavy weapons", "Moravec", "added"),
    ("allegation", "government delegation", "rebel commanders of shelling civilian areas during the pause", "The government delegation", "accused"),
    ("allegation", "Tomas Reed", "government forces had fired first", "Tomas Reed", "said"),
    ("proposal", "Tomas Reed", "an independent investigation into the attacks", "He", "called for"),
    ("claim", "two diplomats familiar with the negotiations", "the draft also provides for a prisoner exchange", "two diplomats familiar with the negotiations", "According to"),
])

text("tune", "02-emissions-fine", "Regulator fines Norvik Energy over emissions data", (
    "The regulator fined Norvik Energy 4 million euros on Monday for misreporting emissions at two plants. "
    "\"The company knew its figures were wrong and kept publishing them,\" the agency's director, Paul Ambrose, "
    "told reporters in Oslo. Norvik said it would appeal the decision. In a statement, the company argued that "
    "the measurement rules had changed twice in three years and that its engineers had followed the guidance "
    "in force at the time.\n"
    "Environmental groups welcomed the fine but said it was too small to change behaviour. Greenwatch urged "
    "the government to double the maximum penalty."
), {"Paul Ambrose": ["Ambrose"], "Norvik Energy": ["Norvik"]}, [
    ("allegation", "Paul Ambrose", "The company knew its figures were wrong and kept publishing them", "Paul Ambrose", "told"),
    ("claim", "Norvik Energy", "it would appeal the decision", "Norvik", "said"),
    ("claim", "Norvik Energy", "the measurement rules had changed twice in three years and that its engineers had followed the guidance in force at the time", "the company", "argued"),
    ("claim", "Environmental groups", "it was too small to change behaviour", "Environmental groups", "said"),
    ("proposal", "Greenwatch", "the government to double the maximum penalty", "Greenwatch", "urged"),
])

text("tune", "03-coal-stations", "Mayor sets 2030 date for closing coal heating", (
    "Mayor Ines Carvalho announced on Thursday that the city would close three coal-fired heating stations by "
    "2030. She told the council: “This is the most expensive decision we will take, and the most necessary.” "
    "Opposition councillors accused the mayor of hiding the cost of the plan from voters. Their leader, Rui "
    "Matos, proposed a referendum on the timetable.\n"
    "Carvalho rejected the idea. “A referendum would only delay what everybody knows must happen,” she said."
), {"Ines Carvalho": ["Carvalho"], "Rui Matos": ["Matos"]}, [
    ("claim", "Ines Carvalho", "the city would close three coal-fired heating stations by 2030", "Ines Carvalho", "announced"),
    ("claim", "Ines Carvalho", "This is the most expensive decision we will take, and the most necessary.", "She", "told"),
    ("allegation", "Opposition councillors", "the mayor of hiding the cost of the plan from voters", "Opposition councillors", "accused"),
    ("proposal", "Rui Matos", "a referendum on the timetable", "Rui Matos", "proposed"),
    ("claim", "Ines Carvalho", "A referendum would only delay what everybody knows must happen", "she", "said"),
])

text("tune", "04-food-prices", "Food prices up 9 percent in a year", (
    "Food prices rose 9 percent in the year to March, according to the national statistics office. Bread and "
    "cooking oil led the increase, the office said in its monthly report. According to economists at Halden "
    "Bank, prices are likely to keep rising until the autumn harvest.\n"
    "Finance Minister Oskar Lind said the government would not cut the sales tax on food. Lind told parliament "
    "that targeted payments to poorer families were a better use of public money. A spokeswoman for the "
    "finance ministry later said the minister's position had not changed. Farmers' unions blamed supermarket "
    "chains for keeping prices high even as wholesale costs fell."
), {"Oskar Lind": ["Lind"], "national statistics office": ["statistics office"]}, [
    ("claim", "national statistics office", "Food prices rose 9 percent in the year to March", "the national statistics office", "according to"),
    ("claim", "national statistics office", "Bread and cooking oil led the increase", "the office", "said"),
    ("claim", "economists at Halden Bank", "prices are likely to keep rising until the autumn harvest", "economists at Halden Bank", "According to"),
    ("claim", "Oskar Lind", "the government would not cut the sales tax on food", "Oskar Lind", "said"),
    ("claim", "Oskar Lind", "targeted payments to poorer families were a better use of public money", "Lind", "told"),
    ("claim", "finance ministry", "the minister's position had not changed", "A spokeswoman for the finance ministry", "said"),
    ("allegation", "Farmers' unions", "supermarket chains for keeping prices high even as wholesale costs fell", "Farmers' unions", "blamed"),
])

text("tune", "05-border-drone", "Drone crash sets off new border dispute", (
    "Two neighbouring states traded accusations on Sunday after a drone crashed near the border town of Velka. "
    "The defence ministry in Varos alleged that the drone had been launched from a military base across the "
    "border. Officials in Merin dismissed the allegation as “a fabrication designed to justify a military "
    "build-up.”\n"
    "Merin's foreign minister, Adela Horvat, said her country had no drones in the area. She accused Varos of "
    "staging the incident. The European Union called on both sides to exercise restraint."
), {"Adela Horvat": ["Horvat"]}, [
    ("allegation", "defence ministry in Varos", "the drone had been launched from a military base across the border", "The defence ministry in Varos", "alleged"),
    ("allegation", "Officials in Merin", "a fabrication designed to justify a military build-up", "Officials in Merin", "dismissed"),
    ("claim", "Adela Horvat", "her country had no drones in the area", "Adela Horvat", "said"),
    ("allegation", "Adela Horvat", "Varos of staging the incident", "She", "accused"),
    ("proposal", "European Union", "both sides to exercise restraint", "The European Union", "called on"),
])

text("tune", "06-airline-jobs", "Airline prepares to cut 1,200 jobs", (
    "The airline is preparing to cut up to 1,200 jobs, people familiar with the plan said on Wednesday. A "
    "senior manager, who asked not to be named because the talks are private, said the cuts would fall mostly "
    "on ground staff. The company declined to comment.\n"
    "Union representative Marta Klein said workers had learned of the plan from the press. \"Nobody from "
    "management has spoken to us,\" she said. The union has threatened to strike if the cuts go ahead and has "
    "asked for a meeting with the chief executive."
), {"Marta Klein": ["Klein"]}, [
    ("claim", "people familiar with the plan", "The airline is preparing to cut up to 1,200 jobs", "people familiar with the plan", "said"),
    ("claim", "senior manager", "the cuts would fall mostly on ground staff", "A senior manager", "said"),
    ("claim", "Marta Klein", "workers had learned of the plan from the press", "Marta Klein", "said"),
    ("claim", "Marta Klein", "Nobody from management has spoken to us", "she", "said"),
    ("proposal", "union", "a meeting with the chief executive", "The union", "asked for"),
])

text("tune", "07-hospital-oxygen", "Hospital warns oxygen could run out", (
    "Hospital director Karim Haddad warned on Friday that the emergency ward could run out of oxygen within "
    "days. He said deliveries had been blocked at the checkpoint for a week. The army denied blocking the "
    "convoys. It said the trucks had lacked the required permits.\n"
    "Haddad appealed to international aid agencies to fly in supplies. “Every hour counts,” he said."
), {"Karim Haddad": ["Haddad"]}, [
    ("claim", "Karim Haddad", "the emergency ward could run out of oxygen within days", "Karim Haddad", "warned"),
    ("claim", "Karim Haddad", "deliveries had been blocked at the checkpoint for a week", "He", "said"),
    ("claim", "army", "blocking the convoys", "The army", "denied"),
    ("claim", "army", "the trucks had lacked the required permits", "It", "said"),
    ("proposal", "Karim Haddad", "international aid agencies to fly in supplies", "Haddad", "appealed to"),
    ("claim", "Karim Haddad", "Every hour counts", "he", "said"),
])

text("tune", "08-transfer-inquiry", "League opens inquiry into transfer payments", (
    "“We did not break any rule,” the club's president, Victor Salas, insisted after the league opened an "
    "inquiry into the transfer. “Every payment went through the proper accounts,” he added, “and we will show "
    "that to anyone who asks.”\n"
    "The league noted that the inquiry was at an early stage. A rival club, Aston Dale, has claimed that "
    "Salas's club paid an agent through an offshore company. Salas called the claim “baseless and malicious.” "
    "The league's ethics panel is expected to report in June."
), {"Victor Salas": ["Salas"]}, [
    ("claim", "Victor Salas", "We did not break any rule", "Victor Salas", "insisted"),
    ("claim", "Victor Salas", "Every payment went through the proper accounts", "he", "added"),
    ("claim", "Victor Salas", "and we will show that to anyone who asks", "he", "added"),
    ("claim", "league", "the inquiry was at an early stage", "The league", "noted"),
    ("allegation", "Aston Dale", "Salas's club paid an agent through an offshore company", "Aston Dale", "claimed"),
    ("claim", "Victor Salas", "baseless and malicious", "Salas", "called"),
])

text("tune", "09-talks-offer", "Norway offers to host talks", (
    "Norway offered on Monday to host a new round of talks between the two governments. Foreign Minister "
    "Sigrid Aune said Oslo was ready to provide “whatever the parties need, from a venue to mediators”. The "
    "proposal was welcomed by the opposition in both countries.\n"
    "Separately, the World Food Programme appealed for 300 million dollars to feed refugees in the border camps "
    "over the winter. Its regional director, Samuel Okafor, recommended that donors pay in advance so that food "
    "could be bought before prices rise."
), {"Sigrid Aune": ["Aune"], "Samuel Okafor": ["Okafor"]}, [
    ("proposal", "Norway", "to host a new round of talks between the two governments", "Norway", "offered"),
    ("proposal", "Sigrid Aune", "Oslo was ready to provide “whatever the parties need, from a venue to mediators”", "Sigrid Aune", "said"),
    ("proposal", "World Food Programme", "300 million dollars to feed refugees in the border camps over the winter", "the World Food Programme", "appealed for"),
    ("proposal", "Samuel Okafor", "donors pay in advance so that food could be bought before prices rise", "Samuel Okafor", "recommended"),
])

text("tune", "10-port-bribes", "Former port director charged with bribery", (
    "Prosecutors charged the former port director, Ivan Dimov, with accepting bribes from shipping companies "
    "between 2019 and 2022. The indictment alleges that Dimov received more than 800,000 euros in cash and "
    "gifts. His lawyer, Elena Stoica, said her client was innocent and would prove it in court.\n"
    "“The case rests on the word of two men who have every reason to lie,” Stoica told journalists outside "
    "the courthouse. The prosecutors' office said it had recordings of the payments."
), {"Elena Stoica": ["Stoica"]}, [
    ("allegation", "prosecutors", "the former port director, Ivan Dimov, with accepting bribes from shipping companies between 2019 and 2022", "Prosecutors", "charged"),
    ("allegation", "indictment", "Dimov received more than 800,000 euros in cash and gifts", "The indictment", "alleges"),
    ("claim", "Elena Stoica", "her client was innocent and would prove it in court", "Elena Stoica", "said"),
    ("claim", "Elena Stoica", "The case rests on the word of two men who have every reason to lie", "Stoica", "told"),
    ("claim", "prosecutors' office", "it had recordings of the payments", "The prosecutors' office", "said"),
])

text("tune", "11-walking-study", "Study links 7,000 daily steps to longer life", (
    "A new study suggests that people who walk 7,000 steps a day live longer than those who walk fewer than "
    "4,000. The researchers, led by Dr. Hanna Berg of the Karolinska Institute, followed 15,000 adults for ten "
    "years. “The benefit levels off after about 7,000 steps,” Berg said in an interview. She cautioned that the "
    "study showed an association, not a cause.\n"
    "Critics argued that people who walk more may simply be healthier to begin with. The authors called for a "
    "randomised trial to settle the question."
), {"Hanna Berg": ["Berg"]}, [
    ("claim", "new study", "people who walk 7,000 steps a day live longer than those who walk fewer than 4,000", "A new study", "suggests"),
    ("claim", "Hanna Berg", "The benefit levels off after about 7,000 steps", "Berg", "said"),
    ("claim", "Hanna Berg", "the study showed an association, not a cause", "She", "cautioned"),
    ("claim", "Critics", "people who walk more may simply be healthier to begin with", "Critics", "argued"),
    ("proposal", "authors", "a randomised trial to settle the question", "The authors", "called for"),
])

# ---------------------------------------------------------------- held-out texts (never tuned on)

text("heldout", "12-turnout", "Opposition accuses election commission of inflating turnout", (
    "The opposition alliance accused the electoral commission of inflating turnout figures in three northern "
    "provinces. Its candidate, Daria Novak, said observers had counted fewer than half the votes reported. "
    "“These numbers were invented in an office, not counted in a polling station,” she told supporters in the "
    "capital.\n"
    "The commission rejected the accusation. Its chairman, Petr Blaha, said the count had been monitored by "
    "international observers and that every ballot box was sealed. According to the observer mission, the vote "
    "was generally orderly but the tabulation lacked transparency. The mission recommended publishing results "
    "for each polling station."
), {"Daria Novak": ["Novak"], "Petr Blaha": ["Blaha"], "observer mission": ["mission"]}, [
    ("allegation", "opposition alliance", "the electoral commission of inflating turnout figures in three northern provinces", "The opposition alliance", "accused"),
    ("claim", "Daria Novak", "observers had counted fewer than half the votes reported", "Daria Novak", "said"),
    ("allegation", "Daria Novak", "These numbers were invented in an office, not counted in a polling station", "she", "told"),
    ("claim", "Petr Blaha", "the count had been monitored by international observers and that every ballot box was sealed", "Petr Blaha", "said"),
    ("claim", "observer mission", "the vote was generally orderly but the tabulation lacked transparency", "the observer mission", "According to"),
    ("proposal", "observer mission", "publishing results for each polling station", "The mission", "recommended"),
])

text("heldout", "13-rail-strike", "Rail workers to strike for 48 hours", (
    "Rail workers will strike for 48 hours from Thursday, the Rail Workers' Union announced, after talks over "
    "pay broke down. “Management has offered us a pay cut dressed up as a raise,” said Jonas Weber, the union's "
    "general secretary. The rail operator said its offer of a 4 percent increase was fair and affordable.\n"
    "Transport Minister Clara Dietz urged both sides to return to the negotiating table. She said the government "
    "would not intervene in the dispute. Commuter groups have called for refunds for season-ticket holders."
), {"Jonas Weber": ["Weber"], "Clara Dietz": ["Dietz"]}, [
    ("claim", "Rail Workers' Union", "Rail workers will strike for 48 hours from Thursday", "the Rail Workers' Union", "announced"),
    ("claim", "Jonas Weber", "Management has offered us a pay cut dressed up as a raise", "Jonas Weber", "said"),
    ("claim", "rail operator", "its offer of a 4 percent increase was fair and affordable", "The rail operator", "said"),
    ("proposal", "Clara Dietz", "both sides to return to the negotiating table", "Clara Dietz", "urged"),
    ("claim", "Clara Dietz", "the government would not intervene in the dispute", "She", "said"),
    ("proposal", "Commuter groups", "refunds for season-ticket holders", "Commuter groups", "called for"),
])

text("heldout", "14-climate-finance", "Island states demand tripled climate finance", (
    "Small island states demanded on Tuesday that rich countries triple their climate finance by 2030. “We are "
    "not asking for charity; we are asking for survival,” said Fiji's delegate, Mere Tuilagi. The United States "
    "said it would announce new commitments later in the week.\n"
    "Several European ministers suggested a levy on aviation fuel to raise the money. The proposal, according to "
    "a draft seen by reporters, would exempt flights to small island nations. Oil-producing countries have "
    "opposed any new levy, saying it would hurt developing economies."
), {"Mere Tuilagi": ["Tuilagi"]}, [
    ("proposal", "Small island states", "rich countries triple their climate finance by 2030", "Small island states", "demanded"),
    ("claim", "Mere Tuilagi", "We are not asking for charity; we are asking for survival", "Mere Tuilagi", "said"),
    ("claim", "United States", "it would announce new commitments later in the week", "The United States", "said"),
    ("proposal", "Several European ministers", "a levy on aviation fuel to raise the money", "Several European ministers", "suggested"),
    ("claim", "draft seen by reporters", "The proposal, according to a draft seen by reporters, would exempt flights to small island nations", "a draft seen by reporters", "according to"),
    ("claim", "Oil-producing countries", "it would hurt developing economies", "Oil-producing countries", "saying"),
])

text("heldout", "15-data-breach", "Hackers steal data of two million Cloudmere customers", (
    "Cloudmere, the cloud storage company, said on Monday that hackers had stolen the personal data of about two "
    "million customers. The company blamed a contractor for leaving a database unprotected. In a letter to "
    "customers, chief executive Nadia Farouk apologised and offered a year of free credit monitoring.\n"
    "Privacy regulators said they had opened an investigation. “Companies that hold this much data have no "
    "excuse,” one regulator, who spoke on condition of anonymity, told the Gazette. Consumer advocates urged "
    "customers to change their passwords immediately."
), {"Nadia Farouk": ["Farouk"]}, [
    ("claim", "Cloudmere", "hackers had stolen the personal data of about two million customers", "Cloudmere", "said"),
    ("allegation", "Cloudmere", "a contractor for leaving a database unprotected", "The company", "blamed"),
    ("proposal", "Nadia Farouk", "a year of free credit monitoring", "Nadia Farouk", "offered"),
    ("claim", "Privacy regulators", "they had opened an investigation", "Privacy regulators", "said"),
    ("claim", "one regulator", "Companies that hold this much data have no excuse", "one regulator", "told"),
    ("proposal", "Consumer advocates", "customers to change their passwords immediately", "Consumer advocates", "urged"),
])

text("heldout", "16-warehouse-fire", "Man arrested after harbour warehouse fire", (
    "Police said a 34-year-old man had been arrested after a fire destroyed a warehouse in the harbour district "
    "overnight. Fire chief Laura Mendes said the blaze had been started deliberately. “We found traces of petrol "
    "in three places,” she said.\n"
    "The warehouse owner, Kemal Aydin, accused a former business partner of threatening him for months. The "
    "man's lawyer denied any involvement and called the accusation “absurd and defamatory.” Residents called for "
    "more patrols in the area."
), {"Laura Mendes": ["Mendes"], "Kemal Aydin": ["Aydin"]}, [
    ("claim", "Police", "a 34-year-old man had been arrested after a fire destroyed a warehouse in the harbour district overnight", "Police", "said"),
    ("claim", "Laura Mendes", "the blaze had been started deliberately", "Laura Mendes", "said"),
    ("claim", "Laura Mendes", "We found traces of petrol in three places", "she", "said"),
    ("allegation", "Kemal Aydin", "a former business partner of threatening him for months", "Kemal Aydin", "accused"),
    ("claim", "man's lawyer", "any involvement", "The man's lawyer", "denied"),
    ("claim", "man's lawyer", "absurd and defamatory", "The man's lawyer", "<called"),
    ("proposal", "Residents", "more patrols in the area", "Residents", "called for"),
])

text("heldout", "17-steel-tariffs", "Steel exports fall by a third after tariffs", (
    "Steel exports to the bloc fell by a third last year, according to figures published by the trade ministry "
    "on Wednesday. Ministry officials blamed the drop on new tariffs imposed in March. They said the tariffs "
    "broke the bloc's own trade rules and urged Brussels to lift them before the summer.\n"
    "A spokesperson for the European Commission said the measures were lawful and temporary. Steelmakers argued "
    "that the tariffs protected thousands of jobs."
), {}, [
    ("claim", "trade ministry", "Steel exports to the bloc fell by a third last year", "figures published by the trade ministry", "according to"),
    ("claim", "Ministry officials", "the drop on new tariffs imposed in March", "Ministry officials", "blamed"),
    ("allegation", "Ministry officials", "the tariffs broke the bloc's own trade rules", "They", "said"),
    ("proposal", "Ministry officials", "Brussels to lift them before the summer", "They", "urged"),
    ("claim", "European Commission", "the measures were lawful and temporary", "A spokesperson for the European Commission", "said"),
    ("claim", "Steelmakers", "the tariffs protected thousands of jobs", "Steelmakers", "argued"),
])

text("heldout", "18-interest-rates", "Central bank holds rates", (
    "The central bank left interest rates unchanged on Thursday. Governor Miguel Ortega told a news conference "
    "that inflation was \"moving in the right direction\" but remained too high. He warned: \"We will not "
    "hesitate to act if prices start rising again.\"\n"
    "Business leaders had lobbied for a cut. The chamber of commerce said high borrowing costs were choking "
    "investment and proposed a gradual reduction over the next year. Some analysts accused the bank of reacting "
    "too slowly to the slowdown."
), {"Miguel Ortega": ["Ortega"]}, [
    ("claim", "Miguel Ortega", "inflation was \"moving in the right direction\" but remained too high", "Miguel Ortega", "told"),
    ("claim", "Miguel Ortega", "We will not hesitate to act if prices start rising again.", "He", "warned"),
    ("proposal", "Business leaders", "a cut", "Business leaders", "lobbied for"),
    ("claim", "chamber of commerce", "high borrowing costs were choking investment", "The chamber of commerce", "said"),
    ("proposal", "chamber of commerce", "a gradual reduction over the next year", "The chamber of commerce", "proposed"),
    ("allegation", "Some analysts", "the bank of reacting too slowly to the slowdown", "Some analysts", "accused"),
])

for entry in TEXTS:
    write(*entry)
