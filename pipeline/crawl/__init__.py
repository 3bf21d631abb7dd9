"""Scheduled crawling of news sites into the corpus folder (``vnie crawl``).

Scrapy is an optional extra (``pip install .[crawl]``): only ``spider``,
``middleware``, ``resolver`` and ``collect`` import it, and ``round`` imports
it when a round runs; the sources file, URLs, state, page store, lock and
scheduler work without it.
"""
