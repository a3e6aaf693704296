#!/usr/bin/env python3
"""PostgreSQL part of "make bench"; bench/run.py runs it inside pg_virtualenv.

usage: pg_bench.py --rows ROWS.tsv --rules RULES.tsv --floor FLOOR.so
                   --out OUT.json [--reps 5] [--case-rows 300]
                   [--case-reps 3] [--flat-calls 10000000]

Needs the bounce extension installed into the server (make install) and a
server reachable with the PG* environment pg_virtualenv sets. One psql
session does the timing, in one backend, with max_parallel_workers_per_gather
= 0 and jit = off; psql's \\timing gives each query's elapsed time.

Tables (both hold only the two columns the functions read):
  t       every row of ROWS.tsv (status, diagnostic; empty field = NULL)
  t_case  its first --case-rows rows, for the SQL CASE baseline, whose cost
          per row is far too high for the whole table; cut, after the
          CASE is timed on its first 3 rows, to the rows one pass does in
          --case-seconds of CPU (at least 3)

Queries, all "SELECT count(EXPR) FROM t", repeated --reps times, the order
reversed every other repetition so that drift cancels:
  count     count(*)                                   the scan alone
  length    count(length(diagnostic))                  the target's baseline
  floor     count(bench_floor(status, diagnostic))     a C function with the
            same arguments and result as bounce_category that does not
            classify (bench/pg_floor.c): PostgreSQL's cost per call
  phrase    count(diagnostic ~* '\\yuser\\s+unknown\\y')  one built-in
            phrase, tested as the CASE baseline tests each of its branches
  bounce    count(bounce_category(status, diagnostic))
and over t_case: case (the rules as a CASE over ~*, bench/sql_case.py),
bounce and length; then, once each, the CASE cut to its first 30 and to its
first 40 rules (case30, case40), either side of the 32 compiled regexes
PostgreSQL caches per backend.

Each query's time is taken twice: the backend's CPU time (/proc/PID/
schedstat, which other processes on the machine do not inflate) and the
elapsed time psql's \timing reports.

Memory: the backend's RssAnon (/proc/PID/status) and the total of
pg_backend_memory_contexts after the warm-up and after --flat-calls calls
of bounce_category in the same backend (the timed runs included). The CASE
runs in a second backend, since the regexes it compiles stay in memory.

Python standard library only; psql is the client.
"""

import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sql_case  # noqa: E402

# one built-in phrase as a CASE branch would test it (bench/sql_case.py: \b -> \y)
PHRASE_RE = "\\yuser\\s+unknown\\y"

# rows the CASE is first timed on, and the fewest it is kept on
CASE_PROBE_ROWS = 3

COPY_OPTS = "(FORMAT csv, DELIMITER E'\\t', QUOTE E'\\x01', NULL '', HEADER true)"


