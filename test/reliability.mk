# test/reliability.mk: fuzzing, sanitizer and valgrind runs, load tests.
# Included by the top Makefile. What each run found: docs/reliability.md.
#
#   make fuzz             the libFuzzer harnesses, FUZZ_SECONDS each (default
#                         60), side by side, on a corpus kept in build/fuzz/
#   make fuzz-merge       shrink the kept corpora to the inputs that add
#                         coverage
#   make test-fuzz        the short pass for "make test": each harness over
#                         its seeds, then FUZZ_SHORT_SECONDS (default 10)
#   make test-sanitize    core, test drivers and SQLite extension built with
#                         -fsanitize=address,undefined into build/asan/; the
#                         core and SQLite suites and the bad-input matrix run
#   make test-valgrind    the same suites under valgrind memcheck
#   make adversarial      worst time per built-in rule on adversarial texts
#                         (the table of docs/reliability.md)
#   make test-load        PostgreSQL: pgbench inserts through a classifying
#                         trigger (also with a backend terminated), the
#                         bad-input matrix, a non-superuser install
#
# Every test-* target ends with "N passed, N failed" and exits non-zero on
# a failure.

# ---- fuzzing (clang: libFuzzer, AddressSanitizer, UBSan) ----------------

FUZZ_CC            ?= clang
FUZZ_SECONDS       ?= 60
FUZZ_SHORT_SECONDS ?= 10
FUZZ_HARNESSES      = classify split custom
SAN_FLAGS           = -fsanitize=address,undefined -fno-sanitize-recover=all \
                      -fno-omit-frame-pointer
FUZZ_CFLAGS = -std=gnu99 -O1 -g $(WARN) \
              -DBOUNCE_VERSION='"$(EXTVERSION)"' $(PCRE2_CFLAGS) $(SAN_FLAGS)
FUZZ_OBJS   = $(patsubst core/%.c,build/fuzz/core/%.o,$(CORE_SRCS))
FUZZ_BINS   = $(patsubst %,build/fuzz/fuzz_%,$(FUZZ_HARNESSES))

build/fuzz/core/%.o: core/%.c $(CORE_HDRS)
	@mkdir -p build/fuzz/core
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

build/fuzz/fuzz_%: test/fuzz/fuzz_%.c test/fuzz/fuzz_check.h test/fuzz/json_check.h test/core/unwrap_check.h $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) \
		$(PCRE2_LIBS) -lpthread

build/fuzz/dict_gen: test/fuzz/dict_gen.c build/libbounce.a
	@mkdir -p build/fuzz
	$(CC) $(BOUNCE_CFLAGS) -o $@ $< build/libbounce.a $(PCRE2_LIBS) -lpthread

build/fuzz/rules.dict: build/fuzz/dict_gen
	build/fuzz/dict_gen > $@.tmp && mv $@.tmp $@

# fuzz_custom: pcre2 syntax as well as the rules' words
build/fuzz/custom.dict: test/fuzz/regex.dict build/fuzz/rules.dict
	cat test/fuzz/regex.dict build/fuzz/rules.dict > $@

# the corpus rows, one seed file each (rebuilt when the corpus changes)
build/fuzz/seeds/.stamp: test/fuzz/seeds.py $(CORPUS) $(RULE_FILES) $(wildcard core/providers.rules)
	$(PYTHON3) test/fuzz/seeds.py build/fuzz/seeds $(CORPUS) \
		--rules $(RULE_FILES) $(wildcard core/providers.rules)
	@touch $@

fuzz-build: $(FUZZ_BINS) build/fuzz/rules.dict build/fuzz/custom.dict build/fuzz/seeds/.stamp

fuzz: fuzz-build
	@sh test/fuzz/run-fuzz long $(FUZZ_SECONDS) $(FUZZ_HARNESSES)

