"""Hostile inputs built on the fly (nothing large is committed): zip bombs, entity bombs, deep markup,
long lines, texts dense with names or numbers, control characters, UTF-16 without a BOM.

Shared by tests/sources, tests/tagging and bench/bench_hostile.py. Sizes are parameters, so tests
use small ones and the benchmark the full ones.
"""
from __future__ import annotations

import io
import random
import struct
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
    'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
NOTICE = "佛山市科学技术局关于印发《佛山市促进科技创新若干措施》的通知"


def paragraph_xml(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_bytes(body: str | bytes, prolog: str = "", entries: dict[str, bytes] | None = None) -> bytes:
    """A minimal DOCX whose document.xml holds `body` (paragraph XML) after an optional `prolog` (a DTD)."""
    body = body.encode() if isinstance(body, str) else body
    head = f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>'.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", head + body + b"</w:body></w:document>")
        for name, data in (entries or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def zip_bomb_docx(megabytes: int) -> bytes:
    """A DOCX whose document.xml inflates to `megabytes` MB of empty paragraphs (ratio near 1000:1)."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    chunk = b"<w:p/>" * 174_763                       # about 1 MB
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES)
        z.writestr("_rels/.rels", RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(megabytes):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return out.getvalue()


def lying_docx(real_megabytes: int, declared: int = 2000) -> bytes:
    """A DOCX whose central directory declares document.xml `declared` bytes long; it inflates far more."""
    data = bytearray(zip_bomb_docx(real_megabytes))
    cd = data.rfind(b"PK\x01\x02", 0, data.rfind(b"PK\x05\x06"))
    while cd >= 0:
        name_len = struct.unpack_from("<H", data, cd + 28)[0]
        if bytes(data[cd + 46:cd + 46 + name_len]) == b"word/document.xml":
            break
        cd = data.rfind(b"PK\x01\x02", 0, cd)
    extra_len = struct.unpack_from("<H", data, cd + 30)[0]
    extra = cd + 46 + name_len
    # zip64 extra field (id 1): uncompressed size first; the 32-bit field then holds 0xFFFFFFFF
    k = extra
    while k < extra + extra_len:
        tag, size = struct.unpack_from("<HH", data, k)
        if tag == 1:
            struct.pack_into("<Q", data, k + 4, declared)
            break
        k += 4 + size
    else:
        struct.pack_into("<I", data, cd + 24, declared)
    return bytes(data)


def many_entries_zip(count: int) -> bytes:
    """A DOCX-looking zip with `count` tiny entries beside its document."""
    return docx_bytes(paragraph_xml(NOTICE), entries={f"word/media/x{i}.bin": b"" for i in range(count)})


def overlapping_docx(copies: int) -> bytes:
    """A DOCX whose directory lists `copies` more entries, all pointing at document.xml's compressed
    bytes (a bomb of overlapping entries: each looks modest, together they inflate `copies` times)."""
    data = docx_bytes(paragraph_xml(NOTICE) * 2000)
    end = data.rfind(b"PK\x05\x06")
    size, offset = struct.unpack_from("<II", data, end + 12)
    directory = data[offset:offset + size]
    k = 0
    while True:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", directory, k + 28)
        entry = directory[k:k + 46 + name_len + extra_len + comment_len]
        if entry[46:46 + name_len] == b"word/document.xml":
            break
        k += len(entry)
    tail = entry[46 + name_len:]
    copies_bytes = b"".join(entry[:28] + struct.pack("<H", len(name)) + entry[30:46] + name + tail
                            for name in (f"word/copy{i:06d}.xml".encode() for i in range(copies)))
    count = struct.unpack_from("<H", data, end + 10)[0] + copies
    new_dir = directory + copies_bytes
    record = data[end:end + 8] + struct.pack("<HHII", count, count, len(new_dir), offset) + data[end + 20:]
    return data[:offset] + new_dir + record


LAUGHS = ('<!DOCTYPE w:document [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
          + "]>")


def billion_laughs_docx() -> bytes:
    """A DOCX whose document.xml declares nested entities (10^9 'lol' if expanded) and uses the last."""
    return docx_bytes(paragraph_xml(NOTICE) + paragraph_xml("&lol9;"), prolog=LAUGHS)


def billion_laughs_html() -> str:
    """The same entity bomb in a web page."""
    return (f"<?xml version=\"1.0\"?>{LAUGHS.replace('w:document', 'html')}<html><body><div><p>{NOTICE}</p>"
            "<p>&lol9;</p></div></body></html>")


def deep_html(depth: int, tag: str = "div", inner: str = "") -> str:
    """A page with `depth` nested elements (each holding `inner` text before the next) around one notice."""
    return ("<html><body>" + f"<{tag}>{inner}" * depth + f"<p>{NOTICE}</p>" + f"</{tag}>" * depth
            + "</body></html>")


AGENCY_NAMES = ("中山市商务局", "市工业和信息化局", "国务院办公厅", "省财政厅", "区人民政府", "中共广州市委",
                "县市场监督管理局", "市科技局", "自治区发展改革委", "市人力资源和社会保障局", "县人民政府",
                "北京经济技术开发区管委会", "省教育厅", "市农业农村局", "团市委", "市委宣传部")


def agency_text(chars: int, seed: int = 11) -> tuple[str, int]:
    """About `chars` characters of lists of agency names, one list a line, a fifth of the lists wrapped
    after a separator; and how many names it holds."""
    rng = random.Random(seed)
    lines, size, names = [], 0, 0
    while size < chars:
        listed = rng.choices(AGENCY_NAMES, k=rng.randint(2, 6))
        names += len(listed)
        line = "责任单位：" + "、".join(listed) + "。"
        if rng.random() < 0.2:
            cut = line.index("、") + 1
            line = line[:cut] + "\n" + line[cut:]
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines), names


def agency_column(chars: int, seed: int = 11) -> tuple[str, int]:
    """About `chars` characters of agency names one a line (every break between two Chinese characters,
    where the agency scan records it); and how many names."""
    rng = random.Random(seed)
    names = rng.choices(AGENCY_NAMES, k=chars // 7)
    return "\n".join(names), len(names)


def numbers_text(count: int, seed: int = 11) -> tuple[str, int]:
    """Sentences holding `count` numbers in all, and how many of them are amounts of money."""
    rng = random.Random(seed)
    forms = ("给予最高{n}万元奖励；", "补助{n}元；", "按{p}%给予补贴；", "共{n}家企业；", "安排资金{n}亿元。",
             "达到{n}万人；")
    parts, money = [], 0
    for _ in range(count):
        form = rng.choice(forms)
        money += "元" in form
        parts.append(form.format(n=rng.randint(1, 99_999), p=rng.randint(1, 99)))
    return "".join(parts), money


CONTROL_CHARS = "".join(map(chr, range(32))).replace("\t", "").replace("\n", "") + "\x7f"


def control_text() -> str:
    """A notice with every C0 control but tab and newline, DEL and lone surrogates inside its words."""
    return (f"{NOTICE}\n各区科技局：\n一、支持企业研发。\x00对企业给予最高\x0150万元\x1f奖励。\n"
            f"二、{CONTROL_CHARS}加大金融支持\ud800力度，补助\udfff30万元。\n\x0c中山市商务局\r\n2024年7月10日\n")


def utf16_without_bom(text: str, order: str = "le") -> bytes:
    return text.encode(f"utf-16-{order}")


def steps(fn, *args, **kwargs) -> int:
    """How many lines of pipeline code run while fn(*args) runs: a measure of work that, unlike a
    clock, is the same on every machine (growth 4x for 4x the input is linear, 16x quadratic)."""
    import sys
    from pathlib import Path

    package = str(Path(__file__).resolve().parent.parent / "pipeline")
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(package) else None

    previous = sys.gettrace()
    sys.settrace(calls)
    try:
        fn(*args, **kwargs)
    finally:
        sys.settrace(previous)
    return count
