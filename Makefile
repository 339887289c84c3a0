# minutes -- Makefile.  GNU make.
#
# B is the folder for objects and generated sources, BIN the program.
# Several builds can share the tree: make B=/tmp/b1 BIN=/tmp/b1/minutes

PREFIX	?= /usr/local
DESTDIR	?=
DATADIR	?= $(PREFIX)/share/minutes
MANDIR	?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
B	?= build
BIN	?= minutes
VERSION	 = 0.1.0

PKGS	 = libcmark-gfm libxml-2.0 libzip yaml-0.1 nettle zlib
CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_GNU_SOURCE -DMINUTES_VERSION='"$(VERSION)"'
# One folder per layer: read/ (notes to model), model/ (the model and what
# it is made of), series/ (the meetings of a group as one series: actions
# across meetings), render/ (one file per format and the shared writers);
# main.c and the build driver stay at gen/.
LAYERS	 = gen/model gen/read gen/series gen/render
INCS	 = -Igen $(LAYERS:%=-I%)
ALL_CFLAGS = -std=c11 $(WARN) $(CPPFLAGS) $(INCS) $(CFLAGS) $(shell pkg-config --cflags $(PKGS))
LIBS	 = $(shell pkg-config --libs $(PKGS)) -lcmark-gfm-extensions
TEST_CFLAGS = $(shell pkg-config --cflags criterion json-c libical)
TEST_LIBS = $(shell pkg-config --libs criterion json-c libical)

