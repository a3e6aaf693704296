#!/usr/bin/env python3
"""alternatives.py: no group of a rule lists the same alternative twice.

Rewriting the rules by script (the spellings of 2026-11-30: "does not
exist" and "doesn't exist" both became does@{not}\\s+exist) can leave a
group with one alternative twice. pcre2 does not mind, but the copy is
dead text a reader must compare, and each copy is more literals for the
scan to index. This check fails on such a group.

usage: alternatives.py FILE.rules...

Prints one line per failure and "N passed, N failed" (N: the patterns
checked, fragments included).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from word_bounds import alternatives, class_end, escaped, group_close  # noqa: E402

# what opens a group whose body is alternatives: "(", "(?:", "(?>", a
# lookaround, or options before a colon ("(?i:")
GROUP_OPEN = re.compile(r"\((?:\?(?::|>|=|!|<=|<!|[a-zA-Z-]+:))?")


def groups(p):
    """The body of every group of pattern p, and p itself."""
    bodies = [p]
    i = 0
    while i < len(p):
        if p[i] == '\\':
            i += 2
            continue
        if p[i] == '[':
            i = class_end(p, i) + 1
            continue
        if p[i] == '(':
            m = GROUP_OPEN.match(p, i)
            close = group_close(p, i)
            if m.group(0) != '(' or not p.startswith('(?', i):
                bodies.append(p[m.end():close])
        i += 1
    return bodies


def duplicates(p):
    """The alternatives that some group of p lists more than once."""
    found = []
    for body in groups(p):
        seen = set()
        for alt in alternatives(body):
            if alt and alt in seen:
                found.append(alt)
            seen.add(alt)
    return found


def main(files):
    passed = failed = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if line.startswith("#") or "\t" not in line:
                    continue
                cols = line.rstrip("\n").split("\t")
                if cols[0].startswith("@"):
                    pattern = cols[1]
                elif len(cols) >= 4:
                    pattern = cols[3]
                else:
                    continue
                found = duplicates(pattern)
                if found:
                    failed += 1
                    for alt in found:
                        print("FAIL %s:%d %s: alternative listed twice: %s"
                              % (path, lineno, cols[0], alt[:120]))
                else:
                    passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