class Psql:
    """One psql process: statements in, their output lines back."""

    def __init__(self):
        self.p = subprocess.Popen(
            ["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, bufsize=1)

    def run(self, sql):
        self.p.stdin.write(sql.rstrip() + "\n\\echo __bench_end__\n")
        self.p.stdin.flush()
        lines = []
        while True:
            line = self.p.stdout.readline()
            if line == "":
                raise RuntimeError("psql stopped:\n" + "\n".join(lines[-30:]))
            line = line.rstrip("\n")
            if line == "__bench_end__":
                return lines
            lines.append(line)

    def value(self, sql):
        out = [l for l in self.run(sql) if l.strip()]
        return out[-1] if out else None

    def timed(self, sql):
        """Elapsed milliseconds of one statement (psql's \\timing)."""
        out = self.run("\\timing on\n%s\n\\timing off" % sql)
        for line in out:
            m = re.match(r"Time: ([0-9.]+) ms", line)
            if m:
                return float(m.group(1))
        raise RuntimeError("no timing in: %r" % out)

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def cpu_ms(pid):
    """CPU time the process has run, in ms (/proc/PID/schedstat, ns)."""
    with open("/proc/%d/schedstat" % pid) as f:
        return int(f.read().split()[0]) / 1e6


def rss_anon_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("RssAnon:"):
                return int(line.split()[1])
    return -1


def write_csv(path, rows):
    """Rows of fields for COPY with QUOTE \\x01 (no field holds \\t or \\n)."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join("c%d" % i for i in range(len(rows[0]))) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", required=True)
    ap.add_argument("--rules", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--work", default=None)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--case-rows", type=int, default=300)
    ap.add_argument("--case-reps", type=int, default=3)
    ap.add_argument("--case-seconds", type=float, default=60.0)
    ap.add_argument("--flat-calls", type=int, default=10000000)
    args = ap.parse_args()
    work = args.work or os.path.dirname(os.path.abspath(args.out))
    rows_file = os.path.abspath(args.rows)
    with open(rows_file, encoding="utf-8") as f:
        head = f.readline().rstrip("\n").split("\t")
    # the two columns, for cut (1-based, in file order)
    cols = "%d,%d" % (head.index("status") + 1, head.index("diagnostic") + 1)
    if not re.fullmatch(r"[A-Za-z0-9_./+-]+", rows_file):
        sys.exit("pg_bench.py: %r: only letters, digits and _./+- in the "
                 "path, please (psql runs cut on it)" % rows_file)
    if head.index("status") > head.index("diagnostic"):
        sys.exit("pg_bench.py: status must come before diagnostic")
    shell_rows = rows_file
    # times: the backend's CPU time; wall: psql's \timing (elapsed)
    res = {"times": {}, "wall": {}, "case_times": {}, "case_wall": {}}

    # ---- tables and functions ----
    s = Psql()
    res["server_version"] = s.value("SELECT version();")
    s.run("""
CREATE EXTENSION bounce;
CREATE FUNCTION bench_floor(text, text) RETURNS text
    AS '%s', 'bench_floor' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;
CREATE TABLE t (status text, diagnostic text);
\\copy t FROM PROGRAM 'cut -f%s %s' WITH %s
CREATE TABLE t_case (status text, diagnostic text);
\\copy t_case FROM PROGRAM 'head -n %d %s | cut -f%s' WITH %s
VACUUM (FREEZE, ANALYZE) t;
VACUUM (FREEZE, ANALYZE) t_case;
""" % (os.path.abspath(args.floor), cols, shell_rows, COPY_OPTS,
       args.case_rows + 1, shell_rows, cols, COPY_OPTS))
    res["rows"] = int(s.value("SELECT count(*) FROM t;"))
    res["phrase_re"] = PHRASE_RE
    res["case_rows"] = int(s.value("SELECT count(*) FROM t_case;"))
    res["table_mb"] = int(s.value("SELECT pg_total_relation_size('t');")) / 1e6
    res["avg_diag_bytes"] = float(s.value(
        "SELECT avg(octet_length(diagnostic)) FROM t;"))
    res["extension_version"] = s.value("SELECT bounce_version();")

    # ---- the SQL CASE: translate, let the server say what compiles ----
    rules = sql_case.read_rules(args.rules)
    branches = sql_case.branches_of(rules)
    untranslatable = [(o, k, why) for o, k, are, why in branches if are is None]
    cand = [(o, k, are) for o, k, are, _ in branches if are is not None]
    write_csv(os.path.join(work, "pg-branches.tsv"), cand)
    s.run("""
CREATE FUNCTION bench_try(p text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 'x' ~* p;
    RETURN NULL;
EXCEPTION WHEN others THEN
    RETURN SQLERRM;
END $$;
CREATE TABLE bench_branches (rule int, branch int, pattern text);
\\copy bench_branches FROM '%s' WITH %s
""" % (os.path.join(work, "pg-branches.tsv"), COPY_OPTS))
    refused = {}
    for line in s.run("SELECT rule, branch, e FROM (SELECT rule, branch, "
                      "bench_try(pattern) AS e FROM bench_branches) x "
                      "WHERE e IS NOT NULL ORDER BY 1, 2;"):
        o, k, err = line.split("|", 2)
        refused[(int(o), int(k))] = err
    kept = {}
    for o, k, are in cand:
        if (o, k) not in refused:
            kept.setdefault(o, []).append(are)
    # the joined rule patterns must compile too
    write_csv(os.path.join(work, "pg-rules.tsv"),
              [(o, "|".join(v)) for o, v in sorted(kept.items())])
    s.run("CREATE TABLE bench_rules (rule int, pattern text);\n"
          "\\copy bench_rules FROM '%s' WITH %s"
          % (os.path.join(work, "pg-rules.tsv"), COPY_OPTS))
    rules_refused = {}
    for line in s.run("SELECT rule, e FROM (SELECT rule, bench_try(pattern) "
                      "AS e FROM bench_rules) x WHERE e IS NOT NULL;"):
        o, err = line.split("|", 1)
        rules_refused[int(o)] = err
        kept.pop(int(o), None)
    case = sql_case.case_expression(rules, kept)
    with open(os.path.join(work, "pg-case.sql"), "w", encoding="utf-8") as f:
        f.write("-- generated by bench/pg_bench.py from core_bench -d\n"
                "SELECT count(%s) FROM t_case;\n" % case)
    lookbehind = sum(1 for o, v in kept.items() for b in v
                     if "(?<=" in b or "(?<!" in b)
    prefixed, alone = sql_case.conditions_used(rules, kept)
    res["case"] = {
        "rules": len(rules),
        "rules_kept": len(kept),
        "branches": len(branches),
        "branches_kept": sum(len(v) for v in kept.values()),
        "untranslatable": ["rule %d branch %d: %s" % x for x in untranslatable],
        "refused": ["rule %d branch %d: %s" % (o, k, e)
                    for (o, k), e in sorted(refused.items())],
        "rules_refused": ["rule %d: %s" % x for x in sorted(rules_refused.items())],
        "lookbehind_branches_kept": lookbehind,
        "conditions_prefixed": prefixed,
        "conditions_pattern_alone": alone,
    }
    s.close()

    # ---- timing, one backend ----
    s = Psql()
    s.run("SET max_parallel_workers_per_gather = 0;\nSET jit = off;")
    pid = int(s.value("SELECT pg_backend_pid();"))
    queries = {
        "count": "SELECT count(*) FROM %s;",
        "length": "SELECT count(length(diagnostic)) FROM %s;",
        "floor": "SELECT count(bench_floor(status, diagnostic)) FROM %s;",
        "phrase": "SELECT count(diagnostic ~* '" + PHRASE_RE + "') FROM %s;",
        "bounce": "SELECT count(bounce_category(status, diagnostic)) FROM %s;",
    }
    for q in queries.values():          # warm-up: cache, first-call setup
        s.run(q % "t")
    calls = res["rows"]
    mem0 = (rss_anon_kb(pid), int(s.value(
        "SELECT sum(total_bytes) FROM pg_backend_memory_contexts;")))
    order = list(queries)
    for rep in range(args.reps):
        for name in (order if rep % 2 == 0 else order[::-1]):
            c0 = cpu_ms(pid)
            res["wall"].setdefault(name, []).append(s.timed(queries[name] % "t"))
            res["times"].setdefault(name, []).append(cpu_ms(pid) - c0)
    calls_timed = args.reps * res["rows"]

    # flat memory: bring the calls since mem0 up to --flat-calls
    done = calls_timed
    while done < args.flat_calls:
        s.run(queries["bounce"] % "t")
        done += res["rows"]
    mem1 = (rss_anon_kb(pid), int(s.value(
        "SELECT sum(total_bytes) FROM pg_backend_memory_contexts;")))
    res["memory"] = {"calls": done, "warmup_calls": calls,
                     "rss_anon_kb_before": mem0[0], "rss_anon_kb_after": mem1[0],
                     "contexts_before": mem0[1], "contexts_after": mem1[1]}
    s.close()

    # ---- the CASE baseline, in a backend of its own: PostgreSQL compiles
    # and caches regexes with malloc, which must not count against the
    # memory measured above ----
    s = Psql()
    s.run("SET max_parallel_workers_per_gather = 0;\nSET jit = off;")
    pid = int(s.value("SELECT pg_backend_pid();"))
    s.run(queries["bounce"] % "t_case")
    case_q = "SELECT count(%s) FROM t_case;" % case
    # The CASE's cost per row is mostly compiling its regexes again (more
    # rules than the 32 compiled regexes a backend keeps), and compiling
    # grows faster than the patterns do. Time it on its first rows and keep
    # only as many rows of t_case as one pass does in --case-seconds of CPU
    # (at least CASE_PROBE_ROWS), so that the baseline stays measurable as
    # the rules grow. Not on one row: a row an early WHEN decides compiles
    # few regexes, and a fit from it overshoots (on 2026-12-07, with the
    # fit from one row, one pass of the CASE ran past 20 minutes, where
    # the whole baseline had taken a few minutes the day before).
    res["case_rows_asked"] = res["case_rows"]
    res["case_seconds"] = args.case_seconds
    c0 = cpu_ms(pid)
    s.timed("SELECT count(%s) FROM (SELECT * FROM t_case ORDER BY ctid LIMIT %d) x;"
            % (case, CASE_PROBE_ROWS))
    res["case_probe_rows"] = CASE_PROBE_ROWS
    res["case_probe_ms"] = (cpu_ms(pid) - c0) / CASE_PROBE_ROWS
    fit = int(args.case_seconds * 1000.0 / max(res["case_probe_ms"], 0.001))
    fit = max(CASE_PROBE_ROWS, min(res["case_rows"], fit))
    if fit < res["case_rows"]:
        s.run("DELETE FROM t_case WHERE ctid NOT IN "
              "(SELECT ctid FROM t_case ORDER BY ctid LIMIT %d);" % fit)
        res["case_rows"] = int(s.value("SELECT count(*) FROM t_case;"))
        s.run(queries["bounce"] % "t_case")
    corder = ["case", "bounce", "length"]
    for rep in range(args.case_reps):
        for name in (corder if rep % 2 == 0 else corder[::-1]):
            q = case_q if name == "case" else queries[name] % "t_case"
            c0 = cpu_ms(pid)
            res["case_wall"].setdefault(name, []).append(s.timed(q))
            res["case_times"].setdefault(name, []).append(cpu_ms(pid) - c0)
    # the same CASE cut to its first 30 and 40 rules: below and above the
    # 32 regexes PostgreSQL keeps compiled per backend
    for n in (30, 40):
        cut = dict(k for k in sorted(kept.items())[:n])
        c0 = cpu_ms(pid)
        res["case_wall"]["case%d" % n] = [s.timed(
            "SELECT count(%s) FROM t_case;" % sql_case.case_expression(rules, cut))]
        res["case_times"]["case%d" % n] = [cpu_ms(pid) - c0]
    s.close()

    with open(args.out, "w") as f:
        json.dump(res, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
