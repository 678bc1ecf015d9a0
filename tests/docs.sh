#!/bin/sh
# Documentation checks.  The rule catalogue man/irsalint-rules.7 is
# generated from the rule table ("irsalint --list-rules -f mdoc"); the
# committed page must be what the binary generates (run "make man"
# after changing a rule), every rule must be in it and be explained by
# --explain, and both pages must lint clean with mandoc when it is
# installed.  Run from the top of the tree: sh tests/docs.sh ./irsalint
prog=${1:-./irsalint}
case $prog in */*) ;; *) prog=./$prog ;; esac
pass=0 fail=0
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
ids=$("$prog" --list-rules | awk '{print $1}')
if [ -z "$ids" ]; then
	echo "FAIL: $prog --list-rules printed no rule"
	fail=1
fi
for id in $ids; do
	if grep -q "^\.It Sy $id " man/irsalint-rules.7; then
		pass=$((pass + 1))
	else
		echo "FAIL: rule $id is not documented in man/irsalint-rules.7"
		fail=$((fail + 1))
	fi
	if "$prog" --explain "$id" >"$tmp" 2>&1 &&
	    head -n 1 "$tmp" | grep -q "^$id (" && grep -q "^Fix:" "$tmp"; then
		pass=$((pass + 1))
	else
		echo "FAIL: irsalint --explain $id does not explain it"
		sed 's/^/    /' "$tmp"
		fail=$((fail + 1))
	fi
done
"$prog" --list-rules -f mdoc >"$tmp"
if diff -u man/irsalint-rules.7 "$tmp" >/dev/null; then
	pass=$((pass + 1))
else
	echo "FAIL: man/irsalint-rules.7 is not what the rule table generates;"
	echo "    run 'make man' and commit the result:"
	diff -u man/irsalint-rules.7 "$tmp" | sed 's/^/    /'
	fail=$((fail + 1))
fi
# The add-on table of src/model.c is documented, entry by entry, in
# irsalint(1)'s EKS add-ons.
addons=$(sed -n '/^const struct eks_addon_info model_addon_table/,/^};/p' \
    src/model.c | sed -n 's/^[	 ]*{ "\([a-z0-9-]*\)", [01],.*/\1/p')
if [ -z "$addons" ]; then
	echo "FAIL: no add-on table found in src/model.c"
	fail=$((fail + 1))
fi
section=$(sed -n '/^\.Ss EKS add-ons/,/^\.Ss /p' man/irsalint.1)
for name in $addons; do
	if printf '%s\n' "$section" | grep -q "^\.It Cm .*$name\( \|$\)"; then
		pass=$((pass + 1))
	else
		echo "FAIL: add-on $name is not in irsalint(1)'s EKS add-ons"
		fail=$((fail + 1))
	fi
done
if command -v mandoc >/dev/null 2>&1; then
	for page in man/irsalint.1 man/irsalint-rules.7; do
		if out=$(mandoc -T lint -W warning "$page" 2>&1) &&
		    [ -z "$out" ]; then
			pass=$((pass + 1))
		else
			echo "FAIL: mandoc -T lint $page"
			echo "$out" | sed 's/^/    /'
			fail=$((fail + 1))
		fi
	done
fi
echo "docs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
