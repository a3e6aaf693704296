# pg/pg.mk: the PostgreSQL extension, built with PGXS. Included by the top
# Makefile before PGXS itself (PGXS reads the variables set here).
#
#   make install                  install bounce.so, bounce.control and
#                                 sql/bounce--*.sql into the server that
#                                 pg_config (on the PATH) belongs to
#   make installcheck             pg_regress (test/sql, test/expected)
#                                 against the running server
#   make installcheck REGRESS=x   one test file
#   make test-pg                  make install, then installcheck in a
#                                 throwaway cluster (pg_virtualenv)
#
# The module links build/libbounce.a (the core, PIC) and pcre2; the core's
# symbols stay local to bounce.so (--exclude-libs), so only the SQL-callable
# functions are exported.

MODULE_big   = bounce
OBJS         = pg/bounce_pg.o
# the install script of every version and the upgrade scripts between them
DATA         = $(wildcard sql/bounce--*.sql)
PG_CPPFLAGS  = -Icore $(PCRE2_CFLAGS) -DBOUNCE_VERSION='"$(EXTVERSION)"'
PG_CFLAGS    = $(WARN) $(CFLAGS_EXTRA)
SHLIB_LINK   = build/libbounce.a $(PCRE2_LIBS) -lpthread -Wl,--exclude-libs,ALL

# pg_regress: tests in test/sql, expected output in test/expected. The test
# database is UTF8 with the C locale whatever the server's defaults; tests
# that need SQL_ASCII or LATIN1 create those databases themselves.
REGRESS      = $(patsubst test/sql/%.sql,%,$(sort $(wildcard test/sql/*.sql)))
REGRESS_OPTS = --inputdir=test --load-extension=$(EXTENSION) \
               --encoding=UTF8 --no-locale
# the corpus files the tests load with \copy (PGXS runs this first)
REGRESS_PREP = pg-test-data
EXTRA_CLEAN += build/test/pg

pg/bounce_pg.o: $(CORE_HDRS)
bounce.so: build/libbounce.a

# The corpus as the SQL tests read it, and the core's answers to compare
# with, in build/test/pg/ (see test/pg/prepare.py): test/corpus/*.tsv plus
# the edge cases of test/pg/edge_cases.py. corpus_test exits 1 when rows
# miss their expected label; that is the core suite's business, and the
# file it writes is complete all the same.
PG_TEST_DATA = build/test/pg
PG_CORPUS    = $(CORPUS) $(PG_TEST_DATA)/edge-cases.tsv
pg-test-data: build/test/corpus_test
	@mkdir -p $(PG_TEST_DATA)
	@/usr/bin/python3 test/pg/edge_cases.py $(PG_TEST_DATA)/edge-cases.tsv
	@build/test/corpus_test -q -o $(PG_TEST_DATA)/core-corpus.tsv $(PG_CORPUS) \
		>$(PG_TEST_DATA)/corpus_test.log 2>&1; \
	rc=$$?; if [ $$rc -gt 1 ]; then \
		cat $(PG_TEST_DATA)/corpus_test.log >&2; \
		echo "corpus_test failed (exit $$rc)" >&2; exit 1; fi
	@/usr/bin/python3 test/pg/prepare.py $(PG_TEST_DATA) \
		$(PG_TEST_DATA)/core-corpus.tsv $(PG_CORPUS)

# The suite for "make test": last line "N passed, N failed".
test-pg:
	@sh test/pg/run

.PHONY: pg-test-data test-pg
