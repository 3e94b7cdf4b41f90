"""A made-up content-farm network: every page wraps its story in the same templated lines."""

from __future__ import annotations

# Fictional stories, each told in its own words (none is a copy of another).
FERRY = [
    "PORT ELLERY, Wendmark (AP) — Ferry crews walked off the job Monday at the three terminals of the Ellery "
    "Sound line, stranding thousands of island commuters and halting freight to the outer islands.",
    "The crews' union said talks over overtime pay and rest periods between crossings had broken down late "
    "Sunday after eleven weeks without a contract.",
    "Island schools closed for the day, and the regional health board flew two nurses to the Calder clinic by "
    "helicopter to cover for staff who could not cross.",
    "The ferry operator said it would run a reduced timetable with managers at the helm, but only one of its "
    "nine vessels left the harbor by noon.",
    "Shopkeepers on Calder Island said deliveries of milk, bread and fuel were already running short, and some "
    "were limiting how much each customer could buy.",
    "A mediator appointed by the labor ministry is due to meet both sides on Wednesday in Port Ellery.",
]
MUSEUM = [
    "ASHFORD, Wendmark (AP) — Thieves broke into the Ashford Museum of Maritime History before dawn Thursday "
    "and took a gold-plated ship's chronometer that had survived the wreck of the steamer Orla in 1881.",
    "Guards found a skylight over the east gallery forced open during a routine round shortly after four in "
    "the morning, the museum's director, Imre Vastag, told reporters.",
    "The chronometer, which stopped at the minute the Orla struck the Gannet Rocks, is the best-known object "
    "in the collection and draws school groups from across the province.",
    "Police said the thieves cut through a display case without setting off its alarm and left a rope "
    "hanging from the roof, and that they were reviewing footage from cameras along the harbor road.",
    "The museum will stay closed through the weekend while investigators examine the gallery and the roof.",
    "Vastag said the object was insured but could never be replaced, and he appealed to anyone offered it "
    "for sale to call the police.",
]

# The network's own lines, on every page whatever its story: breadcrumbs, a fake byline and
# date (no prose), a market ticker whose figures change through the day, a newsletter call
# and a rating widget.
HEADER = ["Home > World > Top Stories", "Staff Desk View", "Date:2026-03-14 08:12:40"]
TICKER = ("Markets: the Tollan composite index rose {rose} percent and the Wendmark industrial average fell "
          "{fell} percent in early trading.")
NEWSLETTER = ("Sign up for the Harbor Daily newsletter and get the top stories of the day delivered to your "
              "inbox every morning.")
FOOTER = ["veryGood! (91)", "Related", "- Ten photos of the week you have to see", "- What to watch this weekend"]


def mirror_page(paragraphs: list[str], rose: str = "1.2", fell: str = "0.4") -> str:
    """The network's page carrying `paragraphs` (its story) inside the template."""
    return "\n".join([*HEADER, TICKER.format(rose=rose, fell=fell), *paragraphs, NEWSLETTER, *FOOTER])
