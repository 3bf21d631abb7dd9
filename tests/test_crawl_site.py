"""`vnie crawl` against a real HTTP server on loopback serving tests/fixtures/site/.

One module-scoped crawl history: round 1 stores every article, round 2
revalidates and stores nothing, round 3 sees one changed article. Rounds run
as the installed command in a subprocess, as a user (or cron) runs them.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytest.importorskip("scrapy")

SITE = Path(__file__).parent / "fixtures" / "site" / "www"
TEMPLATED = {".rss", ".xml", ".html"}
CONTENT_TYPES = {".htm": "text/html; charset=utf-8", ".html": "text/html; charset=utf-8",
                 ".rss": "application/rss+xml; charset=utf-8", ".xml": "application/xml",
                 ".txt": "text/plain; charset=utf-8"}
SLOW_SECONDS = 3.0
MAX_PAGE_BYTES = 300_000
ARTICLES = {
    "/bat-dong-san/can-ho-chung-cu-di-nguoc-lan-song-cat-lo-20221224095943188.htm":
        "Căn hộ chung cư đi ngược làn sóng cắt lỗ",
    "/bat-dong-san/gia-chung-cu-van-neo-cao-nguoi-mua-kho-voi-20221223135201919.htm":
        "Giá chung cư vẫn neo cao, người mua khó với",
    "/the-gioi/5-vu-khi-dang-chu-y-trong-goi-vien-tro-moi-cua-my-cho-ukraine-20221223144734383.htm":
        "5 vũ khí đáng chú ý trong gói viện trợ mới của Mỹ cho Ukraine",
    "/the-thao/top-10-ngoi-sao-tang-gia-manh-nhat-sau-world-cup-2022-20221224195638512.htm":
        "Top 10 ngôi sao tăng giá mạnh nhất sau World Cup 2022",
}


@dataclass(frozen=True)
class Hit:
    path: str
    host: str
    status: int
    if_none_match: str | None
    if_modified_since: str | None
    user_agent: str | None


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), SiteHandler)
        self.root = root
        self.hits: list[Hit] = []
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        # The crawler hangs up on the oversized page on purpose; anything else is a real error.
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)

    def hits_since(self, start: int) -> list[Hit]:
        with self.lock:
            return list(self.hits[start:])


class SiteHandler(BaseHTTPRequestHandler):
    server: SiteServer

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        return

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        with self.server.lock:
            self.server.hits.append(Hit(
                path=self.path, host=self.headers.get("Host", ""), status=status,
                if_none_match=self.headers.get("If-None-Match"),
                if_modified_since=self.headers.get("If-Modified-Since"),
                user_agent=self.headers.get("User-Agent")))
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = urlsplit(self.path).path
        port = self.server.server_address[1]
        if path.startswith("/redirect/"):
            # Same server, another host name: fetching it would show up as Host: localhost.
            self._send(302, headers={"Location": f"http://localhost:{port}/foreign{path}"})
        elif path.startswith("/error/"):
            self._send(500, b"<h1>Internal Server Error</h1>", {"Content-Type": "text/html"})
        elif path.startswith("/slow/"):
            time.sleep(SLOW_SECONDS)
            self._send(200, b"<html><body><h1>slow</h1></body></html>",
                       {"Content-Type": "text/html"})
        elif path.startswith("/pdf/"):
            self._send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n",
                       {"Content-Type": "application/pdf"})
        elif path.startswith("/huge/"):
            body = b"<html><body>" + b"<p>a</p>" * (MAX_PAGE_BYTES // 4) + b"</body></html>"
            self._send(200, body, {"Content-Type": "text/html"})
        else:
            self._file(path)

    def _file(self, path: str) -> None:
        file = (self.server.root / path.lstrip("/")).resolve()
        if not file.is_file() or self.server.root.resolve() not in file.parents:
            self._send(404, b"not found", {"Content-Type": "text/plain"})
            return
        body = file.read_bytes()
        if file.suffix in TEMPLATED:
            body = body.replace(b"{{BASE}}", self.server.base.encode())
        headers = {"Content-Type": CONTENT_TYPES.get(file.suffix, "application/octet-stream")}
        if file.suffix == ".htm":
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            last_modified = email.utils.formatdate(file.stat().st_mtime, usegmt=True)
            headers.update({"ETag": etag, "Last-Modified": last_modified})
            if self.headers.get("If-None-Match") == etag:
                self._send(304, headers={"ETag": etag})
                return
        self._send(200, body, headers)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("site") / "www"
    shutil.copytree(SITE, root)
    server = SiteServer(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def write_sources(path: Path, base: str) -> Path:
    pattern = "^" + base.replace(".", "\\\\.") + "/.+-\\\\d{17}\\\\.htm$"
    path.write_text(f"""\
