#!/bin/sh
# SPDX-License-Identifier: ISC
# The fixes round trip: for every golden case whose findings carry a
# fix (whatever its options, but those that write files, read standard
# input or do not lint), -f diff must apply with patch -p1 at the top of the tree, and
# linting the patched copy must leave none of the fixed findings and no
# new one on another object (a finding of another rule on a fixed
# object was hidden by the fixed one, and is not the fix's doing).  Runs on a copy of testdata under build/, never on testdata.
#   sh tests/fixdiff.sh [--apply] ./irsalint
# --apply checks only that each diff applies (what make check runs): a
# fix that reveals or causes another finding (a namespace moved without
# its Deployment) is the work left for --fix, which must offer the
# whole edit set or none.
only_apply=0
if [ "${1:-}" = --apply ]; then
	only_apply=1
	shift
fi
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
command -v patch >/dev/null 2>&1 || { echo "fixdiff: patch is not installed"; exit 2; }
copy=build/fixdiff
rm -rf "$copy" && mkdir -p "$copy" && cp -R testdata "$copy/" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp" "$copy"' EXIT
# One line per finding: its rule and object, and whether it has a fix.
keys() {
	grep '^{"rule":' "$1" | sed -e 's/^{"rule":"\([^"]*\)".*"object":\({[^}]*}\).*/\1 \2/' \
	    -e 's/^{"rule":"\([^"]*\)".*"terraform":\({[^}]*}\).*/\1 \2/' | sort
}
n=0 fail=0
for args in $(find testdata -name '*.args' | LC_ALL=C sort); do
	a=$(cat "$args")
	# Every case but those that write elsewhere, read standard input,
	# or are not a lint; a case's own -f is overridden by the last one.
	case " $a " in
	*" -o "*|*" --output"*|*" --fix "*|*" --changed "*|*" --explain"*|\
	*" --list-rules "*|*" -h "*|*" --help "*|*" -V "*|*" --version "*|\
	*" - "*|*" -q"*) continue ;;
	esac
	[ -f "${args%.args}.stdin" ] && continue
	cfg=--no-config
	case " $a " in *" --config"*) cfg= ;; esac
	a="$cfg $a"
	(cd "$copy" && "$prog" -q $a -f diff) >"$tmp/diff" 2>/dev/null
	[ -s "$tmp/diff" ] || continue
	n=$((n + 1))
	name=${args%.args}
	if ! patch -p1 --dry-run -s <"$tmp/diff" >"$tmp/out" 2>&1; then
		echo "fixdiff: $name: the diff does not apply:"; sed 's/^/    /' "$tmp/out"
		fail=$((fail + 1)); continue
	fi
	[ $only_apply -eq 1 ] && continue
	(cd "$copy" && "$prog" -q $a -f json) >"$tmp/before" 2>/dev/null
	# Suppressed findings are left as they are, fix or not.
	grep '^{"rule":.*"fix":' "$tmp/before" | grep -v '"suppressed":{' \
	    >"$tmp/fixed.json"
	keys "$tmp/fixed.json" >"$tmp/fixed"
	keys "$tmp/before" >"$tmp/b"
	patch -p1 -s <"$tmp/diff" >/dev/null 2>&1
	(cd "$copy" && "$prog" -q $a -f json) >"$tmp/after" 2>/dev/null
	keys "$tmp/after" >"$tmp/a"
	# A finding of another rule on an object a fix touched was hidden
	# by the fixed one (a role found at last has no policy): revealed,
	# not made by the fix.
	# (By kind and name: a fix may move the object to its namespace.)
	sed -e 's/^[^ ]* //' -e 's/"namespace":"[^"]*",//' "$tmp/fixed" |
	    sort -u >"$tmp/objs"
	new=$(comm -13 "$tmp/b" "$tmp/a" | while read -r rule obj; do
		o=$(echo "$obj" | sed 's/"namespace":"[^"]*",//')
		grep -qxF "$o" "$tmp/objs" || echo "$rule $obj"
	done)
	left=$(comm -12 "$tmp/fixed" "$tmp/a")
	if [ -n "$new" ] || [ -n "$left" ]; then
		echo "fixdiff: $name:"
		[ -n "$new" ] && echo "$new" | sed 's/^/    new after the fix: /'
		[ -n "$left" ] && echo "$left" | sed 's/^/    still there: /'
		fail=$((fail + 1))
	fi
	# --fix must write what the patch wrote; put the files back first.
	sed -n 's/^+++ b\///p' "$tmp/diff" >"$tmp/files"
	while read -r f; do
		mkdir -p "$tmp/want/$(dirname "$f")"
		cp "$f" "$tmp/want/$f"
		cp "${f#"$copy"/}" "$f"
	done <"$tmp/files"
	(cd "$copy" && "$prog" -q --fix $a) >/dev/null 2>&1
	while read -r f; do
		if ! cmp -s "$f" "$tmp/want/$f"; then
			echo "fixdiff: $name: --fix wrote $f otherwise than the diff"
			fail=$((fail + 1))
		fi
		cp "${f#"$copy"/}" "$f"
	done <"$tmp/files"
done
echo "fixdiff: $n cases with fixes, $fail failed"
[ $n -gt 0 ] && [ $fail -eq 0 ]
