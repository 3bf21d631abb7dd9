"""Scheduled crawling of news sites into the corpus folder (``vnie crawl``).

Scrapy is an optional extra (``pip install .[crawl]``): only ``spider``,
``middleware``, ``collect`` and ``round`` import it; the sources file, the
state, the page store and the scheduler work without it.
"""
