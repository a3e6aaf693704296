#!/usr/bin/env python3
"""make bench: the performance targets of issue 6, measured side by side.

usage: run.py [--quick] [--rows N] [--reps N] [--no-pg] [--no-sqlite]
              [--no-callgrind] [--out bench/results.md]

Steps (everything under bench/work/, which "make clean" removes):
  1. rows: test/data/generate.py, seeded, 1,000,000 rows from the shapes of
     test/corpus/*.tsv (kept and reused while the generator, the corpus and
     the options are unchanged);
  2. core: build/bench/core_bench (bench/core_bench.c) on those rows;
  3. callgrind: instructions and simulated L1 data-cache misses per row,
     core_bench -g under valgrind --cache-sim=yes (when valgrind is
     installed);
  4. SQLite: the rows in an in-memory database, sqlite/bounce.so loaded
     into Python's sqlite3 module;
  5. PostgreSQL: make install, then bench/pg_bench.py in a throwaway
     cluster (pg_virtualenv, as test/pg/run does);
  6. the table: printed, and written to bench/results.md with the machine's
     description.

Every timing is repeated (--reps, default 5) with baseline and subject
interleaved (the order reversed every other repetition; the core's two rule
sets alternate chunk by chunk within each repetition); the table shows
medians, and each ratio is the median of the per-repetition ratios. Times
are CPU times of the process doing the work (the PostgreSQL backend, the
SQLite or core_bench thread), which other processes do not inflate; the
ratios of elapsed times are shown next to them.
Nothing here asserts a time: a target is printed as "met" or "NOT MET"
with its numbers. The exit status is 0 when the benchmark ran, whatever
the verdicts, and non-zero when a step failed.

Python standard library only.
"""

import argparse
import datetime
import fcntl
import glob
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
BUILD = os.path.join(ROOT, "build", "bench")
PY = sys.executable or "/usr/bin/python3"
# the phrase bench/pg_bench.py tests with ~*, for SQLite (LIKE ignores ASCII case)
PHRASE_LIKE = "%user unknown%"

MB = 1024 * 1024
# "Flat": the core allocates nothing per call (heap exactly unchanged), and
# resident memory grows by at most this much over all the calls (256 kB over
# 10 million calls is under 0.03 bytes a call; a leak of one allocation per
# call would show as hundreds of megabytes).
FLAT_KB = 256


def case_cut_note(pg):
    """Why the CASE ran on fewer rows than asked (bench/pg_bench.py)."""
    asked = pg.get("case_rows_asked", pg["case_rows"])
    if asked == pg["case_rows"]:
        return ""
    return ("; of the %d asked, as many as one pass does in %.0f s of CPU: "
            "the CASE took %s a row on its first %d rows"
            % (asked, pg["case_seconds"], fmt_ns(pg["case_probe_ms"] * 1e6),
               pg.get("case_probe_rows", 1)))


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def wall_note(res, subject, baseline, key="wall"):
    """ "(wall-clock: N.NNx)" for the same pair of runs."""
    w = res.get(key, {})
    if subject in w and baseline in w:
        return " (elapsed: %.2fx)" % ratio_median(w[subject], w[baseline])
    return ""


def ratio_median(subject, baseline):
    """Median of per-repetition ratios (each pair ran back to back)."""
    return median([s / b for s, b in zip(subject, baseline) if b > 0])


def run(cmd, **kw):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, check=True, **kw)


# ---------------------------------------------------------------- rows --

def longest_diagnostic(path):
    """The most bytes a row's diagnostic holds (the reference path
    JIT-compiles whole patterns from 4 KiB on: core/ruleset.c)."""
    longest = 0
    with open(path, "rb") as f:
        col = f.readline().rstrip(b"\n").split(b"\t").index(b"diagnostic")
        for line in f:
            fields = line.rstrip(b"\n").split(b"\t")
            if len(fields) > col:
                longest = max(longest, len(fields[col]))
    return longest


def rows_file(n, seed):
    """Generate (or reuse) the benchmark rows; returns the path."""
    gen = os.path.join(ROOT, "test", "data", "generate.py")
    corpus = sorted(glob.glob(os.path.join(ROOT, "test", "corpus", "*.tsv")))
    h = hashlib.sha256()
    for p in [gen] + corpus:
        with open(p, "rb") as f:
            h.update(p.encode() + b"\0" + f.read())
    h.update(("%d %d" % (n, seed)).encode())
    stamp = h.hexdigest()
    path = os.path.join(WORK, "rows-%d-%d.tsv" % (n, seed))
    stamp_path = path + ".stamp"
    if os.path.exists(path) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            if f.read().strip() == stamp:
                log("rows: reusing %s" % os.path.relpath(path, ROOT))
                return path
    t0 = time.time()
    run([PY, gen, "-n", str(n), "-s", str(seed), "-o", path])
    with open(stamp_path, "w") as f:
        f.write(stamp + "\n")
    log("rows: generated in %.1f s" % (time.time() - t0))
    return path


# ---------------------------------------------------------------- core --

def parse_kv(words):
    out = {}
    for w in words:
        if "=" in w:
            k, v = w.split("=", 1)
            try:
                out[k] = int(v)
            except ValueError:
                out[k] = v
    return out


