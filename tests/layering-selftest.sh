#!/bin/sh
# Self-test of tests/layering.sh, golden style: each fixture tree
# tests/layering/<name>/ (src/, include/, rules/) is checked, and the
# output followed by "[exit N]" must equal tests/layering/<name>.out.
# "bad" is a loader that includes rule.h, "bad-headers" the other kinds
# of violation, "good" one file of each module including what it may.
# Run from the top of the tree:
#   sh tests/layering-selftest.sh
pass=0 fail=0
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
for tree in tests/layering/*/; do
	tree=${tree%/}
	sh tests/layering.sh "$tree" >"$tmp" 2>&1
	echo "[exit $?]" >>"$tmp"
	if [ -f "$tree.out" ] && diff -u "$tree.out" "$tmp" >/dev/null 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $tree"
		[ -f "$tree.out" ] && diff -u "$tree.out" "$tmp" | sed 's/^/    /'
		[ -f "$tree.out" ] || echo "    missing $tree.out"
	fi
done
echo "layering self-test: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
