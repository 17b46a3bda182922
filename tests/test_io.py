"""Reading inputs: encodings, HTML pages, JSON Lines, directories, standard input and size limits."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from extract.io import InputFailure, ReadOptions, decode, html_article, read_articles
from extract.model import Article

SENTENCES = [
    "قال وزير الخارجية إن الحكومة ستعمل على حل المشكلة في أقرب وقت ممكن.",
    'أكد الرئيس أن "الوضع صعب" في البلاد.',
    "قال المتحدث: نحن مستعدون للحوار.",
    "وأضاف أن الحكومة ستعمل على حل المشكلة",
    "هذا هو الحل",
    "ذهب محمد إلى المدرسة",
    "في بيروت",
    "السلام عليكم",
]
SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def _texts() -> list[str]:
    texts = list(SENTENCES)
    for path in SEEDS:
        # ISO-8859-6 has no « »: use straight quotes so that every seed can be written in it
        texts.append(path.read_text(encoding="utf-8").replace("«", '"').replace("»", '"'))
    return texts


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859_6"])
def test_decode_detects_the_encoding(codec: str) -> None:
    for text in _texts():
        try:
            data = text.encode(codec)
        except UnicodeEncodeError:  # a seed with a character the code page lacks
            continue
        assert decode(data, "x") == text, (codec, text[:40])


def test_decode_short_single_byte_texts_are_not_confused() -> None:
    # the two Arabic code pages differ exactly where charset-normalizer guesses wrong on short text
    for text in SENTENCES:
        assert decode(text.encode("cp1256"), "x") == text
        assert decode(text.encode("iso8859_6"), "x") == text


def test_forced_encoding() -> None:
    text = SENTENCES[0]
    assert decode(text.encode("cp1256"), "x", "cp1256") == text
    failure = decode(b"\xff\xfe\xfa", "x", "utf-8")
    assert isinstance(failure, InputFailure) and "cannot decode as utf-8" in failure.reason


def test_binary_is_refused_with_a_reason() -> None:
    failure = decode(bytes(range(256)) * 8, "img.txt")
    assert isinstance(failure, InputFailure)
    assert failure.reason.startswith("binary file")
    failure = decode(b"GIF89a\x01\x02\x03\x04\x05\x06\x07\x08" * 20, "x")
    assert isinstance(failure, InputFailure) and "binary" in failure.reason


def test_html_main_text_and_title(tmp_path: Path) -> None:
    page = (
        "<!DOCTYPE html><html><head><meta charset='windows-1256'><title>عنوان الخبر</title></head><body>"
        "<nav>الرئيسية | أخبار | رياضة</nav><article><p>قال الوزير إن الحكومة ستعمل على حل المشكلة في أقرب وقت "
        "ممكن، وأضاف أن الوضع صعب.</p><p>وقال المتحدث: نحن مستعدون للحوار.</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode("cp1256")
    article = html_article(page, "page.html")
    assert isinstance(article, Article)
    assert article.text.startswith("عنوان الخبر\n")
    assert "نحن مستعدون للحوار" in article.text
    assert "جميع الحقوق" not in article.text
    meta = dict(article.meta)
    assert meta["title"] == "عنوان الخبر" and meta["text"] == article.text


def test_html_is_sniffed_in_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<html><body><p>قال الوزير إن الحكومة ستعمل على حل المشكلة.</p></body></html>", encoding="utf-8")
    [article] = read_articles([str(path)])
    assert isinstance(article, Article)
    assert "<p>" not in article.text and "قال الوزير" in article.text


def test_html_without_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title></title></head><body><script>var x;</script></body></html>")
    [item] = read_articles([str(path)])
    assert isinstance(item, InputFailure) and "no main text" in item.reason


def _jsonl(path: Path, lines: list[object]) -> None:
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")


def test_jsonl_records_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    _jsonl(path, [
        {"id": "a1", "title": "عنوان", "text": "قال الوزير كلاما."},
        "{broken",
        "",
        {"id": 2, "text": 5},
        {"body": "نص"},
        [1, 2],
        {"id": "a6", "text": "   "},
        {"text": "بلا معرف"},
    ])
    items = list(read_articles([str(path)]))
    sources = [x.source if isinstance(x, InputFailure) else x.id for x in items]
    assert sources == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7, 8)]  # the blank line 3 is no record
    first = items[0]
    assert isinstance(first, Article)
    assert first.text == "عنوان\nقال الوزير كلاما." and dict(first.meta) == {"id": "a1"}
    assert "invalid JSON" in items[1].reason  # type: ignore[union-attr]
    assert "not a string" in items[2].reason  # type: ignore[union-attr]
    assert "no 'text' field" in items[3].reason  # type: ignore[union-attr]
    assert "expected a JSON object" in items[4].reason  # type: ignore[union-attr]
    assert items[5].reason == "empty text"  # type: ignore[union-attr]
    assert isinstance(items[6], Article) and items[6].meta == ()


def test_jsonl_custom_keys_and_gzip(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(3):
            out.write(json.dumps({"uid": f"u{n}", "headline": "عنوان", "body": f"نص رقم {n}"}) + "\n")
    options = ReadOptions(text_key="body", id_key="uid", title_key="headline")
    items = list(read_articles([str(path)], options))
    assert [dict(a.meta)["id"] for a in items] == ["u0", "u1", "u2"]  # type: ignore[union-attr]
    assert items[2].text == "عنوان\nنص رقم 2"  # type: ignore[union-attr]


def test_jsonl_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(b"".join(json.dumps({"text": f"line {n} " * 50}).encode() + b"\n" for n in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_articles([str(path)]))
    assert isinstance(items[-1], InputFailure) and "read error" in items[-1].reason
    assert all(isinstance(x, Article) for x in items[:-1])


def test_jsonl_line_over_the_limit_is_skipped_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    _jsonl(path, [{"text": "قصير"}, {"text": "ط" * 5000}, {"text": "قصير أيضا"}])
    items = list(read_articles([str(path)], ReadOptions(max_bytes=1000)))
    assert [type(x).__name__ for x in items] == ["Article", "InputFailure", "Article"]
    assert "longer than --max-bytes" in items[1].reason  # type: ignore[union-attr]


def test_stdin_sniffing() -> None:
    jsonl = b'\n{"id": "x", "text": "\xd9\x82\xd8\xa7\xd9\x84"}\n{"text": 3}\n'
    items = list(read_articles(["-"], stdin=io.BytesIO(jsonl)))
    assert [getattr(x, "id", None) or x.source for x in items] == ["<stdin>:2", "<stdin>:3"]  # type: ignore[union-attr]
    html = "<!doctype html><html><body><p>قال الوزير إن الحكومة ستعمل.</p></body></html>".encode()
    [page] = read_articles(["-"], stdin=io.BytesIO(html))
    assert isinstance(page, Article) and page.text.startswith("قال الوزير")
    [plain] = read_articles(["-"], stdin=io.BytesIO(SENTENCES[0].encode("cp1256")))
    assert isinstance(plain, Article) and plain.text == SENTENCES[0] and plain.id == "<stdin>"
    [empty] = read_articles(["-"], stdin=io.BytesIO(b" \n"))
    assert isinstance(empty, InputFailure) and empty.reason == "empty file"


def test_directory_walk_is_sorted_and_lazy(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص")
    (tmp_path / "a.txt").write_text("نص")
    (tmp_path / "c.html").write_text("<html><body><p>قال الوزير إن الحكومة ستعمل.</p></body></html>")
    (tmp_path / ".hidden.txt").write_text("نص")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    items = read_articles([str(tmp_path)])
    assert not isinstance(items, list)
    names = [Path(x.id).relative_to(tmp_path).as_posix() for x in items]  # type: ignore[union-attr]
    assert names == ["a.txt", "c.html", "b/2.txt"]


def test_unreadable_entries(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block: it is skipped with a reason
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)  # not followed
    items = list(read_articles([str(tmp_path), str(tmp_path / "missing.txt")]))
    reasons = {Path(x.source).name: x.reason for x in items}  # type: ignore[union-attr]
    assert reasons == {
        "dangling.txt": "dangling symbolic link",
        "pipe.txt": "not a regular file (FIFO, socket or device); skipped",
        "missing.txt": "no such file",
    }


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("نص")
    path.chmod(0)
    try:
        [item] = read_articles([str(path)])
    finally:
        path.chmod(0o644)
    assert isinstance(item, InputFailure) and item.reason == "permission denied"


def test_size_cap(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(50_000_000)  # sparse: 50 MB on paper, instant to make, refused before reading
    [item] = read_articles([str(path)])
    assert isinstance(item, InputFailure) and "file too large (50000000 bytes" in item.reason
    small = tmp_path / "small.txt"
    small.write_text("قال " * 100)
    [item] = read_articles([str(small)], ReadOptions(max_bytes=100))
    assert isinstance(item, InputFailure) and "too large" in item.reason
    [item] = read_articles(["-"], ReadOptions(max_bytes=100), stdin=io.BytesIO(("قال " * 100).encode()))
    assert isinstance(item, InputFailure) and "too large" in item.reason
