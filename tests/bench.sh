#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: for each input shape of issue 19, generate the input
# (tools/benchgen -k, a fixed seed, no environment), check that irsalint
# reports exactly the injected findings and that its summary on standard
# error says it read every file and cross-checked the ServiceAccounts it
# should, then time irsalint against the bare parse of the same bytes
# (tools/baseline) in paired rounds: irsalint, bare, irsalint, bare, ...
# One table at the end: the median, min and max time of each, the median,
# min and max of the rounds' ratios irsalint / bare, and the peak RSS of
# each.  Timings are reported, never asserted; wrong findings fail.
#
# Shapes (BENCH_SHAPES, default all, in this order):
#   pair     plan.json + manifests.yaml, SIZE MiB each (issue 8's data);
#            bare: cJSON of the plan + a libyaml event loop
#   tf       the plan's Terraform sources tf/ must give the pair's
#            findings; timed against irsalint on plan.json (not a bare
#            parse), with the manifests and alone
#   annot    the pair with eight more annotations on every object
#   tree     plan.json of SIZE * 0.2 MiB + k8s/, SIZE * 500 files of one
#            object each; bare: cJSON + a fresh libyaml parser per file
#   helm     the pair's manifests without namespaces on standard input,
#            irsalint -n apps plan.json -; bare: cJSON + libyaml on stdin
#   awscli   aws iam list-roles, SIZE * 1,000 roles, and kubectl get
#            serviceaccounts -A -o json, SIZE * 400; bare: cJSON of both
#   cfn      a CloudFormation JSON template of SIZE * 600 resources (SIZE
#            at most 10: more pass the bound of 200,000 nodes) +
#            manifests of its IRSA roles' ServiceAccounts; bare: cJSON +
#            libyaml, and a second row against libyaml for both files
#   fanout   SIZE * 2,000 ServiceAccounts bound to one role whose trust
#            lists 200 subjects; bare: cJSON + libyaml
#   lsp      the language server's re-lint of the pair's workspace
#            (plan.json, manifests.yaml), BENCH_RUNS changes of the
#            manifests sent whole, each timed until its diagnostics are
#            published (tools/lspbench -r), the i-th against the i-th
#            round of the bare parse of the same two files
#   startup  the README's example (plan.json, correct/) against true(1),
#            once, in 4 * BENCH_RUNS rounds
# SIZE 10 is issue 19's counts (5,000 files, 10,000 roles, 6,000
# resources, 20,000 ServiceAccounts); the pair, annot and helm shapes are
# SIZE MiB of each input.
#   sh tests/bench.sh ./irsalint build/tools/benchgen build/tools/baseline \
#       build/tools/lspbench
# Environment: BENCH_SIZES (default "1 10"), BENCH_RUNS (paired rounds,
# default 5), BENCH_SHAPES, BENCH_DIR (default build/bench; no blanks),
# BENCH_JOBS (the counts of threads irsalint reads files on, -j; default
# "1 2" where two CPUs are online, else "1"): each row is timed for each,
# labelled "-jN" when N is not 1.
set -u

prog=${1:-./irsalint}
gen=${2:-build/tools/benchgen}
base=${3:-build/tools/baseline}
lspbench=${4:-build/tools/lspbench}
sizes=${BENCH_SIZES:-1 10}
if [ "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" -ge 2 ]; then
	jobs=${BENCH_JOBS:-1 2}
else
	jobs=${BENCH_JOBS:-1}
