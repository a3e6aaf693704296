# bounce: classify email bounces, in PostgreSQL (PGXS) and SQLite.
#
#   make              core library, SQLite extension, PostgreSQL module
#   make demo         install missing packages, then the SQLite report
#   make test         install missing packages, then every test suite
#                     (core, SQLite, PostgreSQL in a throwaway cluster)
#   make install      install the PostgreSQL extension (PGXS)
#   make installcheck pg_regress against the running server
#   make deps         install the Debian packages the build and tests need
#
# Compile with extra flags: make CFLAGS_EXTRA="-fsanitize=address".

EXTENSION   = bounce
EXTVERSION := $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" bounce.control)

# The first target is the default one: everything but the PostgreSQL module
# gets built here, PGXS adds the module to "all" below.
all: build/libbounce.a sqlite/bounce.so

PKG_CONFIG   ?= pkg-config
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
PCRE2_LIBS   := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)

# Warnings for our own code, in every build (core, SQLite, tests, PGXS).
WARN = -Wall -Wextra -Werror -Wmissing-prototypes -Wdeclaration-after-statement \
       -Wpointer-arith -Wvla -Wno-unused-parameter -Wno-missing-field-initializers
OPT ?= -O2 -g
CC  ?= cc
BOUNCE_CFLAGS = -std=gnu99 $(OPT) $(WARN) -fPIC -DBOUNCE_VERSION='"$(EXTVERSION)"' \
                $(PCRE2_CFLAGS) $(CFLAGS_EXTRA)

include core/core.mk
include sqlite/sqlite.mk
include test/test.mk
include test/reliability.mk
include bench/bench.mk
include pg/pg.mk

# PGXS is optional: without pg_config the core and SQLite parts still build
# ("make deps" installs it). It must come after the variables pg/pg.mk sets.
PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(PGXS),)
include $(PGXS)
else
install installcheck:
	@echo "pg_config not found: run 'make deps' (or put pg_config on the PATH)" >&2; exit 1
endif

# Each suite ends with a line "N passed, N failed"; run-suites adds them up.
TEST_SUITES = test-core test-sqlite test-pg test-fuzz test-sanitize

# The README's two commands: both install what is missing first, then run
# make again so that PGXS is found once pg_config exists.
test:
	@sh .ci/deps test
	@$(MAKE) --no-print-directory all
	@sh test/run-suites $(TEST_SUITES)

demo:
	@sh .ci/deps demo
	@$(MAKE) --no-print-directory demo-report

deps:
	@sh .ci/deps test

.PHONY: all deps demo test install installcheck
