# test/test.mk: the core's test suites. Included by the top Makefile.

CORPUS = $(sort $(wildcard test/corpus/*.tsv))

build/test/%: test/core/%.c test/core/tsv.h test/core/check.h test/core/unwrap_check.h build/libbounce.a core/internal.h core/bounce.h
	@mkdir -p build/test
	$(CC) $(BOUNCE_CFLAGS) -o $@ $< build/libbounce.a $(PCRE2_LIBS) -lpthread

build/test/oom_test: test/core/oom_alloc.h test/core/check.h

# Unit tests, the core when allocations fail (oom_test replaces malloc, so
# never under $(VALGRIND)) and when pcre2 refuses a pattern the build
# accepted (late_compile_test replaces pcre2_compile), then the whole corpus (with the
# prefilter/reference parity check); no rule's \b next to a letter \b cannot see; no rule that spells
# "is not", "cannot" or "mailbox" one way only; no group that lists an
# alternative twice; no count PostgreSQL's regexes refuse; and the
# rules-file compiler's checks.
test-core: build/test/unit_test build/test/oom_test build/test/late_compile_test build/test/corpus_test build/rulegen
	python3 test/tools/word_bounds.py $(sort $(wildcard core/rules/*.rules))
	python3 test/tools/spellings.py $(sort $(wildcard core/rules/*.rules))
	python3 test/tools/alternatives.py $(sort $(wildcard core/rules/*.rules))
	python3 test/tools/counts.py $(sort $(wildcard core/rules/*.rules))
	python3 test/tools/rulegen_check.py build/rulegen "$(CC) -std=gnu99 -O0 $(WARN) $(PCRE2_CFLAGS)" "$(PCRE2_LIBS)"
	$(VALGRIND) build/test/unit_test
	build/test/oom_test
	$(VALGRIND) build/test/late_compile_test $(CORPUS)
	$(VALGRIND) build/test/corpus_test -q -p -w -o build/test/core-corpus.tsv $(CORPUS)

# docs/accuracy.md: accuracy, recall and precision per category, and the
# confusions, on the project corpus (and on the workspace's development
# corpus of real bounces, labelled by the contract, when it is there).
DEV_CORPUS ?= ../shared/corpus/bounces-dev.tsv
accuracy: build/test/corpus_test
	python3 test/tools/accuracy.py build/test/corpus_test docs/accuracy.md \
		"Project corpus (test/corpus, every row must pass)=$(subst $(eval) ,$(comma),$(CORPUS))" \
		"Development corpus (real bounces from Sisimai's public set, relabelled by the contract)=$(DEV_CORPUS)"

comma := ,

# How many answers change when the corpus's texts are spelt another way
# ("isn't", "mail box", "time-out", addresses without angle brackets):
# advice for rule authors, not a test (test/tools/perturb.py).
perturb: build/test/corpus_test
	python3 test/tools/perturb.py build/test/corpus_test $(CORPUS) $(wildcard $(DEV_CORPUS))

# Report rules that no corpus row reaches, or that earlier rules shadow
# (advice for rule authors; it does not fail on findings).
lint-rules: build/test/rule_lint
	build/test/rule_lint $(CORPUS)

.PHONY: test-core accuracy lint-rules perturb
