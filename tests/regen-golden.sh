#!/bin/sh
# Part of make regen: rewrites the outputs tests/golden.sh compares.
exec sh tests/golden.sh write
