#!/bin/sh
# As a kubectl plugin (the binary run as kubectl-irsalint), -f and
# --filename name inputs, as for every kubectl command, and the report
# format is --format only.  Run from the top of the tree:
#   sh tests/plugin.sh ./irsalint
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
dir=$(mktemp -d) || exit 2
trap 'rm -rf "$dir"' EXIT
ln -s "$prog" "$dir/kubectl-irsalint"
pass=0 fail=0
check() {
	# check WHAT WANT-EXIT WANT-TEXT ARGS...: run the plugin, compare.
	what=$1 want=$2 text=$3
	shift 3
	out=$("$dir/kubectl-irsalint" "$@" 2>&1)
	got=$?
	if [ "$got" -eq "$want" ] && printf '%s\n' "$out" | grep -qF -- "$text"
	then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $what: exit $got (want $want)"
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}
plan=testdata/examples/article/terraform/plan.json
check "-f names inputs" 0 "kubectl irsalint: read 3 files" \
    -f "$plan" -f testdata/examples/article/correct
check "--filename names inputs" 1 "[irsa-trust-sub-mismatch]" \
    --filename="$plan" --filename testdata/examples/article/broken
check "--format chooses the format" 1 '"rule":"irsa-trust-sub-mismatch"' \
    --format json -f "$plan" testdata/examples/article/broken
check "--help says so" 0 "NOTE: as a kubectl plugin, -f FILE and --filename FILE" --help
check "--help lists -f as --filename" 0 "-f, --filename FILE     an input" --help
check "getopt names the plugin" 2 "kubectl irsalint: unrecognized option" --bogus
check "err(3) names the plugin" 2 "kubectl irsalint: -o /nonexistent/x:" -o /nonexistent/x -f "$plan"
echo "plugin: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