SRCS	 = $(filter-out gen/main.c,$(wildcard gen/*.c $(LAYERS:%=%/*.c)))
HDRS	 = $(wildcard gen/*.h $(LAYERS:%=%/*.h))
OBJS	 = $(SRCS:gen/%.c=$(B)/%.o) $(B)/templates_data.o $(B)/odf_schema.o
# The OpenDocument schema that user styles are checked against, built in.
ODF_SCHEMA = tests/data/schemas/odf/OpenDocument-v1.3-schema.rng
TEMPLATES = $(shell find templates -type f | LC_ALL=C sort)
TESTS	 = $(wildcard tests/test_*.c) tests/helpers.c

all: $(BIN)

$(BIN): $(B)/main.o $(B)/libminutes.a
	$(CC) $(LDFLAGS) -o $@ $(B)/main.o $(B)/libminutes.a $(LIBS)

$(B)/libminutes.a: $(OBJS)
	rm -f $@
	$(AR) rcs $@ $(OBJS)

# Only the help text uses DATADIR: where the templates are installed.
# The stamp holds its value, so that a new PREFIX rebuilds main.o.
$(B)/main.o: CPPFLAGS += -DMINUTES_DATADIR='"$(DATADIR)"'
$(B)/main.o: $(B)/datadir.stamp
$(B)/datadir.stamp: FORCE | $(B)
	@echo '$(DATADIR)' | cmp -s - $@ || echo '$(DATADIR)' > $@
FORCE:

$(B)/%.o: gen/%.c $(HDRS) | $(B)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/templates_data.c: tools/embed-templates.sh $(TEMPLATES) | $(B)
	sh tools/embed-templates.sh templates > $@.tmp && mv $@.tmp $@

$(B)/templates_data.o: $(B)/templates_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/odf_schema.c: tools/embed-file.sh $(ODF_SCHEMA) | $(B)
	sh tools/embed-file.sh odf_schema_rng $(ODF_SCHEMA) > $@.tmp && mv $@.tmp $@

$(B)/odf_schema.o: $(B)/odf_schema.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B):
	mkdir -p $(B)

$(B)/run_tests: $(TESTS) tests/helpers.h $(B)/libminutes.a
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $(TESTS) \
	    $(B)/libminutes.a $(LIBS) $(TEST_LIBS)

# Installs missing Debian packages (as root), builds, renders input/ to out/.
run: deps $(BIN)
	./$(BIN) build -o out input

deps:
	sh tools/install-deps.sh

test-deps:
	sh tools/install-deps.sh --test

# Installs test dependencies, builds, runs every test.  Criterion's
# Synthesis line closes the output.
test: test-deps $(BIN) $(B)/run_tests
	MINUTES=$(abspath $(BIN)) $(B)/run_tests

# Precision and recall of extraction against the notes labelled by hand
# in tests/accuracy/ (the held-out files and the others, then all).
accuracy: $(BIN)
	python3 tests/accuracy/score.py --minutes $(abspath $(BIN))

# Rewrites the expected outputs of tests/cases and tests/golden from the
# current program: the loop `make test` checks them with, in write mode.
regen: $(BIN)
	MINUTES=$(abspath $(BIN)) sh tests/regress.sh write

lint-man:
	mandoc -Tlint -W warning gen/minutes.1

# The program, its man page, the templates a user copies to restyle
# (DATADIR/templates) and the bash completion.
install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR)
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/minutes
	install -m 644 gen/minutes.1 $(DESTDIR)$(MANDIR)/man1/minutes.1
	install -m 644 tools/minutes.bash $(DESTDIR)$(BASHCOMPDIR)/minutes
	for f in $(TEMPLATES); do \
		install -d "$(DESTDIR)$(DATADIR)/$${f%/*}" && \
		install -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; \
	done

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/minutes $(DESTDIR)$(MANDIR)/man1/minutes.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/minutes
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf $(B) $(BIN)

# Timings against pandoc, cmark-gfm, md4c and lowdown measured in one run
# on tmpfs, one table of ratios and targets (tests/bench/bench.sh).  Not
# part of test: it is slow and needs the reference tools.
bench: $(BIN)
	sh tools/install-deps.sh --bench
	$(MAKE) $(B)/bench/timeruns $(B)/bench/md4c-html
	MINUTES=$(abspath $(BIN)) BENCH_BIN=$(abspath $(B)/bench) \
	    bash tests/bench/bench.sh

# The benchmark's clock and its md4c reference.  pkg-config runs in the
# recipe: md4c is installed by the bench only.
$(B)/bench/timeruns: tests/bench/timeruns.c | $(B)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) -D_GNU_SOURCE $(CFLAGS) -o $@ $<

$(B)/bench/md4c-html: tests/bench/md4c-html.c | $(B)
	@mkdir -p $(@D)
	$(CC) -std=c11 $(WARN) $(CFLAGS) $$(pkg-config --cflags md4c-html) \
	    -o $@ $< $$(pkg-config --libs md4c-html)

# The whole suite again with AddressSanitizer and UBSan; any report fails.
SAN	 = -fsanitize=address,undefined -fno-sanitize-recover=all
asan-test: test-deps
	$(MAKE) B=$(B)/asan BIN=$(B)/asan/minutes \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer $(SAN)" \
	    LDFLAGS="$(SAN)" $(B)/asan/minutes $(B)/asan/run_tests
	ASAN_OPTIONS=exitcode=86:detect_leaks=1 \
	LSAN_OPTIONS=suppressions=$(abspath tests/lsan.supp) \
	UBSAN_OPTIONS=exitcode=87:print_stacktrace=1 \
	MINUTES=$(abspath $(B)/asan/minutes) $(B)/asan/run_tests

# The expected-output cases under valgrind: any error or leak fails.
valgrind-test: test-deps $(BIN)
	MINUTES=$(abspath $(BIN)) sh tests/valgrind.sh

# libFuzzer, one harness per layer, each FUZZ_SECONDS: parse (front
# matter, parsing, extraction, validation), render (one renderer per
# input), mustache (the template engine), refdoc (reference documents as
# zip bytes), notes (every renderer of one input).  The objects are built
# once for all of them.
FUZZ_SECONDS ?= 60
FUZZERS	 = parse render mustache refdoc notes cache
FUZZ_SAN = address,undefined -fno-sanitize-recover=all
FUZZ_CC	 = clang -std=c11 -D_GNU_SOURCE -DMINUTES_VERSION='"$(VERSION)"' \
	    -O1 -g $(shell pkg-config --cflags $(PKGS)) $(INCS)
# The helpers left out of coverage (see the file).
FUZZ_NOCOVER = tests/fuzz/nocover.txt
FUZZ_OBJS = $(SRCS:gen/%.c=$(B)/fuzz/obj/%.o) $(B)/fuzz/obj/templates_data.o \
	    $(B)/fuzz/obj/odf_schema.o
# Built through the harnesses' pattern rule, they would be intermediate
# files, deleted after every run and all rebuilt by the next.
.SECONDARY: $(FUZZ_OBJS)
fuzz: $(FUZZERS:%=$(B)/fuzz/fuzz_%) $(BIN)
	MINUTES=$(abspath $(BIN)) sh tests/fuzz/run.sh $(FUZZ_SECONDS) \
	    $(B)/fuzz $(FUZZERS)
	MINUTES=$(abspath $(BIN)) sh tests/fuzz/property.sh \
	    $(B)/fuzz/notes/corpus 40

$(B)/fuzz/obj/%.o: gen/%.c $(HDRS) $(FUZZ_NOCOVER)
	@mkdir -p $(@D)
	$(FUZZ_CC) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) \
	    -fsanitize-coverage-ignorelist=$(FUZZ_NOCOVER) -c -o $@ $<

$(B)/fuzz/obj/templates_data.o: $(B)/templates_data.c
	@mkdir -p $(@D)
	$(FUZZ_CC) -c -o $@ $<

$(B)/fuzz/obj/odf_schema.o: $(B)/odf_schema.c
	@mkdir -p $(@D)
	$(FUZZ_CC) -c -o $@ $<

$(B)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) -fsanitize=fuzzer,$(FUZZ_SAN) -o $@ $< $(FUZZ_OBJS) $(LIBS)

.PHONY: all run deps test-deps test regen lint-man install uninstall clean asan-test valgrind-test fuzz bench accuracy
