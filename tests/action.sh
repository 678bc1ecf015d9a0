#!/bin/sh
# SPDX-License-Identifier: ISC
# The GitHub Action's steps (tools/action.sh, as action.yml runs them)
# by hand, in a runner-like environment: GITHUB_* files, a copy of the
# action, and stand-ins for id, sudo, apt-get and pkg-config that say
# what was called, so that root without sudo, a user with sudo, a user
# without it and a preinstalled toolchain are each tried.
#   sh tests/action.sh ./irsalint
top=$(pwd)
prog=${1:-./irsalint}
case $prog in /*) ;; *) prog=$top/$prog ;; esac
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
realpc=$(command -v pkg-config) || {
	echo "action: pkg-config is needed" >&2
	exit 2
}

# The action as a runner checks it out: the files the build needs.
a=$tmp/action
mkdir -p "$a"
git ls-files -co --exclude-standard -- action.yml Makefile src include \
    rules tools man | while read -r f; do
	[ -f "$f" ] || continue
	mkdir -p "$a/$(dirname "$f")"
	cp -p "$f" "$a/$f"
done

# Stand-ins.  FAKE_UID is what id -u says; FAKE_SUDO=yes makes sudo -n
# work; FAKE_NODEPS=yes makes pkg-config --exists fail until apt-get
# has "installed" the packages.  Each call is logged in $tmp/calls.
b=$tmp/bin
mkdir -p "$b"
cat >"$b/id" <<EOF
#!/bin/sh
[ "\$1" = -u ] && { echo "\${FAKE_UID:-0}"; exit 0; }
exec /usr/bin/id "\$@"
EOF
cat >"$b/sudo" <<EOF
#!/bin/sh
echo "sudo \$*" >>"$tmp/calls"
[ "\$FAKE_SUDO" = yes ] || exit 1
[ "\$1" = -n ] && shift
exec "\$@"
EOF
cat >"$b/apt-get" <<EOF
#!/bin/sh
echo "apt-get \$*" >>"$tmp/calls"
[ "\$1" = install ] && touch "$tmp/installed"
exit 0
EOF
cat >"$b/pkg-config" <<EOF
#!/bin/sh
if [ "\$FAKE_NODEPS" = yes ] && [ ! -e "$tmp/installed" ]; then
	exit 1
fi
exec "$realpc" "\$@"
EOF
chmod +x "$b"/*

fail=0 n=0
bad() {
	echo "action: $1"
	for f in out calls output; do
		[ -s "$tmp/$f" ] && { echo "  $f:"; sed 's/^/    /' "$tmp/$f"; }
	done
	fail=$((fail + 1))
}
# step NAME ...: run a step as a runner would, with fresh GITHUB_* files
# and the variables given as VAR=value arguments after the step's name.
step() {
	s=$1
	shift
	rm -f "$tmp/calls" "$tmp/installed" "$tmp/output" "$tmp/path" \
	    "$tmp/summary"
	: >"$tmp/output"
	(cd "${WD:-$top}" && env PATH="$b:$PATH" GITHUB_ACTION_PATH="$a" \
	    GITHUB_PATH="$tmp/path" GITHUB_OUTPUT="$tmp/output" \
	    GITHUB_STEP_SUMMARY="$tmp/summary" IRSALINT="$prog" "$@" \
	    sh "$a/tools/action.sh" "$s") >"$tmp/out" 2>&1
}
has() {	grep -q -- "$2" "$tmp/$1"; }

n=$((n + 1))
step build FAKE_UID=1000
if [ $? -ne 0 ] || [ -e "$tmp/calls" ] || [ ! -x "$a/irsalint" ] ||
    ! has path "^$a\$"; then
	bad "build, toolchain installed: no apt-get, no sudo, irsalint built"
fi

n=$((n + 1))
step build FAKE_UID=0 FAKE_NODEPS=yes
if [ $? -ne 0 ] || ! has calls "^apt-get install .*libyaml-dev" ||
    has calls "^sudo"; then
	bad "build as root without sudo: apt-get itself"
fi

n=$((n + 1))
step build FAKE_UID=1000 FAKE_NODEPS=yes FAKE_SUDO=yes
if [ $? -ne 0 ] || ! has calls "^sudo apt-get install .*libcjson-dev"; then
	bad "build as a user with sudo: sudo apt-get"
fi

n=$((n + 1))
step build FAKE_UID=1000 FAKE_NODEPS=yes
if [ $? -ne 2 ] || has calls "apt-get" ||
    ! has out "^::error title=irsalint::building irsalint needs build-essential"; then
	bad "build as a user without sudo: an error naming the packages"
fi

k8s=testdata/examples/article/broken
tf=testdata/examples/article/terraform/main.tf
n=$((n + 1))
step run PATHS="$tf $k8s" ANNOTATE=true UPLOAD=auto SARIF="$tmp/r.sarif" \
    ARGS=--no-config
if [ $? -ne 0 ] || ! has output "^exit-code=1\$" ||
    ! has output "^upload=true\$" || ! has out "^::error file=" ||
    ! has summary "^## irsalint" ||
    ! grep -q '"version": *"2.1.0"' "$tmp/r.sarif" ||
    ! grep -q '"ruleId": *"irsa-trust-sub-mismatch"' "$tmp/r.sarif"; then
	bad "run with findings: annotations, summary, SARIF, upload"
fi

n=$((n + 1))
step run PATHS="$tf $k8s" ANNOTATE=true UPLOAD=auto IS_FORK=true \
    SARIF="$tmp/r.sarif" ARGS=--no-config
if ! has output "^upload=false\$" || ! has out "::notice.*fork"; then
	bad "run on a fork's pull request: no upload"
fi

n=$((n + 1))
step run PATHS="$tf $k8s" ANNOTATE=true UPLOAD=true IS_FORK=true \
    SARIF="$tmp/r.sarif" ARGS=--no-config
has output "^upload=true\$" || bad "upload-sarif: true on a fork: upload"

n=$((n + 1))
step run PATHS="testdata/changed/broken $k8s" ANNOTATE=true UPLOAD=auto \
    SARIF="$tmp/e.sarif" ARGS=--no-config
if ! has output "^exit-code=2\$" || ! has output "^upload=false\$" ||
    ! has out "^::error file=testdata/changed/broken/bad.yaml" ||
    ! has out "^::error title=irsalint::irsalint could not check" ||
    ! has summary "could not check every input"; then
	bad "run with an input error: annotated, summarised, not uploaded"
fi

n=$((n + 1))
step run PATHS="$k8s" ANNOTATE=true UPLOAD=auto SARIF="$tmp/c.sarif" \
    ARGS="--config testdata/config/bad.yaml"
if ! has output "^exit-code=2\$" || ! has output "^upload=false\$" ||
    ! has out "^::error file=testdata/config/bad.yaml"; then
	bad "run with a bad configuration: annotated, not uploaded"
fi

# No paths: the inputs of .irsalint.yaml in the working directory.
mkdir -p "$tmp/ws/k8s"
cp "$k8s/serviceaccount.yaml" "$tmp/ws/k8s/"
cp "$tf" testdata/examples/article/terraform/iam_policy.json "$tmp/ws/"
printf 'inputs: [main.tf, k8s/]\n' >"$tmp/ws/.irsalint.yaml"
n=$((n + 1))
WD=$tmp/ws step run PATHS= ANNOTATE=false UPLOAD=auto SARIF=r.sarif
if ! has output "^exit-code=1\$" ||
    ! has out "^k8s/serviceaccount.yaml:12:5: error: .*irsa-trust-sub-mismatch" ||
    [ ! -s "$tmp/ws/r.sarif" ]; then
	bad "run without paths: the inputs of .irsalint.yaml, text report"
fi
rm "$tmp/ws/.irsalint.yaml"
mkdir "$tmp/ws/.git"
n=$((n + 1))
WD=$tmp/ws step run PATHS= ANNOTATE=true UPLOAD=auto SARIF=r.sarif
if ! has output "^exit-code=2\$" || ! has output "^upload=false\$" ||
    ! has out "no input"; then
	bad "run without paths or inputs: exit 2, said"
fi

n=$((n + 1))
step run PATHS="$k8s" ANNOTATE=true UPLOAD=sometimes SARIF="$tmp/u.sarif"
if ! has output "^exit-code=2\$" || ! has out "upload-sarif: expected"; then
	bad "upload-sarif with a bogus value: an error"
fi

echo "action: $((n - fail)) passed, $fail failed"
[ $fail -eq 0 ]
