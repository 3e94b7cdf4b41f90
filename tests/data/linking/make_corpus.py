"""Builds corpus.jsonl and labels.json (the linking fixture) from stories.py; run it after editing.

Each record is how an extractor would hand a page to the linker: originals on the
agency's site, licensed copies (whole, edited, trimmed), mirror copies with template
leftovers and fake dates, rewrites, templated series and stories that only share a
mirror sidebar. labels.json gives each URL its story (null: belongs to no cluster) and
the relation the linker must report.
"""

from __future__ import annotations

from corpus_files import write_set
from stories import (BEETLE, BRIDGE, BUS, DAM, FAIR, FIRE, FROST, HOCKEY, LIBRARY, MORTGAGE, RESCUE,
                     SHIPPING, TRAIN_EARLY, TRAIN_LATE, UNIQUES, WRAP)

FETCHED = "2026-10-20T12:00:00Z"
records: list[dict] = []
labels: dict[str, dict] = {}

RELATED = [
    "Related",
    "- Celebrity chef opens floating restaurant on a converted river barge",
    "- Five things to know before you renew your car insurance this fall",
    "- Town votes to keep its 100-year-old clock tower running on hand-wound gears",
    "- Why everyone is suddenly talking about sourdough again",
    "- Minor league pitcher throws perfect game in front of 312 fans",
    "- The best budget headphones we tested this year",
    "Ranking",
    "- Local man finds wedding ring inside a fish he caught 20 years after losing it",
    "- Storm chasers capture rare double rainbow over the plains",
    "- Holiday travel could break records, experts say",
    "Sign up for the Sagebrush Wire morning briefing and get the day's top stories in your inbox before breakfast.",
    "Copyright 2026 Sagebrush Wire. All rights reserved.",
]


def ap(dateline: str, paras: list[str], credit: str = "AP", dash: str = "—") -> list[str]:
    """Paragraphs with the dateline line opening the first: `CITY (AP) — `."""
    return [f"{dateline} ({credit}) {dash} {paras[0]}", *paras[1:]]


def mirror(paras: list[str], title: str, site_name: str, fake_date: str, sidebar: bool = True) -> str:
    """A content-farm page's text: template lines around the copied paragraphs."""
    top = ["Current:Home > News", f"{title} -{site_name}", "Will Sage Astor View", f"Date:{fake_date}"]
    bottom = ["veryGood! (87)", *RELATED] if sidebar else ["veryGood! (87)"]
    return "\n".join([*top, *paras, *bottom])


def edited(paras: list[str], edits: list[tuple[str, str]], drop: tuple[int, ...] = ()) -> list[str]:
    out = [p for i, p in enumerate(paras) if i not in drop]
    for old, new in edits:
        hits = [i for i, p in enumerate(out) if old in p]
        assert hits, old
        out[hits[0]] = out[hits[0]].replace(old, new)
    return out


def add(url: str, text: str | list[str], story: str | None, relation: str, *, published: str | None = None,
        fetched: str = FETCHED, wire: str | None = None, title: str | None = None,
        dateline: str | None = None) -> None:
    if isinstance(text, list):
        text = "\n\n".join(text)
    record = {"url": url, "title": title, "text": text, "published": published, "fetched_at": fetched,
              "wire": wire, "dateline": dateline}
    records.append({k: v for k, v in record.items() if v is not None})
    labels[url] = {"story": story, "relation": relation}


# --- fire: exact partner copy, mirror with leftovers dated after the fetch, trimmed copy ---
fire = ap("GREYWATER, Wendmark", FIRE)
fire_title = "Fire guts historic Greywater glassworks, forcing 200 from nearby homes"
add("https://apnews.com/article/greywater-glassworks-fire-3f9a1c", fire, "fire", "original",
    published="2026-10-18T08:15:00-04:00", wire="AP", title=fire_title, dateline="GREYWATER, Wendmark")
add("https://www.kvtn7.com/news/fire-guts-historic-greywater-glassworks/", fire, "fire", "duplicate",
    published="2026-10-18T09:02:00-05:00", wire="AP", title=fire_title)
