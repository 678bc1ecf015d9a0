#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: generate inputs of each size, check that irsalint finds
# exactly the injected mistakes, then report wall time and peak RSS of
# irsalint and of the bare parsers, and the ratios issue 8 asks for.
# The generator also writes the Terraform sources of the plan (tf/):
# irsalint must find the same there, and the plan and the sources are
# timed against each other, with and without the manifests, in paired
# rounds (plan, sources, plan, sources, ...): median, min and max of
# each and the median of the rounds' ratios sources / plan.
# Timings are reported, never asserted; wrong finding counts fail.
#   sh tests/bench.sh ./irsalint build/tools/benchgen build/tools/baseline
# Environment: BENCH_SIZES (megabytes of each input, default "1 10"),
# BENCH_RUNS (best of N, and the number of paired rounds, default 5),
# BENCH_DIR (default build/bench).
set -u

prog=${1:-./irsalint}
gen=${2:-build/tools/benchgen}
base=${3:-build/tools/baseline}
sizes=${BENCH_SIZES:-1 10}
runs=${BENCH_RUNS:-5}
dir=${BENCH_DIR:-build/bench}
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
mkdir -p "$dir" || die "cannot create $dir"
tmp=$dir/tmp.$$
trap 'rm -f "$tmp" "$tmp.rss" "$tmp.out" "$tmp.keys" "$tmp.a" "$tmp.b" \
    "$tmp.r"' EXIT

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

case $(date +%N) in
[0-9]*) ;;
*) die "date +%N is not supported; GNU date is needed" ;;
esac

now() {
	date +%s%N
}

# run_once cmd...: sets ns (wall time) and kb (peak RSS).
run_once() {
	if [ -n "$TIME" ]; then
		t0=$(now)
		"$TIME" -o "$tmp.rss" -f %M "$@" >/dev/null 2>"$tmp.out"
		st=$?
		t1=$(now)
		kb=$(tail -n 1 "$tmp.rss")
	else
		t0=$(now)
		"$@" >/dev/null 2>"$tmp.out" &
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

# measure name cmd...: best time and largest RSS of $runs runs;
# sets best_ns and max_kb.
measure() {
	best_ns= max_kb=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		run_once "$@"
		if [ -z "$best_ns" ] || [ "$ns" -lt "$best_ns" ]; then
			best_ns=$ns
		fi
		[ "$kb" -gt "$max_kb" ] && max_kb=$kb
		i=$((i + 1))
	done
}

# check_findings sizedir input: irsalint's findings on input (plan.json
# or tf) and the manifests, counted per rule, must equal the generator's
# expected counts; no other rule may fire.  Leaves in $tmp.keys each
# finding as "rule object terraform-address", sorted.
check_findings() {
	"$prog" -f json --fail-on never "$1/$2" "$1/manifests.yaml" \
	    >"$tmp" 2>"$tmp.out" || { cat "$tmp.out" >&2;
	    die "irsalint failed on $1/$2"; }
	grep -o '"rule":"[a-z0-9-]*"' "$tmp" | sed 's/.*:"\(.*\)"/\1/' |
	    sort | uniq -c | awk '{ print $2, $1 }' >"$tmp.out"
	grep -v '^#' "$1/expected" | awk '$2 > 0' | sort >"$tmp.rss"
	if ! cmp -s "$tmp.rss" "$tmp.out"; then
		echo "bench: findings on $2 differ from the injected" \
		    "mistakes (expected, then found):" >&2
		diff "$tmp.rss" "$tmp.out" >&2
		die "wrong finding counts at $1/$2"
	fi
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
	awk '{ n += $2 } END { printf "%d", n }' "$tmp.out"
}

# same_findings sizedir: the findings on the sources ($tmp.keys) must be
# those on the plan ($tmp.a): the same rules about the same objects and
# addresses.
same_findings() {
	if ! cmp -s "$tmp.a" "$tmp.keys"; then
		echo "bench: the sources' findings differ from the plan's" \
		    "(plan, then sources):" >&2
		diff "$tmp.a" "$tmp.keys" >&2
		die "plan and sources disagree at $1"
	fi
}

# stats file: "median min max" of the numbers in file, one a line.
stats() {
	sort -n "$1" | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%s %s %s", m, v[1], v[NR]
	}'
}

# paired a b [file]: $runs rounds of irsalint on a, then on b, each with
# file; leaves the times of a, of b and the ratios b / a in $tmp.a,
# $tmp.b and $tmp.r, the largest RSS of each in a_kb and b_kb.
paired() {
	pa=$1 pb=$2
	shift 2
	: >"$tmp.a"
	: >"$tmp.b"
	: >"$tmp.r"
	a_kb=0 b_kb=0
	i=0
	while [ "$i" -lt "$runs" ]; do
		run_once "$prog" --fail-on never "$pa" "$@"
		a_ns=$ns
		[ "$kb" -gt "$a_kb" ] && a_kb=$kb
		run_once "$prog" --fail-on never "$pb" "$@"
		[ "$kb" -gt "$b_kb" ] && b_kb=$kb
		echo "$a_ns" >>"$tmp.a"
		echo "$ns" >>"$tmp.b"
		div "$ns" "$a_ns" >>"$tmp.r"
		echo >>"$tmp.r"
		i=$((i + 1))
	done
}

# paired_line label file kb: median, min and max of the times in file.
paired_line() {
	set -- "$1" $(stats "$2") "$3"
	printf '%-34s %10s %8s %8s %14s\n' "$1" "$(sec "$2")" "$(sec "$3")" \
	    "$(sec "$4")" "$(mib "$5")"
}

sec() {
	awk -v n="$1" 'BEGIN { printf "%.3f", n / 1e9 }'
}

mib() {
	awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

div() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
}

