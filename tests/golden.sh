#!/bin/sh
# Golden tests, mandoc style: every testdata/**/<case>.args holds the
# arguments of one irsalint run (paths relative to the top of the tree);
# <case>.out beside it is the exact expected output, stdout and stderr,
# followed by the line "[exit N]"; <case>.stdin, if any, is its input;
# <case>.env, if any, holds NAME=value lines set for the run (variables
# that change the output are otherwise unset).  Run from the top of the tree:
#   sh tests/golden.sh ./irsalint            run every case
#   UPDATE=1 sh tests/golden.sh ./irsalint   rewrite the .out files
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
pass=0 fail=0
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
for args in $(find testdata -name '*.args' | LC_ALL=C sort); do
	out=${args%.args}.out
	# The args file is a list of words; no shell expansion happens.
	set -f
	# shellcheck disable=SC2046
	set -- $(cat "$args")
	set +f
	# <case>.stdin, when present, is fed to standard input.
	stdin=${args%.args}.stdin
	[ -f "$stdin" ] || stdin=/dev/null
	envf=${args%.args}.env
	# shellcheck disable=SC2046
	env -u NO_COLOR -u GITHUB_STEP_SUMMARY \
	    $([ -f "$envf" ] && cat "$envf") \
	    "$prog" "$@" <"$stdin" >"$tmp" 2>&1
	echo "[exit $?]" >>"$tmp"
	if [ -n "$UPDATE" ]; then
		cp "$tmp" "$out"
	fi
	if [ -f "$out" ] && diff -u "$out" "$tmp" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $args"
		[ -f "$out" ] && diff -u "$out" "$tmp" | sed 's/^/    /'
		[ -f "$out" ] || echo "    missing $out"
	fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
