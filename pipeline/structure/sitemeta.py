"""A disclosure site's metadata block (索引号 | 发文字号 | 成文日期 | 发布机构 …) read as key-value fields."""
from __future__ import annotations

import re
from functools import cache

from ..clean.script import to_simplified
from .lexicon import data, rx
from .sections import match_heading


LONG_KEY = 4                 # a key this long is read inside a row of fields whatever precedes it
MAX_ROW_CHARS = 200          # a row of keys is short (索 引 号 文 号 发布机构 发布日期 公开范围 公开方式)


@cache
def _keys(row_keys: bool = False) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern for every key (letter-spaced too), and each key's field; `row_keys` adds the keys only a
    row of keys holds."""
    spec = data("site_fields")
    field_of = {k: f for f, keys in spec["fields"].items() for k in keys}
    if row_keys:
        field_of |= {k: "other" for k in spec["label_rows"]["extra_keys"]}
    spaced = sorted(field_of, key=len, reverse=True)
    alternatives = "|".join(r"\s*".join(map(re.escape, k)) for k in spaced)
    long_keys = "|".join(r"\s*".join(map(re.escape, k)) for k in spaced if len(k) >= 3)
    pattern = rx(r"(?:^|(?<=[\s|｜\[【\-—]))(?P<key>" + alternatives + r")(?=" + spec["key_end"] + ")"
                 r"|(?P<glued>" + alternatives + r")(?=\s*[\]】]?\s*[:：])"       # …00123发文字号：
                 r"|(?:^|(?<=[\dA-Za-z/]))(?P<bare>" + long_keys + r")"           # 发文字号国办发…, …0320发布机构临沂…
                 r"|(?P<dated>" + long_keys + r")(?=(?:19|20)\d{2}[-/.年])"      # 签发人唐继虎签发日期2022-08-03
                 r"|(?<=[【\[])(?P<bracketed>" + alternatives + r")(?=[】\]])"  # 【发文字号】川环发[2013]121号
                 # 文号蔡政办〔2023〕1号, also after an empty bracket a site's template left (文号〔〕恰水建字〔2023〕2号)
                 r"|(?P<numbered>" + alternatives + r")(?=(?:〔〕|\[\])?[\u4e00-\u9fff]{1,14}[〔\[［【(（]\s*(?:19|20)\d{2})")
    return pattern, field_of


@cache
def _any_key() -> re.Pattern:
    """Any key, letter-spaced too, wherever it stands."""
    spec = data("site_fields")
    keys = sorted({k for keys in spec["fields"].values() for k in keys}, key=len, reverse=True)
    return rx("|".join(r"\s*".join(map(re.escape, k)) for k in keys))


def site_fields(line: str) -> dict[str, tuple[int, int]]:
    """The fields a metadata line gives, each as the (start, end) of its value in the line;
    empty values are left out and a key's value ends at the next key; keys are read in simplified script."""
    line = to_simplified(line)                    # same length: the spans hold in the page's own script
    if not _any_key().search(line):
        return {}                                 # every alternative below needs a key
    pattern, field_of = _keys()
    keys = [(m.start(), m.end(), m.group("key") or m.group("glued") or m.group("bare") or m.group("dated")
             or m.group("bracketed") or m.group("numbered")) for m in pattern.finditer(line)]
    if not any(ch in line for ch in ":：|｜ \t\u3000") and (opening := _row_opening(line, keys)):
        keys = sorted(set(keys) | {opening})   # a row whose spaces the view dropped: 索引号…文号…发布机构…
        taken = [(a, b) for a, b, _ in keys]
        keys = sorted(keys + [(m.start(), m.end(), m.group()) for m in _long_keys().finditer(line)
                              if not any(a < m.end() and m.start() < b for a, b in taken)])
    out: dict[str, tuple[int, int]] = {}
    for k, (_, key_end, key) in enumerate(keys):
        stop = keys[k + 1][0] if k + 1 < len(keys) else len(line)
        start = key_end
        while start < stop and line[start] in " \t\u3000]】:：|｜":
            start += 1
        end = stop
        while end > start and line[end - 1] in " \t\u3000|｜[【-—•·●":      # …人民政府•【公布日期】: a bullet
            end -= 1
        if stop := rx(data("site_fields")["value_stop"]).search(line, start, end):
            end = stop.start()                    # 来源:某局 时间:2024-09-11: the posting time after it
        for tail in data("site_fields")["value_tail_chrome"]:     # 交通局打印: a page control glued on
            if line.endswith(tail, start, end) and end - len(tail) > start:
                end -= len(tail)
                while end > start and line[end - 1] in " \t\u3000":
                    end -= 1
                break
        field = field_of.get("".join(key.split()), "other")
        if end > start and field != "other" and field not in out:
            out[field] = (start, end)
    return out