printf 'irsalint benchmark: %s, best of %s runs, %s CPUs\n' \
    "$("$prog" -V)" "$runs" "$(getconf _NPROCESSORS_ONLN 2>/dev/null)"
prev_size= prev_ns= prev_src_ns=
for size in $sizes; do
	d=$dir/$size
	mkdir -p "$d" || die "cannot create $d"
	"$gen" -s "$size" -o "$d" || die "generator failed"
	plan=$d/plan.json
	yaml=$d/manifests.yaml
	plan_b=$(wc -c <"$plan")
	yaml_b=$(wc -c <"$yaml")
	src=$d/tf
	src_b=$(find "$src" -name '*.tf' -exec cat {} + | wc -c)
	src_n=$(find "$src" -name '*.tf' | wc -l)
	nfind=$(check_findings "$d" plan.json) || exit 1
	mv "$tmp.keys" "$tmp.a"
	nsrc=$(check_findings "$d" tf) || exit 1
	same_findings "$d"

	echo
	printf '== %s MB: plan.json %s MiB, manifests.yaml %s MiB; ' \
	    "$size" "$(mib $((plan_b / 1024)))" "$(mib $((yaml_b / 1024)))"
	printf '%s findings as injected (%s)\n' "$nfind" \
	    "$(sed -n 's/^# rule findings (\(.*\))/\1/p' "$d/expected")"
	printf '%-34s %10s %14s\n' "" "time (s)" "peak RSS (MiB)"
	measure "$prog" --fail-on never "$plan" "$yaml"
	lint_ns=$best_ns lint_kb=$max_kb
	printf '%-34s %10s %14s\n' "irsalint plan.json manifests.yaml" \
	    "$(sec "$lint_ns")" "$(mib "$lint_kb")"
	measure "$base" yaml "$yaml"
	yaml_ns=$best_ns
	printf '%-34s %10s %14s\n' "bare libyaml event loop" \
	    "$(sec "$best_ns")" "$(mib "$max_kb")"
	measure "$base" json "$plan"
	json_ns=$best_ns
	printf '%-34s %10s %14s\n' "bare cJSON_Parse" \
	    "$(sec "$best_ns")" "$(mib "$max_kb")"
	measure "$prog" --fail-on never "$plan"
	printf '%-34s %10s %14s\n' "  irsalint plan.json alone" \
	    "$(sec "$best_ns")" "$(mib "$max_kb")"
	measure "$prog" --fail-on never "$yaml"
	printf '%-34s %10s %14s\n' "  irsalint manifests.yaml alone" \
	    "$(sec "$best_ns")" "$(mib "$max_kb")"

	budget_kb=$((2 * plan_b / 1024 + 32 * 1024))
	printf 'time ratio irsalint / (libyaml + cJSON): %s (target <= 1.3)\n' \
	    "$(div "$lint_ns" $((yaml_ns + json_ns)))"
	printf 'peak RSS %s MiB vs 2 x plan + 32 MiB = %s MiB: %s ' \
	    "$(mib "$lint_kb")" "$(mib "$budget_kb")" \
	    "$(div "$lint_kb" "$budget_kb")"
	printf '(target <= 1.0)\n'
	if [ -n "$prev_size" ]; then
		printf 'linearity %s -> %s MB: time x %s for input x %s ' \
		    "$prev_size" "$size" "$(div "$lint_ns" "$prev_ns")" \
		    "$(div "$size" "$prev_size")"
		printf '(target <= %s)\n' \
		    "$(awk -v a="$size" -v b="$prev_size" \
		    'BEGIN { printf "%.1f", 1.1 * a / b }')"
	fi

	printf 'sources tf/: %s KiB in %s files (%s of plan.json); ' \
	    "$(awk -v b="$src_b" 'BEGIN { printf "%.1f", b / 1024 }')" \
	    "$src_n" "$(div "$src_b" "$plan_b")"
	printf '%s findings as injected, the same as the plan'"'"'s\n' "$nsrc"
	printf '%-34s %10s %8s %8s %14s\n' \
	    "plan vs sources: $runs paired rounds" "median (s)" "min" "max" \
	    "peak RSS (MiB)"
	paired "$plan" "$src" "$yaml"
	paired_line "irsalint plan.json manifests.yaml" "$tmp.a" "$a_kb"
	paired_line "irsalint tf/ manifests.yaml" "$tmp.b" "$b_kb"
	set -- $(stats "$tmp.b")
	src_ns=$1
	set -- $(stats "$tmp.r")
	printf '  ratio sources / plan, median of rounds: %s ' "$1"
	printf '(min %s, max %s); peak RSS %s\n' "$2" "$3" \
	    "$(div "$b_kb" "$a_kb")"
	paired "$plan" "$src"
	paired_line "  irsalint plan.json alone" "$tmp.a" "$a_kb"
	paired_line "  irsalint tf/ alone" "$tmp.b" "$b_kb"
	set -- $(stats "$tmp.r")
	printf '  ratio sources / plan alone, median of rounds: %s ' "$1"
	printf '(min %s, max %s; target <= 2.0); peak RSS %s\n' "$2" "$3" \
	    "$(div "$b_kb" "$a_kb")"
	if [ -n "$prev_src_ns" ]; then
		printf 'linearity of sources %s -> %s MB: time x %s ' \
		    "$prev_size" "$size" "$(div "$src_ns" "$prev_src_ns")"
		printf 'for input x %s (target <= %s)\n' \
		    "$(div "$src_b" "$prev_src_b")" \
		    "$(awk -v a="$src_b" -v b="$prev_src_b" \
		    'BEGIN { printf "%.1f", 1.1 * a / b }')"
	fi
	prev_size=$size prev_ns=$lint_ns prev_src_ns=$src_ns prev_src_b=$src_b
done
