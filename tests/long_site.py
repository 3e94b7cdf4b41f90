"""A long fictional site (hundreds of pages) whose tag links share words with the prose.

Topic names appear as nav and tag links on every page and, inside sentences, as links,
bold or italic words, hyphenated compounds, list items, table cells and subheadings: the
material from which a careless site memory learns to cut words out of paragraphs.
"""

from __future__ import annotations

import random

SITE = "lindencourier.example"

TOPICS = ["Harbor", "Council", "Ferry", "Orchard", "Tram", "Library", "Budget", "Quarry", "Essen",
          "Weather", "Schools", "Bridge", "Football", "Elections", "Police", "Museum"]
WORDS = ("river mill lantern copper meadow stone ledger crane wharf signal granary tannery bell "
         "market widow baker clerk mayor pilot tailor warden canal furnace kettle thatch barley "
         "harvest tide gull ferryman ropewalk chandler slate orchard cider").split()
VERBS = "argued voted waited promised refused counted repaired opened closed delayed praised".split()
HEADLINES = [f"{a} {b} {c}" for a, b, c in zip(
    ["Night market", "Old mill", "Canal lock", "Bell tower", "Copper works", "Slate quarry", "Cider press",
     "Ropewalk", "Granary", "Wharf crane"],
    ["reopens", "sold", "repaired", "closes", "expands", "floods", "wins prize", "burns", "restored", "stalls"],
    ["after long wait", "to a newcomer", "by volunteers", "for winter", "on the east bank",
     "again in spring", "at county fair", "overnight", "with lottery money", "in the storm"])]


def mark(topic: str, rng: random.Random) -> str:
    """A topic word inside a sentence, in one of the inline forms real pages use."""
    form = rng.randrange(6)
    if form == 0:
        return f"<a href='/topic/{topic.lower()}'>{topic}</a>"
    if form == 1:
        return f"<strong>{topic}</strong>"
    if form == 2:
        return f"<em>{topic}</em>"
    if form == 3:
        return f"<span class='entity'>{topic}</span>"
    if form == 4:
        return f"<a href='/topic/{topic.lower()}'>{topic}</a>-{rng.choice(WORDS)}"
    return f"<b><a href='/topic/{topic.lower()}'>{topic}</a></b>"


def sentence(rng, topics) -> str:
    words = rng.sample(WORDS, 6)
    return (f"The {words[0]} and the {words[1]} {rng.choice(VERBS)} over the {mark(rng.choice(topics), rng)} "
            f"plan near the {words[2]} while {rng.randint(2, 900)} {words[3]}s {rng.choice(VERBS)} "
            f"against the {words[4]} at the {words[5]}.")


def page(n: int) -> tuple[str, str]:
    """(html, url) of story `n`."""
    rng = random.Random(n)
    topics = rng.sample(TOPICS, 4)
    body = []
    for i in range(rng.randint(5, 8)):
        body.append("<p>" + " ".join(sentence(rng, topics) for _ in range(rng.randint(2, 3))) + "</p>")
        if i == 1:
            body.append(f"<h2>{rng.choice(topics)}</h2>")  # a subheading that is also a tag
        if i == 2:
            body.append("<ul>" + "".join(f"<li>{mark(t, rng)} {' '.join(rng.sample(WORDS, 3))} {rng.choice(VERBS)} "
                                         f"by {rng.randint(2, 99)}</li>" for t in topics[:3]) + "</ul>")
        if i == 3:
            body.append("<table><tr><th>Topic</th><th>Votes</th></tr>" + "".join(
                f"<tr><td>{t}</td><td>{rng.randint(10, 999)}</td></tr>" for t in topics) + "</table>")
        if i == 4:
            body.append(f"<blockquote><p>{sentence(rng, topics)}</p><p><em>{rng.choice(topics)}</em></p></blockquote>")
    nav = "".join(f"<li><a href='/topic/{t.lower()}'>{t}</a></li>" for t in TOPICS)
    tags = "".join(f"<li><a href='/topic/{t.lower()}'>{t}</a></li>" for t in topics)
    inline_tags = ", ".join(f"<a href='/topic/{t.lower()}'>{t}</a>" for t in topics)
    most_read = "".join(f"<li><a href='/news/{h[:4]}'>{h}</a></li>" for h in rng.sample(HEADLINES, 5))
    title = f"{rng.choice(WORDS).title()} {rng.choice(VERBS)} in story {n}"
    html = (
        f"<html><head><title>{title} | Linden Courier</title></head><body>"
        f"<header><div class='brand'>Linden Courier</div><nav><ul>{nav}</ul></nav></header>"
        f"<main><article><h1>{title}</h1><div class='meta'><span>Updated {rng.randint(1, 28)} May</span></div>"
        f"<div class='body'>{''.join(body)}</div>"
        f"<div class='tagline'>Tags: {inline_tags}</div><ul class='tags'>{tags}</ul>"
        f"<div class='rate'>Useful? ({rng.randint(1, 99)})</div></article>"
        f"<aside><h3>Most read</h3><ul>{most_read}</ul></aside></main>"
        f"<footer><p>Linden Courier, 4 Wharf Lane. All rights reserved.</p><p><a href='/privacy'>Privacy</a></p></footer>"
        f"</body></html>"
    )
    return html, f"https://{SITE}/news/{n}.html"


# Lines of the template (whole blocks a memory may learn), and the topic names that are tags.
TEMPLATE_LINES = {"Linden Courier", "Most read", "Linden Courier, 4 Wharf Lane. All rights reserved.", "Privacy",
                  *HEADLINES, *TOPICS}
