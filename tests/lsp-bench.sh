#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench-lsp: the language server's re-lint latency, as an editor
# sees it on each keystroke (tools/lspbench.c), on the bundled example
# (its Terraform sources and the broken manifests) and on a generated
# workspace of about 1 MB: benchgen's 1 MB of manifests with the
# Terraform sources of its plan, then the same manifests with the plan
# itself.  The file edited is sent whole on every change, as full sync
# does.  Timings are reported, never asserted.
#   sh tests/lsp-bench.sh ./irsalint build/tools/benchgen build/tools/lspbench
# Environment: LSP_BENCH_CHANGES (changes timed, default 30),
# BENCH_DIR (default build/bench).
set -eu
prog=${1:-./irsalint}
gen=${2:-build/tools/benchgen}
bench=${3:-build/tools/lspbench}
n=${LSP_BENCH_CHANGES:-30}
dir=${BENCH_DIR:-build/bench}/lsp
case $prog in /*) ;; *) prog=$(pwd)/$prog ;; esac

rm -rf "$dir" && mkdir -p "$dir/article" "$dir/gen/tf-sources" \
    "$dir/gen/plan"
cp -R testdata/examples/article/terraform testdata/examples/article/broken \
    "$dir/article/"
printf 'inputs: [terraform, broken]\n' >"$dir/article/.irsalint.yaml"
"$gen" -s 1 -o "$dir/gen" >/dev/null
for w in tf-sources plan; do
	cp "$dir/gen/manifests.yaml" "$dir/gen/$w/"
done
mv "$dir/gen/tf" "$dir/gen/tf-sources/tf"
mv "$dir/gen/plan.json" "$dir/gen/plan/plan.json"
printf 'inputs: [tf, manifests.yaml]\n' >"$dir/gen/tf-sources/.irsalint.yaml"
printf 'inputs: [plan.json, manifests.yaml]\n' >"$dir/gen/plan/.irsalint.yaml"

for ws in article:broken/serviceaccount.yaml \
    gen/tf-sources:manifests.yaml gen/plan:manifests.yaml; do
	root=$dir/${ws%%:*}
	size=$(find "$root" -type f ! -name .irsalint.yaml -exec cat {} + |
	    wc -c)
	printf '%s (%s bytes): ' "${ws%%:*}" "$size"
	"$bench" -n "$n" "$root" "$root/${ws#*:}" -- "$prog" --lsp
done
