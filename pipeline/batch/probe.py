"""A stand-in article function that exercises the batch machinery without models.

``probe_processor`` turns each decoded input into a minimal valid record (its
text as body, nothing extracted) in microseconds, so tests and the kill-and-
rerun benchmark can push thousands of articles through workers, state and
writer quickly. Marker strings in an input make it misbehave on purpose:

- ``VNIE-PROBE-SLOW`` sleeps ``PROBE_SLOW_SECONDS`` (per-article time limit);
- ``VNIE-PROBE-CRASH`` kills its worker process (a worker lost mid-article);
- ``VNIE-PROBE-FAIL`` returns an error record.

Select it with ``vnie run --processor pipeline.batch.probe:probe_processor``.
"""

from __future__ import annotations

import os
import re
import time
from typing import Optional, Union

from .. import __version__
from ..document import RawDocument
from ..models import ArticleRecord, ErrorInfo, ErrorRecord, PipelineInfo
from ..read import document_id
from ..rules import RuleSet
from .tasks import RecordFunction

PROBE_SLOW_SECONDS = 600.0
# Per-article work the probe pretends to do, so a run lasts long enough to be
# interrupted; set through the environment by the benchmark.
PROBE_DELAY_ENV = "VNIE_PROBE_DELAY"

_TAGS = re.compile(r"<[^>]*>")


def probe_processor(rules_dir: Optional[str]) -> RecordFunction:
    rules_sha = RuleSet.load(rules_dir).sha256
    delay = float(os.environ.get(PROBE_DELAY_ENV, "0") or 0)

    def process(raw: RawDocument) -> Union[ArticleRecord, ErrorRecord]:
        if delay:
            time.sleep(delay)
        if "VNIE-PROBE-SLOW" in raw.content:
            time.sleep(PROBE_SLOW_SECONDS)
        if "VNIE-PROBE-CRASH" in raw.content:
            os._exit(9)
        if "VNIE-PROBE-FAIL" in raw.content:
            return ErrorRecord(source=raw.source, error=ErrorInfo(kind="no_article", message="probe failure"))
        body = _TAGS.sub(" ", raw.content).strip()
        return ArticleRecord(
            id=document_id(raw),
            source=raw.source,
            body=body,
            warnings=list(raw.warnings),
            pipeline=PipelineInfo(version=__version__, rules_sha256=rules_sha),
        )

    return process
