#!/bin/sh
# test/sqlite/run.sh CORPUS.tsv...: the SQLite extension's test suite
# ("make test-sqlite"; run from the project root after sqlite/bounce.so and
# build/test/corpus_test are built).
#
#   1. corpus parity: every row of the corpus classified through SQL gives
#      the (id, category, hard, rule) the core's corpus driver gives
#   2. golden files: each test/sqlite/sql/NAME.sql runs in the sqlite3 CLI,
#      its output (stdout and stderr, so error texts are pinned too) is
#      diffed with test/sqlite/expected/NAME.out
#   3. sql/examples/sqlite.sql and the demo run without an error, and the
#      examples' indexes are used
#   4. test/sqlite/checks.py: Python's sqlite3 module (load_extension,
#      threads, binary inputs, schema reopened with trusted_schema off, ...)
#   5. memcheck: the golden scripts under valgrind (when valgrind exists)
#
# Prints "ok ..." / "FAIL ..." per test and ends with "N passed, N failed";
# exits 1 when anything failed. Environment: SQLITE3, PYTHON3, VALGRIND
# (a command prefix for every sqlite3 run, e.g. "valgrind -q").
set -u
SQLITE3=${SQLITE3:-sqlite3}
PYTHON3=${PYTHON3:-/usr/bin/python3}
VALGRIND=${VALGRIND:-}
# pcre2's JIT code reads ahead in ways valgrind reports: interpret instead
[ -n "$VALGRIND" ] && export BOUNCE_NO_JIT=1
out=build/test/sqlite
mkdir -p "$out"
passed=0
failed=0

pass() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }

# sqlite3 with stdout line-buffered, so that error messages (stderr) land in
# the captured output where they happen.
sql() {
	if command -v stdbuf >/dev/null 2>&1; then
		stdbuf -oL $VALGRIND "$SQLITE3" -batch "$@"
	else
		$VALGRIND "$SQLITE3" -batch "$@"
	fi
}

