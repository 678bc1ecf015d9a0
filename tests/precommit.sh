#!/bin/sh
# SPDX-License-Identifier: ISC
# The hooks of .pre-commit-hooks.yaml, run by the real pre-commit
# (Debian's package) on a sample repository: a manifest-only change, a
# .tf-only change and a change of both must fail or pass as irsalint
# judges the whole picture; the hook "irsalint" builds irsalint in
# pre-commit's clone on first use, "irsalint-system" runs the one on
# PATH (here PROG's directory).  Run from the top of the checkout:
#   sh tests/precommit.sh ./irsalint
top=$(pwd)
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$top/$prog ;; esac
if ! command -v pre-commit >/dev/null 2>&1; then
	echo "precommit: pre-commit is not installed (apt-get install" \
	    "pre-commit); it is needed to test the hooks" >&2
	exit 2
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" GIT_CONFIG_NOSYSTEM=1 HOME="$tmp"
git config --global user.email test@example.com
git config --global user.name test
git config --global init.defaultBranch main
git config --global protocol.file.allow always

# The hook repository: what a user's pre-commit clones, the tracked and
# the new files of this checkout (so that an uncommitted hook is tested
# too, as pre-commit try-repo does).
mkdir "$tmp/hooks"
git ls-files -co --exclude-standard -- .pre-commit-hooks.yaml Makefile \
    src include rules tools man LICENSE |
    while read -r f; do
	[ -f "$f" ] || continue
	mkdir -p "$tmp/hooks/$(dirname "$f")"
	cp -p "$f" "$tmp/hooks/$f"
done
(cd "$tmp/hooks" && git init -q && git add -A &&
    git commit -qm hooks) || exit 2
rev=$(git -C "$tmp/hooks" rev-parse HEAD)

# The sample repository: the article's Terraform and its correct
# ServiceAccount, committed before the hooks are installed.
r=$tmp/repo
mkdir -p "$r/infra" "$r/k8s" "$r/docs"
cp testdata/examples/article/terraform/main.tf \
    testdata/examples/article/terraform/iam_policy.json "$r/infra/"
cp testdata/examples/article/correct/serviceaccount.yaml "$r/k8s/"
echo "# sample" >"$r/docs/README.md"
cat >"$r/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $tmp/hooks
    rev: $rev
    hooks:
      - id: irsalint
      - id: irsalint-system
        stages: [manual]
EOF
(cd "$r" && git init -q && git add -A && git commit -qm sample) || exit 2

fail=0 n=0
# check NAME WANT-STATUS WANT-TEXT [HOOK]: run the hook on the staged
# changes of the sample repository, then undo them.
check() {
	n=$((n + 1))
	(cd "$r" && pre-commit run ${4:+--hook-stage manual} ${4:-irsalint}) \
	    >"$tmp/out" 2>&1
	got=$?
	if [ $got -ne "$2" ] || ! grep -q -- "$3" "$tmp/out"; then
		echo "precommit: $1: exit $got (want $2), output:"
		sed 's/^/  /' "$tmp/out" | head -20
		fail=$((fail + 1))
	fi
	(cd "$r" && git reset -q --hard)
}
ns() {	# ns FILE FROM TO: change a namespace and stage the file
	sed "s/$2/$3/" "$r/$1" >"$tmp/x" && cp "$tmp/x" "$r/$1" &&
	    (cd "$r" && git add "$1")
}

ns k8s/serviceaccount.yaml "namespace: kube-system" "namespace: team"
check "manifest-only change" 1 "not namespace team \[irsa-trust-sub-mismatch\]"

ns infra/main.tf '"kube-system"' '"team"'
check ".tf-only change" 1 \
    "k8s/serviceaccount.yaml:10:5: error: .*allows system:serviceaccount:team:aws-load-balancer-controller, not namespace kube-system"

ns infra/main.tf '"kube-system"' '"team"'
ns k8s/serviceaccount.yaml "namespace: kube-system" "namespace: team"
check "both changed, in agreement" 0 "irsalint (EKS IRSA cross-check)\.*Passed"

echo changed >>"$r/docs/README.md" && (cd "$r" && git add docs/README.md)
check "no file irsalint reads" 0 "(no files to check)Skipped"

# With inputs: a changed manifest outside them is named, not checked.
cat >"$r/.irsalint.yaml" <<'EOF'
inputs: [infra/, k8s/]
EOF
cp testdata/changed/docs/example.yaml "$r/docs/"
(cd "$r" && git add -A && git commit -qm inputs --no-verify) || exit 2
echo "# changed" >>"$r/docs/example.yaml" && (cd "$r" && git add docs)
check "a changed file outside inputs:" 0 "Passed"

ns infra/main.tf '"kube-system"' '"team"'
check ".tf-only change, with inputs:" 1 "irsa-trust-sub-mismatch"

# git commit itself, through the installed hook.
(cd "$r" && pre-commit install >/dev/null) || exit 2
ns k8s/serviceaccount.yaml "namespace: kube-system" "namespace: team"
n=$((n + 1))
if (cd "$r" && git commit -qm broken) >"$tmp/out" 2>&1; then
	echo "precommit: git commit of a broken binding succeeded"
	fail=$((fail + 1))
fi
(cd "$r" && git reset -q --hard)

# irsalint-system: the irsalint on PATH (PROG).
PATH=$(dirname "$prog"):$PATH
export PATH
ns infra/main.tf '"kube-system"' '"team"'
check "irsalint-system, .tf-only change" 1 "irsa-trust-sub-mismatch" \
    irsalint-system

# The build's prerequisites missing: said, with the packages to install.
n=$((n + 1))
mkdir -p "$tmp/bare/tools" "$tmp/bin"
cp tools/pre-commit-hook "$tmp/bare/tools/"
ln -s "$(command -v dirname)" "$tmp/bin/dirname"
PATH=$tmp/bin /bin/sh "$tmp/bare/tools/pre-commit-hook" x.yaml \
    >"$tmp/out" 2>&1
got=$?
if [ $got -ne 2 ] || ! grep -q "needs cc make pkg-config.*apt-get install" \
    "$tmp/out"; then
	echo "precommit: no toolchain: exit $got (want 2), output:"
	cat "$tmp/out"
	fail=$((fail + 1))
fi

echo "precommit: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
