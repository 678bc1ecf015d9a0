#!/bin/sh
# Documentation checks: every rule in the table is documented in the
# man page, and the man page lints clean with mandoc when it is
# installed.  Run from the top of the tree: sh tests/docs.sh ./irsalint
prog=${1:-./irsalint}
case $prog in */*) ;; *) prog=./$prog ;; esac
pass=0 fail=0
ids=$("$prog" --list-rules | awk '{print $1}')
if [ -z "$ids" ]; then
	echo "FAIL: $prog --list-rules printed no rule"
	fail=1
fi
for id in $ids; do
	if grep -q "^\.It Sy $id " man/irsalint.1; then
		pass=$((pass + 1))
	else
		echo "FAIL: rule $id is not documented in man/irsalint.1"
		fail=$((fail + 1))
	fi
done
if command -v mandoc >/dev/null 2>&1; then
	if out=$(mandoc -T lint -W warning man/irsalint.1 2>&1) &&
	    [ -z "$out" ]; then
		pass=$((pass + 1))
	else
		echo "FAIL: mandoc -T lint man/irsalint.1"
		echo "$out" | sed 's/^/    /'
		fail=$((fail + 1))
	fi
fi
echo "docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
