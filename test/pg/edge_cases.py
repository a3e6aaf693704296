#!/usr/bin/python3
"""test/pg/edge_cases.py OUT.tsv: inputs the corpus lacks, in corpus form.

The PostgreSQL suite classifies these with the core (corpus_test) and through
SQL, like the corpus rows, and compares: bytes that are not UTF-8 (loaded
only into the SQL_ASCII database), LATIN1 and non-LATIN1 characters, control
characters, COPY's escape characters, texts past the core's scan limit.
"expected" holds the contract's answer where the contract fixes one (status
only inputs) and "-" elsewhere: only parity is checked for those rows.
"""
import sys

ROWS = [
    (b"", b"", b"NULL", b"both absent: NULL"),
    (b"5.1.1", b"", b"invalid-mailbox", b"status only"),
    (b"552", b"", b"full-mailbox", b"status only"),
    (b"521 5.3.2", b"", b"invalid-domain", b"status only"),
    (b"450 4.1.1", b"", b"invalid-mailbox", b"status only, transient: not hard"),
    (b"4.2.2", b"", b"full-mailbox", b"status only"),
    (b"5.7.26", b"", b"dmarc-issues", b"status only"),
    (b"abc", b"", b"other", b"garbage status"),
    (b"9.9.9.9", b"", b"other", b"garbage status"),
    (b"   ", b"   ", b"other", b"white space only"),
    (b"", b"550 5.1.1 \xff\xfe user unknown \x80\xc3", b"-",
     b"not UTF-8 (SQL_ASCII only)"),
    (b"550 \xe9", b"Mailbox full: quota exceeded \xc0\xaf", b"-",
     b"not UTF-8 in both"),
    (b"", b"550 5.1.1 Destinataire inconnu: l'adresse \xc3\xa9lodie@example.fr"
     b" n'existe pas", b"-", b"LATIN1 characters"),
    (b"550", b"550 5.1.1 Utilisateur \xc3\xa0 l'\xc3\xa9tranger: Benutzer "
     b"unbekannt (\xc3\xbcber Kontingent)", b"-", b"LATIN1 characters"),
    (b"", b"550 5.1.1 \xe7\x94\xa8\xe6\x88\xb7\xe4\xb8\x8d\xe5\xad\x98"
     b"\xe5\x9c\xa8 user unknown", b"-", b"CJK: not in LATIN1"),
    (b"", b"mailbox \xf0\x9f\x93\xab full: over quota", b"-", b"4-byte UTF-8"),
    (b"", b"control \x01\x02\x1b[31m\x7f characters: 550 5.1.1 user unknown",
     b"-", b"control characters"),
    (b"", b"backslash \\ and \\N and \\. and \\t \"quoted\" 'single' 554 5.7.1",
     b"-", b"COPY escapes"),
    (b"\\N", b"\\", b"-", b"backslash fields"),
    (b"smtp; 550-5.1.1", b"smtp; 550-5.1.1 The email account that you tried "
     b"to reach does not exist.", b"-", b"status with text"),
    (b"", b"x" * 70000 + b" 550 5.1.1 user unknown", b"-",
     b"past the scan limit"),
    (b"", b"\xc3\xa9" * 33000 + b" mailbox full", b"-",
     b"two-byte characters across the scan limit"),
    (b"", b"\xe6\x97\xa5" * 22000 + b" mailbox full", b"-",
     b"three-byte characters across the scan limit"),
]


def main():
    with open(sys.argv[1], "wb") as f:
        f.write(b"id\tstatus\tdiagnostic\texpected\tsource\tnote\n")
        for n, (status, diagnostic, expected, note) in enumerate(ROWS, 1):
            f.write(b"\t".join((b"pg-edge-%02d" % n, status, diagnostic,
                                expected, b"test/pg/edge_cases.py", note)))
            f.write(b"\n")


if __name__ == "__main__":
    main()
