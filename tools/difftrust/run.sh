#!/bin/sh
# Differential test of irsalint's trust verdicts against iam-simulate:
# install the evaluator if needed, build the verdict driver, generate
# the cases, run both sides and print the summary (README.md).
#   sh tools/difftrust/run.sh [-n cases] [-s seed] [-v verdict] [-o outdir]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
n=20000
seed=1
verdict=
out="$top/build/difftrust"

usage() {
	echo "usage: sh tools/difftrust/run.sh [-n cases] [-s seed]" \
	    "[-v verdict] [-o outdir]" >&2
	exit 2
}

while getopts n:o:s:v: opt; do
	case $opt in
	n)	n=$OPTARG ;;
	o)	out=$OPTARG ;;
	s)	seed=$OPTARG ;;
	v)	verdict=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

for cmd in node npm; do
	command -v $cmd >/dev/null 2>&1 || {
		echo "run.sh: $cmd is needed" >&2
		exit 2
	}
done

# The evaluator, at the version package-lock.json pins.
if [ ! -f "$here/node_modules/@cloud-copilot/iam-simulate/package.json" ]
then
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ -z "$verdict" ]; then
	make -C "$top" -s build/tools/verdict
	verdict="$top/build/tools/verdict"
fi
case $verdict in
/*)	;;
*)	verdict="$(pwd)/$verdict" ;;
esac

mkdir -p "$out"
start=$(date +%s)
node "$here/gen.js" -n "$n" -s "$seed" > "$out/cases.jsonl"
"$verdict" -f "$out/cases.jsonl" > "$out/irsalint.tsv"
node "$here/compare.js" -c "$out/cases.jsonl" -r "$out/irsalint.tsv" \
    -v "$verdict" -o "$out"
echo "seed $seed, $(($(date +%s) - start)) s; cases in $out/cases.jsonl"
