#!/bin/sh
# test/pg/preload.sh EXPECT: run by test/pg/run inside a throwaway cluster
# (pg_virtualenv), once with shared_preload_libraries = bounce (EXPECT
# "shared": the postmaster compiled the built-in rules, so a new backend's
# first classification compiles nothing) and once without (EXPECT "own":
# the backend compiles them itself, which the DEBUG1 line shows: the check
# that the message exists at all, so the first check cannot pass by its
# absence). Parallel workers' messages reach the client too (four lines
# without preloading: a session, then a leader and its two workers).
# Either way the answers must be the ordinary ones.
# Prints "N passed, N failed".
set -u
expect=$1
passed=0
failed=0
check() {
	if [ "$1" = yes ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "preload ($expect): FAILED: $2" >&2
	fi
}

psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION bounce' >/dev/null 2>&1 ||
	check no "CREATE EXTENSION bounce"
# a new session: its first call is the backend's first
out=$(psql -X -A -t -v ON_ERROR_STOP=1 2>&1 <<'SQL'
SHOW shared_preload_libraries;
SET client_min_messages = debug1;
SELECT bounce_category('550', '5.1.1 <user@example.com>: Recipient address rejected: User unknown in local recipient table');
SELECT is_hard_bounce('452 4.2.2', 'Mailbox full');
SQL
)
echo "$out"
case $expect in
shared)
	echo "$out" | grep -qx 'bounce' && ok=yes || ok=no
	check $ok "the cluster was not started with shared_preload_libraries = bounce"
	echo "$out" | grep -q 'compiling the built-in rules' && ok=no || ok=yes
	check $ok "a new backend compiled the built-in rules although the postmaster had"
	;;
own)
	echo "$out" | grep -q 'compiling the built-in rules in this backend' && ok=yes || ok=no
	check $ok "a backend's first call did not say that it compiled the rules"
	;;
esac
echo "$out" | grep -qx 'invalid-mailbox' && ok=yes || ok=no
check $ok "bounce_category gave no invalid-mailbox"
echo "$out" | grep -qx 'f' && ok=yes || ok=no
check $ok "is_hard_bounce of a full mailbox was not false"

# parallel workers are forked by the postmaster too: with the rules
# compiled there they classify with them, without it each compiles its own
par=$(psql -X -A -t -v ON_ERROR_STOP=1 2>&1 <<'SQL'
CREATE TABLE preload_rows AS
  SELECT g AS id,
         CASE g % 3 WHEN 0 THEN '550 5.1.1 user' || g || '@example.com: User unknown'
                    WHEN 1 THEN '552 5.2.2 Mailbox full'
                    ELSE '421 4.7.0 Try again later, closing connection' END AS diagnostic
    FROM generate_series(1, 30000) g;
ANALYZE preload_rows;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET client_min_messages = debug1;
EXPLAIN (COSTS OFF) SELECT count(*) FROM preload_rows WHERE bounce_category(NULL, diagnostic) = 'invalid-mailbox';
SELECT 'count=' || count(*) FROM preload_rows WHERE bounce_category(NULL, diagnostic) = 'invalid-mailbox';
SQL
)
echo "$par"
echo "$par" | grep -q 'Workers Planned' && ok=yes || ok=no
check $ok "the check's query got no parallel plan"
echo "$par" | grep -qx 'count=10000' && ok=yes || ok=no
check $ok "parallel workers did not find the 10000 unknown users"
if [ "$expect" = shared ]; then
	echo "$par" | grep -q 'compiling the built-in rules' && ok=no || ok=yes
	check $ok "the leader or a parallel worker compiled the built-in rules although the postmaster had"
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
