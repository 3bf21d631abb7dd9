"""Title chains around a name (``PGS.TS``, ``TTND.BSCKII``, ``Bác sĩ CKII``) in canonical atomic form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon

# Between two titles of one chain only dots, dashes, commas and spaces.
_CHAIN_GAP = re.compile(r"^[\s.\-–,]{0,3}$")
# Between a chain and the name it belongs to.
_NAME_GAP = re.compile(r"^[ \t.\-–]{0,3}$")
# Between titles and a profession written before a name ("Thầy thuốc ưu tú, lương y A"): a comma.
PROFESSION_GAP = re.compile(r"^\s*,?\s*$")
# Between a name and titles written after it, set off by a comma or a dash.
_AFTER_NAME_GAP = re.compile(r"\s*(?:,|\s[-–—])\s*")
# What may follow titles written after a name: a separator or the end of the sentence, not another name.
_CLOSED_AFTER = re.compile(r"\s*(?:[,;:.)–—-]|$)")


@dataclass(frozen=True)
class TitleChain:
    """Consecutive titles and their canonical atoms (``PGS.TS`` → ``PGS``, ``TS``)."""

    start: int
    end: int
    atoms: tuple[str, ...]


def find_title_chains(text: str, lexicon: Lexicon) -> list[TitleChain]:
    """Every chain of titles in the text, in order."""
    chains: list[TitleChain] = []
    current: Optional[TitleChain] = None
    for hit in lexicon.find(lexicon.titles, text):
        atoms = tuple(str(a) for a in hit.meta("atoms", []) or [])
        if current is not None and _CHAIN_GAP.match(text[current.end:hit.start]):
            current = TitleChain(current.start, hit.end, current.atoms + atoms)
            continue
        if current is not None:
            chains.append(current)
        current = TitleChain(hit.start, hit.end, atoms)
    if current is not None:
        chains.append(current)
    return chains


def chain_before(chains: list[TitleChain], text: str, pos: int, gap: re.Pattern[str] = _NAME_GAP) -> Optional[TitleChain]:
    """The chain that ends right before ``pos`` (a name's start), if any."""
    for chain in chains:
        if chain.end <= pos and gap.match(text[chain.end:pos]) and not _sentence_ends(text, chain, pos):
            return chain
    return None


def chain_after(chains: list[TitleChain], text: str, pos: int) -> Optional[TitleChain]:
    """The chain set off by a comma right after a name (``ông Trần Minh Điển, Phó giáo sư Tiến
    sĩ – Giám đốc …``): the name's own titles, when no other name follows them."""
    for chain in chains:
        if chain.start >= pos and _AFTER_NAME_GAP.fullmatch(text, pos, chain.start) \
                and _CLOSED_AFTER.match(text, chain.end):
            return chain
    return None


def _sentence_ends(text: str, chain: TitleChain, pos: int) -> bool:
    """A full stop after a title spelled out in words ends a sentence ("… cho các thầy thuốc ưu tú.
    Ảnh: …"); after an abbreviation ("BS. Nguyễn …") it does not."""
    written = text[chain.start:chain.end]
    # "BSCKII. Ths. A": an abbreviation written with lowercase letters still has a capital
    return "." in text[chain.end:pos] and " " in written.strip() and written.split()[-1].islower()


def unique_atoms(atoms: list[str]) -> list[str]:
    """Atoms in first-seen order without repeats."""
    seen: list[str] = []
    for atom in atoms:
        if atom not in seen:
            seen.append(atom)
    return seen
