# bench/bench.mk: benchmarks (make bench).
#
#   make bench          install missing packages, build, then bench/run.py:
#                       1M seeded rows, the core, SQLite and PostgreSQL (a
#                       throwaway cluster: make install needs root, as for
#                       make test), callgrind; prints the table and writes
#                       it to bench/results.md. 5 to 7 minutes on 2 quiet
#                       cores (rows kept in bench/work/ after the first run).
#   make bench-quick    the same on 50,000 rows, results.md left alone
#                       (checks the benchmark itself, in about a minute)
#
# Options for bench/run.py: make bench BENCH_ARGS="--no-pg --reps 3".
# Generated rows and intermediate files live in bench/work/.

BENCH_ARGS ?=

build/bench/core_bench: bench/core_bench.c build/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/bench
	$(CC) $(BOUNCE_CFLAGS) -o $@ bench/core_bench.c build/libbounce.a $(PCRE2_LIBS) -lpthread

# Loaded by its path into the benchmark's cluster only; never installed.
build/bench/pg_floor.so: bench/pg_floor.c
	@mkdir -p build/bench
	$(CC) -O2 -fPIC -shared $(WARN) -I"$$($(PG_CONFIG) --includedir-server)" -o $@ bench/pg_floor.c

# pg_floor.so only where the server headers are (pg_config on the PATH).
bench-build: build/bench/core_bench $(SQLITE_EXT)
	@if command -v $(PG_CONFIG) >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory build/bench/pg_floor.so; fi

bench:
	@sh .ci/deps test
	@$(MAKE) --no-print-directory all bench-build
	@$(PYTHON3) bench/run.py $(BENCH_ARGS)

bench-quick:
	@sh .ci/deps test
	@$(MAKE) --no-print-directory all bench-build
	@$(PYTHON3) bench/run.py --quick $(BENCH_ARGS)

EXTRA_CLEAN += build/bench bench/work

.PHONY: bench bench-quick bench-build
