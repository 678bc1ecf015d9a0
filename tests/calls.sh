#!/bin/sh
# No call cycles between source files (STYLE.md 1): from the symbols
# each object file defines and uses (nm), draw "file A calls file B"
# and fail when two files reach each other.  The one cycle allowed is
# the rule table with its rules: rules.c names every descriptor, and a
# rule may look a rule up in the table.
#   sh tests/calls.sh OBJDIR        (e.g. build/obj)
# Prints each cycle found as "a.o <-> b.o" and a closing line
# "calls: N files, N cycles"; exits 1 on any cycle.
objdir=${1:-build/obj}
objs=$(find "$objdir/src" "$objdir/rules" -name '*.o' 2>/dev/null |
    LC_ALL=C sort)
if [ -z "$objs" ]; then
	echo "tests/calls.sh: no objects under $objdir (run make first)" >&2
	exit 2
fi
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
# shellcheck disable=SC2086
for o in $objs; do
	f=${o#"$objdir"/}
	nm "$o" | awk -v f="$f" '$1 == "U" { print "U", f, $2; next }
	    NF == 3 && $2 ~ /^[TDRBC]$/ { print "D", f, $3 }'
done | awk '
function allowed(a, b) {
	# The rule table and the rules reach each other by design.
	return (a ~ /^rules\//) && (b ~ /^rules\//)
}
$1 == "D" { def[$3] = $2; files[$2] = 1; next }
$1 == "U" { use[++nu] = $2 SUBSEP $3; files[$2] = 1 }
END {
	for (i = 1; i <= nu; i++) {
		split(use[i], p, SUBSEP)
		if ((p[2] in def) && def[p[2]] != p[1])
			reach[p[1], def[p[2]]] = 1
	}
	# Transitive closure (Warshall): a few dozen files.
	for (k in files)
		for (i in files)
			if ((i, k) in reach)
				for (j in files)
					if ((k, j) in reach)
						reach[i, j] = 1
	n = 0
	for (i in files) {
		nf++
		for (j in files)
			if (i < j && ((i, j) in reach) && ((j, i) in reach) &&
			    !allowed(i, j)) {
				print "tests/calls.sh: " i " <-> " j
				n++
			}
	}
	print "calls: " nf " files, " n " cycles"
	exit n > 0
}' >"$tmp"
status=$?
grep -v '^calls:' "$tmp" | LC_ALL=C sort
grep '^calls:' "$tmp"
exit "$status"
