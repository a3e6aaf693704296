#!/usr/bin/env python3
"""The baseline users write by hand: the built-in rules as a SQL CASE over ~*.

usage: sql_case.py RULES.tsv [--sql TABLE]

RULES.tsv is `core_bench -d`'s output (order, id, category, condition,
pattern: the core's own rule table, bounce_builtin_specs, in precedence
order). Each rule becomes one WHEN, in the same order, whose test is its
pattern translated from pcre2 to PostgreSQL's regex dialect (ARE) and
matched with ~* (case-insensitive, as the core matches):

  \\b -> \\y, \\B -> \\Y   (in ARE \\b is a backspace)
  \\x{fc} -> \\u00fc       (ARE writes a code point as \\u or \\U)
  \\p{L}, \\p{N} in a     [:alpha:], [:digit:] (the rules' word edges next to
  bracket class             letters above ASCII: (?![\\p{L}\\p{N}_]))
  (?: (?= (?! (?<= (?<!     kept: ARE has non-capturing groups and, since
                            PostgreSQL 9.6, lookahead and lookbehind
                            constraints
  (?> \\K (*VERB) \\p \\Q \\A \\z \\G, possessive quantifiers,
  named groups              no ARE equivalent: the branch is dropped

A rule is split into its top-level branches ("a|b|c"), each translated on
its own; a branch that cannot be translated, or that PostgreSQL refuses to
compile, is dropped and counted, and the rule keeps the rest (a rule with
no branch left is dropped). The code condition a rule may carry is added
in front of the text test only where it is a condition on the status
column alone (see CONDITIONS); otherwise the WHEN has the text pattern
alone. The CASE ends with ELSE 'other' (the core's fallback to the status
codes is not part of the rule set). Rules whose condition is "aside" (a
sentence the core reads past, deciding nothing) are left out.

Used as a module by bench/pg_bench.py (which validates the branches
against the server); run alone it prints the translation summary.
"""

import re
import sys

# Conditions that are a plain test of the status column, as WHEN prefixes.
# (The core also reads codes from the diagnostic; this is the hand-written
# approximation.) Conditions missing here get no prefix.
CONDITIONS = {
    "any": None,
    "transient": r"status ~ '(^|[^0-9.])4([0-9][0-9]|\.[0-9]{1,3}\.[0-9]{1,3})'",
    "x41": r"status ~ '[0-9]\.4\.1([^0-9]|$)'",
    "dbebcode": r"status ~ '([0-9]\.4\.1|5\.7\.504)([^0-9]|$)'",
    "sendercode": r"status ~ '[0-9]\.1\.[78]([^0-9]|$)'",
    # "permanent", "greycode", "nomailboxcode", "nocode", "tempornocode": they
    # combine the codes of the status and of the text (see core/classify.c):
    # pattern alone
}

UNSUPPORTED = [
    ("(?>", "atomic group"),
    ("\\K", "\\K"),
    ("(*", "(*VERB)"),
    ("\\p", "\\p{..}"),
    ("\\P", "\\P{..}"),
    ("\\Q", "\\Q..\\E"),
    ("\\A", "\\A"),
    ("\\z", "\\z"),
    ("\\Z", "\\Z"),
    ("\\G", "\\G"),
    ("(?P<", "named group"),
    ("(?'", "named group"),
]


def read_rules(path):
    """[(order, id, category, condition, pattern)] from core_bench -d, the
    deciding rules: an "aside" rule decides nothing (the core reads the text
    again without its match), which one CASE over the text cannot do."""
    rules = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                continue
            order, rid, cat, cond, pattern = line.split("\t", 4)
            if cond != "aside":
                rules.append((int(order), rid, cat, cond, pattern))
    return rules


def split_branches(p):
    """Top-level alternatives of a pcre2 pattern."""
    out, start, depth, i, in_class = [], 0, 0, 0, False
    while i < len(p):
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            if c == "[" and p.startswith("[:", i):
                end = p.find(":]", i + 2)
                if end >= 0:
                    i = end + 2
                    continue
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            if p.startswith("[^", i):
                i += 1
            if i + 1 < len(p) and p[i + 1] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
        i += 1
    out.append(p[start:])
    return out