def core_bench(path, a):
    cmd = [os.path.join(BUILD, "core_bench"), "-r", str(a.reps),
           "-R", str(a.ref_rows), "-B", str(a.big_ref_rows),
           "-x", str(a.extra), "-m", str(a.flat_calls), path]
    t0 = time.time()
    out = run(cmd, stdout=subprocess.PIPE, text=True).stdout
    res = {"times": {}, "wall": {}, "searches": {}, "rows_of": {}, "mem": {},
           "parity": {}, "compile": [], "seconds": time.time() - t0}
    for line in out.splitlines():
        w = line.split()
        if not w:
            continue
        if w[0] == "time":
            kv = parse_kv(w[2:])
            res["times"].setdefault(w[1], []).append(kv["cpu_ns"])
            res["wall"].setdefault(w[1], []).append(kv["ns"])
            res["searches"][w[1]] = kv["searches"] / kv["rows"]
            res["rows_of"][w[1]] = kv["rows"]
        elif w[0] == "mem":
            res["mem"][w[1]] = parse_kv(w[2:])
        elif w[0] == "parity":
            res["parity"][w[1]] = parse_kv(w[2:])
        elif w[0] == "compile" and w[1].startswith("custom="):
            res["compile_custom"] = parse_kv(w[1:])
        elif w[0] == "compile":
            res["compile"].append(parse_kv(w[1:]))
        elif w[0] == "flat":
            res["flat"] = parse_kv(w[1:])
        elif w[0] == "tables":
            res["tables"] = parse_kv(w[1:])["mapped"]
        elif w[0] in ("rows", "rules", "extra"):
            res[w[0]] = int(w[1])
        elif w[0] == "pcre2":
            m = re.match(r"pcre2 version=(.*) jit=(.*)", line)
            res["pcre2"], res["jit"] = m.group(1), m.group(2)
    # in use: a process of its own, so nothing else it ran is counted
    out = run([os.path.join(BUILD, "core_bench"), "-U", path],
              stdout=subprocess.PIPE, text=True).stdout
    for line in out.splitlines():
        w = line.split()
        if w and w[0] == "mem" and w[1] in ("before_utf", "after_utf"):
            res["mem"][w[1]] = parse_kv(w[2:])
    return res


# ----------------------------------------------------------- callgrind --

