"""Where a store lives and how its SQL is spoken: an SQLite file (the embedded default) or a PostgreSQL database
named by a URL (`postgresql://USER@HOST:PORT/DB`).

The store's modules write SQLite's SQL; on PostgreSQL a connection adapter (PgConnection) speaks it for them:
placeholders (`?`, `?1`, `:name`) become `$n`, SQLite's functions their PostgreSQL names, ascending sorts put
NULL first as SQLite does, and the schema's DDL gets PostgreSQL's types (schema_ddl). What cannot be said
in both (full-text search, the schema catalogue, locks) asks which connection it has (`store.server`, or a
PgConnection as `conn`).
"""
from __future__ import annotations

import re
import sqlite3
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence, Union

SCHEMES = ("postgresql://", "postgres://")


def is_server(target: str | Path | None) -> bool:
    """True when a store target names a PostgreSQL database rather than an SQLite file."""
    return target is not None and str(store_target(target)).startswith(SCHEMES)


def store_target(value: str | Path) -> str | Path:
    """A --store value as given: a URL kept as a string (a Path folds its `//`), anything else a Path."""
    text = str(value)
    fixed = re.sub(r"^(postgres(?:ql)?):/+", r"\1://", text)
    return fixed if fixed.startswith(SCHEMES) else Path(value)


def store_exists(target: str | Path) -> bool:
    """True when a store is there: the file, or the store's tables in the database the URL names (its schema
    as the URL's search_path gives it); raises the driver's error where the server cannot be reached."""
    target = store_target(target)
    if not is_server(target):
        return Path(target).is_file()
    conn = PgConnection(str(target), read_only=True)
    try:
        return conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
    finally:
        conn.close()


def shown(target: str | Path) -> str:
    """A store target for messages: a URL without its password."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1@", str(target))


def errors() -> tuple[type[BaseException], ...]:
    """The exceptions a store's database raises (SQLite's, and PostgreSQL's where psycopg is installed)."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


# ---------------------------------------------------------------- SQL translation
_TOKEN = re.compile(r"""'(?:[^']|'')*'|"[^"]*"|\?\d*|(?<!:):[A-Za-z_]\w*|::|[^'"?:]+|.""", re.S)
_RENAMES = (
    (re.compile(r"\bjson_object\("), "json_build_object("),
    (re.compile(r"\bjson_array\("), "json_build_array("),
    (re.compile(r"\binstr\("), "strpos("),
    (re.compile(r"\bLIKE\b"), "ILIKE"),      # SQLite's LIKE ignores (ASCII) case
    # a REAL: as numeric to 15 places, which JSON and the row loader keep a decimal (1.0, not 1) as SQLite does
    (re.compile(r"\bCAST\(([^()]+) AS REAL\)"), r"round(CAST(CAST(\1 AS DOUBLE PRECISION) AS NUMERIC), 15)"),
    (re.compile(r"\bAS INTEGER\)"), "AS BIGINT)"),
    (re.compile(r"(?<=[\s(])\+(?=[A-Za-z_])"), ""),                # unary + (SQLite: use no index here)
    (re.compile(r"\bmax\((\w+\.\w+), (excluded\.\w+)\)"), r"GREATEST(\1, \2)"),     # max(a, b) of an upsert
)
_SPANNING = (        # patterns with a quoted argument or a placeholder, over the whole statement
    (re.compile(r"\bjson_extract\(([\w.]+), '\$\.(\w+)'\)"), r"(CAST(\1 AS json) ->> '\2')"),
    (re.compile(r"\bjson_extract\(([\w.]+), '\$\[(\d+)\]'\)"), r"(CAST(\1 AS json) ->> \2)"),
    (re.compile(r"\bFROM json_each\((\$\d+)\)"), r"FROM json_array_elements_text(CAST(\1 AS json)) AS j(value)"),
    (re.compile(r"^BEGIN IMMEDIATE$"), "BEGIN"),
    (re.compile(r"\bIS NOT (?=\$\d)"), "IS DISTINCT FROM "),        # SQLite's IS compares NULLs as values
    (re.compile(r"\bIS (?=\$\d)"), "IS NOT DISTINCT FROM "),
    (re.compile(r"\bLIMIT -1\b"), "LIMIT ALL"),
)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b", re.I)