# The kept corpora grow from run to run until "make fuzz" spends most of
# its time replaying them: shrink them to the inputs that add coverage.
fuzz-merge: fuzz-build
	@sh test/fuzz/run-fuzz merge 0 $(FUZZ_HARNESSES)

test-fuzz:
	@mkdir -p build
	@$(MAKE) --no-print-directory fuzz-build >build/fuzz-build.log 2>&1 || \
		{ tail -n 30 build/fuzz-build.log; \
		  echo "test-fuzz: building the harnesses failed (needs clang and libclang-rt-dev)"; \
		  echo "0 passed, 1 failed"; exit 1; }
	@sh test/fuzz/run-fuzz short $(FUZZ_SHORT_SECONDS) $(FUZZ_HARNESSES)

.PHONY: fuzz fuzz-build fuzz-merge test-fuzz

# ---- sanitizers: AddressSanitizer + UndefinedBehaviorSanitizer ----------
#
# SAN_CC=gcc by default: its ASan/UBSan runtimes come with gcc itself
# (libasan8, libubsan1), so "make test" needs nothing more; SAN_CC=clang
# works too (with libclang-rt-dev). The SQLite extension is run by the
# stock sqlite3 CLI and python3 with the ASan runtime preloaded.

SAN_CC     ?= gcc
ifneq (,$(findstring clang,$(SAN_CC)))
SAN_SHARED  = -shared-libasan
endif
# -O2 as the normal build, so the same code gives the same warnings
SAN_OPT    ?= -O2
SAN_COMMON  = -std=gnu99 -g $(WARN) -fPIC -DBOUNCE_VERSION='"$(EXTVERSION)"' \
              $(PCRE2_CFLAGS)
ASAN_CFLAGS = $(SAN_COMMON) $(SAN_OPT) $(SAN_EXTRA) $(SAN_FLAGS)
ASAN_OBJS   = $(patsubst core/%.c,build/asan/core/%.o,$(CORE_SRCS))
ASAN_BINS   = build/asan/test/unit_test build/asan/test/corpus_test \
              build/asan/test/core_matrix build/asan/sqlite/bounce.so

build/asan/core/%.o: core/%.c $(CORE_HDRS)
	@mkdir -p build/asan/core
	$(SAN_CC) $(ASAN_CFLAGS) -c -o $@ $<

build/asan/libbounce.a: $(ASAN_OBJS)
	rm -f $@
	ar rcs $@ $(ASAN_OBJS)

build/asan/test/%: test/core/%.c test/core/check.h test/core/unwrap_check.h build/asan/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/asan/test
	$(SAN_CC) $(ASAN_CFLAGS) -o $@ $< build/asan/libbounce.a $(PCRE2_LIBS) -lpthread

build/asan/test/core_matrix: test/fuzz/matrix/core_matrix.c test/fuzz/json_check.h \
		build/asan/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/asan/test
	$(SAN_CC) $(ASAN_CFLAGS) -o $@ $< build/asan/libbounce.a $(PCRE2_LIBS) -lpthread

# (after build/libbounce.a: test/sqlite/run.sh wants the module newer than
# the library, which it gets from the normal build, see test/fuzz/run-sanitize)
build/asan/sqlite/bounce.so: sqlite/bounce_sqlite.c build/asan/libbounce.a $(CORE_HDRS) \
		build/libbounce.a
	@mkdir -p build/asan/sqlite
	$(SAN_CC) $(ASAN_CFLAGS) $(SAN_SHARED) $(SQLITE_LDFLAGS) -o $@ \
		sqlite/bounce_sqlite.c build/asan/libbounce.a $(PCRE2_LIBS) -lpthread

# ThreadSanitizer for the unit tests, whose "threads" group races threads
# over one rule set (its lazily compiled whole patterns and UTF forms); in
# build/asan/ so that a change of SAN_CC rebuilds it too
TSAN_CFLAGS = $(SAN_COMMON) -O1 -fsanitize=thread
TSAN_OBJS   = $(patsubst core/%.c,build/asan/tsan/core/%.o,$(CORE_SRCS))

