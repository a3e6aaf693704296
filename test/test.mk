# test/test.mk: the core's test suites. Included by the top Makefile.

CORPUS = $(sort $(wildcard test/corpus/*.tsv))

build/test/%: test/core/%.c build/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/test
	$(CC) $(BOUNCE_CFLAGS) -o $@ $< build/libbounce.a $(PCRE2_LIBS) -lpthread

# Unit tests, then the whole corpus (with the prefilter/reference parity check).
test-core: build/test/unit_test build/test/corpus_test
	$(VALGRIND) build/test/unit_test
	$(VALGRIND) build/test/corpus_test -q -p -o build/test/core-corpus.tsv $(CORPUS)

.PHONY: test-core
