#!/usr/bin/python3
"""test/pg/prepare.py: the corpus and the core's answers as the PostgreSQL
tests load them.

usage: prepare.py OUTDIR CORE_RESULTS CORPUS.tsv...

CORE_RESULTS is what `corpus_test -o` wrote for the same CORPUS files: one
line per corpus row, id<TAB>category<TAB>hard<TAB>rule_id, category and hard
"NULL" when both inputs were NULL, rule_id empty when no rule decided.

Rows are taken exactly as corpus_test takes them, so that row N here is
line N of CORE_RESULTS (checked through the ids): a line ends at the first
CR or LF, blank lines are skipped, at most 16 tab-separated columns found
by the header's names, rows with too few columns skipped, a field ends at
a NUL byte, and an empty field is NULL.

Writes COPY text-format files (backslashes escaped, \\N for NULL), so
quotes and backslashes in diagnostics arrive as they are:

  corpus-all.tsv     seq, id, status, diagnostic: every row, bytes as in
                     the files (loaded into a SQL_ASCII database)
  corpus-utf8.tsv    the rows that are valid UTF-8 (a UTF8 database)
  corpus-latin1.tsv  the rows whose characters all exist in LATIN1, still
                     UTF-8 encoded (COPY converts them for a LATIN1 database)
  core.tsv           seq, id, category, hard, rule: the core's answers
"""
import os
import sys

MAXCOLS = 16


def lines_of(path):
    with open(path, "rb") as f:
        data = f.read()
    for lineno, line in enumerate(data.split(b"\n"), 1):
        yield lineno, line.split(b"\r", 1)[0]


def field(cols, i):
    value = cols[i].split(b"\0", 1)[0]
    return value if value else None


def copy_text(value):
    if value is None:
        return b"\\N"
    return value.replace(b"\\", b"\\\\")


def row_line(values):
    return b"\t".join(copy_text(v) for v in values) + b"\n"


def corpus_rows(path):
    rows = lines_of(path)
    try:
        _, header = next(rows)
    except StopIteration:
        sys.exit("%s: empty file" % path)
    names = header.split(b"\t", MAXCOLS - 1)
    try:
        cid, cstatus, cdiag, cexp = (names.index(n) for n in
                                     (b"id", b"status", b"diagnostic", b"expected"))
    except ValueError:
        sys.exit("%s: header lacks id/status/diagnostic/expected" % path)
    for _, line in rows:
        if not line:
            continue
        cols = line.split(b"\t", MAXCOLS - 1)
        if len(cols) <= max(cexp, cdiag, cstatus):
            continue            # corpus_test reports it and writes no line
        yield cols[cid].split(b"\0", 1)[0], field(cols, cstatus), field(cols, cdiag)


def valid_utf8(*values):
    try:
        for v in values:
            if v is not None:
                v.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def latin1(*values):
    try:
        for v in values:
            if v is not None:
                v.decode("utf-8").encode("latin-1")
    except (UnicodeDecodeError, UnicodeEncodeError):
        return False
    return True


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    outdir, core_path, corpus = sys.argv[1], sys.argv[2], sys.argv[3:]
    with open(core_path, "rb") as f:
        core = [line.split(b"\t") for line in f.read().split(b"\n") if line]
    out = {name: open(os.path.join(outdir, name), "wb") for name in
           ("corpus-all.tsv", "corpus-utf8.tsv", "corpus-latin1.tsv", "core.tsv")}
    seq = 0
    for path in corpus:
        for rid, status, diag in corpus_rows(path):
            if seq >= len(core):
                sys.exit("%s: more corpus rows than lines in %s" % (path, core_path))
            answer = core[seq]
            if len(answer) != 4 or answer[0] != rid:
                sys.exit("%s: row %d is %r here, %r in %s"
                         % (path, seq + 1, rid, answer[0], core_path))
            seq += 1
            number = str(seq).encode()
            line = row_line((number, rid, status, diag))
            out["corpus-all.tsv"].write(line)
            if valid_utf8(rid, status, diag):
                out["corpus-utf8.tsv"].write(line)
            if latin1(rid, status, diag):
                out["corpus-latin1.tsv"].write(line)
            category = None if answer[1] == b"NULL" else answer[1]
            hard = None if answer[2] == b"NULL" else answer[2]
            out["core.tsv"].write(row_line((number, rid, category, hard,
                                            answer[3] or None)))
    if seq != len(core):
        sys.exit("%s has %d lines, the corpus %d rows" % (core_path, len(core), seq))
    for f in out.values():
        f.close()


if __name__ == "__main__":
    main()
