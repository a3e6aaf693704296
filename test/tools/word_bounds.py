#!/usr/bin/env python3
"""word_bounds.py: no rule puts \\b next to a letter that is not ASCII.

The rules run in pcre2's UTF mode without UCP, where \\w, and so \\b, know
ASCII only: between "é" and a space or the end of the text there is no
word boundary, so "expir(?:é|e)\\b" never matches "expiré". A word edge
next to such a letter is written (?![\\p{L}\\p{N}_]) after it and
(?<![\\p{L}\\p{N}_]) before it.

Nor does a \\b stand before an alternative that starts a contraction: in
"wasn't" there is no word edge between "s" and "n't", so "\\b(?:not|n't)"
never matches it; such a group is written "(?:\\bnot|n't)".

usage: word_bounds.py FILE.rules...

For every \\b in every pattern, the characters that can stand just before
it (the ends of the alternatives of the groups it follows) and just after
it (the starts of those it precedes) are worked out from the pattern's
text; a literal character above U+007F among them is a failure. Prints one
line per failure and "N passed, N failed" (N: the \\b checked).
"""
import os
import re
import sys

# the top-level alternatives of a pattern, as the bench's SQL CASE splits them
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "..", "bench"))
from sql_case import split_branches as alternatives  # noqa: E402


def group_open(p, close):
    """Index of the '(' that the ')' at close ends."""
    depth = 0
    for i in range(close, -1, -1):
        if p[i] in '()' and not escaped(p, i):
            depth += 1 if p[i] == ')' else -1
            if depth == 0:
                return i
    return -1


def parens(p, start=0):
    """Indices of the '(' and ')' of pattern p from start on that open or
    close a group: not escaped, not in a character class."""
    i = start
    while i < len(p):
        if p[i] == '\\':
            i += 2
            continue
        if p[i] == '[':
            i = class_end(p, i) + 1
            continue
        if p[i] in '()':
            yield i
        i += 1


def group_close(p, open_):
    """Index of the ')' that ends the '(' at open_."""
    depth = 0
    for i in parens(p, open_):
        depth += 1 if p[i] == '(' else -1
        if depth == 0:
            return i
    return -1


def class_end(p, i):
    """Index of the ']' closing the class that starts at i."""
    j = i + 1
    if j < len(p) and p[j] == '^':
        j += 1
    if j < len(p) and p[j] == ']':
        j += 1
    while j < len(p) and p[j] != ']':
        j += 2 if p[j] == '\\' else 1
    return j


def escaped(p, i):
    n = 0
    while i - n - 1 >= 0 and p[i - n - 1] == '\\':
        n += 1
    return n % 2 == 1


def group_body(s):
    """A group's text without its opening "(?:" or "(?>"; None for others."""
    if s.startswith('(?:') or s.startswith('(?>'):
        return s[3:]
    if s.startswith('(?'):
        return None             # a lookaround or option: not a character
    return s[1:]


def last_chars(s):
    """The characters that can end a match of s (as pattern text)."""
    while s and s[-1] in '?*+' and not escaped(s, len(s) - 1):
        s = s[:-1]
    if s.endswith('}') and '{' in s:
        s = s[:s.rindex('{')]
    if not s:
        return set()
    if s[-1] == ')' and not escaped(s, len(s) - 1):
        o = group_open(s, len(s) - 1)
        body = group_body(s[o:-1])
        if body is None:
            return last_chars(s[:o])
        return set().union(*(last_chars(a) for a in alternatives(body)))
    if s[-1] == ']' and not escaped(s, len(s) - 1):
        return {s[s.rindex('['):]}
    if len(s) >= 2 and escaped(s, len(s) - 1):
        return {s[-2:]}
    return {s[-1]}


def alternative_starts(s):
    """The pattern text at which each alternative of s can start (groups
    opened, lookarounds and options skipped)."""
    if not s:
        return []
    if s[0] == '(':
        c = group_close(s, 0)
        body = group_body(s[:c])
        if body is None:
            return alternative_starts(s[c + 1:])
        return [x for a in alternatives(body) for x in alternative_starts(a)]
    return [s]


def first_chars(s):
    """The characters that can start a match of s (as pattern text)."""
    chars = set()
    for a in alternative_starts(s):
        if a[0] == '[':
            chars.add(a[:class_end(a, 0) + 1])
        elif a[0] == '\\':
            chars.add(a[:2])
        else:
            chars.add(a[0])
    return chars


def starts_contraction(s):
    """Whether some alternative of s starts with "n't" (also n'?t, n['’]t)."""
    return any(re.match(r"n(?:'|’|\[['’]+\])\??t", a)
               for a in alternative_starts(s))


def word_bound_failures(pattern):
    """(offset, characters) for each \\b next to a letter above ASCII."""
    found = []
    i = 0
    while i < len(pattern):
        if pattern[i] == '[':
            i = class_end(pattern, i) + 1
            continue
        if pattern[i] != '\\':
            i += 1
            continue
        if pattern[i + 1:i + 2] == 'b':
            left = pattern[:i]
            # only what stands in the same alternative counts
            before = set() if not left or left[-1] in '|(' else last_chars(left)
            after = first_chars(pattern[i + 2:])
            wide = sorted(c for c in before | after if len(c) == 1 and ord(c) > 0x7F)
            if starts_contraction(pattern[i + 2:]):
                wide.append("n't")
            found.append((i, wide))
        i += 2
    return found


def main(paths):
    passed = failed = 0
    fragments = {}  # @name -> pattern, expanded (core/rulegen.c)

    def expand(pattern):
        return re.sub(r'@\{([a-z0-9._-]+)\}',
                      lambda m: fragments.get(m.group(1), m.group(0)), pattern)

    for path in paths:
        with open(path, encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                fields = line.rstrip('\n').split('\t')
                if line.startswith('@') and len(fields) >= 2:
                    fragments[fields[0][1:]] = expand(fields[-1])
                    continue
                if line.startswith('#') or len(fields) < 4:
                    continue
                for offset, wide in word_bound_failures(expand(fields[3])):
                    if not wide:
                        passed += 1
                        continue
                    failed += 1
                    print('FAIL %s:%d %s: \\b at offset %d next to %s, which \\b '
                          'does not see as a letter (before "n\'t": no word '
                          'edge after a letter)' %
                          (path, lineno, fields[0], offset, ' '.join(wide)))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
