#!/usr/bin/env python3
"""perturb.py: how many answers change when texts are spelt another way.

Servers write the same words in more than one way: "is not" and "isn't",
"mailbox" and "mail box", "timeout" and "time-out", an address with or
without angle brackets, straight or typographic double quotes. For each
such rewrite, every labelled text the rewrite touches is classified as
written and as rewritten (by build/test/corpus_test -o), and the rows
whose category changes are counted. A rule that generalises keeps them
all; the counts are advice for rule authors (docs/rules.md quotes them),
not a test.

usage: perturb.py CORPUS_TEST FILE.tsv... [-- FAMILY...]

Prints, per family, the rows it touched and the rows whose category
changed, with a few examples.
"""
import csv
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spellings import AUXILIARIES  # noqa: E402

csv.field_size_limit(1 << 30)


def keep_case(m, word):
    """word written in the case of the text m matched."""
    s = m.group(0)
    if s.isupper():
        return word.upper()
    if s[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def words(pairs):
    """Rewrites of whole words, keeping the case of what they replace."""
    compiled = [(re.compile(r"\b%s\b" % p, re.I), w) for p, w in pairs]

    def rewrite(text):
        for rx, w in compiled:
            text = rx.sub(lambda m, w=w: keep_case(m, w), text)
        return text
    return rewrite


def regex(pattern, replacement):
    rx = re.compile(pattern)
    return lambda text: rx.sub(replacement, text)


def curly_double_quotes(text):
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

FAMILIES = {
    "contracted": words([(a + r"\s+not", a + "n't") for a in AUXILIARIES] +
                        [("cannot", "can't"), (r"will\s+not", "won't")]),
    "written-out": words([(a + "n't", a + " not") for a in AUXILIARIES] +
                         [("can't", "cannot"), ("won't", "will not")]),
    "mail-box": words([("mailbox", "mail box"), ("mailboxes", "mail boxes")]),
    "mail-hyphen-box": words([("mailbox", "mail-box"), ("mailboxes", "mail-boxes")]),
    "log-in": words([("login", "log-in"), ("logins", "log-ins")]),
    "not-available": words([("unavailable", "not available")]),
    "time-out": words([("timeout", "time-out"), (r"timed\s+out", "timed-out")]),
    "time-space-out": words([("timeout", "time out")]),
    "host-name": words([("hostname", "host name")]),
    "hostname": words([(r"host\s+name", "hostname")]),
    "mailserver": words([(r"mail\s+server", "mailserver")]),
    "mail-server": words([("mailserver", "mail server")]),
    "black-list": words([("blacklist", "black list"),
                         ("blacklisted", "black listed")]),
    "mail-address": words([(r"e-?mail\s+address", "mail address")]),
    "over-quota": words([(r"over\s+quota", "over-quota")]),
    "overquota": words([(r"over[\s-]quota", "overquota")]),
    "non-existent": words([("nonexistent", "non-existent"),
                           ("non-existent", "nonexistent"),
                           ("non-existing", "nonexisting")]),
    "anti-spam": words([("antispam", "anti-spam"), ("anti-spam", "antispam")]),
    "spaced-anti-spam": words([(r"anti-?spam", "anti spam")]),
    "white-list": words([("whitelist", "white list"),
                         ("whitelisted", "white listed")]),
    "e-mail": words([("email", "e-mail"), ("e-mail", "email")]),
    "set-up": words([("setup", "set-up")]),
    "sign-in": words([("signin", "sign-in"), (r"sign\s+in", "sign-in")]),
    "spam-hyphen": words([(r"spam\s+filter", "spam-filter"),
                          (r"spam\s+filters", "spam-filters")]),
    "no-angle-brackets": regex(r"<(%s)>" % ADDRESS, r"\1"),
    "angle-brackets": regex(r"(?<![<\w.+-])(%s)(?![>\w])" % ADDRESS, r"<\1>"),
    "curly-double-quotes": curly_double_quotes,
}


def read_rows(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                rows.append((r["id"], r.get("status") or "",
                             r.get("diagnostic") or ""))
    return rows


def classify(corpus_test, rows, workdir, name):
    """id -> category for rows [(id, status, diagnostic)]."""
    src = os.path.join(workdir, name + ".tsv")
    out = os.path.join(workdir, name + ".out")
    with open(src, "w", encoding="utf-8") as f:
        f.write("id\tstatus\tdiagnostic\texpected\n")
        for rid, status, text in rows:
            f.write("%s\t%s\t%s\tother\n" % (rid, status, text))
    subprocess.run([corpus_test, "-q", "-o", out, src],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as f:
        return {line.split("\t")[0]: line.split("\t")[1] for line in f}


def main(argv):
    if "--" in argv:
        cut = argv.index("--")
        argv, chosen = argv[:cut], argv[cut + 1:]
    else:
        chosen = list(FAMILIES)
    corpus_test, paths = argv[0], argv[1:]
    rows = read_rows(paths)
    with tempfile.TemporaryDirectory() as workdir:
        written = classify(corpus_test, rows, workdir, "written")
        for name in chosen:
            rewrite = FAMILIES[name]
            changed_rows = []
            for rid, status, text in rows:
                new = rewrite(text)
                if new != text and "\t" not in new and "\n" not in new:
                    changed_rows.append((rid, status, new))
            rewritten = classify(corpus_test, changed_rows, workdir, name)
            moved = [(rid, written[rid], rewritten.get(rid), new)
                     for rid, _, new in changed_rows
                     if rewritten.get(rid) != written[rid]]
            print("%-20s %5d touched %4d changed" %
                  (name, len(changed_rows), len(moved)))
            for rid, before, after, new in moved[:5]:
                print("    %s: %s -> %s | %s" % (rid, before, after, new[:120]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
