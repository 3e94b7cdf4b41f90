"""Article detection: stories are articles; product pages and listing grids are not, in every entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from scrapy import Spider
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.extraction import extract_article
from newscrawl.items import Article
from newscrawl.pipelines.require_text import RequireTextPipeline
from tests.pages import article_html

STORY_URL = "https://www.ostlandcourier.com/news/2026/11/19/marrowfield-opens-its-new-flood-gates/"
PRODUCT_URL = "https://shop.ostlandgear.example/products/harbour-rain-jacket"
LISTING_URL = "https://www.ostlandcourier.com/category/weather/"


def product_html() -> str:
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Harbour rain jacket",
            "offers": {"@type": "Offer", "price": "89.00", "priceCurrency": "EUR"}}
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour rain jacket | Ostland Gear</title>
<meta property="og:type" content="product"><script type="application/ld+json">{json.dumps(data)}</script></head>
<body><nav><a href="/">Shop</a> <a href="/cart">Cart</a></nav><main><h1>Harbour rain jacket</h1>
<span itemprop="price">89.00</span><form><button class="add-to-cart">Add to cart</button></form>
<p>A light jacket for wet harbour days, with taped seams, a stowable hood and two zipped pockets.</p>
<ul><li>Waterproof to 10,000 mm</li><li>Recycled shell</li><li>Sizes XS to XXL</li><li>Machine washable</li></ul>
<p>Free returns within 30 days.</p></main></body></html>"""