add("https://capitatum.com/news/2027-01-14/fire-guts-glassworks.html",
    mirror(fire, fire_title, "Capitatum", "2027-01-14 09:12:33"), "fire", "duplicate",
    published="2027-01-14 09:12:33", title=fire_title)
add("https://www.rivertonledger.com/wire/greywater-glassworks-fire", fire[:3], "fire", "excerpt",
    published="2026-10-18T10:30:00-05:00", wire="AP", title=fire_title)

# --- bus: edited copy without one paragraph, re-dated mirror, trimmed copy with credit lines ---
bus = ap("PELLHAM, Wendmark", BUS)
bus_title = "Pellham bus drivers approve contract, averting route cuts"
add("https://apnews.com/article/pellham-bus-drivers-contract-77b2e0", bus, "bus", "original",
    published="2026-10-14T17:40:00-04:00", wire="AP", title=bus_title, dateline="PELLHAM, Wendmark")
add("https://www.kvtn7.com/news/pellham-bus-drivers-approve-contract/",
    edited(bus, [("voted overwhelmingly Tuesday", "voted by a wide margin on Tuesday"),
                 ("some families had begun organizing car pools", "some parents had started car pools"),
                 ("said after the vote", "told reporters after the vote")], drop=(5,)),
    "bus", "duplicate", published="2026-10-14T18:15:00-05:00", wire="AP", title=bus_title)
add("https://sagebrushwire.com/2027/01/28/pellham-bus-drivers/",
    mirror(bus, bus_title, "Sagebrush Wire", "2027-01-28 20:00:55"), "bus", "duplicate",
    published="2027-01-28 20:00:55", fetched="2027-02-01T03:00:00Z", title=bus_title)
add("https://www.rivertonledger.com/wire/pellham-bus-contract",
    [*bus[:3], "Copyright 2026 The Associated Press. All rights reserved.", "Share this story"],
    "bus", "excerpt", published="2026-10-14T19:00:00-05:00", wire="AP", title=bus_title)

# --- rescue: mirror that lost a paragraph, re-dated excerpt, exact mirror copy (all with sidebar) ---
rescue = ap("ASHFORD FALLS, Wendmark", RESCUE)
rescue_title = "Hikers missing 4 days in Corran Range found alive in rock shelter"
add("https://apnews.com/article/corran-range-hikers-found-alive-a41d07", rescue, "rescue", "original",
    published="2026-10-08T15:20:00-04:00", wire="AP", title=rescue_title, dateline="ASHFORD FALLS, Wendmark")
add("https://ledgerpostdaily.com/news/hikers-found-alive-corran.html",
    mirror(edited(rescue, [], drop=(4,)), rescue_title, "Ledger Post Daily", "2026-12-30 11:45:10"),
    "rescue", "duplicate", published="2026-12-30 11:45:10", title=rescue_title)
add("https://capitatum.com/news/2027-02-02/hikers-found.html",
    mirror(rescue[:3], rescue_title, "Capitatum", "2027-02-02 07:30:00"), "rescue", "excerpt",
    published="2027-02-02 07:30:00", title=rescue_title)
add("https://sagebrushwire.com/2026/11/03/hikers-corran-range/",
    mirror(rescue, rescue_title, "Sagebrush Wire", "2026-11-03 22:10:41"), "rescue", "duplicate",
    published="2026-11-03 22:10:41", fetched="2026-11-04T08:00:00Z", title=rescue_title)

# --- train: a write-thru pair on the agency's site and a partner's trimmed late version ---
train_title = "Commuter train derails on bridge near Marlow Bay, injuring 12"
add("https://apnews.com/article/marlow-bay-train-derails-5c1e88", ap("MARLOW BAY, Wendmark", TRAIN_EARLY),
    "train", "original", published="2026-10-16T08:05:00-04:00", wire="AP", title=train_title,
    dateline="MARLOW BAY, Wendmark")
train_late = ap("MARLOW BAY, Wendmark", TRAIN_LATE)
add("https://apnews.com/article/marlow-bay-train-derailment-bridge-d20f4b", train_late, "train", "version",
    published="2026-10-16T14:40:00-04:00", wire="AP", title=train_title, dateline="MARLOW BAY, Wendmark")
add("https://www.kvtn7.com/news/commuter-train-derails-marlow-bay/", train_late[:5], "train", "version",
    published="2026-10-16T14:55:00-05:00", wire="AP", title=train_title)

