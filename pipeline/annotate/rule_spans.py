"""The spaCy component that marks every match of every rule as a span.

Rules are regular expressions over normalised text, so they run over
``doc.text`` and each match is aligned to the tokens that cover it
(``alignment_mode="expand"``). Token patterns (``Matcher``/``PhraseMatcher``)
do not fit them: underthesea's segmentation depends on context, so a phrase
segmented on its own (``Trạm Y tế``) is not always the same tokens inside a
sentence, and a rule may start or end inside a word.

``doc.spans["rules"]`` holds one span per match (label: the rule file's kind,
``span.id_``: the rule id); ``doc._.rule_matches`` gives the exact matches
(:class:`RuleHit`: character offsets and named groups) in the same order.
They are stored as plain values in ``doc.user_data`` so that the Doc still
serialises (``to_bytes``, pickling); the rule itself is
``rules.rule(hit.rule_id)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules import RuleMatch, RuleSet

SPAN_KEY = "rules"
MATCHES = "rule_matches"
_STORE = "vnie.rule_matches"


@dataclass(frozen=True)
class RuleHit:
    """One exact rule match of a Doc: which rule, where, and its named groups."""

    kind: str
    rule_id: str
    start: int
    end: int
    text: str
    groups: dict[str, Optional[str]]


def register_doc_extensions() -> None:
    """``doc._.rule_matches``, read from plain values in ``doc.user_data`` (idempotent)."""
    if not Doc.has_extension(MATCHES):
        Doc.set_extension(MATCHES, getter=_rule_hits)


def _rule_hits(doc: Doc) -> list[RuleHit]:
    stored = doc.user_data.get(_STORE) or []
    return [
        RuleHit(kind, rule_id, start, end, doc.text[start:end], dict(groups))
        for kind, rule_id, start, end, groups in stored
    ]


def rule_matches(rules: RuleSet, text: str) -> list[RuleMatch]:
    """Every non-empty match of every rule, in text order (longer first at one start)."""
    found = [match for kind in rules.kinds() for match in rules.matches(kind, text)]
    found.sort(key=lambda match: (match.start, -(match.end - match.start), match.kind, match.rule.id))
    return found


def match_span(doc: Doc, match: RuleMatch) -> Span:
    """The tokens covering a match, labelled with its kind and rule id."""
    span = doc.char_span(match.start, match.end, label=match.kind, alignment_mode="expand", span_id=match.rule.id)
    if span is None:
        # Only possible for a match inside whitespace that spaCy would not
        # expand to a token; fall back to the tokens around its offsets.
        first = next(token.i for token in doc if token.idx + len(token) > match.start)
        last = max(first, next(token.i for token in reversed(doc) if token.idx < match.end))
        span = Span(doc, first, last + 1, label=match.kind, span_id=match.rule.id)
    return span


class RuleSpanComponent:
    """Applies a rule set to each Doc; without rules it leaves an empty group."""

    def __init__(self, rules: Optional[RuleSet] = None):
        register_doc_extensions()
        self.rules = rules

    def __call__(self, doc: Doc) -> Doc:
        matches = rule_matches(self.rules, doc.text) if self.rules is not None else []
        doc.spans[SPAN_KEY] = [match_span(doc, match) for match in matches]
        doc.user_data[_STORE] = [
            [match.kind, match.rule.id, match.start, match.end, list(match.groups.items())]
            for match in matches
        ]
        return doc


@Language.factory("vi_rule_spans", default_config={"rules_dir": None})
def create_rule_span_component(nlp: Language, name: str, rules_dir: Optional[str]) -> RuleSpanComponent:
    """``rules_dir``: load every rule file of that folder; ``None`` leaves ``component.rules`` to be set."""
    return RuleSpanComponent(RuleSet.load(rules_dir) if rules_dir is not None else None)
