"""Read stage: files on disk to decoded, normalised ``RawDocument``s.

Inputs are plain-text dumps (``.txt``, including text files whose body is a
CMS HTML fragment), full pages (``.html``/``.htm``) and crawler records
(``.jsonl``, one ``{"url", "html" or "text", "fetched_at"}`` per line). Bytes
are decoded with a byte-order mark when there is one, as UTF-8 when they are
valid UTF-8, and otherwise with the encoding charset-normalizer detects
(Windows-1258, UTF-16 without BOM, …). Every text is normalised to NFC and to
one tone-mark convention. A file that cannot be read becomes an
``ErrorRecord``; nothing here raises for a bad input.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

import charset_normalizer

from .document import RawDocument
from .models import ErrorInfo, ErrorRecord, InputSource, Source
from .textnorm import is_decomposed, normalize_text

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
SIDECAR_SUFFIX = ".meta.json"

# No article page is this large; a bigger file is a dump or an accident, and
# reading it whole would stall a worker.
MAX_FILE_BYTES = 20 * 1024 * 1024

# Share of control characters above which bytes are taken as binary, not text.
BINARY_CONTROL_SHARE = 0.05

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

ReadResult = Union[RawDocument, ErrorRecord]


class DecodeError(ValueError):
    """Bytes that are not text in any encoding we can recognise."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def discover(root: Path) -> list[Path]:
    """Every supported file under ``root`` (recursive, sorted); a file is itself.

    Hidden files and folders (``.git``, ``.vnie-state``) are skipped, and so
    are crawler sidecars.
    """
    root = Path(root)
    if root.is_file():
        return [root]
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_bytes(data: bytes) -> DecodedText:
    """Decode the bytes of one input, or raise ``DecodeError``."""
    if not data.strip():
        raise DecodeError("empty", "the input is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise DecodeError("undecodable", f"bytes after a {codec} byte-order mark do not decode: {exc}") from exc
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise DecodeError("undecodable", "no text encoding fits these bytes") from None
        text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise DecodeError("binary", f"the input is binary data, not text (decoded as {encoding})")
    return DecodedText(text, encoding)


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return "\x00" in sample or controls > BINARY_CONTROL_SHARE * max(len(sample), 1)


def _warnings_for(decoded: DecodedText) -> list[str]:
    warnings = []
    if decoded.encoding not in ("utf-8", "utf-8-sig", "ascii"):
        warnings.append(f"decoded as {decoded.encoding}")
    if is_decomposed(decoded.text):
        warnings.append("decomposed unicode normalised")
    return warnings


def _kind_for(path: Path) -> str:
    return "html" if path.suffix.lower() in (".html", ".htm") else "text"


def source_path(path: Path, base: Optional[Path]) -> str:
    """``source.path`` of a file: relative to ``base`` when it lies under it."""
    if base is not None:
        try:
            return Path(path).resolve().relative_to(Path(base).resolve()).as_posix()
        except ValueError:
            pass
    return Path(path).as_posix()


def _error(path: str, fmt: str, kind: str, message: str, digest: Optional[str] = None, url: Optional[str] = None) -> ErrorRecord:
    return ErrorRecord(
        source=InputSource(path=path, url=url, format=fmt, sha256=digest),
        error=ErrorInfo(kind=kind, message=message),
    )


def read_sidecar(path: Path) -> tuple[Optional[str], Optional[str]]:
    """``url`` and ``fetched_at`` from a crawler's ``<page>.meta.json``, if any."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX) if not path.name.endswith(SIDECAR_SUFFIX) else None
    candidates = [sidecar, path.with_suffix(SIDECAR_SUFFIX)]
    for candidate in candidates:
        if candidate is not None and candidate.is_file():
            try:
                meta = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return None, None
            if isinstance(meta, dict):
                url = meta.get("url") if isinstance(meta.get("url"), str) else None
                fetched = meta.get("fetched_at") if isinstance(meta.get("fetched_at"), str) else None
                return url, fetched
    return None, None


def read_path(path: Path, base: Optional[Path] = None) -> list[ReadResult]:
    """Read one file into documents; every problem becomes an ``ErrorRecord``."""
    path = Path(path)
    shown = source_path(path, base)
    fmt = "jsonl" if path.suffix.lower() == ".jsonl" else ("html" if _kind_for(path) == "html" else "text")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return [_error(shown, fmt, "too_large", f"{size} bytes is over the {MAX_FILE_BYTES}-byte limit for one input")]
        data = path.read_bytes()
    except OSError as exc:
        return [_error(shown, fmt, "unreadable", f"cannot read the file: {exc.strerror or exc}")]
    if fmt == "jsonl":
        return read_jsonl_bytes(data, shown)
    digest = sha256_hex(data)
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return [_error(shown, fmt, exc.kind, str(exc), digest)]
    url, fetched_at = read_sidecar(path) if fmt == "html" else (None, None)
    return [
        RawDocument(
            source=Source(path=shown, url=url, format=fmt, sha256=digest),
            content=normalize_text(decoded.text),
            kind=_kind_for(path),
            fetched_at=fetched_at,
            warnings=tuple(_warnings_for(decoded)),
        )
    ]


def read_jsonl_bytes(data: bytes, shown: str) -> list[ReadResult]:
    """One document per crawler record; a bad line is an error, the rest go on."""
    results: list[ReadResult] = []
    if not data.strip():
        return [_error(shown, "jsonl", "empty", "the input is empty", sha256_hex(data))]
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{shown}#L{number}"
        digest = sha256_hex(line)
        try:
            decoded = decode_bytes(line)
            record = json.loads(decoded.text)
        except DecodeError as exc:
            results.append(_error(where, "jsonl", exc.kind, str(exc), digest))
            continue
        except ValueError as exc:
            results.append(_error(where, "jsonl", "invalid_jsonl", f"line {number} is not a complete JSON object: {exc}", digest))
            continue
        results.append(_document_from_record(record, where, digest, decoded))
    return results


def _document_from_record(record: object, where: str, digest: str, decoded: DecodedText) -> ReadResult:
    if not isinstance(record, dict):
        return _error(where, "jsonl", "invalid_jsonl", "a crawler record must be a JSON object", digest)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    fetched_at = record.get("fetched_at") if isinstance(record.get("fetched_at"), str) else None
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        content, kind = html, "html"
    elif isinstance(text, str) and text.strip():
        content, kind = text, "text"
    else:
        return _error(where, "jsonl", "invalid_jsonl", 'a crawler record needs a non-empty "html" or "text"', digest, url)
    warnings = ["decomposed unicode normalised"] if is_decomposed(content) else []
    return RawDocument(
        source=Source(path=where, url=url, format="jsonl", sha256=digest),
        content=normalize_text(content),
        kind=kind,
        fetched_at=fetched_at,
        warnings=tuple(warnings),
    )


def document_id(raw: RawDocument) -> str:
    """Stable record id: a hash of the URL when there is one, else of the text."""
    basis = raw.source.url or raw.content
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]
