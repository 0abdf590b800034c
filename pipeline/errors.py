"""Error and warning codes that end up in a record's `error` and `warnings` (one place for all)."""
from __future__ import annotations

# Errors: the document could not be read; its record has empty text and this message.
E_NOT_FOUND = "E100 input file not found"
E_EMPTY = "E101 empty file"
E_BINARY = "E102 not a text document (binary content)"
E_ENCODING = "E103 text encoding could not be determined"
E_UNREADABLE = "E104 input file could not be read"
E_PDF_ENCRYPTED = "E110 PDF is encrypted"
E_PDF_CORRUPT = "E111 PDF is corrupt or unreadable"
E_PDF_NO_TEXT = "E112 PDF has no text layer and OCR read no text"
E_TIMEOUT = "E120 parsing exceeded the time limit"
E_MEMORY = "E121 parsing exceeded the memory limit"
E_WORKER = "E122 parsing worker crashed"
E_TOO_LARGE = "E123 file exceeds the size limit"
E_ZIP_BOMB = "E124 compressed content exceeds the decompression limits"
E_UNSUPPORTED = "E130 unsupported file format"
E_DOCX = "E131 DOCX could not be read"
E_INTERNAL = "E199 internal error"

# Warnings: the document was read, but something was not done or is doubtful.
W_DECODED_AS = "W201 text decoded as {encoding}"
W_PAGES_NO_TEXT = "W202 pages without text: {pages}"
W_REORDERED = "W203 displaced heading moved back: {heading}"
W_OCR_PAGE = "W204 page {page} has no text layer: read by OCR (mean confidence {confidence})"
W_OCR_FAILED = "W205 page {page} has no text layer and OCR failed: {reason}"
W_NO_STRUCTURE = "W301 no official document structure found"
W_NO_ISSUER = "W302 issuer not found"
W_NO_DATE = "W303 date not found"
W_NO_JURISDICTION = "W401 jurisdiction unknown: agency names not canonicalised"


class PolicyKGError(Exception):
    """An input problem with a record-ready message (one of the E-codes above)."""

    def __init__(self, message: str, detail: str = ""):
        super().__init__(message + (f": {detail}" if detail else ""))
        self.code = message.split(" ", 1)[0]
W_TABLE_TOTAL = "W501 table {table}: {column}: the rows add up to {sum}, its {label} row says {total}"
W_TABLES_UNREAD = "W503 tables on pages {pages} could not be read: {why}"
W_TABLE_ROW_LOST = "W502 table {table}: row {row} is not in the text (its cells have no span)"
