"""What a person's name is: capitalised runs of words, and the checks a name must pass.

A Vietnamese name starts with a surname from the gazetteer, has two to five
syllables, each a capitalised Vietnamese syllable, and no office, facility or
organization word inside. A foreign name has words that are not Vietnamese
syllables (Joe Biden, Volodymyr Zelensky). A short name (``anh Sơn``,
``chị Thu Nguyệt``) is one or two given-name syllables after a form of address.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .lexicon import Lexicon
from .words import Word, is_cut_syllable, is_glued, is_vietnamese_syllable, words

VIETNAMESE = "vietnamese"
FOREIGN = "foreign"
SHORT = "short"

# Lowercase particles inside foreign names.
NAME_PARTICLES = frozenset({"de", "du", "des", "del", "della", "van", "von", "der", "den", "da", "di", "dos", "das", "le", "la"})
# Heuristic: a Vietnamese name has two to five syllables, most often three.
MIN_SYLLABLES = 2
MAX_SYLLABLES = 5
# Heuristic: a name signed in capitals after titles has at most four words, within so many characters.
MAX_CAPITALS_NAME_WORDS = 4
CAPITALS_NAME_CHARS = 40
# Heuristic: a family name written in capitals has three letters or more (two-letter capitals are titles: TS, BS).
MIN_UPPERCASE_FAMILY_NAME = 3


@dataclass(frozen=True)
class Run:
    """Capitalised words separated by single spaces: where names are looked for."""

    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    def part(self, first: int, last: int | None = None) -> "Run":
        return Run(self.words[first:last])


def capitalised_runs(text: str) -> list[Run]:
    """Maximal runs of capitalised words (acronyms and numbers break a run)."""
    runs: list[Run] = []
    current: list[Word] = []
    found = words(text)
    for index, word in enumerate(found):
        good = word.capitalised and not word.acronym and not word.number or \
            not current and _uppercase_family_name(text, word, found[index + 1] if index + 1 < len(found) else None)
        joined = bool(current) and text[current[-1].end:word.start] in (" ", "  ", "\t")
        if good and (joined or not current):
            current.append(word)
            continue
        if current:
            runs.append(Run(tuple(current)))
        current = [word] if good else []
    if current:
        runs.append(Run(tuple(current)))
    return _joined_by_particles(text, runs)


def _uppercase_family_name(text: str, word: Word, following: Word | None) -> bool:
    """``MORI Takero``, ``TERADO Hirotsugu``: a foreign family name written in capitals, as
    Japanese names often are, followed by a given name that is not a Vietnamese syllable."""
    return word.acronym and len(word.text) >= MIN_UPPERCASE_FAMILY_NAME and word.text.isascii() \
        and not is_vietnamese_syllable(word.text.lower()) and following is not None \
        and text[word.end:following.start] == " " and following.capitalised and not following.acronym \
        and following.text.isascii() and not is_vietnamese_syllable(following.text)


def _joined_by_particles(text: str, runs: list[Run]) -> list[Run]:
    """``Charles de Ribeyrolles``, ``Ursula von der Leyen``: a foreign name's lowercase particle
    joins the capitalised words around it (when both are foreign, not Vietnamese syllables)."""
    joined: list[Run] = []
    for run in runs:
        if joined:
            previous = joined[-1]
            gap = text[previous.end:run.start]
            particles = gap.split()
            if particles and gap == " " + " ".join(particles) + " " and all(p in NAME_PARTICLES for p in particles) \
                    and not is_vietnamese_syllable(previous.words[-1].text) and not is_vietnamese_syllable(run.words[0].text):
                between = tuple(Word(previous.end + w.start, previous.end + w.end, w.text) for w in words(gap))
                joined[-1] = Run(previous.words + between + run.words)
                continue
        joined.append(run)
    return joined


def name_shape(run: Run, lexicon: Lexicon, addressed: bool = False) -> str | None:
    """``vietnamese``, ``foreign`` or None for a run taken as a whole name (``addressed``: after a
    form of address or a title)."""
    texts = [w.text for w in run.words]
    surname = lexicon.is_surname(texts[0], addressed)
    if lexicon.is_not_name(texts[0]) and not surname or lexicon.is_not_name(" ".join(texts)):
        return None  # "Sở …"; "tổng thống Hàn Quốc": a country
    vietnamese = [is_vietnamese_syllable(t) for t in texts]
    # "Ksor Hiền", "Rmah Thị A": a listed surname of the Central Highlands' peoples, then Vietnamese syllables
    if all(vietnamese[1:]) and (vietnamese[0] or surname):
        return VIETNAMESE if MIN_SYLLABLES <= len(texts) <= MAX_SYLLABLES and surname else None
    if len(texts) == 1 and is_cut_syllable(texts[0]):
        return None  # "Phát biểu tại buổi Lễ, ông Nguyễ" at the end of a stored text
    if any(is_glued(t) for t in texts):
        return None  # "Trần Phương, TrưởngBan Tổ chức": two words run together, an office
    if len(texts) <= 4 and not any(lexicon.is_organisation_word(t) for t in texts):
        return FOREIGN  # not "Imperial Group"
    return None


def capitals_name_at(text: str, pos: int, lexicon: Lexicon) -> Optional[Run]:
    """``NGƯT. PGS.TS. BS NGUYỄN XUÂN BÁI`` signing a letter: a Vietnamese name written in
    capitals right after titles (``pos``: where they end), on the same line: two to four words,
    each a Vietnamese syllable, the first a surname."""
    found: list[Word] = []
    for word in words(text[pos:pos + CAPITALS_NAME_CHARS]):
        gap = text[found[-1].end if found else pos:pos + word.start]
        if gap != " " or not word.text.isupper() or not is_vietnamese_syllable(word.text.capitalize()):
            break
        found.append(Word(pos + word.start, pos + word.end, word.text))
        if len(found) == MAX_CAPITALS_NAME_WORDS:
            break
    if len(found) < MIN_SYLLABLES or not lexicon.is_surname(found[0].text.capitalize()):
        return None
    return Run(tuple(found))


def short_shape(run: Run, lexicon: Lexicon) -> bool:
    """One or two given-name syllables (after a form of address or an office)."""
    texts = [w.text for w in run.words]
    # "ngày Điều dưỡng Việt Nam": a country after a title is no given name
    return len(texts) <= 2 and not any(lexicon.is_not_name(t) for t in (*texts, " ".join(texts))) \
        and not any(is_cut_syllable(t) for t in texts)