# 1. corpus parity with the core (first: the core may be rebuilt meanwhile
# when rules are edited while the suite runs)
parity() {
	if [ $# -eq 0 ]; then
		fail "parity: no corpus files (test/corpus/*.tsv)"
		return
	fi
	build/test/corpus_test -q -o "$out/core-corpus.tsv" "$@" >"$out/corpus_test.log" 2>&1
	rc=$?
	if [ $rc -gt 1 ]; then
		fail "parity: build/test/corpus_test failed (exit $rc):"
		tail -n 5 "$out/corpus_test.log"
		return
	fi
	{
		cat <<-'EOF'
		.bail on
		.load sqlite/bounce
		CREATE TABLE corpus (file INTEGER, line INTEGER, id TEXT, status TEXT, diagnostic TEXT);
		.mode ascii
		.separator "\t" "\n"
		EOF
		i=0
		for f in "$@"; do
			i=$((i + 1))
			# the header names the columns; quotes and backslashes stay as they are
			printf '.import %s raw\n' "$f"
			printf "INSERT INTO corpus SELECT %d, rowid, id, NULLIF(status, ''), NULLIF(diagnostic, '') FROM raw ORDER BY rowid;\n" "$i"
			printf 'DROP TABLE raw;\n'
		done
		cat <<-'EOF'
		-- the core's driver skips empty lines
		DELETE FROM corpus WHERE id = '' AND status IS NULL AND diagnostic IS NULL;
		.mode list
		.separator "\t" "\n"
		.output build/test/sqlite/sql-corpus.tsv
		SELECT	id,
				coalesce(bounce_category(status, diagnostic), 'NULL'),
				CASE is_hard_bounce(status, diagnostic) WHEN 1 THEN 't' WHEN 0 THEN 'f' ELSE 'NULL' END,
				coalesce(json_extract(bounce_explain(status, diagnostic), '$.rule'), '')
		FROM	corpus ORDER BY file, line;
		.output build/test/sqlite/explain-spans.txt
		-- explain's match_start/match_length are substr() positions
		SELECT	count(*) FILTER (WHERE json_extract(e, '$.rule') IS NOT NULL),
				count(*) FILTER (WHERE json_extract(e, '$.rule') IS NOT NULL
					AND instr(json_extract(e, '$.matched'), char(65533)) = 0
					AND json_extract(e, '$.match_length') <= 256
					AND substr(diagnostic, json_extract(e, '$.match_start'),
							   json_extract(e, '$.match_length')) IS NOT json_extract(e, '$.matched'))
		FROM	(SELECT diagnostic, bounce_explain(status, diagnostic) AS e FROM corpus);
		EOF
	} >"$out/parity.sql"
	if ! sql :memory: <"$out/parity.sql" >"$out/parity.log" 2>&1; then
		fail "parity: the SQL run failed:"
		tail -n 5 "$out/parity.log"
		return
	fi
	rows=$(wc -l <"$out/core-corpus.tsv")
	# The module must hold the same core as the driver (a stale bounce.so
	# would compare old rules with new). The driver itself is linked after the
	# module in a normal build, so only the library is compared.
	if [ build/libbounce.a -nt sqlite/bounce.so ]; then
		fail "parity: build/libbounce.a is newer than sqlite/bounce.so (run make test-sqlite again)"
		return
	fi
	if [ "$rows" -eq 0 ]; then
		fail "parity: the corpus has no rows"
	elif diff "$out/core-corpus.tsv" "$out/sql-corpus.tsv" >"$out/parity.diff"; then
		pass "parity: $rows corpus rows, SQL = core (id, category, hard, rule)"
	else
		fail "parity: $(grep -c '^<' "$out/parity.diff") of $rows rows differ (core <, SQL >):"
		head -n 20 "$out/parity.diff"
	fi
	set -- $(tr '\t' ' ' <"$out/explain-spans.txt")
	if [ "${2:-x}" = 0 ]; then
		pass "explain: substr(diagnostic, match_start, match_length) = matched on ${1} rule matches"
	else
		fail "explain: ${2:-?} of ${1:-?} rule matches have a span that is not the matched text"
	fi
}
parity "$@"

# 2. golden files
for script in test/sqlite/sql/*.sql; do
	name=$(basename "$script" .sql)
	sql :memory: <"$script" >"$out/$name.out" 2>&1
	if [ ! -f "test/sqlite/expected/$name.out" ]; then
		fail "golden $name: no test/sqlite/expected/$name.out (output in $out/$name.out)"
	elif diff -u "test/sqlite/expected/$name.out" "$out/$name.out" >"$out/$name.diff"; then
		pass "golden $name"
	else
		fail "golden $name: output differs ($out/$name.diff):"
		head -n 30 "$out/$name.diff"
	fi
done

# 3. the examples users copy
if sql -bail :memory: <sql/examples/sqlite.sql >"$out/examples.out" 2>"$out/examples.err" \
	&& [ ! -s "$out/examples.err" ]; then
	pass "examples: sql/examples/sqlite.sql runs"
else
	fail "examples: sql/examples/sqlite.sql failed:"
	head -n 10 "$out/examples.err"
fi
for index in bounces_by_category bounce_log_category; do
	if grep -q "USING INDEX $index " "$out/examples.out"; then
		pass "examples: EXPLAIN QUERY PLAN uses $index"
	else
		fail "examples: EXPLAIN QUERY PLAN does not use $index"
	fi
done

# the demo ("make demo-report") runs and draws its report
if sql -bail :memory: <test/data/demo-report.sql >"$out/demo.out" 2>"$out/demo.err" \
	&& [ ! -s "$out/demo.err" ] && grep -q '^Bounces by category' "$out/demo.out" \
	&& grep -q '█' "$out/demo.out" && grep -q '^Left as "other"' "$out/demo.out"; then
	pass "demo: test/data/demo-report.sql reports on the sample"
else
	fail "demo: test/data/demo-report.sql failed:"
	head -n 10 "$out/demo.err"
fi

# 4. through Python's sqlite3 module
if "$PYTHON3" -c 'import sqlite3; sqlite3.connect(":memory:").enable_load_extension(True)' 2>/dev/null; then
	"$PYTHON3" test/sqlite/checks.py "$@" >"$out/checks.log" 2>&1
	rc=$?
	cat "$out/checks.log"
	n_ok=$(grep -c '^ok ' "$out/checks.log")
	n_fail=$(grep -c '^FAIL ' "$out/checks.log")
	passed=$((passed + n_ok))
	failed=$((failed + n_fail))
	if [ $rc -ne 0 ] && [ "$n_fail" -eq 0 ]; then
		fail "checks.py exited with status $rc"
	fi
else
	fail "python: $PYTHON3 has no sqlite3.enable_load_extension (use /usr/bin/python3)"
fi


# 5. memory errors and leaks (the matcher is freed once per connection)
if [ -z "$VALGRIND" ] && command -v valgrind >/dev/null 2>&1; then
	for name in functions types surface; do
		BOUNCE_NO_JIT=1 valgrind -q --error-exitcode=99 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect \
			"$SQLITE3" -batch :memory: <"test/sqlite/sql/$name.sql" \
			>"$out/valgrind-$name.out" 2>"$out/valgrind-$name.log"
		if [ $? -eq 99 ]; then
			fail "valgrind $name: memory errors or leaks ($out/valgrind-$name.log):"
			head -n 30 "$out/valgrind-$name.log"
		else
			pass "valgrind $name: no memory errors, no leaks"
		fi
	done
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
