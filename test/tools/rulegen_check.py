"""rulegen_check.py RULEGEN [CC LIBS]: the rules-file compiler accepts what
docs/rules.md describes and refuses, naming the line, what it says it refuses.

Each case is a small rules file; a good one must compile (exit 0) to the
patterns given, with fragments expanded; a bad one must fail (exit 1) with
the message given on stderr.

With CC (a compile command, flags included) and LIBS (pcre2's), the
analysis tool (core/factorgen.c) is built over the table of a small rules
file, as the build does over the built-in one: it must write a branch's
literals for a good file, and for a pattern pcre2 refuses fail the build,
naming the rule.
"""
import os
import subprocess
import sys
import tempfile

LONG_PATTERN = "|".join("w%05d" % i for i in range(4000))  # 27,999 bytes

GOOD = [
    ("# a rule\nr.one\tother\tany\tuser\\s+unknown\n", ["user\\\\s+unknown"]),
    ("# a fragment\n@tail\t\\s*$\n# a rule using it\nr.one\tother\tany\tok@{tail}\n",
     ["ok\\\\s*$"]),
    ("# one fragment\n@a\tx\n# another, using it\n@b\t@{a}y\n# a rule\n"
     "r.one\tother\tany\t@{b}|@{a}\n", ["xy|x"]),
    ("## a heading\n\n# a rule\nr.one\tother\ttransient\tabc\n", ["abc"]),
    # a line longer than any fixed buffer (rules grow past 8 KB)
    ("# a long rule\nr.one\tother\tany\t" + LONG_PATTERN + "\n", [LONG_PATTERN]),
]
BAD = [
    ("r.one\tother\tany\tabc\n", "rule without a comment"),
    ("# a rule\nR.one\tother\tany\tabc\n", "bad rule id"),
    ("# a rule\nr.one\tnonsense\tany\tabc\n", "unknown category"),
    ("# a rule\nr.one\tother\tsometimes\tabc\n", "unknown condition"),
    ("# a rule\nr.one\tother\tany\t\n", "empty pattern"),
    ("# a\nr.one\tother\tany\tabc\n# b\nr.one\tother\tany\tdef\n",
     "duplicate rule id"),
    ("# a rule\nr.one\tother\tany\tx@{nope}\n", "unknown fragment"),
    ("@tail\t$\n", "fragment without a comment"),
    ("# a\n@tail\t$\n# b\n@tail\t$\n", "duplicate fragment"),
    ("# a\n@tail\n", "bad fragment"),
]


def run(rulegen, text):
    with tempfile.NamedTemporaryFile("w", suffix=".rules", delete=False,
                                     encoding="utf-8") as f:
        f.write(text)
    try:
        p = subprocess.run([rulegen, f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    return p


FACTORGEN_SRCS = ["core/factorgen.c", "core/factor.c", "core/utf8.c",
                  "core/branches.c"]
FACTORGEN_CASES = [
    # (rules file, exit status, text expected in stdout or stderr)
    ("# a rule\nr.one\tother\tany\tuser\\s+unknown|mailbox\\s+full\n", 0,
     "bounce_builtin_factor_rule_count = 1;"),
    ("# a rule\nr.one\tother\tany\tuser\\s+unknown|mailbox\\s+full\n", 0,
     "user unknown"),
    # two branches that compile apart are two entries ...
    ("# a rule\nr.one\tother\tany\tuser\\s+unknown|mailbox\\s+full\n", 0,
     "\t0, 2,\n};"),
    # ... and a rule whose second branch names the first's group stays one
    ("# a rule\nr.one\tother\tany\t(?<n>ab)x|\\k<n>y\n", 0, "\t0, 1,\n};"),
    ("# a rule\nr.good\tother\tany\tabc\n# another\nr.bad\tother\tany\tfoo(bar\n",
     1, "(r.bad): the pattern does not compile"),
]


def factorgen_cases(rulegen, cc, libs):
    """(passed, failed) over FACTORGEN_CASES."""
    passed = failed = 0
    for text, status, want in FACTORGEN_CASES:
        with tempfile.TemporaryDirectory() as d:
            rules = os.path.join(d, "t.rules")
            table = os.path.join(d, "t.c")
            exe = os.path.join(d, "factorgen")
            with open(rules, "w", encoding="utf-8") as f:
                f.write(text)
            with open(table, "w", encoding="utf-8") as f:
                f.write(subprocess.run([rulegen, rules], capture_output=True,
                                       text=True, check=True).stdout)
            build = subprocess.run(cc.split() + ["-Icore", "-o", exe] +
                                   FACTORGEN_SRCS + [table] + libs.split(),
                                   capture_output=True, text=True)
            p = build if build.returncode else \
                subprocess.run([exe], capture_output=True, text=True)
            ok = build.returncode == 0 and p.returncode == status and \
                want in (p.stdout if status == 0 else p.stderr)
        passed += ok
        failed += not ok
        if not ok:
            print("FAIL factorgen on %r: exit %d, want %d and %r: %s"
                  % (text, p.returncode, status, want, p.stderr.strip()[:300]))
    return passed, failed


def main(rulegen, cc=None, libs=""):
    passed = failed = 0
    for text, patterns in GOOD:
        p = run(rulegen, text)
        ok = p.returncode == 0 and all('"%s"' % want in p.stdout for want in patterns)
        passed += ok
        failed += not ok
        if not ok:
            print("FAIL good file refused or mis-expanded: %r: %s" % (text, p.stderr.strip()))
    for text, message in BAD:
        p = run(rulegen, text)
        ok = p.returncode == 1 and message in p.stderr and ":" in p.stderr
        passed += ok
        failed += not ok
        if not ok:
            print("FAIL bad file not refused with %r: %r (exit %d, %s)"
                  % (message, text, p.returncode, p.stderr.strip()))
    if cc:
        p_ok, p_bad = factorgen_cases(rulegen, cc, libs)
        passed += p_ok
        failed += p_bad
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
