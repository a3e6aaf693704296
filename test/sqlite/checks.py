"""checks.py CORPUS.tsv...: the SQLite extension through Python's sqlite3.

Run by test/sqlite/run.sh from the project root with /usr/bin/python3 (it
has enable_load_extension). Prints "ok NAME" or "FAIL NAME: why" per check;
exits 1 when a check failed. Standard library only.
"""

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading

EXT = "sqlite/bounce"
CATEGORIES = [
    "invalid-mailbox", "invalid-domain", "inactive-mailbox", "full-mailbox",
    "dmarc-issues", "reputation-issues", "greylisting-issues",
    "blocklisting-issues", "relaying-issues", "routing-issues",
    "recipient-server-error", "connection-error", "policy-related",
    "message-expired", "other",
]
EXPLAIN_KEYS = ["category", "hard", "signal", "rule", "matched", "match_start",
                "match_length", "reply_code", "enhanced_code", "truncated"]

failures = 0


def report(name, ok, why=""):
    global failures
    if ok:
        print("ok   %s" % name)
    else:
        failures += 1
        print("FAIL %s: %s" % (name, why))


def check(name):
    """Run the decorated function now; an exception is a failure."""
    def run(fn):
        try:
            fn()
        except AssertionError as e:
            report(name, False, str(e) or "assertion failed")
        except Exception as e:          # a crash of the check itself
            report(name, False, "%s: %s" % (type(e).__name__, e))
        else:
            report(name, True)
        return fn
    return run


def connect(path=":memory:", **kw):
    db = sqlite3.connect(path, **kw)
    db.enable_load_extension(True)
    db.load_extension(EXT)
    db.enable_load_extension(False)
    return db


def corpus_rows(paths):
    """(id, status, diagnostic) as bytes or None, read like the core driver."""
    rows = []
    for path in paths:
        with open(path, "rb") as f:
            lines = f.read().split(b"\n")
        header = re.split(rb"[\r\n]", lines[0])[0].split(b"\t")
        ci, cs, cd = (header.index(n) for n in (b"id", b"status", b"diagnostic"))
        for line in lines[1:]:
            line = re.split(rb"[\r\n]", line)[0]
            if not line:
                continue
            cols = line.split(b"\t")
            if len(cols) <= max(cs, cd):
                continue
            rows.append((cols[ci], cols[cs] or None, cols[cd] or None))
    return rows


def as_sql(b):
    """Bytes as TEXT when they are UTF-8 without NUL, else as a BLOB."""
    if b is None:
        return None
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return b
    return b if "\0" in s else s


corpus = corpus_rows(sys.argv[1:])


@check("load: load_extension('sqlite/bounce') finds sqlite3_bounce_init")
def _():
    db = connect()
    assert db.execute("SELECT bounce_category('5.1.1', NULL)").fetchone() == ("invalid-mailbox",)


@check("load: SQL load_extension() with an explicit entry point")
def _():
    db = sqlite3.connect(":memory:")
    db.enable_load_extension(True)
    db.execute("SELECT load_extension('sqlite/bounce.so', 'sqlite3_bounce_init')")
    assert db.execute("SELECT count(*) FROM bounce_categories").fetchone() == (15,)
    try:
        db.execute("SELECT load_extension('sqlite/bounce.so', 'sqlite3_nope_init')")
    except sqlite3.OperationalError:
        pass
    else:
        raise AssertionError("a wrong entry point loaded")


@check("load: functions missing without the extension")
def _():
    db = sqlite3.connect(":memory:")
    try:
        db.execute("SELECT bounce_category('5.1.1', NULL)")
    except sqlite3.OperationalError as e:
        assert "no such function" in str(e), str(e)
    else:
        raise AssertionError("bounce_category exists without loading")


@check("bounce_version() is default_version of bounce.control")
def _():
    with open("bounce.control") as f:
        want = re.search(r"default_version\s*=\s*'([^']*)'", f.read()).group(1)
    got = connect().execute("SELECT bounce_version()").fetchone()[0]
    assert got == want, "%r != %r" % (got, want)


@check("bounce_categories: names and hard flags of the contract, in order")
def _():
    rows = connect().execute(
        "SELECT rowid, name, hard, description FROM bounce_categories").fetchall()
    assert [r[1] for r in rows] == CATEGORIES, rows
    assert [r[0] for r in rows] == list(range(1, 16))
    assert [r[1] for r in rows if r[2]] == ["invalid-mailbox", "invalid-domain"]
    assert all(isinstance(r[3], str) and r[3] for r in rows)


@check("is_hard_bounce(category): unknown names raise the shared error text")
def _():
    db = connect()
    cases = {
        "nope": 'unknown bounce category "nope"',
        "": 'unknown bounce category ""',
        "x" * 100: 'unknown bounce category "%s"' % ("x" * 64),
        "é" * 40: 'unknown bounce category "%s"' % ("é" * 32),
        " invalid_mailbox ": 'unknown bounce category " invalid_mailbox "',
    }
    for name, want in cases.items():
        try:
            db.execute("SELECT is_hard_bounce(?)", (name,)).fetchone()
        except sqlite3.OperationalError as e:
            assert str(e) == want, "%r: %r != %r" % (name, str(e), want)
        else:
            raise AssertionError("%r: no error" % name)
    # the connection is still usable
    assert db.execute("SELECT is_hard_bounce(' Invalid-Domain\t')").fetchone() == (1,)


