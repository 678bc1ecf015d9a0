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
# ignore-paths are relative to the configuration's directory: the same
# findings are dropped whatever the directory of the run or the spelling.
cfg=testdata/config/ignore-paths.yaml
"$prog" -q -f sarif --config $cfg testdata/examples/article/terraform/plan.json \
    testdata/examples/article/broken >"$tmp/ref" 2>&1
i=0
for spelling in \
    "$prog -q -f sarif --config ./$cfg ./testdata/examples/article/terraform/plan.json $top/testdata/examples/article/broken" \
    "cd testdata/examples && $prog -q -f sarif --config ../config/ignore-paths.yaml article/terraform/plan.json article/broken" \
    "cd testdata/examples/article/broken && $prog -q -f sarif --config $top/$cfg ../terraform/plan.json ."; do
	i=$((i + 1))
	n=$((n + 1))
	(eval "$spelling") >"$tmp/out" 2>&1
	if ! cmp -s "$tmp/ref" "$tmp/out" ||
	    grep -q serviceaccount-typo "$tmp/out"; then
		echo "root: ignore-paths, spelling $i ($spelling) differs:"
		diff "$tmp/ref" "$tmp/out" | head -5
		fail=$((fail + 1))
	fi
done
# A named .tf file and a walk of its directory name the files of its
# modules alike, cleaned as Terraform joins module paths: no "./", no
# "outer/../inner".
n=$((n + 1))
(cd testdata/tf-src/nested-args && "$prog" --no-config main.tf sa.yaml) \
    >"$tmp/a" 2>&1
(cd testdata/tf-src/nested-args && "$prog" --no-config .) >"$tmp/b" 2>&1
if ! cmp -s "$tmp/a" "$tmp/b" || grep -q '\./' "$tmp/a" ||
    ! grep -q '^modules/inner/main.tf:13:1: ' "$tmp/a"; then
	echo "root: a named .tf and its directory name files differently:"
	diff "$tmp/a" "$tmp/b" | head -5
	grep '\./' "$tmp/a" | head -3
	fail=$((fail + 1))
fi
echo "root: $n passed, $fail failed" | sed "s/$n passed/$((n - fail)) passed/"
[ $fail -eq 0 ]
