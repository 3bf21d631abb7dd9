"""The spaCy tokenizer: sentences, then underthesea words, laid out so that ``doc.text`` is the input.

Every character of the input belongs to exactly one token: a word (with its
underthesea form in ``token._.word_form``), or a run of whitespace that is not
the single space after a word (``token._.word_form`` is ``None``). The first
word of each sentence starts a sentence.

Per-token values are stored once per Doc (``doc._.word_forms``, one entry per
token) and read through token getters: writing a custom attribute token by
token costs more than segmenting. Retokenizing such a Doc would misalign them;
build a new Doc instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Token
from spacy.util import registry
from spacy.vocab import Vocab

from .segmenter import WordSegmenter
from .sentences import sentence_spans

WORD_FORM = "word_form"
WORD_FORMS = "word_forms"
_RUNS = re.compile(r"\s+|\S+")


class LayoutError(RuntimeError):
    """The tokens built for a text do not spell it back (a bug, never silent)."""


@dataclass(frozen=True)
class TokenLayout:
    """The arguments of ``Doc(...)`` for one text, and each token's word form."""

    words: list[str]
    spaces: list[bool]
    sent_starts: list[bool]
    forms: list[Optional[str]]


def register_token_extensions() -> None:
    """``doc._.word_forms`` and its per-token view ``token._.word_form`` (idempotent)."""
    register_per_token_values(WORD_FORMS, WORD_FORM)


def word_sentences(doc: Doc) -> list[tuple[str, list[Token]]]:
    """Each sentence of ``doc`` that has words: its text, from its first word to its last,
    and its word tokens (the whitespace tokens left out), as underthesea would see it."""
    found = []
    for sentence in doc.sents:
        words = [token for token in sentence if token._.get(WORD_FORM) is not None]
        if words:
            found.append((doc.text[words[0].idx : words[-1].idx + len(words[-1])], words))
    return found


def register_per_token_values(doc_name: str, token_name: str) -> None:
    """A Doc attribute holding one value per token, read as a token attribute."""
    if not Doc.has_extension(doc_name):
        Doc.set_extension(doc_name, default=None)
    if not Token.has_extension(token_name):

        def value(token: Token):
            values = token.doc._.get(doc_name)
            return values[token.i] if values is not None else None

        Token.set_extension(token_name, getter=value)


class VietnameseTokenizer:
    """spaCy tokenizer: sentence split, then underthesea word segmentation per sentence."""

    def __init__(self, vocab: Vocab):
        register_token_extensions()
        self.vocab = vocab
        self.segmenter = WordSegmenter()

    def __call__(self, text: str) -> Doc:
        if not isinstance(text, str):
            raise TypeError(f"expected text as str, got {type(text).__name__}")
        layout = self.layout(text)
        doc = Doc(self.vocab, words=layout.words, spaces=layout.spaces, sent_starts=layout.sent_starts)
        if doc.text != text:
            raise LayoutError(f"tokens spell {len(doc.text)} characters for a text of {len(text)}")
        doc._.set(WORD_FORMS, layout.forms)
        return doc

    def layout(self, text: str) -> TokenLayout:
        """Tokens covering ``text``: words of each sentence and the whitespace between them."""
        layout = TokenLayout([], [], [], [])
        position = 0
        for sentence in sentence_spans(text):
            first = True
            for word in self.segmenter.words(text, sentence):
                if word.start > position:
                    _add_gap(layout, text[position : word.start])
                layout.words.append(text[word.start : word.end])
                layout.spaces.append(False)
                layout.sent_starts.append(first)
                layout.forms.append(word.form)
                first = False
                position = word.end
        _add_gap(layout, text[position:])
        if layout.sent_starts:
            # spaCy always starts a sentence at the first token; leading
            # whitespace then belongs to the first sentence.
            first_word = next((i for i, form in enumerate(layout.forms) if form is not None), None)
            if first_word is not None and first_word > 0:
                layout.sent_starts[first_word] = False
            layout.sent_starts[0] = True
        return layout

    # A tokenizer without state: serialisation writes and reads nothing.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "VietnameseTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        return None

    def from_disk(self, path, **kwargs) -> "VietnameseTokenizer":
        return self


def _add_gap(layout: TokenLayout, gap: str) -> None:
    """Text between words: one space joins the previous token, the rest become tokens.

    Only whitespace is expected here; any other character (which underthesea's
    syllable expression would have matched) still becomes a token, so no text
    is ever lost.
    """
    if gap == " " and layout.words and not layout.spaces[-1] and not layout.words[-1].isspace():
        layout.spaces[-1] = True  # the usual case: one space between words
        return
    for run in _RUNS.finditer(gap):
        piece = run.group(0)
        if piece[0] == " " and layout.words and not layout.spaces[-1] and not layout.words[-1].isspace():
            layout.spaces[-1] = True
            piece = piece[1:]
        if not piece:
            continue
        layout.words.append(piece)
        layout.spaces.append(False)
        layout.sent_starts.append(False)
        layout.forms.append(None)


@registry.tokenizers("vnie.vietnamese_tokenizer.v1")
def create_vietnamese_tokenizer():
    def make_tokenizer(nlp) -> VietnameseTokenizer:
        return VietnameseTokenizer(nlp.vocab)

    return make_tokenizer
