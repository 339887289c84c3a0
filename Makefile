# minutes -- Makefile.  GNU make.
#
# B is the folder for objects and generated sources, BIN the program.
# Several builds can share the tree: make B=/tmp/b1 BIN=/tmp/b1/minutes

PREFIX	?= /usr/local
DESTDIR	?=
B	?= build
BIN	?= minutes
VERSION	 = 0.1.0

PKGS	 = libcmark-gfm libxml-2.0 libzip yaml-0.1
CC	?= cc
CFLAGS	?= -O2 -g
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_GNU_SOURCE -DMINUTES_VERSION='"$(VERSION)"'
ALL_CFLAGS = -std=c11 $(WARN) $(CPPFLAGS) $(CFLAGS) $(shell pkg-config --cflags $(PKGS))
LIBS	 = $(shell pkg-config --libs $(PKGS)) -lcmark-gfm-extensions
TEST_CFLAGS = $(shell pkg-config --cflags criterion json-c)
TEST_LIBS = $(shell pkg-config --libs criterion json-c)

SRCS	 = $(filter-out gen/main.c,$(wildcard gen/*.c))
OBJS	 = $(SRCS:gen/%.c=$(B)/%.o) $(B)/templates_data.o
TEMPLATES = $(shell find templates -type f | LC_ALL=C sort)
TESTS	 = $(wildcard tests/test_*.c)

all: $(BIN)

$(BIN): $(B)/main.o $(B)/libminutes.a
	$(CC) $(LDFLAGS) -o $@ $(B)/main.o $(B)/libminutes.a $(LIBS)

$(B)/libminutes.a: $(OBJS)
	rm -f $@
	$(AR) rcs $@ $(OBJS)

$(B)/%.o: gen/%.c gen/*.h | $(B)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/templates_data.c: tools/embed-templates.sh $(TEMPLATES) | $(B)
	sh tools/embed-templates.sh templates > $@.tmp && mv $@.tmp $@

$(B)/templates_data.o: $(B)/templates_data.c
	$(CC) $(ALL_CFLAGS) -Igen -c -o $@ $<

$(B):
	mkdir -p $(B)

$(B)/run_tests: $(TESTS) $(B)/libminutes.a
	$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -Igen -o $@ $(TESTS) \
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

# Rewrites the expected outputs of tests/cases from the current program.
regen: $(BIN)
	MINUTES=$(abspath $(BIN)) sh tests/regen.sh

lint-man:
	mandoc -Tlint -W warning gen/minutes.1

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/minutes
	install -m 644 gen/minutes.1 $(DESTDIR)$(PREFIX)/share/man/man1/minutes.1

clean:
	rm -rf $(B) $(BIN)

.PHONY: all run deps test-deps test regen lint-man install clean
