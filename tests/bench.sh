#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: generate inputs of each size, check that irsalint finds
# exactly the injected mistakes, then report wall time and peak RSS of
# irsalint and of the bare parsers, and the ratios issue 8 asks for.
# Timings are reported, never asserted; wrong finding counts fail.
#   sh tests/bench.sh ./irsalint build/tools/benchgen build/tools/baseline
# Environment: BENCH_SIZES (megabytes of each input, default "1 10"),
# BENCH_RUNS (best of N, default 5), BENCH_DIR (default build/bench).
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
trap 'rm -f "$tmp" "$tmp.rss" "$tmp.out"' EXIT

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

# check_findings sizedir: irsalint's findings, counted per rule, must
# equal the generator's expected counts; no other rule may fire.
check_findings() {
	"$prog" -f json --fail-on never "$1/plan.json" "$1/manifests.yaml" \
	    >"$tmp" 2>"$tmp.out" || { cat "$tmp.out" >&2;
	    die "irsalint failed on $1"; }
	grep -o '"rule":"[a-z0-9-]*"' "$tmp" | sed 's/.*:"\(.*\)"/\1/' |
	    sort | uniq -c | awk '{ print $2, $1 }' >"$tmp.out"
	grep -v '^#' "$1/expected" | awk '$2 > 0' | sort >"$tmp.rss"
	if ! cmp -s "$tmp.rss" "$tmp.out"; then
		echo "bench: findings differ from the injected mistakes" \
		    "(expected, then found):" >&2
		diff "$tmp.rss" "$tmp.out" >&2
		die "wrong finding counts at $1"
	fi
	awk '{ n += $2 } END { printf "%d", n }' "$tmp.out"
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
prev_size= prev_ns=
for size in $sizes; do
	d=$dir/$size
	mkdir -p "$d" || die "cannot create $d"
	"$gen" -s "$size" -o "$d" || die "generator failed"
	plan=$d/plan.json
	yaml=$d/manifests.yaml
	plan_b=$(wc -c <"$plan")
	yaml_b=$(wc -c <"$yaml")
	nfind=$(check_findings "$d") || exit 1

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
	prev_size=$size prev_ns=$lint_ns
done