def _row_opening(line: str, keys: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The key a row of fields opens with: a site key, or a key only such a row holds (公开方式主动公开…)."""
    if keys and keys[0][0] == 0:
        return keys[0]
    row_key = next((k for k in data("site_fields")["label_rows"]["extra_keys"] if line.startswith(k)), None)
    return (0, len(row_key), row_key) if row_key and _long_keys().search(line, len(row_key)) else None


@cache
def _long_keys() -> re.Pattern:
    """Keys read inside a row that opens with a key: the long ones anywhere (发布机构, 生成日期), the short
    ones after a digit (…62520文号督查通报第13期), where no value's words run on (信息来源管理)."""
    keys = {k for keys in data("site_fields")["fields"].values() for k in keys}
    long_ = "|".join(map(re.escape, sorted((k for k in keys if len(k) >= LONG_KEY), key=len, reverse=True)))
    short = "|".join(map(re.escape, sorted((k for k in keys if len(k) < LONG_KEY), key=len, reverse=True)))
    return rx(f"{long_}|(?<=[0-9A-Za-z/])(?:{short})")


def opens_with_key(line: str) -> bool:
    """True for a line opening with any site key, its value glued on (来源阿图什市人民政府)."""
    return bool(_any_key().match(to_simplified(line).strip()))


def starts_with_site_key(line: str) -> bool:
    """True for a row of a metadata block: a site key at the line start (- 名称:, [ 发文字号 ] |, 文 号:)."""
    pattern, _ = _keys()
    line = to_simplified(line)                    # 訪問量:, 發文字號: a page in traditional script
    m = pattern.search(line.lstrip(" -—|｜[【\t\u3000•·●"))
    if m and m.start() == 0:
        return True
    opened = line.lstrip(" -—|｜\t\u3000•·●")       # 【标 签】财政国库,管理制度: the value glued to the bracket
    m = pattern.search(opened)
    return bool(m) and m.start() == 1 and opened[0] in "【[" and bool(m.group("bracketed"))


def label_row_fields(lines: list[str], max_value_lines: int = 4) -> dict[str, tuple[int, int, int]]:
    """A metadata table flattened into a row of keys and rows of values under it (索 引 号 文 号 发布机构 /
    N001-2011-000627 宛政〔2011〕7号 / 南阳市人民政府办公室 2011-03-04): each field's value as (line, start, end),
    the values paired with the keys in order; nothing where the values do not match the keys one for one."""
    pattern, field_of = _keys(row_keys=True)
    lines = [to_simplified(line) for line in lines]
    for row, line in enumerate(lines):
        if len(line) > MAX_ROW_CHARS or not _any_key().search(line):
            continue
        keys = list(pattern.finditer(line))
        if len(keys) < 3 or re.sub(r"[\s|｜]", "", pattern.sub("", line)):
            continue
        values: list[tuple[int, int, int]] = []
        for at in range(row + 1, min(len(lines), row + 1 + max_value_lines)):
            values += [(at, v.start(), v.end()) for v in re.finditer(r"[^\s|｜]+", lines[at])]
            if len(values) >= len(keys):
                break
        if len(values) != len(keys):
            continue
        out: dict[str, tuple[int, int, int]] = {}
        for m, value in zip(keys, values):
            key = next(g for g in m.groups() if g)
            field = field_of["".join(key.split())]
            if field != "other":
                out.setdefault(field, value)
        return out
    return {}


def key_alone(line: str) -> str | None:
    """The field of a line that holds one key and no value (发 布 机 构 :): its value is the next line."""
    pattern, field_of = _keys()
    line = to_simplified(line)
    m = pattern.match(line.strip())
    if not m or line.strip()[m.end():].strip(" \t\u3000:：|｜]】"):
        return None
    key = next(g for g in m.groups() if g)
    return field_of["".join(key.split())]


def key_ending(line: str) -> str | None:
    """The field of a long key (3 characters or more) that ends a line with no value, glued to the text before
    it (…奖励实施办法制定机关: / 新疆维吾尔自治区人民政府): its value is the next line."""
    pattern, _ = _keys()
    line = to_simplified(line).rstrip(" \t\u3000|｜")
    last = None
    for last in pattern.finditer(line):
        pass
    if last is None or last.start() == 0 or len("".join(last.group().split())) < 3 \
            or not line[last.end():].strip(" \t\u3000]】").startswith((":", "：")):
        return None
    return key_alone(line[last.start():])       # nothing but the colon after the key


def site_field_item(line: str) -> bool:
    """True for a numbered line of a site's metadata list (6. [发文字号] 政府令〔2018〕277号; 2. [发文机构], its
    value left empty)."""
    label = match_heading(line)
    rest = line[label.label_end:] if label else ""
    return bool(label) and (bool(site_fields(rest)) or starts_with_site_key(rest.strip()))