def possessive(p):
    """Does p use a possessive quantifier (a++, a*+, a?+, a{n}+)?"""
    i = 0
    while i < len(p) - 1:
        c = p[i]
        if c == "\\":
            i += 2
            continue
        if c in "*+?}" and p[i + 1] == "+" and i > 0 and p[i - 1] != "\\":
            # "a++" / "}+"; a lone "+" after "(" or "|" is not a quantifier
            if c != "+" or (i > 0 and p[i - 1] not in "(|"):
                return True
        i += 1
    return False


CODE_POINT = re.compile(r"\\x\{([0-9a-fA-F]{1,8})\}")


def rewrite(branch):
    """branch with \\b, \\B, \\p{L} and \\p{N} (in bracket classes or not) in ARE."""
    out, i, in_class = [], 0, False
    while i < len(branch):
        c = branch[i]
        prop = {"\\p{L}": "[:alpha:]", "\\p{N}": "[:digit:]"}.get(branch[i:i + 5])
        if prop:
            out.append(prop if in_class else "[" + prop + "]")
            i += 5
            continue
        if c == "\\" and i + 1 < len(branch):
            n = branch[i + 1]
            code = CODE_POINT.match(branch, i) if n == "x" else None
            if code:
                value = int(code.group(1), 16)
                out.append("\\u%04x" % value if value <= 0xFFFF
                           else "\\U%08x" % value)
                i = code.end()
                continue
            if not in_class and n == "b":
                out.append("\\y")
            elif not in_class and n == "B":
                out.append("\\Y")
            else:
                out.append(c + n)
            i += 2
            continue
        if in_class:
            if c == "[" and branch.startswith("[:", i):
                end = branch.find(":]", i + 2)
                if end >= 0:
                    out.append(branch[i:end + 2])
                    i = end + 2
                    continue
            if c == "]":
                in_class = False
        elif c == "[":
            in_class = True
            out.append(c)
            i += 1
            if i < len(branch) and branch[i] == "^":
                out.append("^")
                i += 1
            if i < len(branch) and branch[i] == "]":
                out.append("]")
                i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def translate(branch):
    """(ARE text, None) or (None, why it cannot be translated)."""
    are = rewrite(branch)
    for needle, why in UNSUPPORTED:
        if needle in are:
            return None, why
    # named groups (?<name>...), but not lookbehinds (?<= (?<!
    j = are.find("(?<")
    while j >= 0:
        if are[j + 3:j + 4] not in ("=", "!"):
            return None, "named group"
        j = are.find("(?<", j + 1)
    if possessive(are):
        return None, "possessive quantifier"
    return are, None


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def branches_of(rules):
    """[(order, branch_no, ARE text or None, why)] for every branch."""
    out = []
    for order, _rid, _cat, _cond, pattern in rules:
        for k, b in enumerate(split_branches(pattern)):
            are, why = translate(b)
            out.append((order, k, are, why))
    return out


def case_expression(rules, kept):
    """The CASE; kept: {order: [ARE branch, ...]} (rules absent: dropped)."""
    lines = ["CASE"]
    for order, rid, cat, cond, _pattern in rules:
        if not kept.get(order):
            continue
        test = "diagnostic ~* " + sql_literal("|".join(kept[order]))
        prefix = CONDITIONS.get(cond)
        if prefix:
            test = "%s AND %s" % (prefix, test)
        lines.append("  WHEN %s THEN %s  -- %s" % (test, sql_literal(cat),
                                                  rid.replace("\n", " ")))
    lines.append("  ELSE 'other' END")
    return "\n".join(lines)


def conditions_used(rules, kept):
    """(with a status prefix, pattern alone) counts of conditional rules."""
    prefixed = alone = 0
    for order, _rid, _cat, cond, _p in rules:
        if cond == "any" or not kept.get(order):
            continue
        if CONDITIONS.get(cond):
            prefixed += 1
        else:
            alone += 1
    return prefixed, alone


def main(argv):
    if len(argv) < 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rules = read_rules(argv[1])
    br = branches_of(rules)
    kept = {}
    for order, _k, are, _why in br:
        if are is not None:
            kept.setdefault(order, []).append(are)
    dropped = [(o, k, why) for o, k, are, why in br if are is None]
    print("%d rules, %d branches; %d branches not translatable" % (
        len(rules), len(br), len(dropped)), file=sys.stderr)
    for o, k, why in dropped:
        print("  rule %d branch %d: %s" % (o, k, why), file=sys.stderr)
    if "--sql" in argv:
        print("SELECT count(%s) FROM %s;" % (case_expression(rules, kept),
                                            argv[argv.index("--sql") + 1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