# --- mortgage rates: a weekly template (never copies of each other); one partner copy ---
weeks = [
    ("2026-10-01", dict(dir="rose", r30="6.74", tail="the highest level since early summer", p30="6.61", y30="7.12",
                        dir15="climbed", r15="5.92", p15="5.84", b10="4.38", pb10="4.27", apps="fell", appct="2.1",
                        lo="6.5", hi="6.9")),
    ("2026-10-08", dict(dir="fell", r30="6.58", tail="snapping a three-week run of increases", p30="6.74",
                        y30="7.09", dir15="slipped", r15="5.81", p15="5.92", b10="4.25", pb10="4.38", apps="rose",
                        appct="3.4", lo="6.4", hi="6.8")),
    ("2026-10-15", dict(dir="fell", r30="6.49", tail="the lowest reading in two months", p30="6.58", y30="7.20",
                        dir15="eased", r15="5.74", p15="5.81", b10="4.19", pb10="4.25", apps="rose", appct="1.2",
                        lo="6.3", hi="6.7")),
]
for n, (day, values) in enumerate(weeks):
    paras = ap("LINDEN CITY", [p.format(**values) for p in MORTGAGE])
    url = f"https://apnews.com/article/mortgage-rates-week-{day}"
    story = "mortgage-2" if n == 1 else None
    add(url, paras, story, "original" if story else "unique", published=f"{day}T12:05:00-04:00", wire="AP",
        title=f"Average 30-year mortgage rate {values['dir']} to {values['r30']}%", dateline="LINDEN CITY")
    if n == 1:
        add("https://www.rivertonledger.com/business/mortgage-rates-fall", paras, story, "duplicate",
            published=f"{day}T12:40:00-05:00", wire="AP", title="Mortgage rates fall")

# --- market wrap: a daily template 1 day apart; one mirror copy of the third day ---
days = [
    ("2026-10-12", "Monday", "Friday", dict(verb="slipped", tail="as investors braced for a heavy week of earnings reports",
     iverb="fell", ipct="0.3", ilvl="5,412.08", dverb="lost", dpts="96", dpct="0.2", dlvl="40,221.57", cverb="rising",
     cpct="0.8", everb="fell", epct="1.4", bverb="edged higher", b10="4.21", pb10="4.18", overb="fell", oc="61",
     oil="68.40", adv="41", advv="rose", vol="slightly below")),
    ("2026-10-13", "Tuesday", "Monday", dict(verb="climbed to a record", tail="led by a rally in chipmakers after a strong sales forecast",
     iverb="rose", ipct="1.1", ilvl="5,471.62", dverb="gained", dpts="310", dpct="0.8", dlvl="40,531.90",
     cverb="jumping", cpct="3.2", everb="rose", epct="0.6", bverb="eased", b10="4.15", pb10="4.21", overb="rose",
     oc="44", oil="68.84", adv="72", advv="rose", vol="well above")),
    ("2026-10-14", "Wednesday", "Tuesday", dict(verb="pulled back from their record", tail="as profit-taking hit the biggest winners of the week",
     iverb="fell", ipct="0.6", ilvl="5,438.77", dverb="dropped", dpts="188", dpct="0.5", dlvl="40,343.12",
     cverb="sliding", cpct="1.9", everb="gained", epct="0.9", bverb="rose", b10="4.19", pb10="4.15", overb="rose",
     oc="27", oil="69.11", adv="35", advv="rose", vol="about even with")),
]
for n, (day, name, prev, values) in enumerate(days):
    paras = ap("PORT ELLERY", [p.format(day=name, prev=prev, **values) for p in WRAP])
    title = f"Stock market today: Stocks {values['verb']}"
    story = "wrap-3" if n == 2 else None
    add(f"https://apnews.com/article/stock-market-today-{day}", paras, story,
        "original" if story else "unique", published=f"{day}T16:20:00-04:00", wire="AP", title=title,
        dateline="PORT ELLERY")
    if n == 2:
        add("https://capitatum.com/markets/2027-03-01/stocks-pull-back.html",
            mirror(paras, title, "Capitatum", "2027-03-01 16:00:00"), story, "duplicate",
            published="2027-03-01 16:00:00", title=title)

