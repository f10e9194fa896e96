#!/usr/bin/env python3
"""Lists import cycles between Signpost's source files.

Reads every `crate::a::b` path in src/ (in `use` lines and in code), maps it
to the file that defines that module, and prints each cycle of files that
use each other. Issue 11 asks for none; CI runs this and fails on any.

    python3 scripts/module_cycles.py        # exit 1 if there is a cycle
"""
import os
import re
import sys

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_files():
    """Module path (tuple) -> file, for every .rs file under src/."""
    files = {}
    for folder, _, names in os.walk(SRC):
        for name in names:
            if not name.endswith(".rs"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), SRC)
            parts = rel[:-3].split(os.sep)
            if parts[-1] in ("mod", "lib", "main"):
                parts = parts[:-1]
            files[tuple(parts)] = rel
    return files


def aliases():
    """`pub use a::b;` and `pub use a::{b, c};` re-exports in lib.rs."""
    text = open(os.path.join(SRC, "lib.rs")).read()
    found = {}
    for m in re.finditer(r"pub use (\w+)::\{([^}]*)\};", text):
        for name in m.group(2).split(","):
            name = name.strip()
            if name:
                found[name] = (m.group(1), name)
    for m in re.finditer(r"pub use (\w+)::(\w+);", text):
        found[m.group(2)] = (m.group(1), m.group(2))
    for m in re.finditer(r"pub use (\w+) as (\w+);", text):
        found[m.group(2)] = (m.group(1),)
    return found


def target(path, files, alias):
    parts = path.split("::")
    if parts and parts[0] in alias:
        parts = list(alias[parts[0]]) + parts[1:]
    for n in range(len(parts), 0, -1):
        if tuple(parts[:n]) in files:
            return files[tuple(parts[:n])]
    return None


def main():
    files = module_files()
    alias = aliases()
    edges = {f: set() for f in files.values()}
    for module, rel in files.items():
        text = open(os.path.join(SRC, rel)).read()
        text = re.sub(r"#\[cfg\(test\)\]\s*mod tests \{.*", "", text, flags=re.S)
        uses = set(re.findall(r"crate::((?:\w+::)*\w+)", text))
        for block in re.findall(r"use crate::(\w+)::\{([^}]*)\}", text):
            for name in block[1].split(","):
                name = name.strip().split(" ")[0].split("::")[0]
                if name and name not in ("self",):
                    uses.add(f"{block[0]}::{name}")
        for path in uses:
            to = target(path, files, alias)
            if to and to != rel and to != "lib.rs":
                edges[rel].add(to)
    # Tarjan's strongly connected components.
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            strong(v)
    for comp in comps:
        print("cycle: " + ", ".join(comp))
        for a in comp:
            for b in sorted(edges[a] & set(comp)):
                print(f"  {a} -> {b}")
    print(f"{len(files)} files, {sum(len(e) for e in edges.values())} edges, {len(comps)} cycles")
    return 1 if comps else 0


if __name__ == "__main__":
    sys.exit(main())