@check("binary inputs: random bytes never error, always a category")
def _():
    db = connect()
    rng = random.Random(7)
    names = set(CATEGORIES)
    for i in range(3000):
        n = rng.choice([0, 1, 2, 5, 20, 200, 2000])
        diag = bytes(rng.randrange(256) for _ in range(n))
        status = rng.choice([None, b"", b"550", b"5.1.1", b"\x00\xff", 552, -1, 2.5,
                             bytes(rng.randrange(256) for _ in range(8))])
        cat, hard, exp = db.execute(
            "SELECT bounce_category(?1, ?2), is_hard_bounce(?1, ?2), bounce_explain(?1, ?2)",
            (status, diag)).fetchone()
        assert cat in names, (status, diag, cat)
        assert hard in (0, 1)
        e = json.loads(exp)
        assert list(e) == EXPLAIN_KEYS, list(e)
        assert e["category"] == cat and e["hard"] == bool(hard)


@check("binary inputs: a BLOB and the same bytes as TEXT agree")
def _():
    db = connect()
    for _, status, diag in corpus[:400]:
        if diag is None or not isinstance(as_sql(diag), str):
            continue
        s = as_sql(status)
        a = db.execute("SELECT bounce_explain(?, ?)", (s, diag)).fetchone()
        b = db.execute("SELECT bounce_explain(?, ?)", (s, diag.decode())).fetchone()
        assert a == b, (status, diag, a, b)


@check("explain: JSON keys, agreement with bounce_category/is_hard_bounce on the corpus")
def _():
    db = connect()
    n = 0
    for _, status, diag in corpus:
        s, d = as_sql(status), as_sql(diag)
        cat, hard, exp = db.execute(
            "SELECT bounce_category(?1, ?2), is_hard_bounce(?1, ?2), bounce_explain(?1, ?2)",
            (s, d)).fetchone()
        if exp is None:
            assert status is None and diag is None and cat is None and hard is None
            continue
        e = json.loads(exp)
        assert list(e) == EXPLAIN_KEYS, list(e)
        assert e["category"] == cat and e["hard"] == bool(hard), (status, diag, exp)
        assert e["signal"] in ("rule", "enhanced", "reply", "none")
        assert (e["rule"] is None) == (e["signal"] != "rule")
        n += 1
    assert n > 0, "no corpus rows"


@check("encodings: a UTF-16 database gives the answers of a UTF-8 one")
def _():
    rows = [(as_sql(s), as_sql(d)) for _, s, d in corpus if as_sql(d).__class__ is not bytes]
    rows += [("552", "Postfach voll: ü€𝄞"), (550, None)]
    query = "SELECT bounce_category(s, d), is_hard_bounce(s, d), bounce_explain(s, d) FROM t ORDER BY rowid"
    got = []
    for enc in ("UTF-8", "UTF-16le", "UTF-16be"):
        db = connect()
        db.execute("PRAGMA encoding = '%s'" % enc)
        db.execute("CREATE TABLE t (s, d)")
        db.executemany("INSERT INTO t VALUES (?, ?)", rows)
        assert db.execute("PRAGMA encoding").fetchone()[0] == enc
        got.append(db.execute(query).fetchall())
    assert got[0] == got[1] == got[2]
    assert len(got[0]) > 2


@check("threads: 8 threads on their own connections agree with one thread")
def _():
    rows = [(as_sql(s), as_sql(d)) for _, s, d in corpus]
    rows += [(None, None), ("552", None), (550, b"\x00\xff"), ("", "")]
    if os.path.exists("test/data/sample-bounces.tsv"):
        with open("test/data/sample-bounces.tsv", encoding="utf-8") as f:
            for line in list(f)[1:1001]:
                cols = line.rstrip("\n").split("\t")
                rows.append((cols[4] or None, cols[5] or None))
    query = "SELECT bounce_category(?1, ?2), is_hard_bounce(?1, ?2), bounce_explain(?1, ?2)"
    db = connect()
    want = [db.execute(query, r).fetchone() for r in rows]
    db.close()
    results = [None] * 8
    errors = []
    start = threading.Barrier(8)

    def work(k):
        try:
            conn = connect(check_same_thread=False)
            start.wait()
            got = []
            for _ in range(3):
                got = [conn.execute(query, r).fetchone() for r in rows]
            results[k] = got
            conn.close()
        except Exception as e:      # reported below
            errors.append(repr(e))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    for k, got in enumerate(results):
        assert got == want, "thread %d differs" % k
    assert len(want) > 100, "too few rows (%d)" % len(want)