# --- library: partner dateline without a credit and its own credit line; mirror with sidebar ---
library = ap("KESTRAL, Wendmark", LIBRARY)
library_title = "Kestral's main library reopens after two-year renovation"
add("https://apnews.com/article/kestral-library-reopens-9e03aa", library, "library", "original",
    published="2026-10-10T13:00:00-04:00", wire="AP", title=library_title, dateline="KESTRAL, Wendmark")
add("https://www.rivertonledger.com/wire/kestral-library-reopens",
    [f"KESTRAL, Wendmark — {LIBRARY[0]}", *LIBRARY[1:], "The Associated Press contributed to this report."],
    "library", "duplicate", published="2026-10-10T14:10:00-05:00", wire="AP", title=library_title)
add("https://ledgerpostdaily.com/news/kestral-library.html",
    mirror(library, library_title, "Ledger Post Daily", "2027-01-09 18:22:07"), "library", "duplicate",
    published="2027-01-09 18:22:07", title=library_title)

# --- shipping: a Reuters story; the original lives on reuters.com ---
shipping = ap("VARNHOLM, Nordmark", SHIPPING, credit="Reuters", dash="-")
shipping_title = "Nordhavn Line cuts northern sailings by a third as freight rates slide"
add("https://www.reuters.com/business/nordhavn-line-cuts-sailings-2026-10-13/", shipping, "shipping", "original",
    published="2026-10-13T09:41:00Z", wire="Reuters", title=shipping_title, dateline="VARNHOLM, Nordmark")
add("https://www.kvtn7.com/business/nordhavn-line-cuts-sailings/", shipping, "shipping", "duplicate",
    published="2026-10-13T07:55:00-05:00", wire="Reuters", title=shipping_title)
add("https://www.rivertonledger.com/business/nordhavn-sailings", shipping[:3], "shipping", "excerpt",
    published="2026-10-13T08:30:00-05:00", wire="Reuters", title=shipping_title)

# --- fair: no agency; the local paper has the earliest believable date ---
fair_title = "Ridgeback County Fair closes 150th season with record crowds"
add("https://www.ridgebackcourier.com/news/county-fair-record-crowds", FAIR, "fair", "original",
    published="2026-09-21T18:00:00-05:00", title=fair_title)
add("https://www.rivertonledger.com/region/ridgeback-fair-record", FAIR, "fair", "duplicate",
    published="2026-09-22T07:30:00-05:00", title=fair_title)
add("https://sagebrushwire.com/2027/01/05/county-fair-record/",
    mirror(FAIR, fair_title, "Sagebrush Wire", "2027-01-05 10:10:10"), "fair", "duplicate",
    published="2027-01-05 10:10:10", title=fair_title)

# --- frost: the original has no date; the mirror's believable-looking date is months late ---
frost_title = "Hard frost wipes out most of Tollan Valley cherry crop"
add("https://www.tollanvalleynews.com/2026/frost-cherry-crop", FROST, "frost", "original",
    fetched="2026-05-02T10:00:00Z", title=frost_title)
add("https://ledgerpostdaily.com/news/frost-cherry-crop.html",
    mirror(FROST, frost_title, "Ledger Post Daily", "2026-08-03 20:00:55"), "frost", "duplicate",
    published="2026-08-03 20:00:55", fetched="2026-08-05T09:00:00Z", title=frost_title)

# --- hockey: exact copy, trimmed copy, mirror, and a mirror copy of the trimmed copy ---
hockey = ap("ASHFORD FALLS, Wendmark", HOCKEY)
hockey_title = "Otters win first title in 41 years on rookie's overtime goal"
add("https://apnews.com/article/otters-win-championship-overtime-61aa2f", hockey, "hockey", "original",
    published="2026-10-17T23:50:00-04:00", wire="AP", title=hockey_title, dateline="ASHFORD FALLS, Wendmark")
add("https://www.kvtn7.com/sports/otters-win-first-title-in-41-years/", hockey, "hockey", "duplicate",
    published="2026-10-18T00:20:00-05:00", wire="AP", title=hockey_title)
