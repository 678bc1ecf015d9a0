#!/bin/sh
# SPDX-License-Identifier: ISC
# The repository root makes a finding's identity: SARIF, GitHub and
# GitLab reports name files relative to it and fingerprints do not
# change with the spelling of a path (k8s, ./k8s, an absolute path) or
# with the directory irsalint runs in.
#   sh tests/root.sh ./irsalint
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac
top=$(pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
tf=testdata/examples/article/terraform/main.tf
k8s=testdata/examples/article/broken
fail=0 n=0
for f in sarif github gitlab json; do
	"$prog" -q --no-config -f $f "$tf" "$k8s" >"$tmp/ref" 2>&1
	i=0
	for spelling in "./$tf ./$k8s" "$top/$tf $top/$k8s" \
	    "cd testdata/examples && $prog -q --no-config -f $f article/terraform/main.tf article/broken"; do
		i=$((i + 1))
		n=$((n + 1))
		case $spelling in
		cd*) (eval "$spelling") >"$tmp/out" 2>&1 ;;
		*) "$prog" -q --no-config -f $f $spelling >"$tmp/out" 2>&1 ;;
		esac
		if [ $f = json ]; then
			# JSON keeps the paths as given: compare fingerprints.
			grep -o '"fingerprint":"[0-9a-f]*"' "$tmp/ref" >"$tmp/a"
			grep -o '"fingerprint":"[0-9a-f]*"' "$tmp/out" >"$tmp/b"
			cmp -s "$tmp/a" "$tmp/b" && [ -s "$tmp/a" ] && continue
		elif cmp -s "$tmp/ref" "$tmp/out"; then
			continue
		fi
		echo "root: -f $f, spelling $i ($spelling) differs:"
		diff "$tmp/ref" "$tmp/out" | head -5
		fail=$((fail + 1))
	done
done
echo "root: $n passed, $fail failed" | sed "s/$n passed/$((n - fail)) passed/"
[ $fail -eq 0 ]