def _split_top(text: str) -> list[tuple[int, int]]:
    """Spans of the comma-separated items of `text` at bracket depth 0, up to where its depth goes below 0."""
    depth, start, out, i = 0, 0, [], 0
    while i < len(text):
        ch = text[i]
        if ch in "'\"":
            i = text.index(ch, i + 1) + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                break
            depth -= 1
        elif ch == "," and depth == 0:
            out.append((start, i))
            start = i + 1
        elif depth == 0 and re.match(r"\b(LIMIT|OFFSET|UNION|EXCEPT|INTERSECT)\b", text[i:i + 9], re.I) and \
                (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            break
        elif ch == ";" and depth == 0:
            break
        i += 1
    out.append((start, i))
    return out


def _nulls_as_sqlite(sql: str) -> str:
    """Each ORDER BY item gets SQLite's NULL placement: NULLS FIRST ascending, NULLS LAST descending."""
    out, pos = [], 0
    for m in _ORDER_BY.finditer(sql):
        if m.start() < pos:
            continue
        out.append(sql[pos:m.end()])
        rest = sql[m.end():]
        items = _split_top(rest)
        end = items[-1][1]
        parts = []
        for a, b in items:
            item = rest[a:b]
            body = item.rstrip()
            if re.search(r"\bNULLS\s+(FIRST|LAST)\s*$", body, re.I):
                parts.append(item)
            elif re.search(r"\bDESC\s*$", body, re.I):
                parts.append(body + " NULLS LAST" + item[len(body):])
            else:
                parts.append(body + " NULLS FIRST" + item[len(body):])
        out.append(",".join(parts))
        pos = m.end() + end
    out.append(sql[pos:])
    return "".join(out)


_SUBQUERY = re.compile(r"\b(?:FROM|JOIN)\s*\(", re.I)
_NOT_ALIAS = re.compile(r"\s*(?:$|[),;]|(?:WHERE|GROUP|ORDER|LIMIT|OFFSET|UNION|EXCEPT|INTERSECT|JOIN|LEFT|INNER|"
                        r"CROSS|ON|HAVING)\b)", re.I)


def _close(sql: str, start: int) -> int:
    """The index of the bracket closing the one at `start` (quotes skipped)."""
    depth, i = 0, start
    while i < len(sql):
        ch = sql[i]
        if ch in "'\"":
            i = sql.index(ch, i + 1)
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(sql) - 1


def _group_arrays(sql: str) -> str:
    """json_group_array(x) as PostgreSQL's json_agg, as text, '[]' over no rows (json_agg gives NULL there)."""
    while (m := re.search(r"\bjson_group_array\(", sql)):
        end = _close(sql, m.end() - 1)
        sql = f"{sql[:m.start()]}coalesce(CAST(json_agg({sql[m.end():end]}) AS TEXT), '[]'){sql[end + 1:]}"
    return sql


def _alias_subqueries(sql: str) -> str:
    """PostgreSQL 15 wants a name for each subquery in FROM: those without one get `AS _sN`."""
    cuts = []
    for n, m in enumerate(_SUBQUERY.finditer(sql)):
        end = _close(sql, m.end() - 1)
        if _NOT_ALIAS.match(sql, end + 1):
            cuts.append((end + 1, f" AS _s{n}"))
    for at, text in sorted(cuts, reverse=True):
        sql = sql[:at] + text + sql[at:]
    return sql


@lru_cache(maxsize=4096)
def translate(sql: str) -> tuple[str, tuple[str, ...] | None]:
    """SQLite's SQL as PostgreSQL's, and the order of named parameters (None: positional).

    Placeholders outside quotes become $n: `?` in turn, `?N` as N, `:name` by first appearance."""
    out: list[str] = []
    names: list[str] = []
    count = 0
    for tok in _TOKEN.findall(sql):
        if tok.startswith("?"):
            if len(tok) > 1:
                out.append("$" + tok[1:])
            else:
                count += 1
                out.append(f"${count}")
        elif tok.startswith(":") and tok != "::":
            name = tok[1:]
            if name not in names:
                names.append(name)
            out.append(f"${names.index(name) + 1}")
        elif tok[0] in "'\"":
            out.append(tok)
        else:
            text = tok
            for pattern, repl in _RENAMES:
                text = pattern.sub(repl, text)
            out.append(text)
    text = "".join(out)
    for pattern, repl in _SPANNING:
        text = pattern.sub(repl, text)
    return _nulls_as_sqlite(_alias_subqueries(_group_arrays(text))), tuple(names) if names else None


_TYPES = ((re.compile(r"\bINTEGER PRIMARY KEY AUTOINCREMENT\b"), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
          (re.compile(r"\bINTEGER\b"), "BIGINT"),
          (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),
          (re.compile(r"\bBLOB\b"), "BYTEA"),
          (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),      # SQLite compares text by code point
          (re.compile(r"\bCREATE VIEW IF NOT EXISTS\b"), "CREATE OR REPLACE VIEW"))


def schema_ddl(statement: str) -> str:
    """A CREATE statement of the schema in PostgreSQL's types; each table gains the `rowid` SQLite gives it
    (insertion order, and the key the search tables share with the rows they index)."""
    if not statement.lstrip().upper().startswith("CREATE TABLE") or re.search(r"\browid\b", statement):
        return statement.replace("CREATE VIEW IF NOT EXISTS", "CREATE OR REPLACE VIEW")
    for pattern, repl in _TYPES:
        statement = pattern.sub(repl, statement)
    body, _, tail = statement.rpartition(")")
    return f"{body}, rowid BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE){tail}"


# ---------------------------------------------------------------- the PostgreSQL connection
class Row(tuple):
    """A result row read by position or by column name, like sqlite3.Row (dict(row) gives its columns)."""
    __slots__ = ()
    names: tuple[str, ...] = ()
    index: dict[str, int] = {}

    def keys(self) -> list[str]:
        return list(self.names)

    def __getitem__(self, key):
        if key.__class__ is str:
            return tuple.__getitem__(self, self.index[key])
        return tuple.__getitem__(self, key)


@lru_cache(maxsize=1024)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "names": names, "index": {n: i for i, n in enumerate(names)}})


