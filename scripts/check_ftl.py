#!/usr/bin/env python3
"""Checks a translation against the English catalogue: the same message ids, and in each
message the same variables. Usage: scripts/check_ftl.py locales/fr/main.ftl"""
import re
import sys


def messages(path):
    out, cur = {}, None
    for line in open(path, encoding="utf-8"):
        m = re.match(r"^([a-zA-Z][a-zA-Z0-9_-]*) =(.*)$", line.rstrip("\n"))
        if m:
            cur = m.group(1)
            if cur in out:
                print(f"{path}: {cur} defined twice")
            out[cur] = m.group(2)
        elif line.startswith((" ", "\t", "}")) and cur:
            out[cur] += "\n" + line.rstrip("\n")
        elif line.strip() and not line.startswith("#"):
            print(f"{path}: not a message, a comment or an indented line: {line!r}")
            cur = None
    return out


def variables(text):
    return set(re.findall(r"\$([a-zA-Z_][a-zA-Z0-9_]*)", text))


en = messages("locales/en/main.ftl")
bad = 0
for path in sys.argv[1:]:
    tr = messages(path)
    for k in en.keys() - tr.keys():
        print(f"{path}: missing {k}")
        bad += 1
    for k in tr.keys() - en.keys():
        print(f"{path}: unknown {k}")
        bad += 1
    for k in en.keys() & tr.keys():
        if variables(en[k]) != variables(tr[k]):
            print(f"{path}: {k} uses {sorted(variables(tr[k]))}, English {sorted(variables(en[k]))}")
            bad += 1
        if tr[k].count("{") != tr[k].count("}"):
            print(f"{path}: {k} has unbalanced braces")
            bad += 1
print("ok" if bad == 0 else f"{bad} problems")
sys.exit(1 if bad else 0)