add("https://www.rivertonledger.com/sports/otters-title", hockey[:3], "hockey", "excerpt",
    published="2026-10-18T06:00:00-05:00", wire="AP", title=hockey_title)
add("https://sagebrushwire.com/2027/02/14/otters-title/",
    mirror(hockey[:3], hockey_title, "Sagebrush Wire", "2027-02-14 12:00:00", sidebar=False), "hockey",
    "excerpt", published="2027-02-14 12:00:00", title=hockey_title)
add("https://capitatum.com/sports/2027-01-20/otters-win-title.html",
    mirror(hockey, hockey_title, "Capitatum", "2027-01-20 08:08:08"), "hockey", "duplicate",
    published="2027-01-20 08:08:08", title=hockey_title)

# --- beetle: a copy with edits that lost a paragraph; a mirror excerpt ---
beetle = ap("LORNE, Wendmark", BEETLE)
beetle_title = "Beetle that survives freezing could help store organs, scientists say"
add("https://apnews.com/article/freeze-tolerant-beetle-organs-0b7c55", beetle, "beetle", "original",
    published="2026-10-15T11:00:00-04:00", wire="AP", title=beetle_title, dateline="LORNE, Wendmark")
add("https://www.kvtn7.com/science/beetle-survives-freezing/",
    edited(beetle, [("a finding they say could help", "which they say might help"),
                    ("about the size of a grain of rice", "roughly as big as a grain of rice"),
                    ("who led the study", "the study's lead author")], drop=(5,)),
    "beetle", "duplicate", published="2026-10-15T12:30:00-05:00", wire="AP", title=beetle_title)
add("https://ledgerpostdaily.com/news/beetle-freezing.html",
    mirror(beetle[:3], beetle_title, "Ledger Post Daily", "2027-01-30 14:14:14"), "beetle", "excerpt",
    published="2027-01-30 14:14:14", title=beetle_title)

# --- dam: the original comes last in the file (it takes over the cluster when it arrives) ---
dam = ap("HOLBROOK, Wendmark", DAM)
dam_title = "Cracks in century-old dam prompt engineers to lower Holbrook Reservoir"
add("https://www.kvtn7.com/news/holbrook-dam-cracks-reservoir-lowered/", dam, "dam", "duplicate",
    published="2026-09-09T13:10:00-05:00", wire="AP", title=dam_title)
add("https://sagebrushwire.com/2026/12/12/holbrook-dam/",
    mirror(dam, dam_title, "Sagebrush Wire", "2026-12-12 12:12:12"), "dam", "duplicate",
    published="2026-12-12 12:12:12", title=dam_title)
add("https://www.rivertonledger.com/wire/holbrook-dam", dam[:3], "dam", "excerpt",
    published="2026-09-09T14:00:00-05:00", wire="AP", title=dam_title)

# --- bridge: partner copy with page chrome left in the text; mirror with heavy leftovers ---
bridge = ap("PELLHAM, Wendmark", BRIDGE)
bridge_title = "Fennick River bridge to close for 8 months for deck replacement"
add("https://apnews.com/article/fennick-river-bridge-closure-4d8e19", bridge, "bridge", "original",
    published="2026-10-19T10:45:00-04:00", wire="AP", title=bridge_title, dateline="PELLHAM, Wendmark")
add("https://www.kvtn7.com/news/fennick-river-bridge-to-close/",
    "\n\n".join(["Share: Facebook | X | Email", "Photos: 1 of 4", *bridge,
                 "Copyright 2026 The Associated Press. All rights reserved.", "Trending on KVTN 7"]),
    "bridge", "duplicate", published="2026-10-19T10:20:00-05:00", wire="AP", title=bridge_title)
add("https://ledgerpostdaily.com/news/fennick-bridge-close.html",
    mirror(["Advertisement", *bridge[:4], "Advertisement", *bridge[4:], "Tags: Bridge, Pellham, Kestral"],
           bridge_title, "Ledger Post Daily", "2027-01-02 01:02:03"), "bridge", "duplicate",
    published="2027-01-02 01:02:03", title=bridge_title)

