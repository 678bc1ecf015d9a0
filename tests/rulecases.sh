#!/bin/sh
# Every rule has golden cases that fire and golden cases that stay quiet
# (STYLE.md 6), and the cases say truthfully which they are.  The rule
# ids are those of "PROG --list-rules -f json"; the goldens of rule R are
# the cases testdata/R/<case>.args.  A case is judged by its expected
# output <case>.out, which golden.sh keeps equal to what irsalint prints,
# not by its name alone:
#   - a case reports R when its .out has R as a finding: "[R]" (text),
#     "rule":"R" (JSON), "ruleId":"R" (SARIF), "check_name":"R" (GitLab)
#     or "title=irsalint R::" (GitHub);
#   - R needs at least one case under testdata/R/ that reports R (a
#     firing case, whatever its name) and at least one case named quiet*
#     that does not (a quiet case);
#   - a case named fires* must report R and a case named quiet* must
#     not: a mislabelled golden is a failure, not a case that counts.
# Run from the top of the tree; one line per failure, then a summary:
#   sh tests/rulecases.sh ./irsalint [TESTDATA]
# TESTDATA (default testdata) is the directory holding the <rule-id>/
# directories.
prog=${1:-./irsalint}
case $prog in */*) ;; *) prog=./$prog ;; esac
td=${2:-testdata}

ids=$("$prog" --list-rules -f json |
    sed -n 's/^[[ ]*{ *"id" *: *"\([^"]*\)".*/\1/p')
if [ -z "$ids" ]; then
	echo "rulecases: $prog --list-rules -f json printed no rule id" >&2
	exit 2
fi

# The .out of every case of every rule, in one list for a single awk
# pass; a case without its .out is a failure golden.sh also reports.
outs=
missing=
for id in $ids; do
	for args in "$td/$id"/*.args; do
		[ -f "$args" ] || continue
		out=${args%.args}.out
		if [ -f "$out" ]; then
			outs="$outs $out"
		else
			missing="$missing $out"
		fi
	done
done

# One awk pass: it reads each .out and records which known rules it
# reports as findings, then judges each rule by its own directory's
# cases.  The file list is also passed as a variable, so that a .out
# awk reads no line of still counts as a case.
# shellcheck disable=SC2086
awk -v ids="$ids" -v td="$td" -v outs="$outs" -v missing="$missing" '
function note(f, r) {
	if (r in known)
		reports[f, r] = 1
}
BEGIN {
	nbad = 0
	nid = split(ids, idv, /[ \t\n]+/)
	for (i = 1; i <= nid; i++)
		if (idv[i] != "")
			known[idv[i]] = 1
	nfiles = 0
	n = split(outs, v, / +/)
	for (i = 1; i <= n; i++)
		if (v[i] != "")
			files[++nfiles] = v[i]
	nmiss = split(missing, missv, / +/)
	for (i = 1; i <= nmiss; i++)
		if (missv[i] != "") {
			print "FAIL: " missv[i] " is missing"
			nbad++
		}
}
{
	# Text: "... message [R]".
	s = $0
	while (match(s, /\[[a-z][a-z0-9-]*\]/)) {
		note(FILENAME, substr(s, RSTART + 1, RLENGTH - 2))
		s = substr(s, RSTART + RLENGTH)
	}
	# JSON, SARIF, GitLab: "rule":"R", "ruleId":"R", "check_name":"R".
	s = $0
	while (match(s,
	    /"(rule|ruleId|check_name)"[ \t]*:[ \t]*"[a-z][a-z0-9-]*"/)) {
		m = substr(s, RSTART, RLENGTH - 1)
		sub(/.*"/, "", m)
		note(FILENAME, m)
		s = substr(s, RSTART + RLENGTH)
	}
	# GitHub: "::error file=...,title=irsalint R::message".
	s = $0
	while (match(s, /title=irsalint [a-z][a-z0-9-]*::/)) {
		note(FILENAME, substr(s, RSTART + 15, RLENGTH - 17))
		s = substr(s, RSTART + RLENGTH)
	}
}
END {
	for (i = 1; i <= nfiles; i++) {
		f = files[i]
		n = split(f, part, "/")
		r = part[n - 1]
		c = part[n]
		sub(/\.out$/, "", c)
		fired = ((f, r) in reports)
		if (fired)
			fires[r]++
		if (c ~ /^fires/ && !fired) {
			print "FAIL: " f " is named fires but does not report " r
			nbad++
		} else if (c ~ /^quiet/) {
			if (fired) {
				print "FAIL: " f " is named quiet but reports " r
				nbad++
			} else
				quiet[r]++
		}
	}
	nrules = 0
	for (i = 1; i <= nid; i++) {
		r = idv[i]
		if (r == "")
			continue
		nrules++
		lack = ""
		if (!(r in fires))
			lack = "no case that fires"
		if (!(r in quiet))
			lack = lack (lack == "" ? "" : " and ") "no quiet case"
		if (lack != "") {
			print "FAIL: rule " r " has " lack " under " td "/" r "/"
			nbad++
		}
	}
	printf "rulecases: %d rules, %d cases, %d failed\n", \
	    nrules, nfiles, nbad
	exit (nbad > 0)
}
' $outs </dev/null
