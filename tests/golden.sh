#!/bin/sh
# Golden tests, mandoc style: every testdata/**/<case>.args holds the
# arguments of one irsalint run (paths relative to the top of the tree);
# <case>.out beside it is the exact expected output, stdout and stderr,
# followed by the line "[exit N]"; <case>.stdin, if any, is its input;
# <case>.env, if any, holds NAME=value lines set for the run (variables
# that change the output are otherwise unset).  Run from the top of the tree:
#   sh tests/golden.sh ./irsalint            run every case
#   sh tests/golden.sh ./irsalint FILTER...  run only the cases FILTER names
#   UPDATE=1 sh tests/golden.sh ./irsalint [FILTER...]
#                                            rewrite the .out files of the
#                                            cases run, and only those
# A filter names whole path components, never a substring: it is either
# a directory under testdata/ (irsa-trust-sub-mismatch, examples/article),
# which selects every case below it, or one case, its .args path with or
# without the .args (config/bad, testdata/config/bad.args).  The leading
# "testdata/" is optional; "testdata" alone selects every case.  Several
# filters select the union of their cases.  A filter that selects no case
# is an error (exit 2), so that a typo never passes as an empty run.
# make check runs every case four times, against the same .out files:
# with the default count of threads that read files, and with
# IRSALINT_JOBS=1, 4, and 3 with IRSALINT_SPLIT_MIN=1 (streams split at
# every document) in the environment, so that reading on threads
# (-j) is seen to change no byte of any output.
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
[ $# -gt 0 ] && shift
all=$(find testdata -name '*.args' | LC_ALL=C sort)

# norm FILTER: print FILTER as a path from the top without ".args", e.g.
# "./config/bad.args/" -> "testdata/config/bad".
norm() {
	f=$1
	while :; do
		case $f in
		./*) f=${f#./} ;;
		*/) f=${f%/} ;;
		*) break ;;
		esac
	done
	f=${f%.args}
	case $f in
	testdata | testdata/*) ;;
	*) f=testdata/$f ;;
	esac
	printf '%s\n' "$f"
}

# Select the cases: every one when no filter is given, otherwise those
# under or equal to some filter.  Every filter is checked before any case
# runs.
if [ $# -eq 0 ]; then
	cases=$all
else
	cases=
	bad=0
	for filter in "$@"; do
		f=$(norm "$filter")
		hit=0
		for args in $all; do
			case ${args%.args} in
			"$f" | "$f"/*)
				hit=1
				# Keep each case once, in the order of $all.
				case " $cases " in
				*" $args "*) ;;
				*) cases="$cases $args" ;;
				esac
				;;
			esac
		done
		if [ "$hit" -eq 0 ]; then
			echo "golden.sh: no case matches filter '$filter'" >&2
			bad=1
		fi
	done
	[ "$bad" -eq 0 ] || exit 2
	cases=$(for args in $all; do
		case " $cases " in *" $args "*) echo "$args" ;; esac
	done)
fi

# The cases run GOLDEN_JOBS at a time (default: the number of online
# CPUs, 1 when that is unknown); each case's report is kept in its own
# file and printed in the order of the cases, so the output is the same
# whatever the count.
jobs=${GOLDEN_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null)}
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT

# run_case ARGS REPORT: run the case ARGS, compare its output with its
# .out; on a difference write the report of it to REPORT.
run_case() {
	args=$1
	report=$2
	out=${args%.args}.out
	tmp=$report.tmp
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
	if ! { [ -f "$out" ] && diff -u "$out" "$tmp" >/dev/null 2>&1; }; then
		{
			echo "FAIL: $args"
			[ -f "$out" ] && diff -u "$out" "$tmp" | sed 's/^/    /'
			[ -f "$out" ] || echo "    missing $out"
		} >"$report"
	fi
	rm -f "$tmp"
}

# Shard k of the jobs runs the cases whose index is k modulo the count.
k=0
while [ "$k" -lt "$jobs" ]; do
	(
		i=0
		for args in $cases; do
			if [ $((i % jobs)) -eq "$k" ]; then
				run_case "$args" "$dir/$i"
				[ -f "$dir/$i" ] || : >"$dir/$i.ok"
			fi
			i=$((i + 1))
		done
	) &
	k=$((k + 1))
done
wait

pass=0 fail=0
i=0
for args in $cases; do
	if [ -f "$dir/$i.ok" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		if [ -f "$dir/$i" ]; then
			cat "$dir/$i"
		else
			echo "FAIL: $args"
			echo "    the case did not finish"
		fi
	fi
	i=$((i + 1))
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
