#!/usr/bin/env python3
"""score.py -- precision and recall of extraction against hand-labelled notes.

Each tests/accuracy/<set>/NAME.truth labels tests/data/corpus/NAME.md, or the
NAME.md beside it (format in tests/accuracy/README).  The scorer runs `minutes render -f json` on each
notes file and compares the model with the truth, per field:

  actions, decisions, agenda  matched by source line (the truth may give
                              several lines or a range; one match per item)
  attendees, apologies        matched by name (case, accents, punctuation
                              and middle names ignored)
  owners, due, status         over the actions found: owner names, ISO due
                              dates, and statuses other than open

  score.py [--minutes BIN] [--set dev|heldout|all] [--verbose] [TRUTH...]
                              TRUTH files given: those alone, one table
  score.py --check FLOORS     exit 1 if a figure of the real notes (dev and
                              heldout) or of the patterns is below its floor
                              (lines "[patterns] FIELD precision|recall PCT")
"""

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "data", "corpus")
SETS = ("dev", "heldout", "patterns")
REAL = ("dev", "heldout")
FIELDS = ("actions", "owners", "due", "status", "decisions", "attendees",
          "apologies", "agenda")


def norm_name(s):
    """Lower case, no accents, no '@' or punctuation, single spaces."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.lower().replace("’", "'")
    s = re.sub(r"[^a-z0-9' ]+", " ", s)
    return " ".join(s.split())


def same_person(a, b):
    """Equal, or one name's words are all in the other ("David Wheeler" and
    "David A. Wheeler", "Sam" and "Sam Kaur")."""
    a, b = norm_name(a), norm_name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def parse_lines(spec):
    """"61", "61,64", "16-20" or "16-20,25" -> set of line numbers."""
    out = set()
    for part in spec.split(","):
        part = part.strip()
        if "-" in part:
            lo, hi = part.split("-", 1)
            out.update(range(int(lo), int(hi) + 1))
        elif part:
            out.add(int(part))
    return out


def read_truth(path):
    t = {"attendees": [], "apologies": [], "actions": [], "decisions": [],
         "agenda": []}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            m = re.match(r"(attendee|apology):\s*(.+)$", line)
            if m:
                key = "attendees" if m.group(1) == "attendee" else "apologies"
                t[key].append(m.group(2).strip())
                continue
            m = re.match(r"(action|decision|agenda)\s+([0-9,\- ]+):\s*(.*)$",
                         line)
            if not m:
                sys.exit("%s:%d: cannot read this line" % (path, n))
            kind, lines, rest = m.groups()
            fields = [x.strip() for x in rest.split(" | ")]
            item = {"lines": parse_lines(lines), "text": fields[0],
                    "owners": [], "due": None, "status": "open"}
            for fld in fields[1:]:
                k, _, v = fld.partition(":")
                k, v = k.strip(), v.strip()
                if k == "owners":
                    item["owners"] = [o.strip() for o in v.split(";")
                                      if o.strip()]
                elif k == "due":
                    item["due"] = v or None
                elif k == "status":
                    item["status"] = v
                else:
                    sys.exit("%s:%d: unknown field %r" % (path, n, k))
            key = {"action": "actions", "decision": "decisions",
                   "agenda": "agenda"}[kind]
            t[key].append(item)
    return t


def model_of(minutes, notes):
    p = subprocess.run([minutes, "render", "-f", "json", notes],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1) or not p.stdout:
        sys.exit("%s: minutes failed (%d): %s" %
                 (notes, p.returncode, p.stderr.decode(errors="replace")))
    return json.loads(p.stdout)


class Count:
    def __init__(self):
        self.truth = self.found = self.right = 0

    def add(self, truth, found, right):
        self.truth += truth
        self.found += found
        self.right += right


def match_by_line(truth_items, found_items):
    """One-to-one: each truth item takes the first unused found item whose
    line it lists.  Returns [(truth, found)], unmatched found count."""
    used = set()
    pairs = []
    for t in truth_items:
        for i, f in enumerate(found_items):
            if i not in used and f.get("line") in t["lines"]:
                used.add(i)
                pairs.append((t, f))
                break
    return pairs, len(found_items) - len(used)


def match_names(truth_names, found_names):
    used = set()
    right = 0
    for t in truth_names:
        for i, f in enumerate(found_names):
            if i not in used and same_person(t, f):
                used.add(i)
                right += 1
                break
    return right


def uniq(names):
    seen, out = set(), []
    for n in names:
        k = norm_name(n)
        if k not in seen:
            seen.add(k)
            out.append(n)
    return out


def score_file(truth, model, c, verbose, name):
    present = uniq(model.get("chairs", []) + model.get("attendees", []) +
                   model.get("staff", []) + model.get("observers", []) +
                   model.get("scribes", []))
    away = uniq(model.get("apologies", []) + model.get("absent", []))
    for key, found in (("attendees", present), ("apologies", away)):
        r = match_names(truth[key], found)
        c[key].add(len(truth[key]), len(found), r)
        if verbose and (r < len(truth[key]) or r < len(found)):
            print("  %s %s: truth %s / found %s" %
                  (name, key, truth[key], found))

    for key in ("decisions", "agenda"):
        found = model.get(key, [])
        pairs, extra = match_by_line(truth[key], found)
        c[key].add(len(truth[key]), len(found), len(pairs))
        if verbose:
            got = {id(t) for t, _ in pairs}
            for t in truth[key]:
                if id(t) not in got:
                    print("  %s missed %s %s: %s" %
                          (name, key, sorted(t["lines"])[0], t["text"]))
            hit = {id(f) for _, f in pairs}
            for f in found:
                if id(f) not in hit:
                    print("  %s extra %s %s: %s" % (name, key, f.get("line"),
                          (f.get("text") or f.get("title", ""))[:70]))

    acts = model.get("actions", [])
    pairs, extra = match_by_line(truth["actions"], acts)
    c["actions"].add(len(truth["actions"]), len(acts), len(pairs))
    for t, f in pairs:
        r = match_names(t["owners"], f.get("owners", []))
        c["owners"].add(len(t["owners"]), len(f.get("owners", [])), r)
        ok = r == len(t["owners"]) == len(f.get("owners", []))
        c["owners_exact"].add(1, 1, 1 if ok else 0)
        td, fd = t["due"], f.get("due")
        c["due"].add(1 if td else 0, 1 if fd else 0,
                     1 if td and fd == td else 0)
        ts, fs = t["status"], f.get("status", "open")
        c["status"].add(ts != "open", fs != "open",
                        1 if ts != "open" and fs == ts else 0)
        if verbose and (not ok or td != fd or ts != fs):
            print("  %s action %s: owners %s/%s due %s/%s status %s/%s" %
                  (name, f.get("line"), t["owners"], f.get("owners"),
                   td, fd, ts, fs))
    if verbose:
        got = {id(t) for t, _ in pairs}
        for t in truth["actions"]:
            if id(t) not in got:
                print("  %s missed action %s: %s" %
                      (name, sorted(t["lines"])[0], t["text"]))
        hit = {id(f) for _, f in pairs}
        for f in acts:
            if id(f) not in hit:
                print("  %s extra action %s: %s" %
                      (name, f.get("line"), f.get("text", "")[:70]))


def pct(a, b):
    return None if b == 0 else 100.0 * a / b


def fmt(p):
    return "     -" if p is None else "%5.1f%%" % p


def truth_files(sets):
    out = []
    for s in sets:
        d = os.path.join(HERE, s)
        out += [os.path.join(d, fn) for fn in sorted(os.listdir(d))
                if fn.endswith(".truth")]
    return out


def run_files(minutes, paths, verbose):
    c = {k: Count() for k in FIELDS + ("owners_exact",)}
    for path in paths:
        name = os.path.basename(path)[:-len(".truth")]
        notes = os.path.join(os.path.dirname(path), name + ".md")
        if not os.path.exists(notes):
            notes = os.path.join(CORPUS, name + ".md")
        score_file(read_truth(path), model_of(minutes, notes), c, verbose,
                   name)
    return c, len(paths)


def run_set(minutes, sets, verbose):
    return run_files(minutes, truth_files(sets), verbose)


def table(title, c, nfiles):
    print("%s (%d files)" % (title, nfiles))
    print("  %-10s %6s %6s %6s %9s %7s" %
          ("field", "truth", "found", "right", "precision", "recall"))
    for k in FIELDS:
        x = c[k]
        print("  %-10s %6d %6d %6d %9s %7s" % (k, x.truth, x.found, x.right,
              fmt(pct(x.right, x.found)), fmt(pct(x.right, x.truth))))
    e = c["owners_exact"]
    print("  owners right on %s of the %d actions found" %
          (fmt(pct(e.right, e.truth)).strip(), e.truth))


def figures(c):
    out = {}
    for k in FIELDS:
        out[(k, "precision")] = pct(c[k].right, c[k].found)
        out[(k, "recall")] = pct(c[k].right, c[k].truth)
    out[("owners", "exact")] = pct(c["owners_exact"].right,
                                   c["owners_exact"].truth)
    return out


def check(minutes, floors_path):
    """Floors are "FIELD KIND PCT" for the real notes (dev and heldout) or
    "patterns FIELD KIND PCT" for the small files of tests/accuracy/patterns."""
    fig = {"real": figures(run_set(minutes, REAL, False)[0]),
           "patterns": figures(run_set(minutes, ("patterns",), False)[0])}
    bad = 0
    with open(floors_path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].split()
            if not line:
                continue
            where = line.pop(0) if len(line) == 4 else "real"
            field, kind, floor = line[0], line[1], float(line[2])
            got = fig[where].get((field, kind))
            if got is not None and got + 1e-9 < floor:
                print("accuracy: %s %s %s %.1f%% is below its floor %.1f%%" %
                      (where, field, kind, got, floor))
                bad = 1
    return bad


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--minutes", default=os.environ.get("MINUTES",
                    os.path.join(HERE, "..", "..", "minutes")))
    ap.add_argument("--set", default="all",
                    choices=SETS + ("real", "all"))
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--check", metavar="FLOORS")
    ap.add_argument("truth", nargs="*",
                    help="score these .truth files alone, not a set")
    a = ap.parse_args()
    if a.check:
        sys.exit(check(a.minutes, a.check))
    if a.truth:
        c, n = run_files(a.minutes, a.truth, a.verbose)
        table("files given", c, n)
        return
    sets = {"all": SETS, "real": REAL}.get(a.set, (a.set,))
    for s in sets:
        c, n = run_set(a.minutes, (s,), a.verbose)
        table(s, c, n)
    if a.set in ("all", "real"):
        c, n = run_set(a.minutes, REAL, False)
        table("real (dev and heldout)", c, n)
    if a.set == "all":
        c, n = run_set(a.minutes, SETS, False)
        table("all", c, n)


if __name__ == "__main__":
    main()
