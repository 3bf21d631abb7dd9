"""Words of normalised text and what a word looks like (capitalised, Vietnamese syllable, acronym)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..textnorm import TONE_MARKS

# A word: letters, possibly joined by an apostrophe (H'Chua, Y’Thuat), or a number.
# A hyphen joins two capitalised parts of one word (Hans-Peter), not a word and an office (Mến-phó).
_LOWER_INITIAL = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# Nor a name and the office after it (Hải-Tỉnh ủy viên): a part that lowercase words go on from,
# or the word that opens a deputy's or a head's office (Phước-Phó Chỉ huy trưởng, Nam-Trưởng Ban).
_OFFICE_OPENING = r"(?:Phó|Trưởng|Chủ|Bí|Giám|Tổng|Chánh|Thứ|Bộ)\b"
_WORD = re.compile(rf"[^\W\d_]+(?:['’][^\W\d_]+|-(?=[^\W\d_])(?![{_LOWER_INITIAL}])(?![^\W\d_]+ [{_LOWER_INITIAL}])"
                   rf"(?!{_OFFICE_OPENING})[^\W\d_]+)*|\d+")
# A Vietnamese syllable once tone and vowel marks are removed: onset, a vowel nucleus
# Vietnamese writes, coda. Foreign words (Joe, Biden, Ukraine, Kyung, Tae) do not fit it.
# iê, yê and uyê are never written without a final consonant ("Nguyễ" is a word cut off).
# A nucleus ending in a glide or in ia, uya is never followed by a consonant, and oo only by
# ng or c (xoong): "Hiang", "Khoon", "Liam" are not Vietnamese.
_NUCLEI = "oa|oe|ua|ue|uo|uy|[aeiouy]"
_OPEN_NUCLEI = "ieu|oai|oay|oeo|uay|uoi|uou|uya|uyu|yeu|ai|ao|au|ay|eo|eu|ia|iu|oi|ui|uu|ya"
_CLOSED_NUCLEI = "uye|ie|ye"
_SYLLABLE = re.compile(rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?"
                       rf"(?:(?:{_NUCLEI})(?:ch|ng|nh|[cmnpt])?|(?:{_OPEN_NUCLEI})"
                       rf"|oo(?:ng|c)|(?:{_CLOSED_NUCLEI})(?:ch|ng|nh|[cmnpt]))$")


@dataclass(frozen=True)
class Word:
    """One word of the text with its offsets."""

    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) > 1 and all(c.isupper() for c in letters)

    @property
    def number(self) -> bool:
        return self.text.isdigit()


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the text (an entity the annotator recognised)."""

    start: int
    end: int


def words(text: str) -> list[Word]:
    """Every word of the text in order."""
    return [Word(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


def word_at(text: str, pos: int) -> Word | None:
    """The word that starts exactly at ``pos``."""
    m = _WORD.match(text, pos)
    return Word(m.start(), m.end(), m.group(0)) if m else None


def fold_marks(word: str) -> str:
    """Lowercase letters without any diacritic (``Đức`` → ``duc``)."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_vietnamese_syllable(word: str) -> bool:
    """True when ``word`` has the shape of one Vietnamese syllable."""
    return bool(_SYLLABLE.match(fold_marks(word)))


def is_cut_syllable(word: str) -> bool:
    """A word with a Vietnamese tone mark that is no Vietnamese syllable: text cut off ("ông Nguyễ")."""
    return _has_tone_mark(word) and not is_vietnamese_syllable(word)


def is_glued(word: str) -> bool:
    """Two Vietnamese words written without the space between (``TrưởngBan``): a lowercase letter
    right before a capital, and a tone mark. (Brand names in camel case, VinMec, carry no tone mark.)"""
    glued = any(left.islower() and right.isupper() for left, right in zip(word, word[1:]))
    return glued and _has_tone_mark(word)


def _has_tone_mark(word: str) -> bool:
    return any(c in TONE_MARKS for c in unicodedata.normalize("NFD", word))


def stretch_between(text: str, start: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The stretch around ``text[start:end]`` that ``breaks`` bound: from the end of the last
    break before ``start`` (or the text's start) to the start of the first at or after ``end``
    (or the text's end). A sentence, or a paragraph, around a mention."""
    before = [m.end() for m in breaks.finditer(text, 0, start)]
    after = breaks.search(text, end)
    return (before[-1] if before else 0, after.start() if after else len(text))


def skip_spaces(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not a space or tab."""
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return pos


def initials(name_words: list[str]) -> str:
    """Upper-case initials of words (``Đông Triều`` → ``ĐT``)."""
    return "".join(w[0].upper() for w in name_words if w)
