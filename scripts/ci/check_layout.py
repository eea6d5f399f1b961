#!/usr/bin/env python3
"""Checks the crate's layout: no import cycle between the top-level modules of src/,
and no Rust source file over MAX_LINES lines.

usage: python3 scripts/ci/check_layout.py [--graph]

A module's dependencies are the `crate::NAME` paths in its files (in `use` lines,
grouped imports `crate::{a, b::c}`, and paths in code), comments and unit-test
modules (`#[cfg(test)] mod tests`) excluded. The binary
(src/bin/) is not part of the library and is not checked for cycles, only for size.
--graph prints every top-level module with the modules it uses. Exits 1 on a cycle or
an oversized file, naming them.
"""
import os
import re
import sys

MAX_LINES = 1000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "src")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return "\n".join(line.split("//", 1)[0] for line in text.splitlines())


def strip_test_modules(code):
    """Drops `#[cfg(test)] mod NAME { ... }` blocks: unit tests may build a whole
    analyzer; the layout rule is about the library's own code."""
    while True:
        m = re.search(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", code)
        if not m:
            return code
        depth, i = 1, m.end()
        while i < len(code) and depth:
            depth += {"{": 1, "}": -1}.get(code[i], 0)
            i += 1
        code = code[:m.start()] + code[i:]


def crate_refs(code):
    """Top-level module names named after `crate::`, including in grouped imports."""
    names = set()
    for m in re.finditer(r"\bcrate::(\{)?", code):
        if m.group(1):  # crate::{a, b::c, d::{e, f}}: the first name of each item
            depth, i, start = 1, m.end(), m.end()
            while i < len(code) and depth:
                depth += {"{": 1, "}": -1}.get(code[i], 0)
                i += 1
            group = code[start:i - 1]
            # the items at nesting depth 0 of the group
            item, level = "", 0
            for c in group + ",":
                if c == "{":
                    level += 1
                elif c == "}":
                    level -= 1
                if c == "," and level == 0:
                    head = re.match(r"\s*([a-z_][a-z0-9_]*)", item)
                    if head:
                        names.add(head.group(1))
                    item = ""
                else:
                    item += c
        else:
            head = re.match(r"[a-z_][a-z0-9_]*", code[m.end():])
            if head:
                names.add(head.group(0))
    return names


def top_module(rel):
    """The top-level module of a file under src/ (`entities/gazetteer/mod.rs` -> entities)."""
    first = rel.split(os.sep)[0]
    return first[:-3] if first.endswith(".rs") else first


def main():
    graph, oversized = {}, []
    for dirpath, _, files in os.walk(SRC):
        for f in sorted(files):
            if not f.endswith(".rs"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, SRC)
            text = open(path, encoding="utf-8").read()
            n = text.count("\n")
            if n > MAX_LINES:
                oversized.append((rel, n))
            if rel.startswith("bin" + os.sep) or rel in ("lib.rs",):
                continue
            mod = top_module(rel)
            deps = crate_refs(strip_test_modules(strip_comments(text))) - {mod}
            graph.setdefault(mod, set()).update(deps)
    for deps in list(graph.values()):
        for d in deps:
            graph.setdefault(d, set())

    # Tarjan's strongly connected components: a component of two or more is a cycle.
    index, low, stack, on, comps, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
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
            comps.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    cycles = [c for c in comps if len(c) > 1]

    if "--graph" in sys.argv:
        for v in sorted(graph):
            print(f"{v:12} -> {', '.join(sorted(graph[v])) or '-'}")
    ok = True
    for c in cycles:
        ok = False
        print("import cycle between top-level modules: " + ", ".join(c))
        for v in c:
            inside = sorted(graph[v] & set(c))
            print(f"  {v} uses {', '.join(inside)}")
    for rel, n in sorted(oversized):
        ok = False
        print(f"src/{rel}: {n} lines (more than {MAX_LINES})")
    if ok:
        print(f"layout ok: {len(graph)} top-level modules, no import cycle, "
              f"no source file over {MAX_LINES} lines")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