def _rows(keep_rowid: bool, as_dicts: bool = False):
    """A psycopg row factory making Rows (or dicts); `rowid` is a hidden column as in SQLite (kept where a query
    names it)."""
    def factory(cursor):
        return _row_maker(cursor, keep_rowid, as_dicts)
    return factory


def _row_maker(cursor, keep_rowid: bool, as_dicts: bool):
    if cursor.description is None:
        return tuple
    names = tuple(c.name for c in cursor.description)
    shown = [i for i, n in enumerate(names) if n != "rowid" or keep_rowid]
    if as_dicts:
        kept = tuple(names[i] for i in shown)
        if len(shown) == len(names):
            return lambda values: dict(zip(names, values))
        return lambda values: dict(zip(kept, (values[i] for i in shown)))
    if len(shown) == len(names):
        return _row_class(names)
    cls = _row_class(tuple(names[i] for i in shown))
    return lambda values: cls(values[i] for i in shown)


def _arg(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value     # SQLite keeps booleans as 0/1


def _args(args: Sequence[Any] | dict[str, Any], names: tuple[str, ...] | None) -> list[Any]:
    if isinstance(args, dict):
        return [_arg(args[n]) for n in names or ()]
    return [_arg(a) for a in args]


class PgConnection:
    """A psycopg connection that takes the store's SQLite SQL (execute, executemany) and bulk rows (copy)."""

    def __init__(self, url: str, read_only: bool = False):
        import psycopg
        from psycopg.types.numeric import FloatLoader
        from psycopg.types.string import TextLoader

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True, cursor_factory=psycopg.RawCursor,
                                    row_factory=_rows(False))
        for name in ("json", "jsonb"):                       # JSON stays text, as SQLite gives it
            self.conn.adapters.register_loader(name, TextLoader)

        class NumericLoader(FloatLoader):                    # sum() of integers is an integer, as in SQLite
            def load(self, data):
                text = bytes(data)
                return int(text) if text.lstrip(b"-").isdigit() else float(text)

        self.conn.adapters.register_loader("numeric", NumericLoader)
        self.conn.execute("SET client_min_messages = warning")
        if read_only:
            self.conn.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()):
        text, names = translate(sql)
        cur = self.conn.cursor(row_factory=_rows("rowid" in sql))
        return cur.execute(text, _args(args, names) or None)

    def dicts(self, sql: str, args: Sequence[Any] | dict[str, Any] = ()) -> list[dict]:
        """The rows of a query as dicts of their columns (what Store.sql gives)."""
        text, names = translate(sql)
        cur = self.conn.cursor(row_factory=_rows("rowid" in sql, as_dicts=True))
        return cur.execute(text, _args(args, names) or None).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]):
        text, names = translate(sql)
        rows = [_args(r, names) for r in rows]
        cur = self.conn.cursor(row_factory=_rows("rowid" in sql))
        if rows:
            cur.executemany(text, rows)
        return cur

    def copy(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Bulk-loads rows into a table (COPY FROM STDIN)."""
        names = ", ".join(f'"{c}"' for c in columns)
        with self.conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([_arg(v) for v in row])

    def lock_key(self, name: str) -> int:
        """A 64-bit advisory lock key for `name` in this database and schema (several stores share a server)."""
        db, schema = self.conn.execute("SELECT current_database(), current_schema()").fetchone()
        return _key(f"{db}/{schema}/{name}")

    def close(self) -> None:
        self.conn.close()


Connection = Union[sqlite3.Connection, PgConnection]     # what a store's modules are handed as `conn`


def _key(text: str) -> int:
    value = zlib.crc32(text.encode()) << 32 | zlib.crc32(text[::-1].encode())
    return value - (1 << 64) if value >= 1 << 63 else value
