#!/usr/bin/env python3
"""counts.py: no bounded repetition in a rule counts past 255.

pcre2 takes counts up to 65535, but PostgreSQL's regex engine refuses any
over 255 (RE_DUPMAX), so a branch written "[^"]{1,300}" drops out of the
SQL CASE that `make bench` builds from the rules (bench/sql_case.py) and
cannot be copied into a caller's own rules in SQL. One did on
2026-12-01, until this check. A count of 255 or less is as useful for a
bounce's words; write that.

usage: counts.py FILE.rules...

Prints one line per failure and "N passed, N failed" (N: the patterns
checked, fragments included).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_file import check  # noqa: E402
from word_bounds import escaped  # noqa: E402

# {n}, {n,} and {n,m}, as pcre2 reads them as a quantifier
COUNT = re.compile(r"\{(\d+)(?:,(\d*))?\}")
LIMIT = 255


def problems(p):
    found = []
    for m in COUNT.finditer(p):
        if escaped(p, m.start()):
            continue        # a literal brace
        for n in m.groups():
            if n and int(n) > LIMIT:
                found.append("%s: write a count of %d or less" %
                             (m.group(0), LIMIT))
                break
    return found


if __name__ == "__main__":
    sys.exit(check(sys.argv[1:], problems))
