# sqlite/sqlite.mk: the SQLite loadable extension, its test suite and the
# demo report. Included by the top Makefile.
#
#   sqlite/bounce.so   load with ".load sqlite/bounce" (sqlite3 CLI, from the
#                      project root) or load_extension('sqlite/bounce');
#                      entry point sqlite3_bounce_init
#   make test-sqlite   golden CLI scripts, Python checks, corpus parity
#   make demo-report   the README's demo: a report over test/data/sample-bounces.tsv
#
# The module is not linked with -lsqlite3 (the host provides SQLite through
# the sqlite3_api table). The core is linked in statically and only the
# entry point is exported. -z nodelete keeps the module mapped once loaded:
# the core compiles its rules once per process and keeps them, so unloading
# (when the last connection using it closes) would lose them, and loading
# again would compile them again.

SQLITE_EXT     = sqlite/bounce.so
SQLITE3       ?= sqlite3
PYTHON3       ?= /usr/bin/python3
SQLITE_LDFLAGS = -shared -fvisibility=hidden -Wl,--exclude-libs,ALL -Wl,-z,nodelete

$(SQLITE_EXT): sqlite/bounce_sqlite.c build/libbounce.a $(CORE_HDRS)
	$(CC) $(BOUNCE_CFLAGS) $(SQLITE_LDFLAGS) -o $@ sqlite/bounce_sqlite.c \
		build/libbounce.a $(PCRE2_LIBS) -lpthread

# The suite needs the core's corpus driver for the parity check; it runs it
# itself so that the comparison is with the rules of this build. Then the
# module when allocations fail (oom_sqlite replaces malloc: the normal build
# only, never under a sanitizer or valgrind, which run run.sh themselves).
test-sqlite: $(SQLITE_EXT) build/test/corpus_test build/test/oom_sqlite
	@SQLITE3="$(SQLITE3)" PYTHON3="$(PYTHON3)" VALGRIND="$(VALGRIND)" \
		sh test/sqlite/run.sh $(CORPUS)
	@echo "== oom_sqlite: every allocation of seven scenarios failed in turn"
	@build/test/oom_sqlite $(SQLITE_EXT)

SQLITE3_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3 2>/dev/null || echo -lsqlite3)

build/test/oom_sqlite: test/sqlite/oom_sqlite.c test/core/oom_alloc.h test/core/check.h
	@mkdir -p build/test
	$(CC) -std=gnu99 $(OPT) $(WARN) -o $@ $< $(SQLITE3_LIBS) -ldl

demo-report: $(SQLITE_EXT)
	@$(SQLITE3) -batch -bail :memory: < test/data/demo-report.sql

# Regenerate the demo's sample from the corpus (seeded: same corpus, same file).
sample-bounces:
	$(PYTHON3) test/data/generate.py -o test/data/sample-bounces.tsv

EXTRA_CLEAN += $(SQLITE_EXT) build/test/sqlite

.PHONY: test-sqlite demo-report sample-bounces
