#!/usr/bin/env python3
"""Lists functions in src/ longer than about 80 lines (issue 11).

Counts from the line with `fn` to the line with its closing brace, skipping
braces inside strings, characters and comments. Tests (`mod tests` and
`tests.rs`) are left out: a long table of cases is not a long function.
A function may be exempted by a comment `// long-function: <why>` on the
line above it; at most two may be.

    python3 scripts/long_functions.py [--limit 80]   # exit 1 if any is too long
"""
import argparse
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
FN = re.compile(r"^\s*(?:pub(?:\([^)]*\))?\s+)?(?:const\s+|async\s+|unsafe\s+)*fn\s+(\w+)")
MAX_EXEMPT = 2


def code_only(text):
    """The text with strings, chars and comments blanked (newlines kept)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2); j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == "r" and re.match(r'r#*"', text[i:i + 10]) and not (i and (text[i-1].isalnum() or text[i-1] == "_")):
            hashes = re.match(r'r(#*)"', text[i:]).group(1)
            end = '"' + hashes
            j = text.find(end, i + 2 + len(hashes)); j = n if j < 0 else j + len(end)
            out.append(re.sub(r"[^\n]", " ", text[i:j])); i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append(re.sub(r"[^\n]", " ", text[i:j + 1])); i = j + 1
        elif c == "'":
            m = re.match(r"'(\\.|\\u\{[0-9a-fA-F]+\}|[^\\'])'", text[i:])
            if m:
                out.append(" " * len(m.group(0))); i += len(m.group(0))
            else:
                out.append(c); i += 1
        else:
            out.append(c); i += 1
    return "".join(out)


def functions(path):
    raw = open(path).read()
    text = code_only(raw)
    text = re.sub(r"#\[cfg\(test\)\]\s*mod tests\s*\{.*", "", text, flags=re.S)
    lines = text.split("\n")
    raw_lines = raw.split("\n")
    i = 0
    while i < len(lines):
        m = FN.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        while j < len(lines):
            for ch in lines[j]:
                if ch == "{":
                    depth += 1; started = True
                elif ch == "}":
                    depth -= 1
            if started and depth <= 0:
                break
            if not started and lines[j].rstrip().endswith(";"):
                break
            j += 1
        if started:
            exempt = i > 0 and "long-function:" in raw_lines[i - 1]
            yield m.group(1), i + 1, j - i + 1, exempt
            i = j + 1
        else:
            i += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=80)
    args = parser.parse_args()
    too_long, exempt = [], []
    for folder, _, names in os.walk(SRC):
        for name in sorted(names):
            if not name.endswith(".rs") or name == "tests.rs":
                continue
            path = os.path.join(folder, name)
            for fn, line, length, is_exempt in functions(path):
                if length > args.limit:
                    where = f"{os.path.relpath(path, os.path.dirname(SRC))}:{line}  {fn}  {length} lines"
                    (exempt if is_exempt else too_long).append(where)
    for where in exempt:
        print(f"exempt  {where}")
    for where in too_long:
        print(f"TOO LONG  {where}")
    if len(exempt) > MAX_EXEMPT:
        print(f"{len(exempt)} exemptions; at most {MAX_EXEMPT} are allowed")
    print(f"{len(too_long)} functions over {args.limit} lines, {len(exempt)} exempt")
    return 1 if too_long or len(exempt) > MAX_EXEMPT else 0


if __name__ == "__main__":
    sys.exit(main())
