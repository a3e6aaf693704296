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
from rules_file import check  # noqa: E402
from word_bounds import alternatives, group_close, parens  # noqa: E402

# what opens a group whose body is alternatives: "(", "(?:", "(?>", a
# lookaround, or options before a colon ("(?i:")
GROUP_OPEN = re.compile(r"\((?:\?(?::|>|=|!|<=|<!|[a-zA-Z-]+:))?")


def groups(p):
    """The body of every group of pattern p, and p itself."""
    bodies = [p]
    for i in parens(p):
        m = GROUP_OPEN.match(p, i)
        if p[i] == '(' and m and (m.group(0) != '(' or not p.startswith('(?', i)):
            bodies.append(p[m.end():group_close(p, i)])
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
    return check(files, lambda p: ["alternative listed twice: %s" % a[:120]
                                   for a in duplicates(p)])

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
