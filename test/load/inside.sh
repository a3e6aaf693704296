#!/bin/sh
# test/load/inside.sh SECONDS CLIENTS: the load test's work, run by
# test/load/run inside a throwaway pg_virtualenv cluster (PGHOST, PGPORT,
# PGUSER, PGPASSWORD set), from the project root.
#
# 1. steady load: pgbench, CLIENTS clients (2 threads) for SECONDS seconds,
#    each transaction inserting two rows into bounces, whose trigger
#    classifies them (test/load/insert.pgbench, test/load/schema.sql).
#    Checks: pgbench exits 0 with no failed or aborted client; the table
#    holds exactly 2 rows per transaction pgbench reports, and per client
#    exactly 2 per transaction in pgbench's per-transaction log; every row
#    has the category and hard flag its sample must have.
# 2. the same with one backend terminated: after a third of the time the
#    controller takes the advisory lock every transaction takes before
#    COMMIT, waits until the clients wait for it inside their open
#    transactions (two rows inserted, not committed), terminates one of
#    those backends with pg_terminate_backend(), and lets the others go on.
#    Checks: exactly one client aborted, by that termination; its
#    transaction is reported aborted by pg_xact_status(); the rows are
#    still exactly 2 per committed transaction, per client too (the
#    terminated client's in-flight rows are not there and were not
#    counted); no other client lost its connection (a crashed backend would
#    have restarted them all); categories right.
# 3. the bad-input matrix (test/load/pg_matrix.sql) against its expected
#    output.
# 4. a role that is not a superuser installs the extension (bounce.control
#    says trusted = true) and manages its rules (test/load/trusted.sql).
#
# Prints "ok"/"FAIL" lines, the figures (also into build/load/figures.txt)
# and "N passed, N failed".
set -u
seconds=$1
clients=$2
out=build/load
psql="psql -X -q -v ON_ERROR_STOP=1"
passed=0
failed=0
pass() { echo "ok   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
figure() { echo "$1: $2" >>"$out/figures.txt"; echo "     $1: $2"; }
q() { $psql -At -d bounce_load -c "$1"; }
: >"$out/figures.txt"

figure "server" "$(psql -X -At -d postgres -c 'SELECT version()')"
figure "machine" "$(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
figure "shared_preload_libraries" "'$(psql -X -At -d postgres -c 'SHOW shared_preload_libraries')'"

createdb bounce_load || { fail "createdb"; echo "$passed passed, $failed failed"; exit 1; }
if ! $psql -d bounce_load -f test/load/schema.sql >"$out/schema.log" 2>&1; then
	fail "schema: test/load/schema.sql failed:"
	tail -n 10 "$out/schema.log"
	echo "$passed passed, $failed failed"
	exit 1
fi
samples=$(q "SELECT count(*) FROM samples")
figure "samples" "$samples ($(q "SELECT count(*) FROM samples WHERE seq IS NOT NULL") corpus rows, 3 long texts of 64 KiB to 1 MB)"

# rows per client in pgbench's per-transaction logs (PREFIX.PID[.THREAD]) (completed transactions:
# the third field is the latency; failed ones are marked otherwise)
log_counts() {
	cat "$1".[0-9]* 2>/dev/null | awk '$3 ~ /^[0-9]+$/ { n[$1]++ } END { for (c in n) print c, n[c] }' | sort -n
}
table_counts() {
	q "SELECT client, count(*) / 2 FROM bounces GROUP BY client ORDER BY client" | tr '|' ' '
}

# check_run NAME PGBENCH_OUTPUT LOG_PREFIX: the table against pgbench
check_run() {
	name=$1 pgb=$2 prefix=$3
	processed=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$pgb")
	tfailed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$pgb")
	tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$pgb")
	latency=$(sed -n 's/^latency average = \(.*\)$/\1/p' "$pgb")
	rows=$(q "SELECT count(*) FROM bounces")
	wrong=$(q "SELECT count(*) FROM bounces b JOIN expected e ON e.n = b.sample
	            WHERE b.category IS DISTINCT FROM e.category OR b.hard IS DISTINCT FROM e.hard")
	nulls=$(q "SELECT count(*) FROM bounces WHERE category IS NULL
	            AND (status IS NOT NULL OR diagnostic IS NOT NULL)")
	figure "$name: transactions committed (pgbench)" "${processed:-?}, failed ${tfailed:-?}, ${tps:-?} tps, latency ${latency:-?}"
	figure "$name: rows inserted = rows in the table" "$((2 * ${processed:-0})) expected, $rows counted"
	if [ -n "$processed" ] && [ "$rows" -eq $((2 * processed)) ] && [ "$processed" -gt 0 ]; then
		pass "$name: rows in the table = 2 x $processed committed transactions = $rows"
	else
		fail "$name: $rows rows for ${processed:-?} committed transactions (2 rows each)"
	fi
	if [ "${tfailed:-0}" -eq 0 ]; then
		pass "$name: no failed transaction"
	else
		fail "$name: $tfailed failed transactions"
	fi
	log_counts "$prefix" >"$out/$name-log-counts.txt"
	table_counts >"$out/$name-table-counts.txt"
	nclients=$(wc -l <"$out/$name-log-counts.txt")
	if [ "$nclients" -eq "$clients" ] &&
		diff "$out/$name-log-counts.txt" "$out/$name-table-counts.txt" >"$out/$name-counts.diff"; then
		pass "$name: per client, rows = 2 x the transactions pgbench logged ($nclients clients)"
	else
		fail "$name: per-client counts differ or clients missing (pgbench log vs table, $out/$name-counts.diff)"
		head -n 10 "$out/$name-counts.diff"
	fi
	if [ "$wrong" -eq 0 ] && [ "$nulls" -eq 0 ]; then
		pass "$name: every row has its sample's category and hard flag"
	else
		fail "$name: $wrong rows with a wrong category or hard flag, $nulls without a category"
	fi
}

pgbench_run() {
	prefix=$1
	shift
	rm -f "$prefix".[0-9]*
	pgbench -n -c "$clients" -j 2 -T "$seconds" -f test/load/insert.pgbench \
		-D samples="$samples" -l --log-prefix="$prefix" "$@" bounce_load
}

# ---- 1. steady load ----------------------------------------------------
pgbench_run "$out/steady-txlog" >"$out/steady.out" 2>&1
rc=$?
if [ $rc -eq 0 ] && ! grep -q 'aborted' "$out/steady.out"; then
	pass "steady: pgbench exit 0, no client aborted"
else
	fail "steady: pgbench exit $rc:"
	grep -E 'abort|error|FATAL' "$out/steady.out" | head -n 10
fi
check_run steady "$out/steady.out" "$out/steady-txlog"

# ---- 2. one backend terminated mid-transaction --------------------------
q "TRUNCATE bounces" >/dev/null
pgbench_run "$out/kill-txlog" >"$out/kill.out" 2>&1 &
pgbench_pid=$!
sleep $((seconds / 3))
cat >"$out/kill.sql" <<EOF
SELECT pg_advisory_lock(7007);
-- wait (up to 10 s) until the clients wait for the lock inside their
-- transactions, each with two uncommitted rows
DO \$\$
DECLARE
    waiting int;
BEGIN
    FOR i IN 1 .. 200 LOOP
        SELECT count(*) INTO waiting FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'pgbench'
           AND wait_event_type = 'Lock' AND wait_event = 'advisory'
           AND backend_xid IS NOT NULL;
        EXIT WHEN waiting >= $clients;
        PERFORM pg_sleep(0.05);
    END LOOP;
END
\$\$;
SELECT count(*) AS waiting FROM pg_stat_activity
 WHERE datname = current_database() AND application_name = 'pgbench'
   AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND backend_xid IS NOT NULL \gset
SELECT pid AS victim, backend_xid AS victim_xid FROM pg_stat_activity
 WHERE datname = current_database() AND application_name = 'pgbench'
   AND wait_event_type = 'Lock' AND wait_event = 'advisory' AND backend_xid IS NOT NULL
 ORDER BY pid LIMIT 1 \gset
SELECT pg_terminate_backend(:victim, 5000) AS terminated \gset
SELECT pg_advisory_unlock(7007);
\echo waiting=:waiting victim=:victim victim_xid=:victim_xid terminated=:terminated
EOF
$psql -d bounce_load -f "$out/kill.sql" >"$out/kill-controller.out" 2>&1
crc=$?
wait $pgbench_pid
rc=$?
cat "$out/kill-controller.out" >>"$out/kill.log"
line=$(grep '^waiting=' "$out/kill-controller.out")
waiting=$(echo "$line" | sed -n 's/.*waiting=\([0-9]*\).*/\1/p')
victim=$(echo "$line" | sed -n 's/.*victim=\([0-9]*\).*/\1/p')
xid=$(echo "$line" | sed -n 's/.*victim_xid=\([0-9]*\).*/\1/p')
terminated=$(echo "$line" | sed -n 's/.*terminated=\([a-z]*\).*/\1/p')
figure "kill: clients waiting inside a transaction when one was terminated" "${waiting:-?} of $clients"
if [ $crc -eq 0 ] && [ "$terminated" = t ] && [ -n "$xid" ]; then
	pass "kill: backend $victim terminated while in transaction $xid (2 rows inserted, not committed)"
else
	fail "kill: the controller failed (exit $crc): $line"
	tail -n 5 "$out/kill-controller.out"
fi
aborted=$(grep -c 'aborted in command' "$out/kill.out")
by_admin=$(grep 'aborted in command' "$out/kill.out" | grep -c 'terminating connection due to administrator command')
client=$(grep 'aborted in command' "$out/kill.out" | sed -n 's/.*client \([0-9]*\) .*aborted in command.*/\1/p' | head -n 1)
figure "kill: pgbench" "exit $rc, $aborted client aborted ($(grep 'aborted in command' "$out/kill.out" | head -n 1 | sed 's/^pgbench: error: //'))"
if [ "$aborted" -eq 1 ] && [ "$by_admin" -eq 1 ]; then
	pass "kill: exactly one client aborted (client $client), by the termination; the other $((clients - 1)) kept their connections"
else
	fail "kill: $aborted clients aborted ($by_admin by the termination); expected exactly 1"
	grep -E 'abort|FATAL|error' "$out/kill.out" | head -n 10
fi
if [ -n "$xid" ]; then
	status=$(q "SELECT pg_xact_status('$xid'::xid8)")
	if [ "$status" = aborted ]; then
		pass "kill: the terminated transaction $xid is aborted (pg_xact_status)"
	else
		fail "kill: the terminated transaction $xid is '$status', not aborted"
	fi
	own=$(q "SELECT count(*) FROM bounces WHERE xmin::text = '$xid'")
	[ "$own" -eq 0 ] && pass "kill: no row of the terminated transaction is in the table" ||
		fail "kill: $own rows of the terminated transaction are in the table"
fi
if [ -n "$victim" ] && [ -n "$client" ]; then
	vclient=$(q "SELECT DISTINCT client FROM bounces WHERE backend = $victim")
	vrows=$(q "SELECT count(*) FROM bounces WHERE backend = $victim")
	vlogged=$(log_counts "$out/kill-txlog" | awk -v c="$client" '$1 == c { print $2 }')
	figure "kill: terminated client" "client $client, backend $victim: ${vlogged:-0} transactions logged by pgbench, $vrows rows in the table"
	if [ "${vclient:-$client}" = "$client" ] && [ "$vrows" -eq $((2 * ${vlogged:-0})) ]; then
		pass "kill: the terminated client's rows = 2 x its ${vlogged:-0} committed transactions (the in-flight one not counted, not stored)"
	else
		fail "kill: the terminated client (backend $victim, client ${vclient:-?}) has $vrows rows for ${vlogged:-?} committed transactions"
	fi
fi
check_run kill "$out/kill.out" "$out/kill-txlog"

# ---- 3. bad-input matrix ---------------------------------------------------
createdb bounce_matrix && $psql -d bounce_matrix -c 'CREATE EXTENSION bounce' >/dev/null
psql -X -q -a -d bounce_matrix -f test/load/pg_matrix.sql >"$out/pg_matrix.out" 2>&1
if diff -u test/load/pg_matrix.expected "$out/pg_matrix.out" >"$out/pg_matrix.diff"; then
	pass "pg_matrix: output as expected (test/load/pg_matrix.expected)"
else
	fail "pg_matrix: output differs ($out/pg_matrix.diff):"
	head -n 40 "$out/pg_matrix.diff"
fi

# ---- 4. a role that is not a superuser installs the extension ------------
$psql -d postgres >"$out/trusted-setup.log" 2>&1 <<EOF
CREATE ROLE bounce_app LOGIN PASSWORD 'bounce_app' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE bounce_trusted;
GRANT CREATE ON DATABASE bounce_trusted TO bounce_app;
EOF
# installs, and what the script created stays the superuser's
PGUSER=bounce_app PGPASSWORD=bounce_app psql -X -q -a -d bounce_trusted \
	-f test/load/trusted.sql >"$out/trusted.out" 2>&1
if diff -u test/load/trusted.expected "$out/trusted.out" >"$out/trusted.diff"; then
	pass "trusted: a role with CREATE on the database installs it; hostile schema, ownership and changes as expected (test/load/trusted.expected)"
else
	fail "trusted: output differs ($out/trusted.diff):"
	head -n 40 "$out/trusted.diff"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
