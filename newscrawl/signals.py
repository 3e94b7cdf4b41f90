"""Signals newscrawl's Scrapy components send each other."""

# A page's template blocks were read ahead of extraction (site, keys, story): the warc
# spider sends it for every page of a file before yielding any, so the extraction
# pipeline's site memory knows the batch's templates from the first page on.
template_seen = object()

# A unit of work (e.g. one CC-NEWS WARC file) is finished: all its records went through the
# pipelines. Arguments: url (the unit's request URL), spider.
work_unit_done = object()