def callgrind_exclusive(path, nevents):
    """{function: [exclusive cost per event]} from a callgrind output file."""
    names = {}
    cost = {}
    fn = None
    skip_next = False
    with open(path, errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^(c?fn)=\((\d+)\)(?: (.*))?$", line)
            if m:
                kind, ident, name = m.groups()
                if name is not None:        # fn and cfn share the id space
                    names[ident] = name
                if kind == "fn":
                    fn = names.get(ident, ident)
                continue
            if line.startswith("calls="):
                skip_next = True        # the next cost line is inclusive
                continue
            if line and (line[0].isdigit() or line[0] in "+-*"):
                if skip_next:
                    skip_next = False
                    continue
                parts = line.split()[1:]
                if fn is not None and parts:
                    c = cost.setdefault(fn, [0] * nevents)
                    for i, v in enumerate(parts[:nevents]):
                        c[i] += int(v)
    grouped = {}
    for name, c in cost.items():
        key = "pcre2 JIT code" if name.startswith("0x") else name
        g = grouped.setdefault(key, [0] * nevents)
        for i, v in enumerate(c):
            g[i] += v
    return grouped


def callgrind(path, a):
    """Instructions and simulated L1 data-cache read misses per row."""
    if shutil.which("valgrind") is None:
        log("callgrind: valgrind not installed, skipped")
        return None
    for old in glob.glob(os.path.join(WORK, "callgrind.out*")):
        os.remove(old)
    out_file = os.path.join(WORK, "callgrind.out")
    t0 = time.time()
    out = run(["valgrind", "--tool=callgrind", "--cache-sim=yes",
               "--collect-atstart=no", "--callgrind-out-file=" + out_file,
               os.path.join(BUILD, "core_bench"), "-g", str(a.callgrind_rows),
               "-G", str(a.callgrind_ref_rows), "-x", str(a.extra), path],
              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
    res = {"seconds": time.time() - t0}
    for line in out.splitlines():
        w = line.split()
        if w and w[0] == "callgrind":
            res[w[1]] = parse_kv(w[2:])
    for f in glob.glob(out_file + ".*"):
        with open(f, errors="replace") as fh:
            text = fh.read()
        m = re.search(r"^desc: Trigger: Client Request: (\w+)", text, re.M)
        ev = re.search(r"^events: (.*)$", text, re.M)
        t = re.search(r"^totals: (.*)$", text, re.M)
        if not (m and ev and t) or m.group(1) not in res:
            continue
        d1 = re.search(r"^desc: D1 cache: (\d+) B", text, re.M)
        if d1:
            res["d1"] = "%d KiB" % (int(d1.group(1)) // 1024)
        events = ev.group(1).split()
        totals = [int(x) for x in t.group(1).split()]
        totals += [0] * (len(events) - len(totals))
        r = res[m.group(1)]
        r["events"] = dict(zip(events, totals))
        r["ir"] = r["events"]["Ir"]
        r["d1mr"] = r["events"].get("D1mr", 0)
        excl = callgrind_exclusive(f, len(events))
        ir_i = events.index("Ir")
        d1_i = events.index("D1mr") if "D1mr" in events else None
        r["top"] = sorted(((k, v[ir_i], v[d1_i] if d1_i is not None else 0)
                           for k, v in excl.items()), key=lambda x: -x[1])[:10]
    return res


# -------------------------------------------------------------- sqlite --

def sqlite_bench(path, a):
    ext = os.path.join(ROOT, "sqlite", "bounce.so")
    con = sqlite3.connect(":memory:")
    con.enable_load_extension(True)
    con.load_extension(ext)
    con.execute("CREATE TABLE t (status TEXT, diagnostic TEXT)")
    t0 = time.time()

    def rows():
        with open(path, encoding="utf-8", newline="\n") as f:
            head = f.readline().rstrip("\n").split("\t")
            cs, cd = head.index("status"), head.index("diagnostic")
            for line in f:
                c = line.rstrip("\n").split("\t")
                yield (c[cs] or None, c[cd] or None)

    con.executemany("INSERT INTO t VALUES (?, ?)", rows())
    con.commit()
    nrows = con.execute("SELECT count(*) FROM t").fetchone()[0]
    log("sqlite: %d rows loaded in %.1f s" % (nrows, time.time() - t0))
    queries = {
        "count": "SELECT count(*) FROM t",
        "length": "SELECT count(length(diagnostic)) FROM t",
        "phrase": "SELECT count(diagnostic LIKE '%s') FROM t" % PHRASE_LIKE,
        "bounce": "SELECT count(bounce_category(status, diagnostic)) FROM t",
    }
    for q in queries.values():
        con.execute(q).fetchone()
    times, wall = {}, {}
    order = list(queries)
    for rep in range(a.reps):
        for name in (order if rep % 2 == 0 else order[::-1]):
            t, c = time.perf_counter(), time.thread_time()
            con.execute(queries[name]).fetchone()
            times.setdefault(name, []).append((time.thread_time() - c) * 1e3)
            wall.setdefault(name, []).append((time.perf_counter() - t) * 1e3)
    con.close()
    return {"rows": nrows, "times": times, "wall": wall,
            "version": sqlite3.sqlite_version}


# ---------------------------------------------------------- postgresql --

def pg_bench(path, rules, a):
    for tool in ("pg_config", "pg_virtualenv", "psql"):
        if shutil.which(tool) is None:
            log("postgresql: %s not found, skipped (make deps)" % tool)
            return None
    floor = os.path.join(BUILD, "pg_floor.so")
    if not os.path.exists(floor):
        log("postgresql: %s missing, skipped" % floor)
        return None
    major = re.search(r"PostgreSQL (\d+)", subprocess.run(
        ["pg_config", "--version"], stdout=subprocess.PIPE, text=True).stdout)
    install_log = os.path.join(WORK, "pg-install.log")
    with open(install_log, "w") as f:
        r = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "install"],
                           stdout=f, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        log("postgresql: make install failed (needs root), see %s" % install_log)
        return None
    # Clusters live under tmp (pg_virtualenv -t): it drops them when the
    # run ends, even on Ctrl-C; after a kill -9 the next run, finding the
    # lock free, stops and removes what is left (as test/pg/run does).
    tmp = "/tmp/bounce-bench-pg.%d" % os.getuid()
    os.makedirs(tmp, exist_ok=True)
    os.chmod(tmp, 0o755)
    lock = open(os.path.join(tmp, "lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        log("postgresql: another make bench holds %s/lock, skipped" % tmp)
        return None
    for work in glob.glob(os.path.join(tmp, "pg_virtualenv.*")):
        for conf in glob.glob(os.path.join(work, "postgresql", "*", "regress")):
            if os.path.exists(os.path.join(conf, ".by_pg_virtualenv")):
                v = os.path.basename(os.path.dirname(conf))
                log("postgresql: removing cluster %s/regress left in %s" % (v, work))
                env = dict(os.environ, PG_CLUSTER_CONF_ROOT=os.path.join(work, "postgresql"))
                for cmd in (["pg_ctlcluster", "--mode", "immediate", v, "regress", "stop"],
                            ["pg_dropcluster", v, "regress"]):
                    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    out = os.path.join(WORK, "pg.json")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, TMPDIR=tmp)
    t0 = time.time()
    try:
        run(["pg_virtualenv", "-t", "-v", major.group(1),
             "-i", "--encoding=UTF8 --no-locale", "-o", "shared_buffers=1GB",
             PY, os.path.join(HERE, "pg_bench.py"), "--rows", path,
             "--rules", rules, "--floor", floor, "--out", out, "--work", WORK,
             "--reps", str(a.reps), "--case-rows", str(a.case_rows),
             "--case-reps", str(a.case_reps), "--flat-calls", str(a.flat_calls)],
            env=env, cwd=tmp, stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as e:
        log("postgresql: failed (exit %d)" % e.returncode)
        return None
    finally:
        lock.close()
    with open(out) as f:
        res = json.load(f)
    res["seconds"] = time.time() - t0
    return res


# ------------------------------------------------------------- machine --

def cpu_speeds(cpus):
    """CPU time of a fixed Python loop on each CPU (ms, median of 3)."""
    def spin():
        t, x = time.thread_time(), 0
        for i in range(300000):
            x += i * i % 7
        return (time.thread_time() - t) * 1e3

    mine = os.sched_getaffinity(0)
    runs = {c: [] for c in cpus}
    for _ in range(3):
        for c in cpus:
            os.sched_setaffinity(0, {c})
            spin()
            runs[c].append(spin())
    os.sched_setaffinity(0, mine)
    return {c: median(v) for c, v in runs.items()}


def fmt_speeds(speeds):
    if not speeds:
        return "one CPU"
    return ", ".join("CPU %d %.1f ms" % (c, v) for c, v in sorted(speeds.items()))


def pin_to_fastest_cpu(part, cpus, pins):
    """
    Run the next part on one CPU, the fastest just before it. Virtual CPUs
    of this kind of machine differ by up to half, and which one is slow
    changes within minutes (a busy sibling on the host); a part that moved
    between them, or whose baseline ran on one CPU and subject on another,
    would mix the two speeds into its ratios. Children (core_bench,
    valgrind, the PostgreSQL cluster pg_virtualenv starts) inherit the
    affinity. BENCH_CPU=n chooses the CPU.
    """
    speeds = cpu_speeds(cpus) if len(cpus) > 1 else {}
    want = os.environ.get("BENCH_CPU", "")
    if want.isdigit() and int(want) in cpus:
        cpu = int(want)
    else:
        cpu = min(speeds, key=speeds.get) if speeds else cpus[0]
    os.sched_setaffinity(0, {cpu})
    pins.append({"part": part, "cpu": cpu, "cpus": cpus, "speeds": speeds})
    log("%s: on CPU %d (a calibration loop: %s)" % (part, cpu, fmt_speeds(speeds)))


def machine():
    def first(cmd):
        try:
            return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "?"

    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    osname = platform.system()
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]*)', f.read(), re.M)
            if m:
                osname = m.group(1)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": "%s, Linux %s" % (osname, platform.release()),
        "compiler": first(["cc", "--version"]),
        "load": loadavg(),
    }


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


# --------------------------------------------------------------- table --

def fmt_ns(ns):
    if ns >= 1e9:
        return "%.2f s" % (ns / 1e9)
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e3:
        return "%.2f µs" % (ns / 1e3)
    return "%.0f ns" % ns


def fmt_kb(kb):
    return "%.2f MB" % (kb / 1024)


def verdict(ok):
    return "met" if ok else "**NOT MET**"


def report(a, mach, core, cg, lite, pg, elapsed):
    L = []
    add = L.append
    targets = []            # (target, measured, goal, ok)

    # ---- PostgreSQL ----
    if pg:
        t = pg["times"]
        n = pg["rows"]
        r_len = ratio_median(t["bounce"], t["length"])
        targets.append((
            "PostgreSQL: `count(bounce_category(status, diagnostic))` vs "
            "`count(length(diagnostic))`, %s rows" % "{:,}".format(n),
            "%.0f ms vs %.0f ms = **%.2fx**%s" % (
                median(t["bounce"]), median(t["length"]), r_len,
                wall_note(pg, "bounce", "length")),
            "≤ 1.5x", r_len <= 1.5))
        ct = pg["case_times"]
        cn = pg["case_rows"]
        case_row = median(ct["case"]) * 1e6 / cn
        bounce_row_same = median(ct["bounce"]) * 1e6 / cn
        r_case = ratio_median(ct["case"], ct["bounce"])
        c = pg["case"]
        targets.append((
            "PostgreSQL: SQL CASE over `~*` (%d of %d rules, %d of %d branches) "
            "vs `bounce_category`, the same %d rows, per row"
            % (c["rules_kept"], c["rules"], c["branches_kept"], c["branches"], cn),
            "%s vs %s = **%.0fx**%s" % (fmt_ns(case_row), fmt_ns(bounce_row_same), r_case,
                                        wall_note(pg, "case", "bounce", "case_wall")),
            "≥ 50x", r_case >= 50))
    else:
        targets.append(("PostgreSQL targets", "not run (see the log)", "", False))

    # ---- SQLite ----
    if lite:
        t = lite["times"]
        r_lite = ratio_median(t["bounce"], t["length"])
        targets.append((
            "SQLite: `count(bounce_category(status, diagnostic))` vs "
            "`count(length(diagnostic))`, %s rows" % "{:,}".format(lite["rows"]),
            "%.0f ms vs %.0f ms = **%.2fx**%s" % (
                median(t["bounce"]), median(t["length"]), r_lite,
                wall_note(lite, "bounce", "length")),
            "≤ 2x", r_lite <= 2))
    else:
        targets.append(("SQLite target", "not run", "", False))

    # ---- core ----
    ct = core["times"]
    nref = core["rows_of"]["ref_sample"]
    nall = core["rows_of"]["pref_builtin"]
    r_ref = ratio_median(ct["ref_sample"], ct["pref_sample"])
    r_jit = ratio_median(ct["refjit_sample"], ct["pref_sample"])
    targets.append((
        "Core: every rule in order (`bounce_classify_with(set, false)`, pcre2 "
        "interpreter) vs the prefilter, the same %s rows; and the same loop "
        "with every pattern JIT-compiled" % "{:,}".format(nref),
        "%s vs %s per row = **%.0fx**%s; JIT-compiled loop %s = **%.0fx**"
        % (fmt_ns(median(ct["ref_sample"]) / nref),
           fmt_ns(median(ct["pref_sample"]) / nref), r_ref,
           wall_note(core, "ref_sample", "pref_sample"),
           fmt_ns(median(ct["refjit_sample"]) / nref), r_jit),
        "≥ 5x", r_ref >= 5 and r_jit >= 5))
    asked = a.extra
    got = core.get("extra")
    if got == asked and "pref_extra" in ct:
        r_x = ratio_median(ct["pref_extra"], ct["pref_builtin"])
        targets.append((
            "Core: + %s never-matching rules (%s rules in all), prefilter, %s rows"
            % ("{:,}".format(asked), "{:,}".format(core["rules"] + asked),
               "{:,}".format(nall)),
            "%s vs %s per row = **%.3fx**%s" % (
                fmt_ns(median(ct["pref_extra"]) / nall),
                fmt_ns(median(ct["pref_builtin"]) / nall), r_x,
                wall_note(core, "pref_extra", "pref_builtin")),
            "≤ 1.25x", r_x <= 1.25))
    else:
        fails = [c for c in core["compile"] if not c.get("finished")]
        msg = ("`bounce_ruleset_compile` of %d + %d rules did not finish "
               "within %d s (killed)" % (core["rules"], asked,
                                        fails[0]["timeout_s"] if fails else 0))
        if got and "pref_extra" in ct:
            r_x = ratio_median(ct["pref_extra"], ct["pref_builtin"])
            msg += "; with %d extra rules instead: %.3fx" % (got, r_x)
        targets.append(("Core: + %d never-matching rules" % asked, msg,
                        "≤ 1.25x", False))
    if "pref_custom" in ct:
        # the product's way to add rules: a caller's, tried first
        r_c = ratio_median(ct["pref_custom"], ct["pref_builtin_c"])
        targets.append((
            "Core: the same %s never-matching rules as a caller's own "
            "(compiled over the built-in set, tried first), %s rows"
            % ("{:,}".format(got), "{:,}".format(nall)),
            "%s vs %s per row = **%.3fx**%s" % (
                fmt_ns(median(ct["pref_custom"]) / nall),
                fmt_ns(median(ct["pref_builtin_c"]) / nall), r_c,
                wall_note(core, "pref_custom", "pref_builtin_c")),
            "≤ 1.25x", r_c <= 1.25))
    par = core["parity"]
    bad = sum(p["mismatches"] + p["extra_hits"] for p in par.values())
    plabel = {
        "builtin_prefilter_vs_reference": "built-in rules, prefilter vs every rule in order",
        "extra_prefilter_vs_builtin_prefilter": "+%s extra rules vs built-in, prefilter" % got,
        "extra_prefilter_vs_extra_reference": "+%s extra rules, prefilter vs every rule in order" % got,
        "refjit_rule_vs_reference": "JIT-compiled loop vs every rule in order (deciding rule)",
        "custom_prefilter_vs_builtin_prefilter": "+%s rules of a caller's vs built-in, prefilter" % got,
        "custom_prefilter_vs_custom_reference": "+%s rules of a caller's, prefilter vs every rule in order" % got,
    }
    desc = "; ".join("%s: %d rows, %d differ" % (plabel.get(k, k), p["rows"], p["mismatches"])
                     for k, p in par.items())
    targets.append(("Core: results identical to trying every rule in order",
                    desc, "0 differ", bad == 0 and len(par) >= 1))

    # ---- memory ----
    m0, m1 = core["mem"]["before_init"], core["mem"]["after_init"]
    heap = m1["heap"] - m0["heap"]
    jit_kb = m1["jit_kb"] - m0["jit_kb"]
    anon_kb = m1["anon_kb"] - m0["anon_kb"]
    rss_kb = m1["rss_kb"] - m0["rss_kb"]
    # the automaton's tables the build made: read from the library (shared
    # between processes, counted all the same)
    tables = core.get("tables", 0)
    compiled = max(heap + tables + jit_kb * 1024, anon_kb * 1024 + tables)
    measured = ("heap %.2f MB + automaton tables in the library %.2f MB + "
                "JIT code %.2f MB = **%.2f MB** (RssAnon +%s, VmRSS +%s)"
                % (heap / MB, tables / MB, jit_kb / 1024,
                   (heap + tables + jit_kb * 1024) / MB, fmt_kb(anon_kb),
                   fmt_kb(rss_kb)))
    mu = core["mem"].get("after_utf")
    if mu:
        # every branch form JIT-compiled, as far as the budget goes
        # (branch_code, bounce_ruleset_jit_all)
        mb0 = core["mem"]["before_utf"]
        late_kb = mu["jit_kb"] - mb0["jit_kb"]
        late_heap = mu["heap"] - mb0["heap"]
        in_use = heap + tables + late_heap + (jit_kb + late_kb) * 1024
        measured += ("; in use, at most (every branch's forms "
                     "JIT-compiled as far as the budget goes, a process of "
                     "its own): heap +%.2f MB, JIT code +%.2f MB, **%.2f MB**"
                     % (late_heap / MB, late_kb / 1024, in_use / MB))
        compiled = max(compiled, in_use)
    targets.append((
        "Memory: compiled rules (one process, `bounce_init()`, and the most "
        "it grows in use)", measured, "≤ 8 MB", compiled <= 8 * MB))
    fl = core.get("flat")
    if fl:
        dh = fl["heap_after"] - fl["heap_before"]
        da = fl["anon_after_kb"] - fl["anon_before_kb"]
        dr = fl["rss_after_kb"] - fl["rss_before_kb"]
        targets.append((
            "Memory: core, %s calls after warm-up" % "{:,}".format(fl["calls"]),
            "heap %+d bytes, RssAnon %+d kB, VmRSS %+d kB (goal: heap +0, "
            "RssAnon ≤ +%d kB)" % (dh, da, dr, FLAT_KB),
            "flat", dh == 0 and da <= FLAT_KB))
    if pg:
        pm = pg["memory"]
        da = pm["rss_anon_kb_after"] - pm["rss_anon_kb_before"]
        dc = pm["contexts_after"] - pm["contexts_before"]
        targets.append((
            "Memory: PostgreSQL backend, %s `bounce_category` calls after warm-up"
            % "{:,}".format(pm["calls"]),
            "RssAnon %d → %d kB (%+d kB), memory contexts %+d bytes (goal: "
            "both ≤ +%d kB)"
            % (pm["rss_anon_kb_before"], pm["rss_anon_kb_after"], da, dc, FLAT_KB),
            "flat", da <= FLAT_KB and dc <= FLAT_KB * 1024))

    add("## Benchmark results")
    add("")
    add("`make bench`, %s UTC, %.0f s. Medians of %d repetitions; each ratio is "
        "the median of per-repetition ratios, baseline and subject run back to "
        "back (order alternating). Times are the CPU time of the process doing "
        "the work (the PostgreSQL backend, the SQLite or core_bench thread), "
        "which other processes on the machine do not inflate; the ratios of "
        "elapsed times follow in parentheses." % (
            datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M"),
            elapsed, a.reps))
    add("")
    add("| target | measured | goal | verdict |")
    add("|---|---|---|---|")
    for name, meas, goal, ok in targets:
        add("| %s | %s | %s | %s |" % (name, meas, goal, verdict(ok)))
    if cg:
        extra_ir = ""
        if "ir" in cg.get("prefilter_extra", {}):
            e = cg["prefilter_extra"]
            extra_ir = " (%s with %d extra rules)" % ("{:,}".format(e["ir"] // e["rows"]),
                                                    a.extra)
        add("| Core: instructions per row (callgrind, deterministic) | prefilter "
            "**%s**%s; every rule in order %s | | |"
            % ("{:,}".format(cg["prefilter"]["ir"] // cg["prefilter"]["rows"]), extra_ir,
               "{:,}".format(cg["reference"]["ir"] // cg["reference"]["rows"])))
    add("| Core: regex searches per row (`bounce_matcher_searches`) | prefilter "
        "**%.2f**%s; every rule in order %.1f | | |"
        % (core["searches"]["pref_builtin"],
           ("" if "pref_extra" not in core["searches"] else
            " (%.2f with the extra rules)" % core["searches"]["pref_extra"]),
           core["searches"]["ref_sample"]))
    add("")

    # ---- details ----
    core_ns = median(ct["pref_builtin"]) / nall
    add("### Where the time goes, per row")
    add("")
    add("Medians per row over the %s rows; \"minus the scan\" subtracts "
        "`count(*)`'s time." % "{:,}".format(nall))
    add("")
    add("| | PostgreSQL | SQLite |")
    add("|---|---|---|")

    def row_ns(res, name):
        if not res or name not in res["times"]:
            return None
        return median(res["times"][name]) * 1e6 / res["rows"]

    def cell(v):
        return "–" if v is None else fmt_ns(v)

    def minus(x, y):
        return None if x is None or y is None else x - y

    pscan, lscan = row_ns(pg, "count"), row_ns(lite, "count")
    plen, llen = row_ns(pg, "length"), row_ns(lite, "length")
    pfloor = row_ns(pg, "floor")
    pb, lb = row_ns(pg, "bounce"), row_ns(lite, "bounce")
    add("| the scan: `count(*)` | %s | %s |" % (cell(pscan), cell(lscan)))
    add("| `length(diagnostic)`, minus the scan | %s | %s |"
        % (cell(minus(plen, pscan)), cell(minus(llen, lscan))))
    add("| a call that does not classify: `bench_floor(status, diagnostic)` "
        "(bench/pg_floor.c: `bounce_category`'s argument handling and result), "
        "minus the scan | %s | – |" % cell(minus(pfloor, pscan)))
    pph, lph = row_ns(pg, "phrase"), row_ns(lite, "phrase")
    add("| one built-in phrase, case-insensitive: `diagnostic ~* '%s'` / "
        "`diagnostic LIKE '%s'`, minus the scan | %s | %s |"
        % ((pg or {}).get("phrase_re", "?"), PHRASE_LIKE,
           cell(minus(pph, pscan)), cell(minus(lph, lscan))))
    add("| `bounce_category(status, diagnostic)`, minus the scan | %s | %s |"
        % (cell(minus(pb, pscan)), cell(minus(lb, lscan))))
    add("| … of which the classification: minus `bench_floor` | %s | – |"
        % cell(minus(pb, pfloor)))
    add("| the core alone on the same rows (core_bench, prefilter) | %s | %s |"
        % (fmt_ns(core_ns), fmt_ns(core_ns)))
    pbudget = None if plen is None else 1.5 * plen - (pfloor if pfloor else pscan)
    lbudget = None if llen is None else 2 * llen - lscan
    add("| what the target leaves for classifying: 1.5x / 2x `count(length())`, "
        "minus the scan and call | %s | %s |" % (cell(pbudget), cell(lbudget)))
    add("")
    if pg and pbudget is not None:
        add("PostgreSQL: %s counts the characters of a %.0f-byte UTF-8 text "
            "(pg_mbstrlen_with_len, one pg_mblen call per character), so the "
            "baseline row costs %s. At 1.5x that, a row may cost %s; the scan and "
            "a call with these arguments already take %s, which leaves %s for "
            "the classification, where the core alone needs %s on the same rows "
            "(%.1fx the budget) and spends %s inside the backend."
            % ("`length()`", pg["avg_diag_bytes"], fmt_ns(plen), fmt_ns(1.5 * plen),
               fmt_ns(pfloor), fmt_ns(max(pbudget, 0)), fmt_ns(core_ns),
               core_ns / max(pbudget, 1), fmt_ns(pb - pfloor)))
        if pph is not None:
            add("")
            add("For scale: the one phrase tested with `~*`, one of the %s "
                "branches the rules hold, costs %.2fx `count(length())` by "
                "itself, %s the 1.5x the target allows for all of them; "
                "`bounce_category` costs as much as %.1f such tests."
                % ("{:,}".format(pg["case"]["branches"]) if "case" in pg else "?",
                   pph / plen, "above" if pph / plen > 1.5 else "within",
                   (pb - pscan) / max(pph - pscan, 1)))
        add("")
    if lite and lbudget is not None:
        add("SQLite: its `length()` costs %s, so 2x `count(length())` leaves %s "
            "a row for the classification and the call; the core alone needs "
            "%s (%.1fx the budget)." % (fmt_ns(llen - lscan), fmt_ns(max(lbudget, 0)),
                                        fmt_ns(core_ns), core_ns / max(lbudget, 1)))
        if lph is not None:
            add("")
            add("SQLite tests the one phrase with `LIKE` (a substring "
                "search that ignores ASCII case, no regex) in %.2fx "
                "`count(length())`; `bounce_category` costs as much as %.1f "
                "such tests." % (lph / llen, (lb - lscan) / max(lph - lscan, 1)))
        add("")
    add("The database and core parts run one after the other, so a change of "
        "the machine's load between them shows in these differences; the "
        "ratios in the first table compare runs made back to back.")
    add("")

    add("### Core")
    add("")
    add("| pass | rows | per row (median) | regex searches per row |")
    add("|---|---|---|---|")
    labels = [
        ("pref_builtin", "prefilter, built-in rules"),
        ("pref_extra", "prefilter, built-in + %s extra rules" % core.get("extra", "?")),
        ("pref_builtin_c", "prefilter, built-in rules (paired with the next)"),
        ("pref_custom", "prefilter, %s rules of a caller's, then the built-in ones" % core.get("extra", "?")),
        ("pref_sample", "prefilter, built-in rules (reference sample)"),
        ("pref_nonascii", "prefilter, built-in rules, the rows holding non-ASCII bytes"),
        ("ref_sample", "every rule in order, built-in rules"),
        ("refjit_sample", "every rule in order, whole patterns JIT-compiled "
         "(bench/core_bench.c)"),
        ("ref_extra_sample", "every rule in order, built-in + %s extra (once)" % core.get("extra", "?")),
    ]
    for key, label in labels:
        if key in ct:
            n = core["rows_of"][key]
            add("| %s | %d | %s | %.2f |" % (label, n, fmt_ns(median(ct[key]) / n),
                                           core["searches"][key]))
    add("")
    comp = ", ".join("%d extra: %s" % (c["extra"], "%.0f ms" % (c["ns"] / 1e6) if c.get("finished")
                                      else "did not finish in %d s" % c["timeout_s"])
                     for c in core["compile"])
    if "after_extra" in core["mem"]:
        e0, e1 = core["mem"]["before_extra"], core["mem"]["after_extra"]
        comp += ("; the rule set with %d extra rules holds heap %.2f MB + JIT code "
                 "%.2f MB" % (core["extra"], (e1["heap"] - e0["heap"]) / MB,
                              (e1["jit_kb"] - e0["jit_kb"]) / 1024))
    add("Compiling the rule set with extra rules: %s. The reference path "
        "(every rule in order) runs each rule's whole pattern with pcre2's "
        "interpreter (core/ruleset.c JIT-compiles them only for a text of "
        "4 KiB or more; the longest diagnostic here is %s bytes); the "
        "prefilter path runs JIT-compiled branches."
        % (comp, "{:,}".format(mach.get("longest_diag", 0))))
    cc = core.get("compile_custom")
    if cc:
        add("")
        add("Compiling %d rules of a caller's over the built-in set (one "
            "literal automaton for both): %.0f ms." % (cc["custom"], cc["ns"] / 1e6))
    if cg:
        add("")
        add("callgrind (deterministic; `valgrind --tool=callgrind --cache-sim=yes`, "
            "which simulates a %s L1 data cache): per row" % cg.get("d1", "?"))
        add("")
        add("| path | rows | instructions | L1 data read misses | regex searches |")
        add("|---|---|---|---|---|")
        for key, label in (("prefilter", "prefilter, built-in rules"),
                           ("prefilter_extra", "prefilter, + %d extra rules" % a.extra),
                           ("reference", "every rule in order (interpreter)")):
            if key in cg and "ir" in cg[key]:
                r = cg[key]
                add("| %s | %d | %s | %.0f | %.2f |" % (
                    label, r["rows"], "{:,}".format(r["ir"] // r["rows"]),
                    r["d1mr"] / r["rows"], r["searches"] / r["rows"]))
        add("")
        add("| prefilter path: function (exclusive) | instructions per row | share "
            "| L1 data read misses per row |")
        add("|---|---|---|---|")
        tot = cg["prefilter"]["ir"]
        rows = cg["prefilter"]["rows"]
        for name, ir, d1 in cg["prefilter"]["top"]:
            add("| %s | %s | %.1f%% | %.1f |" % (name, "{:,}".format(ir // rows),
                                                 100.0 * ir / tot, d1 / rows))
    add("")

    if pg:
        c = pg["case"]
        add("### The SQL CASE baseline")
        add("")
        add("Generated from the core's own rule table (`core_bench -d`, "
            "bench/sql_case.py; the query is in bench/work/pg-case.sql): one "
            "`WHEN diagnostic ~* '...'` per rule in rule order, `\\b` → `\\y`. "
            "%d of %d rules and %d of %d branches made it (%d could not be "
            "translated, %d were refused by the server, %d rules refused whole); "
            "%d kept branches use lookbehinds, which PostgreSQL supports since 9.6. "
            "%d rules with a code condition got it as a test of the status column, "
            "%d have their text pattern alone. Timed on the first %d rows (%d "
            "repetitions%s): %s per row, against %s for `bounce_category` on the same "
            "rows and %s per row on the whole table. PostgreSQL keeps 32 compiled "
            "regexes per backend (`MAX_CACHED_RES` in regexp.c), so a CASE of more "
            "patterns compiles most of them again on every row: the CASE cut to "
            "its first 30 rules costs %s per row, cut to its first 40 rules %s "
            "(one run each)."
            % (c["rules_kept"], c["rules"], c["branches_kept"], c["branches"],
               len(c["untranslatable"]), len(c["refused"]), len(c["rules_refused"]),
               c["lookbehind_branches_kept"], c["conditions_prefixed"],
               c["conditions_pattern_alone"], pg["case_rows"], a.case_reps,
               case_cut_note(pg),
               fmt_ns(median(pg["case_times"]["case"]) * 1e6 / pg["case_rows"]),
               fmt_ns(median(pg["case_times"]["bounce"]) * 1e6 / pg["case_rows"]),
               fmt_ns(pb),
               fmt_ns(median(pg["case_times"]["case30"]) * 1e6 / pg["case_rows"]),
               fmt_ns(median(pg["case_times"]["case40"]) * 1e6 / pg["case_rows"])))
        for item in c["untranslatable"] + c["refused"] + c["rules_refused"]:
            add("- %s" % item)
        add("")

    add("### Setup")
    add("")
    add("- rows: test/data/generate.py -n %d -s %d (%s); the same rows in every "
        "part; an empty status or diagnostic is NULL" % (
            a.rows, a.seed, "avg diagnostic %.0f bytes" % pg["avg_diag_bytes"] if pg else ""))
    add("- core: build/bench/core_bench (bench/core_bench.c), one thread, %s rows "
        "for every-rule-in-order" % nref)
    if lite:
        add("- SQLite %s (Python's sqlite3 module), in-memory table (status, "
            "diagnostic), sqlite/bounce.so" % lite["version"])
    if pg:
        add("- %s; throwaway cluster (pg_virtualenv), shared_buffers = 1GB, "
            "table (status text, diagnostic text) of %.0f MB, VACUUM FREEZE "
            "ANALYZE, warm cache, one backend, max_parallel_workers_per_gather "
            "= 0, jit = off; times from psql's \\timing" % (
                pg["server_version"].split(" on ")[0], pg["table_mb"]))
    add("- machine: %s, %d cores, %s RAM; %s; %s; pcre2 %s (JIT: %s)" % (
        mach["cpu"], mach["cores"], mach["memory"], mach["os"], mach["compiler"],
        core.get("pcre2", "?"), core.get("jit", "?")))
    pins = mach.get("pins")
    if pins:
        add("- each part ran on one CPU (the PostgreSQL cluster included), the "
            "fastest just before it by a calibration loop's CPU time: %s; at the "
            "end: %s. Which virtual CPU is slower, by up to half, changes within "
            "minutes on this machine; ratios compare runs on one CPU, close in "
            "time" % ("; ".join("%s on CPU %d (%s)" % (p["part"], p["cpu"],
                                                        fmt_speeds(p["speeds"]))
                                 for p in pins),
                      fmt_speeds(mach.get("speeds_end", {}))))
    add("- load average (1, 5, 15 min) at the start: %s, at the end: %s (other "
        "processes running make every time longer; the interleaved ratios "
        "less so)" % (mach["load"], loadavg()))
    add("")
    return "\n".join(L), targets


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=20240506)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--ref-rows", type=int, default=10000,
                    help="rows for the core's every-rule-in-order pass")
    ap.add_argument("--big-ref-rows", type=int, default=2000)
    ap.add_argument("--extra", type=int, default=1000)
    ap.add_argument("--flat-calls", type=int, default=10000000)
    ap.add_argument("--case-rows", type=int, default=300)
    ap.add_argument("--case-reps", type=int, default=3)
    ap.add_argument("--callgrind-rows", type=int, default=2000)
    ap.add_argument("--callgrind-ref-rows", type=int, default=300)
    ap.add_argument("--quick", action="store_true",
                    help="a small run to check the benchmark itself")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true")
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    a = ap.parse_args()
    if a.quick:
        a.rows, a.reps, a.ref_rows, a.big_ref_rows = 50000, 2, 2000, 200
        a.flat_calls, a.case_rows, a.case_reps = 500000, 30, 1
        a.callgrind_rows, a.callgrind_ref_rows = 200, 50
    os.makedirs(WORK, exist_ok=True)
    os.environ.pop("BOUNCE_NO_JIT", None)
    t0 = time.time()
    mach = machine()
    mach["pins"] = pins = []
    all_cpus = sorted(os.sched_getaffinity(0))
    path = rows_file(a.rows, a.seed)
    mach["longest_diag"] = longest_diagnostic(path)
    rules = os.path.join(WORK, "rules.tsv")
    with open(rules, "w") as f:
        run([os.path.join(BUILD, "core_bench"), "-d", path], stdout=f)

    log("core: %d rows, %d repetitions" % (a.rows, a.reps))
    pin_to_fastest_cpu("core", all_cpus, pins)
    core = core_bench(path, a)
    log("core: %.0f s" % core["seconds"])
    cg = None if a.no_callgrind else callgrind(path, a)
    if cg:
        log("callgrind: %.0f s" % cg["seconds"])
    lite = pg = None
    if not a.no_sqlite:
        try:
            pin_to_fastest_cpu("SQLite", all_cpus, pins)
            lite = sqlite_bench(path, a)
        except (sqlite3.Error, OSError) as e:
            log("sqlite: failed: %s" % e)
    if not a.no_pg:
        pin_to_fastest_cpu("PostgreSQL", all_cpus, pins)
        pg = pg_bench(path, rules, a)
    os.sched_setaffinity(0, set(all_cpus))
    mach["speeds_end"] = cpu_speeds(all_cpus) if len(all_cpus) > 1 else {}
    if pg:
        log("postgresql: %.0f s" % pg["seconds"])
    text, _targets = report(a, mach, core, cg, lite, pg, time.time() - t0)
    print(text)
    if not a.quick and a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        log("written to %s" % os.path.relpath(a.out, ROOT))
    elif a.quick:
        log("--quick: %s not written" % os.path.relpath(a.out, ROOT))
    missing = [name for name, res, skip in (("SQLite", lite, a.no_sqlite),
                                            ("PostgreSQL", pg, a.no_pg))
               if res is None and not skip]
    if missing:
        log("did not run: %s (see above)" % ", ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