# --- rewrites: the same events in other outlets' own words (they quote the same people) ---
add("https://www.greywatergazette.com/local/glassworks-blaze", [
    "Fire crews spent most of Sunday morning battling flames at the long-empty Calder glassworks, a riverfront landmark that many in Greywater had hoped would soon be reborn as apartments and artist studios.",
    "By the time the fire was out, the roof had collapsed and much of the building's interior was gone. Chief Odette Marsh said it could be days before anyone knows how it started.",
    "Neighbors described a frightening night. Tamsin Okafor said she woke to the sound of windows bursting in the heat. “It sounded like someone was throwing plates against a wall,” she said.",
    "City officials said they still hope to save the building's facade, which dates to the 1870s, but that engineers will have the final word. The redevelopment deal the city has been negotiating is now on hold.",
    "The fire is the latest in a string of blazes at empty industrial sites, and council members said the vote on new alarm rules for vacant buildings has taken on new urgency.",
], None, "unique", published="2026-10-18T16:00:00-05:00", title="Glassworks blaze leaves redevelopment in doubt")
add("https://www.pellhamtimes.com/education/bus-deal-approved", [
    "Pellham County parents can stop worrying about how their kids will get to school: the drivers who run the county's buses have signed off on a new contract.",
    "The vote was lopsided, with 412 drivers in favor and 37 against, and the deal lifts the starting wage by more than $4 an hour while promising drivers steadier weekly hours.",
    "“Our drivers have been holding this system together with duct tape for years,” said Renata Solis, who leads the drivers' guild.",
    "District leaders said a state grant and a few merged routes will cover the cost. Dozens of driver jobs remain open, and officials hope the raise will draw applicants before the first snow.",
], None, "unique", published="2026-10-14T20:30:00-05:00", title="Bus drivers back new deal")
add("https://www.marlowbaydispatch.com/news/train-derailment-fennick-bridge", [
    "MARLOW BAY — Riders on the early train from Kestral got a terrifying jolt Friday when three cars jumped the rails on the Fennick River bridge.",
    "At least a dozen people were hurt, four of them seriously enough to be hospitalized. “Everyone was screaming, and bags were flying off the racks,” passenger Hestia Grunwald said.",
    "State safety investigators are focusing on a stretch of track that may have buckled. The rail agency says replacement buses will carry commuters until the line reopens, possibly next week.",
    "The governor has called for a review of all the bridges on the line, several of which are more than 70 years old.",
], None, "unique", published="2026-10-16T18:00:00-05:00", title="Derailment rattles Marlow Bay commuters")

# --- unrelated local stories, two of them on the mirror network with its shared sidebar ---
for key, paras in UNIQUES.items():
    if key.startswith("sidebar"):
        host = "capitatum.com" if key.endswith("a") else "sagebrushwire.com"
        text = mirror(paras, paras[0][:60], host.split(".")[0].title(), "2027-01-11 11:11:11")
        add(f"https://{host}/news/{key}.html", text, None, "unique", published="2027-01-11 11:11:11")
    else:
        add(f"https://www.wendmarklocal.com/news/{key}", paras, None, "unique",
            published="2026-10-19T09:00:00-05:00", title=key.title())

add("https://www.ashfordfallsherald.com/outdoors/siblings-rescued", [
    "ASHFORD FALLS — After four cold nights under a rock ledge, Priya and Ansel Holloway heard the sound they had been waiting for: the thump of a helicopter rotor echoing off Sorrel Peak.",
    "The brother and sister from Marlow Bay had lost the Lantern Lakes trail in thick fog on their first day out and then got pinned down by a snowstorm nobody had forecast.",
    "Sheriff Benedict Lowe credited their choices for the happy ending. “They stayed together, they stayed put, they found shelter and they rationed what food they had,” he said.",
    "Both were treated for dehydration and frostbite and were expected to recover. The sheriff's office again urged hikers to carry a locator beacon in the backcountry.",
], None, "unique", published="2026-10-08T19:30:00-05:00", title="How two lost hikers outlasted a Corran Range storm")

# The dam story's original is the last record: it arrives after its copies.
add("https://apnews.com/article/holbrook-dam-cracks-reservoir-8a7e31", dam, "dam", "original",
    published="2026-09-09T12:30:00-04:00", wire="AP", title=dam_title, dateline="HOLBROOK, Wendmark")

if __name__ == "__main__":
    write_set(records, labels, "corpus.jsonl", "labels.json")
