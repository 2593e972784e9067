"""Builders for broken, odd and hostile input files, and a subprocess runner for the CLI."""

from __future__ import annotations

import os
import random
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

from helpers import make_id

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
           'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
           'relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://'
           'schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
           '</Relationships>')
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ID = make_id("19800101", 123)
# A header row and one member, as inline strings, so the sheet alone makes a usable roster.
ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>身份证号</t></is></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>张三</t></is></c><c r="B2" t="inlineStr"><is><t>{ID}</t></is></c></row>')
SST = f'<?xml version="1.0" encoding="UTF-8"?><sst {NS}><si><t>姓名</t></si></sst>'
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
          + "]>")


def sheet_xml(rows: str = ROWS, dimension: str = "A1:B2") -> str:
    """Return a worksheet part holding the given <row> elements."""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'


def xlsx(path: Path, sheet: str | None = None, parts: dict | None = None, name: str = "花名册") -> Path:
    """Write a hand-made .xlsx whose parts may be replaced (hostile variants)."""
    base = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WB.format(name=name),
            "xl/_rels/workbook.xml.rels": WB_RELS, "xl/worksheets/sheet1.xml": sheet or sheet_xml(),
            "xl/sharedStrings.xml": SST}
    base.update(parts or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in base.items():
            z.writestr(k, v)
    return path


def lie_about_size(path: Path, part: str, size: int) -> None:
    """Patch a part's declared uncompressed size in both zip headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        offset = z.getinfo(part).header_offset
    struct.pack_into("<I", data, offset + 22, size)
    i = data.find(b"PK\x01\x02")
    while i >= 0:
        n = struct.unpack_from("<H", data, i + 28)[0]
        if bytes(data[i + 46 : i + 46 + n]) == part.encode():
            struct.pack_into("<I", data, i + 24, size)
        i = data.find(b"PK\x01\x02", i + 4)
    path.write_bytes(bytes(data))


def xls(path: Path, rows: list[list]) -> Path:
    """Write a real .xls with xlwt."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Sheet1")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            sheet.write(r, c, v)
    book.save(str(path))
    return path


def patch_xls_record(path: Path, rtype: int, length: int, payload: bytes | None = None, new_type: int | None = None) -> None:
    """Overwrite the first BIFF record of a type (and length) in an .xls, in place."""
    data = bytearray(path.read_bytes())
    at = data.find(struct.pack("<HH", rtype, length))
    assert at > 0, "record not found"
    if new_type is not None:
        struct.pack_into("<H", data, at, new_type)
    if payload is not None:
        data[at + 4 : at + 4 + len(payload)] = payload
    path.write_bytes(bytes(data))


# Compound File Binary (MS-CFB) constants for :func:`encrypted_xlsx`.
_CFB_END, _CFB_FREE, _CFB_FATSECT, _CFB_NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
# An agile EncryptionInfo stream (version 4.4, flags 0x40) as Excel writes it: its XML descriptor with every attribute
# a reader needs, the salts and keys zero (rostercheck refuses the file by its stream names before reading any of this).
_B16, _B32, _B64 = "A" * 22 + "==", "A" * 43 + "=", "A" * 86 + "=="
_CIPHER = 'blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512"'
_ENCRYPTION_INFO = struct.pack("<HHI", 4, 4, 0x40) + (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<encryption xmlns="http://schemas.microsoft.com/office/'
    '2006/encryption" xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
    f'<keyData saltSize="16" {_CIPHER} saltValue="{_B16}"/>'
    f'<dataIntegrity encryptedHmacKey="{_B64}" encryptedHmacValue="{_B64}"/><keyEncryptors><keyEncryptor uri="http://'
    f'schemas.microsoft.com/office/2006/keyEncryptor/password"><p:encryptedKey spinCount="100000" saltSize="16" {_CIPHER} '
    f'saltValue="{_B16}" encryptedVerifierHashInput="{_B16}" encryptedVerifierHashValue="{_B64}" '
    f'encryptedKeyValue="{_B32}"/></keyEncryptor></keyEncryptors></encryption>').encode()


def _cfb_entry(name: str, kind: int, child: int = _CFB_NOSTREAM, right: int = _CFB_NOSTREAM, start: int = _CFB_END,
               size: int = 0) -> bytes:
    """One 128-byte directory entry (kind 5 root, 2 stream), coloured black."""
    raw = (name + "\0").encode("utf-16-le")
    return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, _CFB_NOSTREAM, right, child)
            + b"\0" * 36 + struct.pack("<IQ", start, size))


def encrypted_xlsx(path: Path, payload: int = 6000) -> Path:
    """Write what Excel/WPS save for a workbook with an open password: an OLE2 compound file (not a zip) holding the
    ``EncryptionInfo`` and ``EncryptedPackage`` streams, the package random bytes behind its 8-byte size.

    Both streams are at least 4,096 bytes, so they live in regular 512-byte sectors (no mini stream is needed).
    Made by hand so the refusal is tested without msoffcrypto (h435).
    """
    rng = random.Random(payload)
    info = _ENCRYPTION_INFO.ljust(4096, b" ")  # (white space after the XML: still well-formed)
    package = struct.pack("<Q", payload) + bytes(rng.randrange(256) for _ in range(max(payload, 4088)))
    fat, body, starts = [_CFB_FATSECT, _CFB_END], b"", []  # sector 0 the FAT, sector 1 the directory
    for stream in (info, package):
        padded = stream.ljust(-(-len(stream) // 512) * 512, b"\0")
        first, count = len(fat), len(padded) // 512
        starts.append(first)
        body += padded
        fat += [first + i + 1 for i in range(count - 1)] + [_CFB_END]
    assert len(fat) <= 128, "one FAT sector"
    fat += [_CFB_FREE] * (128 - len(fat))
    directory = (_cfb_entry("Root Entry", 5, child=1)
                 + _cfb_entry("EncryptionInfo", 2, right=2, start=starts[0], size=len(info))
                 + _cfb_entry("EncryptedPackage", 2, start=starts[1], size=len(package))
                 + b"\0" * 128)
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _CFB_END, 0, _CFB_END, 0)
              + struct.pack("<I", 0) + struct.pack("<I", _CFB_FREE) * 108)
    path.write_bytes(header + struct.pack("<128I", *fat) + directory + body)
    return path


def roster_csv(path: Path, ids: list[str] | None = None, encoding: str = "utf-8") -> Path:
    """Write a small usable roster as CSV."""
    ids = ids or [ID]
    lines = ["乡镇,村,姓名,与户主关系,身份证号"] + [f"城关镇,东村,张{i},户主,{v}" for i, v in enumerate(ids)]
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def run_cli(*args: object, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the command line in a fresh process (so an abort cannot take pytest down)."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "200", **(env or {})}
    return subprocess.run([sys.executable, "-c", "from rostercheck.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=full_env)


def assert_refused(proc: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """Check a clean refusal: documented non-zero status, one Chinese error line, no traceback."""
    assert proc.returncode == code, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("错误："), proc.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]