fi
runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-build/bench}
all="pair tf annot tree helm awscli cfn fanout lsp startup"
shapes=${BENCH_SHAPES:-$all}
example=$(dirname "$0")/../testdata/examples/article
LC_ALL=C
export LC_ALL
# A bare name would be looked up in PATH.
for v in prog gen base; do
	eval "f=\$$v"
	case $f in */*) ;; *) eval "$v=./\$f" ;; esac
done

die() {
	echo "bench: $*" >&2
	exit 1
}

for f in "$prog" "$gen" "$base"; do
	[ -x "$f" ] || die "$f: not built"
done
for s in $shapes; do
	case " $all " in *" $s "*) ;; *) die "unknown shape $s (of: $all)" ;;
	esac
done
case $runs in '' | *[!0-9]* | 0) die "BENCH_RUNS: a number of rounds" ;; esac
# Commands are kept in strings and split on blanks.
case $dir$prog$gen$base$example in
*[[:space:]]*) die "paths with blanks are not supported" ;;
esac
mkdir -p "$dir" || die "cannot create $dir"
tmp=$dir/tmp.$$
table=$dir/table.$$
trap 'rm -f "$tmp" "$tmp.rss" "$tmp.out" "$tmp.keys" "$tmp.a" "$tmp.b" \
    "$tmp.r" "$tmp.plan" "$tmp.lsp" "$table"' EXIT
: >"$table"

# Peak RSS: GNU time's %M; install it if missing and we may, else
# fall back to polling VmHWM (a high-water mark, so polling late is
# fine, but the last poll can miss the final growth of a short run).
TIME=/usr/bin/time
if ! "$TIME" -f %M true >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "bench: installing GNU time" >&2
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time \
		    >/dev/null 2>&1
	fi
	"$TIME" -f %M true >/dev/null 2>&1 || TIME=
fi
[ -n "$TIME" ] || echo "bench: no GNU time; peak RSS polled from /proc" >&2
TRUE=
for f in /bin/true /usr/bin/true; do
	[ -x "$f" ] && TRUE=$f && break
done
[ -n "$TRUE" ] || die "no true(1) binary"

case $(date +%N) in
[0-9]*) ;;
*) die "date +%N is not supported; GNU date is needed" ;;
esac

now() {
	date +%s%N
}

# run_once cmd...: runs cmd with standard input from $in; sets ns (wall
# time) and kb (peak RSS).
run_once() {
	if [ -n "$TIME" ]; then
		t0=$(now)
		"$TIME" -o "$tmp.rss" -f %M "$@" <"$in" >/dev/null 2>"$tmp.out"
		st=$?
		t1=$(now)
		kb=$(tail -n 1 "$tmp.rss")
	else
		t0=$(now)
		"$@" <"$in" >/dev/null 2>"$tmp.out" &
		pid=$!
		kb=0
		while kill -0 "$pid" 2>/dev/null; do
			k=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" \
			    2>/dev/null)
			[ -n "$k" ] && kb=$k
			sleep 0.01
		done
		wait "$pid"
		st=$?
		t1=$(now)
	fi
	# irsalint exits 1 when it has findings; 2 or more is a failure.
	[ "$st" -le 1 ] || { cat "$tmp.out" >&2; die "$* failed ($st)"; }
	ns=$((t1 - t0))
}

# check sizedir arg...: irsalint's findings on the operands, with
# standard input from $in, counted per rule, must equal the generator's
# expected counts (no other rule may fire), and its summary must hold
# each "# summary" string of the expected file (but the files read when
# $sources is set: the generator counts the plan's).  Sets nfind; leaves
# in $tmp.keys each finding as "rule object terraform-address", sorted.
check() {
	cd_=$1
	shift
	"$prog" -f json --fail-on never "$@" <"$in" >"$tmp" 2>"$tmp.out" ||
	    { cat "$tmp.out" >&2; die "irsalint failed on $*"; }
	grep -o '"rule":"[a-z0-9-]*"' "$tmp" | sed 's/.*:"\(.*\)"/\1/' |
	    sort | uniq -c | awk '{ print $2, $1 }' >"$tmp.out"
	grep -v '^#' "$cd_/expected" | awk '$2 > 0' | sort >"$tmp.rss"
	if ! cmp -s "$tmp.rss" "$tmp.out"; then
		echo "bench: findings on $* differ from the injected" \
		    "mistakes (expected, then found):" >&2
		diff "$tmp.rss" "$tmp.out" >&2
		die "wrong finding counts at $cd_"
	fi
	nfind=$(awk '{ n += $2 } END { printf "%d", n }' "$tmp.out")
	# One finding a line in the JSON report.
	awk '/^\{"rule":/ {
		r = o = t = ""
		if (match($0, /^\{"rule":"[^"]*"/))
			r = substr($0, 10, RLENGTH - 10)
		if (match($0, /"object":\{[^}]*\}/))
			o = substr($0, RSTART + 9, RLENGTH - 9)
		if (match($0, /"terraform":\{"address":"([^"\\]|\\.)*"/))
			t = substr($0, RSTART + 24, RLENGTH - 25)
		print r, o, t
	}' "$tmp" | sort >"$tmp.keys"
	"$prog" --fail-on never "$@" <"$in" >/dev/null 2>"$tmp.out" ||
	    die "irsalint failed on $*"
	sed -n 's/^# summary //p' "$cd_/expected" | while IFS= read -r w; do
		case $sources$w in 1irsalint:*) continue ;; esac
		grep -qF -- "$w" "$tmp.out" && continue
		echo "bench: the summary of $* lacks \"$w\":" >&2
		cat "$tmp.out" >&2
		exit 1
	done || die "irsalint did not read what it should at $cd_"
}

# stats file: "median min max" of the numbers in file, one a line.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%s %s %s", m, v[1], v[NR]
	}'
}

ms() {
	awk -v n="$1" 'BEGIN { printf "%.1f", n / 1e6 }'
}

mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

div() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

# bytes path...: the bytes of the inputs under each path.
bytes() {
	find "$@" -type f \( -name '*.json' -o -name '*.yaml' -o \
	    -name '*.yml' -o -name '*.tf' \) -exec cat {} + | wc -c |
	    tr -d ' '
}

# rounds_start, then round a_ns b_ns for each round: the times of the
# two and their ratio, for table_line.
rounds_start() {
	: >"$tmp.a"
	: >"$tmp.b"
	: >"$tmp.r"
}

round() {
	echo "$1" >>"$tmp.a"
	echo "$2" >>"$tmp.b"
	div "$1" "$2" >>"$tmp.r"
	echo >>"$tmp.r"
}

# table_line label bytes a_kb b_kb: the rounds' medians, minima and
# maxima, the peak RSS of each, a line of the table.
table_line() {
	set -- "$1" "$2" "$3" "$4" $(stats "$tmp.a") $(stats "$tmp.b") \
	    $(stats "$tmp.r")
	printf '%-18s %10s %8s %8s %8s %8s %8s %8s %5s %5s %5s %7s %7s\n' \
	    "$1" "$2" "$(ms "$5")" "$(ms "$6")" "$(ms "$7")" "$(ms "$8")" \
	    "$(ms "$9")" "$(ms "${10}")" "$(div "${11}" 1)" \
	    "$(div "${12}" 1)" "$(div "${13}" 1)" "$(mib "$3")" \
	    "$(mib "$4")" >>"$table"
}

# row label bytes n "irsalint cmd" "bare cmd": n paired rounds of the
# two, standard input from $in for each; appends a line to the table.
row() {
	rounds_start
	a_kb=0 b_kb=0
	i=0
	while [ "$i" -lt "$3" ]; do
		run_once $4
		a_ns=$ns
		[ "$kb" -gt "$a_kb" ] && a_kb=$kb
		run_once $5
		[ "$kb" -gt "$b_kb" ] && b_kb=$kb
		round "$a_ns" "$ns"
		i=$((i + 1))
	done
	table_line "$1" "$2" "$a_kb" "$b_kb"
}

# jrow label bytes n "operands" "bare cmd": a row for each count of
# threads in $jobs, irsalint -j N on the operands.
jrow() {
	for j in $jobs; do
		case $j in '' | *[!0-9]* | 0) die "BENCH_JOBS: numbers" ;; esac
		lbl=$1
		[ "$j" = 1 ] || lbl="$1 -j$j"
		row "$lbl" "$2" "$3" "$L -j $j $4" "$5"
	done
}

# generate shape size: a fresh directory of the shape's inputs.
generate() {
	d=$dir/$2/$1
	rm -rf "$d"
	mkdir -p "$d" || die "cannot create $d"
	"$gen" -k "$1" -s "$2" -o "$d" || die "generator failed: -k $1"
}

note() {
	echo "bench: $*" >&2
}

has() {
	case " $shapes " in *" $1 "*) return 0 ;; esac
	return 1
}

# lsprow size: the language server on a workspace of the pair's two
# files, BENCH_RUNS changes of the manifests, each re-lint paired with a
# round of the bare parse of both files.
lsprow() {
	w=$dir/$1/lsp
	rm -rf "$w" && mkdir -p "$w" || die "cannot create $w"
	cp "$dir/$1/pair/plan.json" "$dir/$1/pair/manifests.yaml" "$w/" ||
	    die "cannot copy the pair to $w"
	printf 'inputs: [plan.json, manifests.yaml]\n' >"$w/.irsalint.yaml"
	"$lspbench" -r -n "$runs" "$w" "$w/manifests.yaml" -- "$prog" --lsp \
	    >"$tmp.lsp" 2>"$tmp.out" ||
	    { cat "$tmp.out" >&2; die "the language server failed on $w"; }
	grep -q '^diagnostics [1-9]' "$tmp.lsp" ||
	    die "the language server published no diagnostics on $w"
	note "$1 lsp: $(sed -n 's/^diagnostics //p' "$tmp.lsp") diagnostics" \
	    "published on each change"
	rounds_start
	b_kb=0
	for a_ms in $(grep -v '^[a-z]' "$tmp.lsp"); do
		run_once $base json "$w/plan.json" yaml "$w/manifests.yaml"
		[ "$kb" -gt "$b_kb" ] && b_kb=$kb
		round "$(awk -v m="$a_ms" 'BEGIN { printf "%.0f", m * 1e6 }')" \
		    "$ns"
	done
	a_kb=$(sed -n 's/^rss //p' "$tmp.lsp")
	table_line "lsp/$1 re-lint" "$(bytes "$w")" "${a_kb:-0}" "$b_kb"
}

L="$prog --fail-on never"
in=/dev/null
sources=
printf 'irsalint benchmark: %s, %s paired rounds, %s CPUs, load average %s\n' \
    "$("$prog" -V)" "$runs" "$(getconf _NPROCESSORS_ONLN 2>/dev/null)" \
    "$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
for size in $sizes; do
	case $size in '' | *[!0-9]* | 0) die "BENCH_SIZES: numbers" ;; esac
	if has pair || has tf || has lsp; then
		generate pair "$size"
		p=$d/plan.json y=$d/manifests.yaml
		check "$d" "$p" "$y"
		note "$size pair: $nfind findings as injected"
		mv "$tmp.keys" "$tmp.plan"
	fi
	if has pair; then
		jrow "pair/$size" "$(bytes "$p" "$y")" "$runs" "$p $y" \
		    "$base json $p yaml $y"
	fi
	if has tf; then
		sources=1
		check "$d" "$d/tf" "$y"
		sources=
		if ! cmp -s "$tmp.plan" "$tmp.keys"; then
			echo "bench: the sources' findings differ from the" \
			    "plan's (plan, then sources):" >&2
			diff "$tmp.plan" "$tmp.keys" >&2
			die "plan and sources disagree at $d"
		fi
		note "$size tf: $nfind findings, the same as the plan's"
		jrow "tf+yaml/$size" "$(bytes "$d/tf" "$y")" "$runs" \
		    "$d/tf $y" "$L -j 1 $p $y"
		jrow "tf/$size" "$(bytes "$d/tf")" "$runs" "$d/tf" "$L -j 1 $p"
	fi
	if has annot; then
		generate annot "$size"
		check "$d" "$d/plan.json" "$d/manifests.yaml"
		note "$size annot: $nfind findings as injected"
		jrow "annot/$size" "$(bytes "$d")" "$runs" \
		    "$d/plan.json $d/manifests.yaml" \
		    "$base json $d/plan.json yaml $d/manifests.yaml"
	fi
	if has tree; then
		generate tree "$size"
		check "$d" "$d/plan.json" "$d/k8s"
		note "$size tree: $nfind findings as injected"
		jrow "tree/$size" "$(bytes "$d")" "$runs" \
		    "$d/plan.json $d/k8s" \
		    "$base json $d/plan.json tree $d/k8s"
	fi
	if has helm; then
		generate helm "$size"
		in=$d/manifests.yaml
		check "$d" -n apps "$d/plan.json" -
		note "$size helm: $nfind findings as injected"
		jrow "helm/$size" "$(bytes "$d")" "$runs" \
		    "-n apps $d/plan.json -" \
		    "$base json $d/plan.json yaml -"
		in=/dev/null
	fi
	if has awscli; then
		generate awscli "$size"
		r=$d/roles.json s=$d/serviceaccounts.json
		check "$d" "$r" "$s"
		note "$size awscli: $nfind findings as injected"
		jrow "awscli/$size" "$(bytes "$d")" "$runs" "$r $s" \
		    "$base json $r json $s"
	fi
	if has cfn && [ "$size" -gt 10 ]; then
		# CloudFormation allows 500 resources in a template; at
		# SIZE 10 the 6,000 are already twelve times that, and more
		# pass irsalint's bound of 200,000 nodes (include/cfn.h).
		note "$size cfn: not run: $((size * 600)) resources pass" \
		    "the bound of 200,000 nodes per template; sizes 1 to 10 run"
	elif has cfn; then
		generate cfn "$size"
		t=$d/template.json y=$d/manifests.yaml
		check "$d" "$t" "$y"
		note "$size cfn: $nfind findings as injected"
		jrow "cfn/$size" "$(bytes "$d")" "$runs" "$t $y" \
		    "$base json $t yaml $y"
		jrow "cfn-libyaml/$size" "$(bytes "$d")" "$runs" "$t $y" \
		    "$base yaml $t yaml $y"
	fi
	if has fanout; then
		generate fanout "$size"
		p=$d/plan.json y=$d/manifests.yaml
		check "$d" "$p" "$y"
		note "$size fanout: $nfind findings as injected"
		jrow "fanout/$size" "$(bytes "$d")" "$runs" "$p $y" \
		    "$base json $p yaml $y"
	fi
	if has lsp; then
		lsprow "$size"
	fi
done
if has startup; then
	p=$example/terraform/plan.json y=$example/correct
	"$prog" -f json "$p" "$y" >"$tmp" 2>"$tmp.out" ||
	    { cat "$tmp.out" >&2; die "the bundled example has findings"; }
	grep -q '"rule":' "$tmp" && die "the bundled example has findings"
	note "startup: the bundled example passes"
	row "startup" "$(bytes "$p" "$y")" $((4 * runs)) "$prog $p $y" \
	    "$TRUE"
fi

echo
printf '%-18s %10s %26s %26s %17s %15s\n' "" "" "irsalint (ms)" \
    "bare parse (ms)" "irsalint / bare" "peak RSS (MiB)"
printf '%-18s %10s %8s %8s %8s %8s %8s %8s %5s %5s %5s %7s %7s\n' \
    "shape/size" "bytes" "median" "min" "max" "median" "min" "max" \
    "med" "min" "max" "irsa" "bare"
cat "$table"
echo
echo "bare: cJSON_Parse of each JSON input, a libyaml event loop over each"
echo "YAML one (a fresh parser per file of a tree); cfn-libyaml parses the"
echo "template with libyaml too; tf rows: irsalint on plan.json instead;"
echo "startup: true(1).  Ratios are medians of the rounds' ratios; -jN:"
echo "irsalint reading files on N threads, the bare parse on one."
