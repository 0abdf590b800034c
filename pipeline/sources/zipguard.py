"""Zip containers (DOCX) checked before anything inflates them: the entry count, each entry's declared
size and compression ratio, their total, and entries sharing compressed bytes (overlapping bombs).

The checks read only the central directory. A directory that understates a size cannot get more
past: zipfile stops reading an entry at its declared size and fails the CRC (BadZipFile).
"""
from __future__ import annotations

import struct
import zipfile
from io import BytesIO

from pipeline import errors
from pipeline.errors import PolicyKGError
from pipeline.limits import ZIP, ZipLimits

_END = b"PK\x05\x06"
_END_SIZE = 22                 # end-of-central-directory record without its comment
_MAX_COMMENT = 65_535


def _bomb(detail: str) -> PolicyKGError:
    return PolicyKGError(errors.E_ZIP_BOMB, detail)


def open_zip(data: bytes, limits: ZipLimits = ZIP) -> zipfile.ZipFile | None:
    """The archive, once its end record declares a directory small enough to list; None where the bytes
    are no zip. Raises PolicyKGError E124 for too many entries or too large a directory."""
    end = data.rfind(_END, max(0, len(data) - _END_SIZE - _MAX_COMMENT))
    if end >= 0 and end + _END_SIZE <= len(data):
        count, directory = struct.unpack_from("<HI", data, end + 10)
        if count > limits.max_entries:      # 0xFFFF: the real count is in a zip64 record, and larger
            raise _bomb(f"{count} entries > {limits.max_entries}")
        if directory > limits.max_directory:
            raise _bomb(f"central directory of {directory} bytes > {limits.max_directory}")
    try:
        return zipfile.ZipFile(BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, struct.error):
        return None


def check_archive(archive: zipfile.ZipFile, size: int, limits: ZipLimits = ZIP) -> None:
    """Raises PolicyKGError E124 where the entries of an archive of `size` bytes would inflate past `limits`."""
    entries = archive.infolist()
    if len(entries) > limits.max_entries:
        raise _bomb(f"{len(entries)} entries > {limits.max_entries}")
    total = sum(e.file_size for e in entries)
    if total > limits.max_total:
        raise _bomb(f"{total} bytes inflated > {limits.max_total}")
    if sum(e.compress_size for e in entries) > size:
        raise _bomb("entries share compressed data")
    for e in entries:
        if e.file_size > limits.ratio_floor and e.file_size > limits.max_ratio * max(1, e.compress_size):
            raise _bomb(f"{e.filename} inflates {e.file_size / max(1, e.compress_size):.0f} times "
                        f"> {limits.max_ratio:g}")


def checked_zip(data: bytes, limits: ZipLimits = ZIP) -> zipfile.ZipFile | None:
    """open_zip, then check_archive: an archive safe to inflate, None for bytes that are no zip."""
    archive = open_zip(data, limits)
    if archive is not None:
        check_archive(archive, len(data), limits)
    return archive
