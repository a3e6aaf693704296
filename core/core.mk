# core/core.mk: the classifier library (no SQL). Included by the top Makefile.
#
# The rules live in core/rules/*.rules (data, read in file-name order, which
# is the precedence order); build/rulegen turns them into the C table
# core/rules_builtin.c, and build/factorgen analyses that table's branches
# into core/factors_builtin.c, and build/automatongen builds their literal
# automaton into core/automaton_builtin.c (what bounce_init would otherwise
# work out in every process).

CORE_SRCS = core/names.c core/status.c core/utf8.c core/unwrap.c core/factor.c \
            core/branches.c core/ruleset.c core/classify.c core/explain.c core/custom.c \
            core/fingerprint.c core/provider.c core/rules_builtin.c \
            core/factors_builtin.c core/providers_builtin.c \
            core/automaton_builtin.c
CORE_HDRS = core/bounce.h core/categories.def core/internal.h \
            core/frequent_grams.def
RULE_FILES = $(sort $(wildcard core/rules/*.rules))

build/rulegen: core/rulegen.c core/categories.def core/internal.h core/bounce.h
	@mkdir -p build
	$(CC) -std=gnu99 -O1 $(WARN) -o $@ core/rulegen.c

core/rules_builtin.c: build/rulegen $(RULE_FILES)
	build/rulegen $(RULE_FILES) > $@.tmp && mv $@.tmp $@

FACTORGEN_SRCS = core/factorgen.c core/factor.c core/utf8.c core/branches.c \
                 core/rules_builtin.c

build/factorgen: $(FACTORGEN_SRCS) $(CORE_HDRS)
	@mkdir -p build
	$(CC) -std=gnu99 -O2 $(WARN) $(PCRE2_CFLAGS) -o $@ $(FACTORGEN_SRCS) $(PCRE2_LIBS)

core/factors_builtin.c: build/factorgen
	build/factorgen > $@.tmp && mv $@.tmp $@

core/providers_builtin.c: build/rulegen core/providers.rules
	build/rulegen -n bounce_provider core/providers.rules > $@.tmp && mv $@.tmp $@

CORE_OBJS = $(patsubst core/%.c,build/core/%.o,$(CORE_SRCS))

# The automaton is built by the library's own code: the generator links
# every object but the tables it writes (it links NULL in their place).
AUTOMATONGEN_OBJS = $(filter-out build/core/automaton_builtin.o,$(CORE_OBJS))

build/automatongen: core/automatongen.c $(AUTOMATONGEN_OBJS) $(CORE_HDRS)
	$(CC) $(BOUNCE_CFLAGS) -o $@ core/automatongen.c $(AUTOMATONGEN_OBJS) \
		$(PCRE2_LIBS) -lpthread

core/automaton_builtin.c: build/automatongen
	build/automatongen > $@.tmp && mv $@.tmp $@

build/core/%.o: core/%.c $(CORE_HDRS)
	@mkdir -p build/core
	$(CC) $(BOUNCE_CFLAGS) -c -o $@ $<

build/libbounce.a: $(CORE_OBJS)
	rm -f $@
	ar rcs $@ $(CORE_OBJS)