sources:
  - name: test-site
    feeds: ["{base}/rss/tin-moi.rss"]
    sitemaps: ["{base}/sitemap.xml"]
    start_urls: ["{base}/tin-moi.html"]
    article_pattern: "{pattern}"
    follow_pattern: "/tin-moi/trang-\\\\d+\\\\.html$"
    link_css: "main.article-list"
""", encoding="utf-8")
    return path


def vnie_command() -> list[str]:
    script = Path(sys.executable).parent / "vnie"
    return [str(script)] if script.exists() else [sys.executable, "-m", "pipeline.cli"]


def crawl(sources: Path, corpus: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [*vnie_command(), "crawl", "--sources", str(sources), "--corpus", str(corpus),
               "--allow-private", "--delay", "0", "--timeout", "1", "--retries", "1",
               "--retry-backoff", "0.1", "--max-page-bytes", str(MAX_PAGE_BYTES), *extra]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def state_rows(corpus: Path) -> dict[str, sqlite3.Row]:
    db = sqlite3.connect(corpus / ".crawl-state.sqlite")
    db.row_factory = sqlite3.Row
    rows = {urlsplit(r["url"]).path: r for r in db.execute("SELECT * FROM pages")}
    db.close()
    return rows


def stored_pages(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*.html") if not p.name.startswith("."))


@dataclass(frozen=True)
class History:
    site: SiteServer
    corpus: Path
    sources: Path
    round1: list[Hit]
    round2: list[Hit]
    pages_after_round1: list[Path]
    pages_after_round2: list[Path]
    log1: str
    log2: str


@pytest.fixture(scope="module")
def history(site: SiteServer, tmp_path_factory: pytest.TempPathFactory) -> History:
    work = tmp_path_factory.mktemp("crawl")
    sources = write_sources(work / "sources.yaml", site.base)
    corpus = work / "corpus"
    start = len(site.hits)
    log1 = crawl(sources, corpus, "--once").stderr
    round1 = site.hits_since(start)
    pages1 = stored_pages(corpus)
    start = len(site.hits)
    log2 = crawl(sources, corpus, "--once").stderr
    return History(site=site, corpus=corpus, sources=sources, round1=round1,
                   round2=site.hits_since(start), pages_after_round1=pages1,
                   pages_after_round2=stored_pages(corpus), log1=log1, log2=log2)


def test_first_round_stores_every_article_once(history: History) -> None:
    pages = history.pages_after_round1
    assert len(pages) == len(ARTICLES)
    urls = set()
    for page in pages:
        meta = json.loads(page.with_name(page.name[:-5] + ".meta.json").read_text("utf-8"))
        assert set(meta) == {"url", "fetched_at", "status", "headers"}
        assert meta["status"] == 200
        assert meta["headers"]["etag"]
        urls.add(urlsplit(meta["url"]).path)
        # Stored byte for byte as served.
        assert page.read_bytes() == (history.site.root / urlsplit(meta["url"]).path[1:]).read_bytes()
    assert urls == set(ARTICLES)
    article_gets = [h for h in history.round1 if h.path.split("?")[0] in ARTICLES]
    assert len(article_gets) == len(ARTICLES), "an article reachable by several paths is fetched once"


def test_first_round_is_polite_and_safe(history: History) -> None:
    paths = [h.path for h in history.round1]
    assert paths[0] == "/robots.txt"
    assert not any(p.startswith("/private/") for p in paths), "robots.txt disallows /private/"
    assert not any(p.startswith("/foreign") for p in paths), "redirect to another host followed"
    assert all(h.host.startswith("127.0.0.1") for h in history.round1)
    assert all(h.user_agent and h.user_agent.startswith("vnie-crawler/") for h in history.round1)
    assert "refused" in history.log1 and "localhost" in history.log1
    assert paths.count("/error/bai-loi-20221224000000003.htm") == 2, "one retry of a 500"


def test_state_records_each_outcome(history: History) -> None:
    rows = state_rows(history.corpus)
    for path in ARTICLES:
        assert rows[path]["versions"] == 1
        assert rows[path]["etag"] and rows[path]["last_modified"]
        assert rows[path]["content_hash"]
    assert rows["/private/bai-noi-bo-20221224000000001.htm"]["status"] == "refused"
    assert rows["/redirect/bai-da-chuyen-20221224000000002.htm"]["status"] == "refused"
    assert "localhost" in rows["/redirect/bai-da-chuyen-20221224000000002.htm"]["reason"]
    assert rows["/error/bai-loi-20221224000000003.htm"]["status"] == "failed"
    assert rows["/error/bai-loi-20221224000000003.htm"]["http_status"] == 500
    assert "Forbidden by robots.txt" in rows["/private/bai-noi-bo-20221224000000001.htm"]["reason"]
    assert rows["/slow/bai-cham-20221224000000004.htm"]["status"] == "failed"
    assert "Timeout" in rows["/slow/bai-cham-20221224000000004.htm"]["reason"]
    assert rows["/huge/bai-qua-lon-20221224000000005.htm"]["status"] == "failed"
    assert rows["/pdf/van-ban-20221224000000006.htm"]["status"] == "failed"
    assert "not an HTML page (application/pdf)" in rows["/pdf/van-ban-20221224000000006.htm"]["reason"]
    assert "/gioi-thieu.html" not in rows, "not an article URL"


def test_second_round_revalidates_and_stores_nothing(history: History) -> None:
    assert history.pages_after_round2 == history.pages_after_round1
    article_gets = [h for h in history.round2 if h.path.split("?")[0] in ARTICLES]
    assert len(article_gets) == len(ARTICLES)
    assert all(h.if_none_match and h.if_modified_since for h in article_gets)
    assert all(h.status == 304 for h in article_gets)
    assert "new 0, changed 0" in history.log2 and f"not modified {len(ARTICLES)}" in history.log2
    paths = [h.path for h in history.round2]
    assert not any(p.startswith(("/private/", "/foreign")) for p in paths)


def test_old_articles_are_not_revisited(history: History) -> None:
    start = len(history.site.hits)
    log = crawl(history.sources, history.corpus, "--once", "--revisit-days", "0").stderr
    hits = history.site.hits_since(start)
    assert not [h for h in hits if h.path.split("?")[0] in ARTICLES]
    assert f"not revisited {len(ARTICLES)}" in log
    assert any(h.path == "/rss/tin-moi.rss" for h in hits), "entry points are still read"


def test_changed_article_is_stored_as_new_version(history: History) -> None:
    path = "/the-thao/top-10-ngoi-sao-tang-gia-manh-nhat-sau-world-cup-2022-20221224195638512.htm"
    served = history.site.root / path[1:]
    original = served.read_bytes()
    title = ARTICLES[path].encode("utf-8")
    served.write_bytes(original.replace(title, title + " (cập nhật)".encode("utf-8")))
    try:
        log = crawl(history.sources, history.corpus, "--once").stderr
    finally:
        served.write_bytes(original)
    assert "new 0, changed 1" in log
    pages = stored_pages(history.corpus)
    assert len(pages) == len(ARTICLES) + 1
    versions = [p for p in pages if p.stem.endswith("-v2")]
    assert len(versions) == 1
    meta = json.loads(versions[0].with_name(versions[0].stem + ".meta.json").read_text("utf-8"))
    assert urlsplit(meta["url"]).path == path
    assert state_rows(history.corpus)[path]["versions"] == 2


def test_every_runs_rounds_on_an_interval(history: History) -> None:
    log = crawl(history.sources, history.corpus, "--every", "1s", "--max-rounds", "2").stderr
    # Round 1 may see the article the previous test changed back; round 2 sees nothing new.
    assert "crawl round 1: new 0" in log
    assert "crawl round 2: new 0, changed 0" in log
    assert "2 round(s), 0 failed, stopped by max_rounds" in log


def test_every_keeps_running_until_sigterm(history: History) -> None:
    command = [*vnie_command(), "crawl", "--sources", str(history.sources),
               "--corpus", str(history.corpus), "--allow-private", "--delay", "0",
               "--timeout", "1", "--retries", "0", "--max-page-bytes", str(MAX_PAGE_BYTES),
               "--every", "1h"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in process.stderr:
            lines.append(line)
            if line.startswith("crawl round 1:"):
                break
        time.sleep(0.5)  # now waiting for the next round
        process.send_signal(signal.SIGTERM)
        _, rest = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, "".join(lines)[-2000:]
    assert "1 round(s), 0 failed, stopped by interrupt" in rest


def test_every_survives_a_failed_round(history: History, tmp_path: Path) -> None:
    not_a_database = tmp_path / "state.sqlite"
    not_a_database.write_bytes(b"not a database " * 100)
    command = [*vnie_command(), "crawl", "--sources", str(history.sources),
               "--corpus", str(tmp_path / "corpus"), "--state", str(not_a_database),
               "--allow-private", "--delay", "0", "--every", "1s", "--max-rounds", "2"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.stderr.count("without a summary") == 2, result.stderr[-2000:]
    assert "2 round(s), 2 failed" in result.stderr
    assert result.returncode == 1


@pytest.mark.slow
def test_process_turns_the_crawl_into_one_record_per_article(history: History) -> None:
    output = history.corpus.parent / "output"
    log = crawl(history.sources, history.corpus, "--once", "--process", "-o", str(output)).stderr
    assert "process: " in log, log[-2000:]
    records = [json.loads(line) for line in
               (output / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    by_path = {urlsplit(r["source"]["url"]).path: r for r in records}
    errors = (output / "errors.jsonl").read_text("utf-8")
    assert len(records) == len(by_path) == len(ARTICLES), f"one record per article URL\n{errors}"
    for path, title in ARTICLES.items():
        assert by_path[path]["title"].startswith(title)
    # The only page of the site that states its publication time (datePublished).
    dated = by_path["/bat-dong-san/can-ho-chung-cu-di-nguoc-lan-song-cat-lo-20221224095943188.htm"]
    assert dated["published"].startswith("2022-12-24")
    # A changed page is a new version whose record replaces the old one (same URL, same id).
    path = "/the-gioi/5-vu-khi-dang-chu-y-trong-goi-vien-tro-moi-cua-my-cho-ukraine-20221223144734383.htm"
    served = history.site.root / path[1:]
    original = served.read_bytes()
    title = ARTICLES[path].encode("utf-8")
    served.write_bytes(original.replace(title, title + " (cập nhật)".encode("utf-8")))
    try:
        log = crawl(history.sources, history.corpus, "--once", "--process", "-o", str(output)).stderr
    finally:
        served.write_bytes(original)
    # (The batch run may replace more records when the rules changed meanwhile.)
    assert "changed 1" in log and "replaced " in log and "replaced 0" not in log, log[-2000:]
    records = [json.loads(line) for line in
               (output / "articles.jsonl").read_text("utf-8").splitlines() if line.strip()]
    assert len(records) == len(ARTICLES)
    updated = [r for r in records if urlsplit(r["source"]["url"]).path == path]
    assert [r["id"] for r in updated] == [by_path[path]["id"]]
    assert updated[0]["title"].endswith("(cập nhật)")