@check("connections: many open and close in any order, each keeps working")
def _():
    rng = random.Random(3)
    conns = [connect() for _ in range(40)]
    rng.shuffle(conns)
    while conns:
        conns.pop().close()
        for c in conns[:3]:
            assert c.execute("SELECT bounce_category('552', NULL)").fetchone() == ("full-mailbox",)
    db = connect()
    for _ in range(20):         # reloading replaces the functions cleanly
        db.enable_load_extension(True)
        db.load_extension(EXT)
    assert db.execute("SELECT is_hard_bounce('5.1.1', NULL)").fetchone() == (1,)
    db.close()


@check("schema: generated columns, indexes, CHECK, view and trigger survive a reopen with trusted_schema off")
def _():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bounces.db")
        db = connect(path)
        db.executescript("""
            PRAGMA trusted_schema = OFF;
            CREATE TABLE b (id INTEGER PRIMARY KEY, status TEXT, diagnostic BLOB,
                category TEXT GENERATED ALWAYS AS (bounce_category(status, diagnostic)) STORED,
                hard INTEGER GENERATED ALWAYS AS (is_hard_bounce(status, diagnostic)) VIRTUAL,
                CHECK (category IS NOT NULL OR (status IS NULL AND diagnostic IS NULL)));
            CREATE INDEX b_cat ON b (bounce_category(status, diagnostic));
            CREATE VIEW b_hard AS SELECT id FROM b WHERE is_hard_bounce(category);
            CREATE TABLE log (id INTEGER, category TEXT);
            CREATE TRIGGER b_ins AFTER INSERT ON b BEGIN
                INSERT INTO log VALUES (new.id, bounce_category(new.status, new.diagnostic));
            END;
            CREATE VIEW cats AS SELECT name FROM bounce_categories;
        """)
        db.execute("INSERT INTO b (status, diagnostic) VALUES ('5.1.1', NULL)")
        db.commit()
        db.close()

        db = connect(path)
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("INSERT INTO b (status, diagnostic) VALUES ('552', ?)", (b"\x00\xffmailbox",))
        db.execute("INSERT INTO b (status, diagnostic) VALUES (NULL, NULL)")
        db.commit()
        got = db.execute("SELECT id, category, hard FROM b ORDER BY id").fetchall()
        assert got == [(1, "invalid-mailbox", 1), (2, "full-mailbox", 0), (3, None, None)], got
        assert db.execute("SELECT * FROM log ORDER BY id").fetchall() == \
            [(1, "invalid-mailbox"), (2, "full-mailbox"), (3, None)]
        assert db.execute("SELECT * FROM b_hard").fetchall() == [(1,)]
        assert db.execute("SELECT count(*) FROM cats").fetchone() == (15,)
        plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM b "
                          "WHERE bounce_category(status, diagnostic) = 'other'").fetchall()
        assert any("USING INDEX b_cat" in r[-1] for r in plan), plan
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()

        # without the extension the schema cannot be evaluated: a clear error
        db = sqlite3.connect(path)
        try:
            db.execute("INSERT INTO b (status, diagnostic) VALUES ('552', NULL)")
        except sqlite3.OperationalError as e:
            assert "unknown function: bounce_category()" in str(e), str(e)
        else:
            raise AssertionError("insert worked without the extension")
        db.close()


@check("sample: test/data/sample-bounces.tsv has 2,000+ rows covering every category")
def _():
    path = "test/data/sample-bounces.tsv"
    with open(path, "rb") as f:
        lines = f.read().split(b"\n")
    assert lines[0] == b"id\tsent_at\trecipient\tdomain\tstatus\tdiagnostic", lines[0]
    assert lines[-1] == b"", "no final newline"
    rows = [l.split(b"\t") for l in lines[1:-1]]
    assert len(rows) >= 2000, "%d rows" % len(rows)
    assert all(len(r) == 6 for r in rows), "a row without 6 fields"
    assert [int(r[0]) for r in rows] == list(range(1, len(rows) + 1)), "ids not 1..N"
    db = connect()
    db.execute("CREATE TABLE s (status, diagnostic)")
    db.executemany("INSERT INTO s VALUES (?, ?)",
                   [(r[4].decode() or None, r[5].decode() or None) for r in rows])
    got = dict(db.execute("SELECT bounce_category(status, diagnostic), count(*) "
                          "FROM s GROUP BY 1").fetchall())
    missing = [c for c in CATEGORIES if c not in got]
    assert not missing, "no rows of %s" % ", ".join(missing)


@check("generate.py: same seed, same file; another seed, another file")
def _():
    if not corpus:
        raise AssertionError("no corpus")
    with tempfile.TemporaryDirectory() as tmp:
        outs = []
        for seed in (1, 1, 2):
            out = os.path.join(tmp, "s%d-%d.tsv" % (seed, len(outs)))
            subprocess.run([sys.executable, "test/data/generate.py", "-n", "500",
                            "-s", str(seed), "-o", out] + sys.argv[1:],
                           check=True, stderr=subprocess.DEVNULL)
            with open(out, "rb") as f:
                outs.append(f.read())
        assert outs[0] == outs[1], "same seed, different output"
        assert outs[0] != outs[2], "different seeds, same output"
        assert outs[0].count(b"\n") == 501


sys.exit(1 if failures else 0)
