"""Facilities and organizations of one article as they are collected: one entry per body.

An entry gathers every written form (name and aliases) and every mention of
one body. Bare mentions (``Giám đốc Bệnh viện``, ``TTYT``) are kept apart as
references and resolved to an entry by head: the entry of that head mentioned
last before them, else the only one of that head.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .bodies import BodyMention
from .keys import canonical_key


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class BodyEntry:
    """One facility or organization being collected (filled while reading the article)."""

    category: str
    kind: str
    head: str
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(span.start for span in self.mentions) if self.mentions else 0

    def add_form(self, form: str) -> None:
        form = " ".join(form.split())
        if form and form != self.name and form not in self.aliases:
            self.aliases.append(form)

    def add_mention(self, start: int, end: int) -> None:
        span = Span(start, end)
        if span not in self.mentions:
            self.mentions.append(span)

    def absorb(self, other: BodyEntry) -> None:
        """``other``'s name, aliases and mentions become this entry's."""
        for form in (other.name, *other.aliases):
            self.add_form(form)
        for span in other.mentions:
            self.add_mention(span.start, span.end)

    def covers(self, start: int, end: int) -> bool:
        return any(span.start < end and start < span.end for span in self.mentions)


@dataclass
class Registry:
    """The entries of one category (facilities or organizations) and their references."""

    category: str
    entries: list[BodyEntry] = field(default_factory=list)
    references: list[BodyMention] = field(default_factory=list)

    def by_key(self, key: str) -> Optional[BodyEntry]:
        return next((entry for entry in self.entries if entry.key == key), None)

    def by_name(self, name: str) -> Optional[BodyEntry]:
        return next((entry for entry in self.entries if entry.name == name), None)

    def add(self, name: str, kind: str, head: str, start: int, end: int, written: Optional[str] = None) -> BodyEntry:
        """Add a mention of the body called ``name``; a new entry when it is not known yet."""
        key = canonical_key(name, kind)
        entry = self.by_key(key)
        if entry is None:
            entry = BodyEntry(self.category, kind, head, key, " ".join(name.split()))
            self.entries.append(entry)
        elif _better_name(name, entry.name):
            entry.add_form(entry.name)
            entry.name = " ".join(name.split())
            entry.aliases = [a for a in entry.aliases if a != entry.name]
        entry.add_form(name)
        if written:
            entry.add_form(written)
        entry.add_mention(start, end)
        return entry

    def remove(self, entry: BodyEntry) -> None:
        """Drop ``entry`` (folded into another)."""
        self.entries = [e for e in self.entries if e is not entry]

    def fold(self, source: BodyEntry, into: BodyEntry) -> None:
        """``source`` is another form of ``into``: its forms and mentions move there, and it goes."""
        into.absorb(source)
        self.remove(source)

    def at(self, start: int, end: int) -> Optional[BodyEntry]:
        """The entry with a mention overlapping ``start``–``end``."""
        for entry in self.entries:
            if entry.covers(start, end):
                return entry
        return None

    def resolve(self, head: str, pos: int, admin: Optional[str] = None) -> Optional[BodyEntry]:
        """The entry a bare ``head`` at ``pos`` refers to."""
        same = [e for e in self.entries if e.head == head and (admin is None or _has_unit(e, admin))]
        if not same:
            return None
        before = [e for e in same if any(span.start < pos for span in e.mentions)]
        if before:
            return max(before, key=lambda e: max(s.start for s in e.mentions if s.start < pos))
        return same[0] if len(same) == 1 else None

    def ordered(self) -> list[BodyEntry]:
        return sorted(self.entries, key=lambda entry: entry.first)


def _has_unit(entry: BodyEntry, unit: str) -> bool:
    forms = [entry.name, *entry.aliases]
    return any(f" {unit} " in f" {form.lower()} " for form in forms)


def _better_name(candidate: str, current: str) -> bool:
    """Prefer a spelled-out head (Trung tâm Y tế over TTYT), then the longer name."""
    def spelled(name: str) -> bool:
        first = name.split()[0] if name.split() else ""
        return not (len(first) > 1 and first.isupper())

    if spelled(candidate) != spelled(current):
        return spelled(candidate)
    return len(candidate.split()) > len(current.split())