def listing_html() -> str:
    teasers = "".join(
        f'<article class="teaser"><h2><a href="/news/story-{i}/">Weather story number {i} of the week</a></h2>'
        f"<p>Short teaser {i}.</p></article>" for i in range(12)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Weather | The Ostland Courier</title>
<meta property="og:type" content="website"></head><body><nav><a href="/">Home</a></nav>
<main><h1>Weather</h1>{teasers}</main></body></html>"""


def forum_html() -> str:
    posts = "".join(
        f'<div class="post" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
        f'<span itemprop="author">rowan{i}</span><p itemprop="text">{text}</p></div>'
        for i, text in enumerate([
            "I have the same barrow and my wheel squeaked for weeks until I greased the axle, so I would try that first.",
            "My advice is to check the bearing. I replaced mine last spring and I have had no trouble since then at all.",
            "I think the tyre pressure matters too. I pump mine every month and I never get the wobble you describe.",
            "Thanks all, I greased it tonight and my barrow is quiet again. I will report back if it starts again.",
        ]))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Squeaky barrow wheel - Ostland Garden Talk</title></head>
<body><nav><a href="/">Garden Talk</a></nav><main itemscope itemtype="https://schema.org/DiscussionForumPosting">
<h1 itemprop="headline">Squeaky barrow wheel</h1>{posts}<form><textarea></textarea><button>Reply</button></form></main></body></html>"""

def docs_html() -> str:
    steps = "".join(
        f"<h2>Step {i}</h2><p>Run the command below in your project folder to set up part {i} of the tool.</p>"
        f"<pre><code>tidepool setup --part {i}</code></pre>" for i in range(1, 6)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Installing Tidepool | Tidepool manual</title></head>
<body><nav class="sidebar"><a href="/manual/">Manual</a> <a href="/manual/install">Install</a></nav>
<main><h1>Installing Tidepool</h1><p>Tidepool runs on any machine with Python 3.11. Use <code>pip</code> to install it.</p>{steps}</main></body></html>"""


def test_a_story_is_an_article():
    assert extract_article(article_html(), STORY_URL)["page_kind"] == "article"


def test_a_product_page_is_not_an_article():
    record = extract_article(product_html(), PRODUCT_URL)
    assert record["text"], "the product page has text: detection, not emptiness, must drop it"
    assert record["page_kind"] == "product"


def test_a_listing_grid_is_not_an_article():
    record = extract_article(listing_html(), LISTING_URL)
    assert record["page_kind"] not in (None, "article")


def test_a_forum_thread_is_not_an_article():
    record = extract_article(forum_html(), "https://talk.ostlandgarden.example/t/squeaky-barrow-wheel/4411")
    assert record["text"]
    assert record["page_kind"] == "forum"


def test_a_manual_page_full_of_code_is_not_an_article():
    record = extract_article(docs_html(), "https://tidepool.example/guide/installing-tidepool")
    assert record["text"]
    assert record["page_kind"] not in (None, "article")


def _pipeline(**settings):
    crawler = get_crawler(Spider, settings)
    return RequireTextPipeline.from_crawler(crawler), crawler.stats


def _item(html: str, url: str, **extra) -> Article:
    item = Article(url=url, **extra)
    for key, value in extract_article(html, url).items():
        if key in Article.fields and value is not None:
            item[key] = value
    return item


def test_pipeline_drops_non_articles_and_counts_them_by_kind():
    pipeline, stats = _pipeline()
    assert pipeline.process_item(_item(article_html(), STORY_URL))["url"] == STORY_URL
    with pytest.raises(DropItem, match="not an article"):
        pipeline.process_item(_item(product_html(), PRODUCT_URL))
    assert stats.get_value("newscrawl/dropped/not_article") == 1
    assert stats.get_value("newscrawl/dropped/not_article/product") == 1


def test_a_spider_can_vouch_for_its_article_urls():
    pipeline, stats = _pipeline()
    item = _item(product_html(), PRODUCT_URL, article_by_url=True)
    assert pipeline.process_item(item) is item
    assert not stats.get_value("newscrawl/dropped/not_article")


def test_articles_only_can_be_switched_off():
    pipeline, _ = _pipeline(NEWSCRAWL_ARTICLES_ONLY=False)
    item = _item(product_html(), PRODUCT_URL)
    assert pipeline.process_item(item) is item


def test_extract_command_skips_non_articles_unless_asked(tmp_path):
    (tmp_path / "story.html").write_text(article_html(), encoding="utf-8")
    (tmp_path / "product.html").write_text(product_html(), encoding="utf-8")

    def run(*extra):
        result = subprocess.run(
            [sys.executable, "-m", "newscrawl.cli", "extract", str(tmp_path / "story.html"),
             str(tmp_path / "product.html"), *extra],
            capture_output=True, text=True, timeout=120,
        )
        return result, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]

    result, records = run()
    assert result.returncode == 0, result.stderr
    assert len(records) == 1
    assert "not an article (product page)" in result.stderr
    assert "not_article: 1" in result.stderr
    _, records = run("--all-pages")
    assert len(records) == 2
    assert all("page_kind" not in record for record in records)


def test_warc_crawl_gives_no_record_for_a_product_page_and_reports_it(tmp_path):
    from tests.crawling import run_crawl
    from tests.pages import warc_bytes

    warc = tmp_path / "pages.warc.gz"
    warc.write_bytes(warc_bytes([("response", STORY_URL, article_html().encode()),
                                 ("response", PRODUCT_URL, product_html().encode())]))
    crawl = run_crawl("warc", tmp_path, {}, args={"path": str(warc)})
    assert crawl.returncode == 0, crawl.log[-2000:]
    assert [record["url"] for record in crawl.records] == [STORY_URL]
    assert crawl.summary["not_articles"] == 1
    assert crawl.summary["not_articles_by_kind"] == {"product": 1}


# --- the signals, one by one, on small fictional pages ---------------------------------------

def _signals(body: str, head: str = "", url: str = STORY_URL):
    from newscrawl.extraction.article import parse_page
    from newscrawl.extraction.page_kind import page_signals

    html = f"<!DOCTYPE html><html><head><title>A page</title>{head}</head><body>{body}</body></html>"
    return page_signals(parse_page(html), url, "A page", [], None, False, False)


def test_cart_controls_are_counted_by_class_but_not_inside_other_words():
    signals = _signals('<div class="cartoon-strip">Comic</div><div class="scorecard">Scores</div>')
    assert signals.carts == 0
    signals = _signals('<button class="btn add_to_cart">Add</button><a class="mini-basket" href="/b">Basket</a>')
    assert signals.carts == 2


def test_byline_marks_come_from_class_names_and_author_links():
    assert _signals('<p class="authority-notice">Issued by the port authority.</p>').byline_marks == 0
    signals = _signals('<p class="story-byline">By <a rel="author" href="/staff/hanne-vosk">Hanne Vosk</a></p>')
    assert signals.byline_marks == 2


def test_microdata_types_join_the_page_types_and_thread_items_are_counted():
    posts = "".join(
        f'<div itemscope itemtype="https://schema.org/Comment"><p>Reply {i}: my barrow wheel squeaks too.</p></div>'
        for i in range(4)
    )
    signals = _signals(f'<div itemscope itemtype="http://schema.org/DiscussionForumPosting">{posts}</div>')
    assert "discussionforumposting" in signals.types
    assert signals.thread_items == 5


def test_code_blocks_and_time_elements_are_counted():
    signals = _signals("<p>Run <code>tidepool sync</code> first.</p><pre>tidepool sync --all</pre>"
                       "<time datetime='2026-11-19'>19 November</time>")
    assert (signals.code_blocks, signals.times) == (2, 1)


def test_main_block_is_the_longest_run_of_paragraphs_under_one_parent():
    words = "word " * 40
    story = f"<div><p>{words}</p><p>{words}</p></div>"
    grid = "".join(f"<div class='card'><p>Teaser {i}</p></div>" for i in range(10))
    signals = _signals(story + grid)
    assert signals.main_block == 2 * len(words)
    assert _signals(grid).main_block == len("Teaser 0")


def test_price_markup_is_counted():
    signals = _signals('<div itemscope itemtype="https://schema.org/Product"><span itemprop="price">12.50</span>'
                       '<meta itemprop="priceCurrency" content="EUR"></div>')
    assert signals.prices == 2
    assert "product" in signals.types


def test_text_rates_say_who_speaks():
    from newscrawl.extraction.page_kind import _text_rates

    first, we, numbers, years = _text_rates(["We help our clients grow. Call us: our team is ready for you."])
    assert we > 0.5 and first == 0
    first, we, numbers, years = _text_rates(["I bought my barrow in 2019 and I still use it 3 times a week."])
    assert first > 0.5 and years > 0 and numbers > 0
    assert _text_rates([]) == (0.0, 0.0, 0.0, 0.0)


def services_html() -> str:
    blocks = "".join(
        f"<section><h2>{head}</h2><p>{blurb}</p><a class='btn' href='/contact'>Get a quote</a></section>"
        for head, blurb in [
            ("Flood barrier design", "We design barriers for your riverside site. Our engineers visit you within a week."),
            ("Pump hire", "Need a pump tonight? Call our team and your pump is on the road in two hours."),
            ("Sandbag supply", "We deliver sandbags to your door. Order online or book a call with our staff."),
            ("Site surveys", "Our surveyors map your land and tell you where the water will go."),
            ("Why choose us", "Twenty years of flood work, certified staff, and a free first visit for you."),
        ])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Our services | Ostland Flood Works</title>
<meta property="og:type" content="website"></head><body><nav><a href="/">Home</a> <a href="/services/">Services</a>
<a href="/contact">Contact</a><button>Menu</button></nav><main><h1>Flood protection services</h1>
<p>We keep your home and business dry. Whatever your site, our team has a plan for you.</p>{blocks}
<form><input name="email"><input name="phone"><button>Request a callback</button></form></main></body></html>"""


def test_a_service_landing_page_is_not_an_article():
    record = extract_article(services_html(), "https://www.ostlandfloodworks.example/services/flood-protection/")
    assert record["text"]
    assert record["page_kind"] not in (None, "article")


@pytest.mark.parametrize("url", [
    "https://www.ostlandcourier.com/news/2026/11/19/marrowfield-opens-its-new-flood-gates/",
    "https://tarnboten.example/lokales/bruecke",
    "https://news.ostland.example/service/flood-gates-open",
    "https://lakeshore.example/community/2026-11/library-sunday-hours.html",
])
def test_a_bare_short_story_stays_an_article_where_the_url_names_no_other_kind(url):
    # No structured data, no byline, no date: a plain story must never be dropped (a front page or a
    # /services/ or /category/ URL does name another kind of page: there the score decides).
    html = "<!DOCTYPE html><html><head><title>Flood gates</title></head><body>" + "".join(
        f"<p>{p}</p>" for p in [
            "The river authority in Marrowfield opened its new flood gates on Thursday, three years after "
            "a spring surge closed the grain market.",
            "The gates can hold back a rise of four metres, said the chief engineer, who oversaw the work.",
            "Residents lined the embankment to watch the first test as the doors swung shut.",
        ]) + "</body></html>"
    assert extract_article(html, url)["page_kind"] == "article"


def test_front_pages_documentation_hosts_and_service_paths_name_another_kind():
    from newscrawl.extraction.page_kind import _is_home, _says_otherwise

    assert _is_home("https://www.ostlandcourier.com/") and _is_home("https://www.ostlandcourier.com/en-gb/")
    assert not _is_home("https://www.ostlandcourier.com/news/flood-gates") and not _is_home("file:///tmp/page.html")
    assert _says_otherwise(_signals("<p>x</p>", url="https://docs.tidepool.example/install"), ["x"])
    assert _says_otherwise(_signals("<p>x</p>", url="https://floodworks.example/services/pumps/"), ["x"])
    assert not _says_otherwise(_signals("<p>x</p>", url="https://news.example/service/flood-gates-open"), ["x"])
    assert not _says_otherwise(_signals("<p>x</p>"), ["x"])


def test_headings_and_controls_are_counted():
    signals = _signals("<h2>A</h2><h3>B</h3><h4>C</h4><h5>D</h5><button>Go</button><input name='q'><select></select>")
    assert (signals.headings, signals.buttons) == (3, 3)


def test_text_shape_tells_a_landing_page_from_a_story():
    from newscrawl.extraction.page_kind import _shape

    you, headings, lines, questions, prices = _shape(["Pump hire", "Your pump is on the road in two hours. Call us!",
                                                      "Sandbags from $4"])
    assert you > 0.5 and headings > 0.6 and prices > 0
    you, headings, lines, questions, prices = _shape(PARAGRAPHS_OF_A_STORY)
    assert (you, headings, prices) == (0.0, 0.0, 0.0) and questions == 0.0


PARAGRAPHS_OF_A_STORY = [
    "The ferry captain stepped ashore for the last time on Friday, greeted by a brass band on the pier.",
    "She ran the Saltmere crossing for thirty years, in fog and in gales, and never lost a passenger.",
]


def test_layout_counts_teaser_links_images_and_discussion():
    signals = _signals(
        '<img src="/a.jpg"><img src="/b.jpg">'
        '<a href="/news/a">Harbour board approves the new winter ferry timetable</a>'
        '<a href="/news/b">Ferry timetable</a>'
        '<div class="comment-body"><span class="user_name">rowan</span> Posted on Tuesday</div>'
        '<div class="replies"><p>Seen it too.</p></div><div class="commentary">Column</div>'
    )
    layout = signals.layout
    assert (layout.images, layout.headline_links) == (2, 1)
    assert layout.discussion_marks == 3  # comment, user-name, replies; not `commentary`


def test_layout_features_set_teasers_against_the_main_text():
    from newscrawl.extraction.page_layout import Layout, layout_features

    story = ["The harbour board met on Tuesday and approved the winter timetable. " * 20]
    grid = ["Ferry news."]
    layout = Layout(images=40, headline_links=8, discussion_marks=0)
    images, teasers, discussion = layout_features(layout, grid)
    s_images, s_teasers, _ = layout_features(layout, story)
    assert images == s_images > 0 and discussion == 0
    assert teasers > s_teasers > 0  # the same links weigh less beside a long text
    assert layout_features(Layout(), []) == [0.0, 0.0, 0.0]


def section_front_html() -> str:
    teasers = "".join(
        f'<div class="tile"><a href="/news/2026/11/{i}/story/">'
        f"Harbour board reports on ferry route number {i} this week</a><span>19 Nov 2026</span></div>"
        for i in range(14)
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour | The Ostland Courier</title>
</head><body><nav><a href="/">Home</a></nav><main><h1>Harbour</h1>
<p>All our reporting on the harbour, the ferries and the people who work on the water, newest first.</p>
{teasers}</main></body></html>"""


def test_a_grid_of_teasers_names_a_listing():
    from newscrawl.extraction.page_kind import _says_otherwise, page_kind
    from newscrawl.extraction.page_layout import teaser_grid

    url = "https://www.ostlandcourier.example/harbour/"
    signals = _signals(section_front_html().split("<body>", 1)[1].split("</body>")[0], url=url)
    paragraphs = ["All our reporting on the harbour, the ferries and the people who work on the water, newest first."]
    assert teaser_grid(signals.layout, paragraphs)
    assert _says_otherwise(signals, paragraphs)
    assert page_kind(signals, paragraphs) == "listing"
    assert extract_article(section_front_html(), url)["page_kind"] not in (None, "article")


def test_a_story_with_related_links_is_no_teaser_grid():
    from newscrawl.extraction.page_layout import teaser_grid

    related = "".join(f'<li><a href="/news/{i}/">Harbour board reports on ferry route number {i} this week</a></li>'
                      for i in range(5))
    html = article_html().replace("</body>", f"<aside><ul>{related}</ul></aside></body>")
    record = extract_article(html, STORY_URL)
    assert record["page_kind"] == "article"
    signals = _signals(f"<p>{'The ferry ran late. ' * 80}</p><ul>{related}</ul>")
    assert not teaser_grid(signals.layout, ["The ferry ran late. " * 80])


def test_menu_and_sidebar_links_are_no_teasers():
    long_link = '<a href="/x">Harbour board reports on ferry route number one this week</a>'
    signals = _signals(f"<nav>{long_link}</nav><header>{long_link}</header><aside>{long_link}</aside>"
                       f"<footer>{long_link}</footer><main>{long_link}</main>")
    assert signals.layout.headline_links == 1


def test_a_few_teasers_beside_a_short_text_are_no_grid():
    from newscrawl.extraction.page_layout import Layout, teaser_grid

    assert not teaser_grid(Layout(headline_links=5), ["A short item the extractor cut."])
    assert teaser_grid(Layout(headline_links=10), ["A short item the extractor cut."])


def test_a_query_that_names_a_page_is_no_front_page():
    from newscrawl.extraction.page_kind import _is_home

    assert not _is_home("https://autoblatt.example/?p=31228")
    assert _is_home("https://autoblatt.example/?utm_source=feed&srsltid=abc")