build/asan/tsan/core/%.o: core/%.c $(CORE_HDRS)
	@mkdir -p build/asan/tsan/core
	$(SAN_CC) $(TSAN_CFLAGS) -c -o $@ $<

build/asan/tsan/unit_test: test/core/unit_test.c test/core/check.h test/core/unwrap_check.h $(TSAN_OBJS) \
		core/internal.h core/bounce.h
	$(SAN_CC) $(TSAN_CFLAGS) -o $@ $< $(TSAN_OBJS) $(PCRE2_LIBS) -lpthread

# the bad-input matrix driver in the normal build (valgrind runs this one)
build/test/core_matrix: test/fuzz/matrix/core_matrix.c test/fuzz/json_check.h \
		build/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/test
	$(CC) $(BOUNCE_CFLAGS) -o $@ $< build/libbounce.a $(PCRE2_LIBS) -lpthread

sanitize-build: $(SQLITE_EXT) build/test/corpus_test build/test/core_matrix $(ASAN_BINS) \
		build/asan/tsan/unit_test

# build/asan/ is rebuilt from scratch when SAN_CC or SAN_OPT change
test-sanitize:
	@mkdir -p build/asan
	@if [ "$$(cat build/asan/.flags 2>/dev/null)" != "$(SAN_CC) $(SAN_OPT)" ]; then \
		rm -rf build/asan && mkdir -p build/asan && \
		echo "$(SAN_CC) $(SAN_OPT)" >build/asan/.flags; fi
	@$(MAKE) --no-print-directory sanitize-build >build/sanitize-build.log 2>&1 || \
		{ tail -n 30 build/sanitize-build.log; \
		  echo "test-sanitize: the sanitizer build failed (log: build/sanitize-build.log)"; \
		  echo "0 passed, 1 failed"; exit 1; }
	@SAN_CC="$(SAN_CC)" SQLITE3="$(SQLITE3)" PYTHON3="$(PYTHON3)" \
		sh test/fuzz/run-sanitize $(CORPUS)

.PHONY: sanitize-build test-sanitize

# ---- valgrind memcheck (the normal build, pcre2 JIT off) ----------------

test-valgrind: build/test/unit_test build/test/late_compile_test build/test/corpus_test build/test/core_matrix $(SQLITE_EXT)
	@SQLITE3="$(SQLITE3)" PYTHON3="$(PYTHON3)" CC="$(CC)" \
		sh test/fuzz/run-valgrind $(CORPUS)

.PHONY: test-valgrind

# ---- adversarial texts against every built-in rule -------------------------

ADVERSARIAL_TOP ?= 20
build/test/adversarial: test/fuzz/adversarial.c build/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/test
	$(CC) $(BOUNCE_CFLAGS) -o $@ $< build/libbounce.a $(PCRE2_LIBS) -lpthread

# the table for docs/reliability.md, also kept in build/adversarial.md
adversarial: build/test/adversarial
	@build/test/adversarial -n $(ADVERSARIAL_TOP) >build/adversarial.md; rc=$$?; \
		cat build/adversarial.md; exit $$rc

.PHONY: adversarial

# ---- PostgreSQL under load, faults and bad input ---------------------------
#
# make install, then a throwaway cluster (pg_virtualenv): pgbench inserting
# through a classifying trigger, once steadily and once with a backend
# terminated mid-transaction; the bad-input matrix; a non-superuser install.
# LOAD_SECONDS (default 30) per pgbench run, LOAD_CLIENTS (default 16).

test-load:
	@LOAD_SECONDS="$(LOAD_SECONDS)" LOAD_CLIENTS="$(LOAD_CLIENTS)" sh test/load/run

LOAD_SECONDS ?= 30
LOAD_CLIENTS ?= 16

.PHONY: test-load
