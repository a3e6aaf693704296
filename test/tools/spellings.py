#!/usr/bin/env python3
"""spellings.py: rules spell the words servers write two ways both ways.

Servers write "is not" and "isn't", "cannot" and "can't", "mailbox" and
"mail box", "timeout", "time-out" and "time out". A rule written with one
form misses the others, so the rules write them with the fragments @{not}
and @{can-not}, and the compounds with their joint optional
(docs/rules.md). This check fails on a pattern that spells one form only:

- an auxiliary followed by \\s+not ("does\\s+not") or contracted
  ("doesn'?t"), instead of does@{not};
- "cannot" or "can'?t" alone, instead of @{can-not};
- a "not" that opens an alternative ("(?:denied|not\\s+allowed)"),
  instead of @{negation}, which also reads "isn't";
- outside a lookbehind (where pcre2 needs a fixed length): "mailbox"
  (but not in a CamelCase identifier such as MailboxSoftDeleted),
  "hostname", "mailserver" or mail\\s+server, "unavailable", instead of
  mail[\\s-]?box, host\\s?name, mail\\s?server, (?:un|@{negation}\\s+)available; "timeout", time-?out or timed\\s+out,
  instead of time[\\s-]?out and timed[\\s-]+out; "blacklist" or
  black-?list, instead of black[\\s-]?list; e-?mail\\s+address, instead of
  (?:e-?)?mail\\s+address.

usage: spellings.py FILE.rules...

Prints one line per failure and "N passed, N failed" (N: the patterns
checked).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rules_file import check  # noqa: E402
from word_bounds import escaped, group_close  # noqa: E402

# the auxiliaries servers contract with "not" (perturb.py rewrites the
# corpus's texts with the same list)
AUXILIARIES = ["does", "do", "did", "is", "are", "was", "were", "has",
               "have", "had", "could", "would", "should"]
AUX = "(?:%s)" % "|".join(AUXILIARIES)
# a word starts after \b or after a character that is not a word's
START = r"(?:(?<=\\b)|(?<![A-Za-z0-9_\\]))"
ONE_FORM = [
    (re.compile(START + AUX + r"\\s\+not(?![a-z])"), "write AUX@{not}"),
    (re.compile(START + AUX + r"n'\??t(?![a-z])"), "write AUX@{not}"),
    (re.compile(START + r"can(?:not|'\??t)(?![a-z])"), "write @{can-not}"),
    (re.compile(r"(?:(?<=\(\?:)|(?<=\|))not\\s\+"), "write @{negation}"),
]
# (what spells the word one way, the way to write it, and what in the same
# pattern excuses it: the other spelling written as an alternative apart)
COMPOUNDS = [
    # not inside an identifier written in CamelCase ("MailboxSoftDeleted"),
    # which servers never split
    (r"(?i:mail(?:box|\\s[?*]box))(?![A-Z])", "mail[\\s-]?box", None),
    # nor inside one joined by underscores (Exim's "pubkey_unavailable")
    (r"(?i)(?:(?<=\\b)|(?<![a-z_]))unavailable", "(?:un|@{negation}\\s+)available",
     r"\\bnot\\s\+available"),
    # nor inside a CamelCase identifier ("BYOIPHostNameLookupUnavailable")
    (r"(?i:hostname)(?![A-Z])", "host\\s?name", None),
    (r"(?i)mail(?:server|\\s\+server)", "mail\\s?server", None),
    (r"(?i)time(?:out|-\?out)", "time[\\s-]?out", None),
    (r"(?i)timed\\s\+out", "timed[\\s-]+out", None),
    (r"(?i)black(?:list|-\?list)", "black[\\s-]?list", None),
    (r"(?i)\|block\)-\?list", "(?:black|block)[\\s-]?list", None),
    (r"(?<!\(\?:)e-\?mail\\s\+address", "(?:e-?)?mail\\s+address", None),
]
# the fragments that define the two-way spellings themselves
DEFINITIONS = {"@not", "@can-not", "@negation"}


def lookbehind_spans(p):
    """The [start, end] of each lookbehind in pattern p."""
    return [(m.start(), group_close(p, m.start()))
            for m in re.finditer(r"\(\?<[!=]", p) if not escaped(p, m.start())]


def problems(p):
    """What in pattern p spells a word one way only."""
    found = []
    for rx, fix in ONE_FORM:
        for m in rx.finditer(p):
            found.append("%r: %s" % (m.group(0), fix))
    spans = lookbehind_spans(p)
    for rx, fix, excuse in COMPOUNDS:
        if excuse and re.search(excuse, p):
            continue
        for m in re.finditer(rx, p):
            if not any(a <= m.start() <= b for a, b in spans):
                found.append("%r: write %s" % (m.group(0), fix))
    return found


def main(files):
    return check(files, problems, skip=DEFINITIONS)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
