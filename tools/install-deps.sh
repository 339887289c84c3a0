#!/bin/sh
# Installs the Debian packages minutes needs and that are missing.
#   install-deps.sh          what building and running needs
#   install-deps.sh --test   that, and what the tests need
#   install-deps.sh --bench  that, and the benchmark's reference tools
# Run as root on Debian 12; as another user it names what is missing.
set -eu

pkgs="gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev
libxml2-dev libzip-dev libyaml-dev nettle-dev zlib1g-dev"
if [ "${1:-}" = --test ]; then
	pkgs="$pkgs libcriterion-dev libjson-c-dev libical-dev mandoc libxml2-utils
docbook5-xml docbook-xsl-ns xsltproc poppler-utils unzip
libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui chromium
default-jre-headless valgrind clang libclang-rt-14-dev python3"
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
fi
if [ "${1:-}" = --bench ]; then
	pkgs="$pkgs pandoc lowdown cmark-gfm time libmd4c-dev libmd4c-html0-dev"
fi

missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "minutes: missing Debian packages:$missing" >&2
	echo "minutes: run as root: apt-get install$missing" >&2
	exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
