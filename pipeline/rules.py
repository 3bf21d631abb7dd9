"""Rule files: loading, validation and matching.

Rules are data. Each file in ``rules/`` is YAML with a ``kind`` and a list of
rules; each rule has an ``id``, a readable ``literal``, a regular-expression
``pattern`` over normalised text, free ``meta`` data for the extractor that
uses it, and ``examples`` (and optional ``counter_examples``) that a test runs
the pattern against. Unknown keys are rejected and every error names the file
and the rule id.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator, Optional, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from .textnorm import normalize_tones

# The repository's rules/ folder. In a checkout ``pipeline/rules_data`` is a
# link to it; an installed wheel carries the files themselves there, so
# workers on other machines (Dask) load the same rules.
RULES_DIR = Path(__file__).resolve().parent / "rules_data"

MetaValue = Union[str, int, float, bool, list[str], None]


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file and rule."""


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)+$")
    literal: str
    pattern: str
    ignore_case: bool = False
    meta: dict[str, MetaValue] = {}
    examples: list[str] = Field(min_length=1)
    counter_examples: list[str] = []

    _compiled: Optional[re.Pattern[str]] = PrivateAttr(default=None)

    @field_validator("literal", "pattern")
    @classmethod
    def _normalised(cls, value: str) -> str:
        return normalize_tones(value)

    @field_validator("examples", "counter_examples")
    @classmethod
    def _normalised_examples(cls, values: list[str]) -> list[str]:
        return [normalize_tones(value) for value in values]

    @property
    def regex(self) -> re.Pattern[str]:
        if self._compiled is None:
            flags = re.IGNORECASE if self.ignore_case else 0
            self._compiled = re.compile(self.pattern, flags)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text)


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: str = Field(pattern=r"^[a-z_]+$")
    description: str = ""
    rules: list[Rule]


@dataclass(frozen=True)
class RuleMatch:
    """One place where a rule matched, with the rule that produced it."""

    rule: Rule
    kind: str
    start: int
    end: int
    text: str
    groups: dict[str, Optional[str]]


class RuleSet:
    """Every rule file of a directory, validated, with a content hash."""

    def __init__(self, files: dict[str, RuleFile], sha256: str, directory: Path):
        self.files = files
        self.sha256 = sha256
        self.directory = directory

    @classmethod
    def load(cls, directory: Optional[Path] = None) -> "RuleSet":
        directory = Path(directory or RULES_DIR)
        if not directory.is_dir():
            raise RuleError(f"{directory}: rules directory not found")
        digest = hashlib.sha256()
        files: dict[str, RuleFile] = {}
        seen: dict[str, str] = {}
        for path in sorted(directory.glob("*.yaml")):
            raw = path.read_bytes()
            digest.update(path.name.encode() + b"\0" + raw)
            rule_file = _parse_file(path, raw)
            if rule_file.kind in files:
                raise RuleError(f"{path.name}: kind {rule_file.kind!r} already defined by another file")
            for rule in rule_file.rules:
                if rule.id in seen:
                    raise RuleError(f"{path.name}: rule {rule.id}: id already used in {seen[rule.id]}")
                seen[rule.id] = path.name
                try:
                    rule.regex
                except re.error as exc:
                    raise RuleError(f"{path.name}: rule {rule.id}: pattern does not compile: {exc}") from exc
            files[rule_file.kind] = rule_file
        return cls(files, digest.hexdigest(), directory)

    def kinds(self) -> list[str]:
        return sorted(self.files)

    def rules(self, kind: str) -> list[Rule]:
        if kind not in self.files:
            raise RuleError(f"no rule file of kind {kind!r} in {self.directory}")
        return self.files[kind].rules

    @cached_property
    def _by_id(self) -> dict[str, tuple[str, Rule]]:
        return {rule.id: (kind, rule) for kind, file in self.files.items() for rule in file.rules}

    def rule(self, rule_id: str) -> Rule:
        return self._by_id[rule_id][1]

    def all_rules(self) -> Iterator[tuple[str, Rule]]:
        for kind in self.kinds():
            for rule in self.files[kind].rules:
                yield kind, rule

    def matches(self, kind: str, text: str) -> list[RuleMatch]:
        """Every match of every rule of ``kind`` in ``text``, in text order."""
        found = [
            RuleMatch(rule, kind, m.start(), m.end(), m.group(0), m.groupdict())
            for rule in self.rules(kind)
            for m in rule.finditer(text)
            if m.end() > m.start()
        ]
        found.sort(key=lambda match: (match.start, -(match.end - match.start)))
        return found


class _DuplicateKey(Exception):
    """A key written twice in one mapping of a rule file."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key written twice in one mapping: PyYAML would keep the
    last value silently, so a rule whose ``- id:`` line was lost would take over the next
    rule's pattern."""

    def construct_mapping(self, node, deep=False):  # type: ignore[no-untyped-def]
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                ident = next((self.construct_object(v) for k, v in node.value
                              if self.construct_object(k) == "id"), None)
                where = f"rule {ident}" if ident else f"line {key_node.start_mark.line + 1}"
                raise _DuplicateKey(f"{where}: key {key!r} written twice (line {key_node.start_mark.line + 1})")
            seen[key] = True
        return super().construct_mapping(node, deep=deep)


def _parse_file(path: Path, raw: bytes) -> RuleFile:
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except _DuplicateKey as exc:
        raise RuleError(f"{path.name}: {exc}") from None
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        raise RuleError(f"{path.name}: not valid UTF-8 YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path.name}: expected a mapping with 'kind' and 'rules'")
    try:
        return RuleFile.model_validate(data)
    except ValidationError as exc:
        raise RuleError(_describe(path, data, exc)) from None


def _describe(path: Path, data: dict, exc: ValidationError) -> str:
    """Name the file and the rule id for each validation error."""
    lines = []
    rules = data.get("rules") if isinstance(data.get("rules"), list) else []
    for error in exc.errors():
        loc = error["loc"]
        where = ".".join(str(part) for part in loc)
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int) and loc[1] < len(rules):
            entry = rules[loc[1]]
            rule_id = entry.get("id", f"#{loc[1]}") if isinstance(entry, dict) else f"#{loc[1]}"
            field = ".".join(str(part) for part in loc[2:]) or "rule"
            where = f"rule {rule_id}: {field}"
        lines.append(f"{path.name}: {where}: {error['msg']}")
    return "\n".join(lines)
