#!/bin/sh
# SPDX-License-Identifier: ISC
# The language server's protocol tests: tests/lsp_client.c plays each
# testdata/lsp/<case>.lsp transcript at irsalint --lsp, on a fresh copy
# of the workspace testdata/lsp/ws (a transcript may change its copy),
# and checks every message the server writes and its exit status.
#   sh tests/lsp.sh ./irsalint [CLIENT]
#   UPDATE=1 sh tests/lsp.sh ./irsalint [CLIENT] [CASE...]
# CLIENT is build/obj/lsp_client unless given.  With UPDATE=1 each
# case's transcript is rewritten with the messages the server wrote
# (reviewed like a golden diff); CASE names limit the cases run.
prog=${1:-./irsalint}
client=${2:-build/obj/lsp_client}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
# A sanitizer's report must not pass for the exit status 1 expected of
# an exit without shutdown.
ASAN_OPTIONS="exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="exitcode=99${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for script in testdata/lsp/*.lsp; do
	name=${script##*/}
	name=${name%.lsp}
	if [ $# -gt 0 ]; then
		case " $* " in *" $name "*) ;; *) continue ;; esac
	fi
	rm -rf "$tmp/ws" && cp -R testdata/lsp/ws "$tmp/ws" || exit 2
	if [ -n "${UPDATE:-}" ]; then
		"$client" -u "$tmp/new" "$script" "$tmp/ws" -- "$prog" --lsp &&
		    cp "$tmp/new" "$script" || exit 2
		echo "lsp: $script rewritten"
		continue
	fi
	if "$client" -t "${LSP_TIMEOUT:-30}" "$script" "$tmp/ws" -- \
	    "$prog" --lsp; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
[ -n "${UPDATE:-}" ] && exit 0
echo "lsp: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
