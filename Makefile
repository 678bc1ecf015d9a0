# irsalint: a linter for EKS IAM Roles for Service Accounts.
# Plain make; libraries through pkg-config.

VERSION	= 0.1.0
# The home page SARIF viewers link to (driver.informationUri); the
# project has none yet, so SARIF leaves the optional field out unless a
# build sets it: make HOMEPAGE=https://...
HOMEPAGE ?=
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config

CC	?= cc
CFLAGS	?= -O2 -g
WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wmissing-prototypes \
	-Wstrict-prototypes -Wwrite-strings -Wpointer-arith -Wvla \
	-Wformat-security
ifdef WERROR
WARNINGS += -Werror
endif
ifdef SANITIZE
SANFLAGS = -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
endif
# ThreadSanitizer, for the threads that read files (-j): make TSAN=1 check.
ifdef TSAN
SANFLAGS = -fsanitize=thread -fno-omit-frame-pointer
endif

LIB_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 libcjson)
LIB_LIBS   := $(shell $(PKG_CONFIG) --libs yaml-0.1 libcjson) -lm -pthread
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS   := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

ALL_CFLAGS = $(WARNINGS) $(CFLAGS) $(SANFLAGS) -pthread -D_DEFAULT_SOURCE \
	-DIRSALINT_VERSION='"$(VERSION)"' -DIRSALINT_URI='"$(HOMEPAGE)"' \
	-Iinclude $(LIB_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

# A sanitizer build lives in its own directory so that the two builds
# never mix objects.
ifdef SANITIZE
OBJDIR	= build/san
else ifdef TSAN
OBJDIR	= build/tsan
else
OBJDIR	= build/obj
endif

LIB_SRCS = $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard rules/*.c)
LIB_OBJS = $(patsubst %.c,$(OBJDIR)/%.o,$(LIB_SRCS))
MAIN_OBJ = $(OBJDIR)/src/main.o
TEST_SRCS = $(wildcard tests/check_*.c)
TEST_OBJS = $(patsubst %.c,$(OBJDIR)/%.o,$(TEST_SRCS))
HEADERS	= $(wildcard include/*.h) rules/rules.def

ifdef SANITIZE
PROG	= build/san/irsalint
else ifdef TSAN
PROG	= build/tsan/irsalint
else
PROG	= irsalint
endif
TESTPROG = $(OBJDIR)/check_irsalint
# The language server's test client links cJSON only, none of ours.
LSP_CLIENT = $(OBJDIR)/lsp_client

all: $(PROG)

$(PROG): $(MAIN_OBJ) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(MAIN_OBJ) $(LIB_OBJS) $(LIB_LIBS)

$(OBJDIR)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(OBJDIR)/tests/%.o: tests/%.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -c -o $@ $<

$(TESTPROG): $(TEST_OBJS) $(LIB_OBJS)
	$(CC) $(ALL_LDFLAGS) -o $@ $(TEST_OBJS) $(LIB_OBJS) $(LIB_LIBS) \
	    $(CHECK_LIBS)

check: $(PROG) $(TESTPROG) $(LSP_CLIENT)
	CK_FORK=no $(TESTPROG)
	sh tests/golden.sh $(PROG)
	IRSALINT_JOBS=1 sh tests/golden.sh $(PROG)
	IRSALINT_JOBS=4 sh tests/golden.sh $(PROG)
	IRSALINT_JOBS=3 IRSALINT_SPLIT_MIN=1 sh tests/golden.sh $(PROG)
	sh tests/rulecases.sh $(PROG)
	sh tests/layering-selftest.sh
	sh tests/layering.sh .
	sh tests/calls.sh $(OBJDIR)
	sh tests/plugin.sh $(PROG)
	sh tests/tfequiv.sh --selftest $(PROG)
	sh tests/tfequiv.sh $(PROG)
	sh tests/root.sh $(PROG)
	sh tests/fixdiff.sh $(PROG)
	sh tests/precommit.sh $(PROG)
	sh tests/action.sh $(PROG)
	sh tests/lsp.sh $(PROG) $(LSP_CLIENT)
	sh tests/lsp-nvim.sh $(PROG)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -fsyntax-only tests/fuzz/*.c
	sh tests/docs.sh $(PROG)

$(LSP_CLIENT): tests/lsp_client.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tests/lsp_client.c $(LIB_LIBS)

# The include matrix of tests/layering.sh on this tree (its self-test
# first); check runs both too.
layering:
	sh tests/layering-selftest.sh
	sh tests/layering.sh .

.PHONY: layering

# The rule catalogue is generated from the rule table; tests/docs.sh
# fails when the committed page differs.
man: $(PROG)
	./$(PROG) --list-rules -f mdoc > man/irsalint-rules.7

# kubectl runs any kubectl-<name> on PATH as "kubectl <name>"; the
# link makes irsalint a kubectl plugin.
install: $(PROG)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man7
	install -m 755 $(PROG) $(DESTDIR)$(BINDIR)/irsalint
	ln -sf irsalint $(DESTDIR)$(BINDIR)/kubectl-irsalint
	install -m 644 man/irsalint.1 $(DESTDIR)$(MANDIR)/man1/irsalint.1
	install -m 644 man/irsalint-rules.7 \
	    $(DESTDIR)$(MANDIR)/man7/irsalint-rules.7

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/irsalint $(DESTDIR)$(BINDIR)/kubectl-irsalint \
	    $(DESTDIR)$(MANDIR)/man1/irsalint.1 \
	    $(DESTDIR)$(MANDIR)/man7/irsalint-rules.7

clean:
	rm -rf build irsalint


# libFuzzer targets, built with clang into build/fuzz: make fuzz, then run
# e.g. build/fuzz/fuzz_k8s -dict=tests/fuzz/k8s.dict build/fuzz/corpus_k8s,
# or build/fuzz/fuzz_hcl -dict=tests/fuzz/hcl.dict build/fuzz/corpus_hcl.
FUZZ_CC	= clang
# FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION: the Terraform evaluator's
# budgets some hundred times smaller (include/tf_src.h); FUZZ_REAL=1
# builds the targets with the real ones.
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all \
	$(if $(FUZZ_REAL),,-DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION)
# Which of the two the objects were built for: a change rebuilds them.
FUZZ_MODE = build/fuzz/mode.$(if $(FUZZ_REAL),real,small)
FUZZ_OBJS = $(patsubst %.c,build/fuzz/%.o,$(LIB_SRCS) tests/fuzz/fuzz_common.c)
FUZZ_PROGS = build/fuzz/fuzz_k8s build/fuzz/fuzz_tf build/fuzz/fuzz_cfn \
	build/fuzz/fuzz_aws build/fuzz/fuzz_policy build/fuzz/fuzz_input \
	build/fuzz/fuzz_hcl build/fuzz/fuzz_tfsrc build/fuzz/fuzz_config \
	build/fuzz/fuzz_lsp build/fuzz/fuzz_lsprpc build/fuzz/fuzz_split

fuzz: $(FUZZ_PROGS) fuzz-corpus

$(FUZZ_MODE):
	@mkdir -p $(dir $@)
	@rm -f build/fuzz/mode.*
	@touch $@

build/fuzz/%.o: %.c $(HEADERS) tests/fuzz/fuzz.h $(FUZZ_MODE)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARNINGS) $(FUZZ_FLAGS) -D_DEFAULT_SOURCE \
	    -DIRSALINT_VERSION='"$(VERSION)"' -DIRSALINT_URI='"$(HOMEPAGE)"' \
	    -Iinclude -Itests/fuzz \
	    $(LIB_CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o $(FUZZ_OBJS)
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LIB_LIBS)

# Seed corpora from the golden inputs.
fuzz-corpus:
	@mkdir -p build/fuzz/corpus_k8s build/fuzz/corpus_tf \
	    build/fuzz/corpus_cfn build/fuzz/corpus_aws build/fuzz/corpus_policy \
	    build/fuzz/corpus_input build/fuzz/corpus_hcl build/fuzz/corpus_tfsrc \
	    build/fuzz/corpus_config build/fuzz/corpus_lsp \
	    build/fuzz/corpus_lsprpc build/fuzz/corpus_split
	@find testdata -type f \( -name '*.yaml' -o -name '*.yml' \) | \
	    while read f; do cp "$$f" build/fuzz/corpus_k8s/"$$(echo "$$f" | tr / _)"; done
	@cp testdata/ack/*.json build/fuzz/corpus_k8s/
	@cp build/fuzz/corpus_k8s/*.yaml build/fuzz/corpus_split/
	@find testdata \( -name '*.json' -o -name '*.tfstate' \) -size -300k | \
	    while read f; do cp "$$f" build/fuzz/corpus_tf/; done
	@for f in testdata/tf-k8s/*/plan.json; do \
	    cp "$$f" build/fuzz/corpus_tf/"$$(echo "$$f" | tr / _)"; done
	@cp testdata/cfn/*.yaml testdata/cfn/*.json testdata/cfn/cdk.out/*.json \
	    build/fuzz/corpus_cfn/
	@cp testdata/aws-cli/*.json build/fuzz/corpus_aws/
	@cp testdata/cfn/*.yaml testdata/aws-cli/*.json testdata/hostile/yaml-*.yaml \
	    build/fuzz/corpus_input/
	@cp testdata/fuzz/policy/* build/fuzz/corpus_policy/ 2>/dev/null; true
	@cp testdata/hcl/*.tf build/fuzz/corpus_hcl/
	@cp testdata/fuzz/lsp/* build/fuzz/corpus_lsp/
	@cp testdata/fuzz/lsp/* build/fuzz/corpus_lsprpc/
	@find testdata/config testdata/config-inputs testdata/config-clusters \
	    testdata/changed -type f -name '*.yaml' | \
	    while read f; do cp "$$f" build/fuzz/corpus_config/"$$(echo "$$f" | tr / _)"; done
	@find testdata -name '*.tf' | grep -v '^testdata/hcl/' | \
	    while read f; do cp "$$f" build/fuzz/corpus_tfsrc/"$$(echo "$$f" | tr / _)"; done

.PHONY: fuzz fuzz-corpus
.PHONY: all check man install uninstall clean


# Benchmark (issues 8 and 19): each input shape of issue 19 generated
# for each size in BENCH_SIZES under build/bench (a plan and manifests
# of that many MiB; at size 10 the issue's counts of files, roles,
# resources and ServiceAccounts), checked for exactly the injected
# findings, and timed against the bare parse of the same bytes in
# BENCH_RUNS paired rounds; BENCH_SHAPES="pair tree" runs a subset (see
# tests/bench.sh).  Timings are reported, never asserted.
# make bench BENCH_SIZES="10 100" for the large run.
BENCH_SIZES ?= 1 10
BENCH_RUNS ?= 5
BENCH_SHAPES ?= pair tf annot tree helm awscli cfn fanout lsp startup
BENCHGEN = build/tools/benchgen
BASELINE = build/tools/baseline
LSPBENCH = build/tools/lspbench

$(BENCHGEN): tools/benchgen.c tools/benchshape.c tools/benchio.c \
    tools/benchgen.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/benchgen.c \
	    tools/benchshape.c tools/benchio.c

$(BASELINE): tools/baseline.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/baseline.c $(LIB_LIBS)

# A development driver for the HCL parser, run by hand over real
# Terraform trees: find DIR -name '*.tf' | build/tools/hclcheck -q
HCLCHECK = build/tools/hclcheck

$(HCLCHECK): tools/hclcheck.c $(LIB_OBJS) $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/hclcheck.c \
	    $(LIB_OBJS) $(LIB_LIBS)

hclcheck: $(HCLCHECK)

.PHONY: hclcheck

bench: $(PROG) $(BENCHGEN) $(BASELINE) $(LSPBENCH)
	BENCH_SIZES="$(BENCH_SIZES)" BENCH_RUNS="$(BENCH_RUNS)" \
	    BENCH_SHAPES="$(BENCH_SHAPES)" \
	    sh tests/bench.sh $(PROG) $(BENCHGEN) $(BASELINE) $(LSPBENCH)

# The language server's re-lint latency on each change, on the bundled
# example and a 1 MB workspace: make bench-lsp (make bench has a row of
# it against the bare parse, shape lsp).

$(LSPBENCH): tools/lspbench.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ tools/lspbench.c $(LIB_LIBS)

bench-lsp: $(PROG) $(BENCHGEN) $(LSPBENCH)
	sh tests/lsp-bench.sh $(PROG) $(BENCHGEN) $(LSPBENCH)

.PHONY: bench bench-lsp


# Differential test of the trust verdicts against an independent IAM
# evaluator (tools/difftrust/README.md); a development tool, not part of
# check.  It needs node and npm.  make difftrust DIFFTRUST_N=2000
DIFFTRUST_N ?= 20000
DIFFTRUST_SEED ?= 1
VERDICT	= build/tools/verdict

$(VERDICT): $(OBJDIR)/tools/difftrust/verdict.o $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_LDFLAGS) -o $@ $(OBJDIR)/tools/difftrust/verdict.o \
	    $(LIB_OBJS) $(LIB_LIBS)

difftrust: $(VERDICT)
	sh tools/difftrust/run.sh -n $(DIFFTRUST_N) -s $(DIFFTRUST_SEED) \
	    -v $(VERDICT)

.PHONY: difftrust
