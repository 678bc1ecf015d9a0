#!/bin/sh
# Terraform sources and the plan made of them give the same findings.
# Every testdata/tf-equiv/<case>/ holds a root module tf/, manifests k8s/
# and plan.json, the plan real Terraform made of tf/ (see its README.md).
# For each case irsalint runs twice, on the same manifests:
#   PROG -q --no-config -f json <case>/plan.json <case>/k8s
#   PROG -q --no-config -f json <case>/tf <case>/k8s
# and the two JSON reports must hold the same set of findings, a finding
# being its rule, severity, object (kind/namespace/name) and Terraform
# address; the message, positions and fingerprint are left out, since
# they name plan.json on one side and .tf files on the other.  The run
# on sources is also held to its positions:
#   - no finding and no related location in a .tf file has line 0;
#   - a finding with a Terraform address points at a .tf file, itself or
#     through the related location of that address;
#   - every related location with an address is in a .tf file;
# and neither run may report an error of its inputs, nor exit with a
# status other than 0 or 1 (findings).  Run from the top of the tree:
#   sh tests/tfequiv.sh ./irsalint [CASE...]
#                         one line per case, then a summary; exit 1 if a
#                         case differs.  CASE is a directory name under
#                         testdata/tf-equiv/ or a path to a case directory.
#   sh tests/tfequiv.sh --selftest ./irsalint
#                         show that this script fails when it should: on
#                         the cases of tests/tfequiv/cases/, whose tf/ was
#                         changed after their plan.json was made, and on
#                         the saved report pairs of tests/tfequiv/reports/.
# Only POSIX sh, awk, sed, sort and comm are used (no jq).
selftest=0
while [ $# -gt 0 ]; do
	case $1 in
	--selftest) selftest=1; shift ;;
	*) break ;;
	esac
done
prog=${1:-./irsalint}
case $prog in /*) ;; */*) ;; *) prog=./$prog ;; esac
[ $# -gt 0 ] && shift
export LC_ALL=C

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# flat FILE: print the JSON document FILE one scalar a line, as
# "PATH<TAB>VALUE", PATH such as findings.0.object.kind (keys joined with
# ".", array indexes as numbers).  String values lose the escapes of
# \" \\ and \/ and keep the others (\n, \uXXXX ...).  A document that is not
# JSON, or does not end where it should, prints the line "!bad".
flat() {
	awk '
	BEGIN { doc = "" }
	{ doc = doc $0 "\n" }
	function path(   p, i) {
		p = ""
		for (i = 1; i <= depth; i++)
			p = p (i > 1 ? "." : "") seg[i]
		return p
	}
	function emit(v) {
		print path() "\t" v
	}
	END {
		n = length(doc)
		depth = 0
		expect = "value"	# value, key, colon, comma
		i = 1
		while (i <= n) {
			c = substr(doc, i, 1)
			if (c == " " || c == "\t" || c == "\n" || c == "\r") {
				i++
				continue
			}
			if (c == "{" || c == "[") {
				if (expect != "value") { bad = 1; break }
				depth++
				kind[depth] = c
				if (c == "[") {
					seg[depth] = 0
					expect = "value"
					# An empty array: "[" then "]".
				} else {
					seg[depth] = ""
					expect = "key"
				}
				i++
				continue
			}
			if (c == "}" || c == "]") {
				if (depth == 0) { bad = 1; break }
				if ((c == "}") != (kind[depth] == "{")) { bad = 1; break }
				depth--
				expect = "comma"
				i++
				if (depth == 0)
					done = 1
				continue
			}
			if (c == ",") {
				if (expect != "comma" || depth == 0) { bad = 1; break }
				if (kind[depth] == "[") {
					seg[depth]++
					expect = "value"
				} else
					expect = "key"
				i++
				continue
			}
			if (c == ":") {
				if (expect != "colon") { bad = 1; break }
				expect = "value"
				i++
				continue
			}
			if (c == "\"") {
				j = i + 1
				s = ""
				while (j <= n) {
					d = substr(doc, j, 1)
					if (d == "\\") {
						# \" \\ \/ are unescaped, others kept.
						e = substr(doc, j + 1, 1)
						if (e == "\"" || e == "\\" || e == "/")
							s = s e
						else
							s = s d e
						j += 2
						continue
					}
					if (d == "\"")
						break
					s = s d
					j++
				}
				if (j > n) { bad = 1; break }
				i = j + 1
				if (expect == "key") {
					seg[depth] = s
					expect = "colon"
				} else if (expect == "value") {
					emit(s)
					expect = "comma"
					if (depth == 0)
						done = 1
				} else { bad = 1; break }
				continue
			}
			# A number, true, false or null.
			if (expect != "value") { bad = 1; break }
			j = i
			while (j <= n) {
				d = substr(doc, j, 1)
				if (d == "," || d == "}" || d == "]" || d == " " ||
				    d == "\t" || d == "\n" || d == "\r")
					break
				j++
			}
			emit(substr(doc, i, j - i))
			expect = "comma"
			i = j
			if (depth == 0)
				done = 1
		}
		if (bad || depth != 0 || !done)
			print "!bad"
	}' "$1"
}

# keys FLAT: print the sorted set of findings of the flattened report
# FLAT, one a line: "rule severity object=Kind/ns/name terraform=address"
# (the object and address parts only when the finding has them).
keys() {
	awk -F '\t' '
	$1 ~ /^findings\.[0-9]+\./ {
		split($1, p, ".")
		i = p[2] + 0
		if (i + 1 > nf) nf = i + 1
		f = substr($1, length("findings." p[2] ".") + 1)
		if (f == "rule") rule[i] = $2
		else if (f == "severity") sev[i] = $2
		else if (f == "object.kind") okind[i] = $2
		else if (f == "object.namespace") ons[i] = $2
		else if (f == "object.name") oname[i] = $2
		else if (f == "terraform.address") addr[i] = $2
	}
	END {
		for (i = 0; i < nf; i++) {
			k = rule[i] " " sev[i]
			if (i in okind)
				k = k " object=" okind[i] "/" ons[i] "/" oname[i]
			if (i in addr)
				k = k " terraform=" addr[i]
			print k
		}
	}' "$1" | sort -u
}

# errors FLAT: print the errors of the flattened report FLAT, one a line,
# as "error: FILE:LINE: MESSAGE".
errors() {
	awk -F '\t' '
	$1 ~ /^errors\.[0-9]+/ {
		split($1, p, ".")
		i = p[2] + 0
		if (i + 1 > ne) ne = i + 1
		if (p[3] == "file") file[i] = $2
		else if (p[3] == "line") line[i] = $2
		else if (p[3] == "message" || p[3] == "") msg[i] = $2
	}
	END {
		for (i = 0; i < ne; i++)
			print "error: " file[i] ":" line[i] ": " msg[i]
	}' "$1"
}

# srccheck FLAT: print what is wrong with the positions of the report
# FLAT of a run on Terraform sources, one line each (nothing if all is
# well).
srccheck() {
	awk -F '\t' '
	function tf(f) { return f ~ /\.tf$/ || f ~ /\.tf\.json$/ }
	$1 ~ /^findings\.[0-9]+\./ {
		split($1, p, ".")
		i = p[2] + 0
		if (i + 1 > nf) nf = i + 1
		f = substr($1, length("findings." p[2] ".") + 1)
		if (f == "rule") rule[i] = $2
		else if (f == "file") file[i] = $2
		else if (f == "line") line[i] = $2
		else if (f == "terraform.address") { addr[i] = $2; hasaddr[i] = 1 }
		else if (f ~ /^related\.[0-9]+\./) {
			split(f, q, ".")
			j = q[2] + 0
			if (j + 1 > nr[i]) nr[i] = j + 1
			g = q[3]
			if (g == "file") rfile[i, j] = $2
			else if (g == "line") rline[i, j] = $2
			else if (g == "address") raddr[i, j] = $2
		}
	}
	END {
		for (i = 0; i < nf; i++) {
			w = "finding " i " (" rule[i] ")"
			if (tf(file[i]) && line[i] + 0 == 0)
				print w ": " file[i] " at line 0"
			ok = tf(file[i])
			for (j = 0; j < nr[i]; j++) {
				if (tf(rfile[i, j]) && rline[i, j] + 0 == 0)
					print w ": related " j " " rfile[i, j] \
					    " at line 0"
				if ((i, j) in raddr && !tf(rfile[i, j]))
					print w ": related " j " of " \
					    raddr[i, j] " is in " rfile[i, j] \
					    ", not a .tf file"
				if ((i, j) in raddr && raddr[i, j] == addr[i] &&
				    tf(rfile[i, j]))
					ok = 1
			}
			if ((i in hasaddr) && !ok)
				print w ": " addr[i] " is located in " file[i] \
				    " and no related location of it is in a .tf file"
		}
	}' "$1"
}

# compare NAME PLANJSON SRCJSON PLANRC SRCRC: judge the reports of the
# runs on the plan and on the sources of case NAME, print its line (and
# what differs, indented), and return 1 if they differ.
compare() {
	name=$1
	flat "$2" >"$tmp/plan.flat"
	flat "$3" >"$tmp/src.flat"
	bad=0
	: >"$tmp/why"
	for side in plan src; do
		case $side in
		plan) rc=$4 label="plan.json" ;;
		*) rc=$5 label="tf/" ;;
		esac
		if grep -q '^!bad$' "$tmp/$side.flat"; then
			echo "run on $label: the report is not JSON" >>"$tmp/why"
			bad=1
		fi
		case $rc in
		0 | 1) ;;
		*)
			echo "run on $label: exit $rc" >>"$tmp/why"
			bad=1
			;;
		esac
		errors "$tmp/$side.flat" | sed "s|^|run on $label: |" >"$tmp/err"
		if [ -s "$tmp/err" ]; then
			cat "$tmp/err" >>"$tmp/why"
			bad=1
		fi
	done
	keys "$tmp/plan.flat" >"$tmp/plan.keys"
	keys "$tmp/src.flat" >"$tmp/src.keys"
	comm -23 "$tmp/plan.keys" "$tmp/src.keys" | sed 's/^/plan only:    /' \
	    >"$tmp/only"
	comm -13 "$tmp/plan.keys" "$tmp/src.keys" | sed 's/^/sources only: /' \
	    >>"$tmp/only"
	if [ -s "$tmp/only" ]; then
		cat "$tmp/only" >>"$tmp/why"
		bad=1
	fi
	srccheck "$tmp/src.flat" | sed 's/^/sources: /' >"$tmp/pos"
	if [ -s "$tmp/pos" ]; then
		cat "$tmp/pos" >>"$tmp/why"
		bad=1
	fi
	n=$(wc -l <"$tmp/plan.keys" | tr -d ' ')
	# Where the sources know what the plan leaves unknown (jsonencode()
	# of a partly unknown trust is unknown in a plan), the case says so
	# in sources-know-more: "#" comments on why, then the very lines
	# of the differences, and nothing else may differ.
	if [ "$bad" -eq 1 ] && [ -n "${6:-}" ] && [ -f "$6" ] &&
	    grep -v '^#' "$6" | cmp -s - "$tmp/why"; then
		echo "tfequiv: $name: same $n findings, but for what $6" \
		    "explains"
		return 0
	fi
	if [ "$bad" -eq 0 ]; then
		echo "tfequiv: $name: same $n findings"
		return 0
	fi
	m=$(wc -l <"$tmp/src.keys" | tr -d ' ')
	echo "tfequiv: $name: differ ($n findings from the plan, $m from the sources)"
	sed 's/^/    /' "$tmp/why"
	return 1
}

# runcase DIR: run irsalint on the plan and the sources of the case DIR
# and compare them; return 1 if they differ.
runcase() {
	d=${1%/}
	name=${d##*/}
	plan=$d/plan.json tf=$d/tf k8s=$d/k8s
	# A case made of files kept elsewhere names them in "paths":
	# plan=FILE, tf=PATH (a directory, or a .tf file: its directory)
	# and k8s=PATH lines, paths from the top of the tree.
	if [ -f "$d/paths" ]; then
		plan=$(sed -n 's/^plan=//p' "$d/paths")
		tf=$(sed -n 's/^tf=//p' "$d/paths")
		k8s=$(sed -n 's/^k8s=//p' "$d/paths")
	fi
	for f in "$plan" "$tf" "$k8s"; do
		if [ ! -e "$f" ]; then
			echo "tfequiv: $name: differ (no $f)"
			return 1
		fi
	done
	"$prog" -q --no-config -f json "$plan" "$k8s" \
	    >"$tmp/plan.json" 2>"$tmp/plan.err"
	prc=$?
	"$prog" -q --no-config -f json "$tf" "$k8s" \
	    >"$tmp/src.json" 2>"$tmp/src.err"
	src=$?
	compare "$name" "$tmp/plan.json" "$tmp/src.json" "$prc" "$src" \
	    "$d/sources-know-more" ||
	    { sed 's/^/    stderr: /' "$tmp/plan.err" "$tmp/src.err"; return 1; }
	fmtcheck "$name" "$tf" "$k8s"
}

# fmtcheck NAME TF K8S: in every other output format too, no place in a
# .tf file is without its line (a related location included).
fmtcheck() {
	fbad=0
	for f in text sarif github gitlab; do
		"$prog" -q --no-config -f $f "$2" "$3" >"$tmp/fmt" 2>/dev/null
		case $f in
		text) grep -n '\.tf\(\.json\)\{0,1\}: ' "$tmp/fmt" ;;
		sarif) grep -o '"uri":"[^"]*\.tf\(\.json\)\{0,1\}"}}' "$tmp/fmt" ;;
		github) grep -n 'file=[^,]*\.tf\(\.json\)\{0,1\},title\|\.tf\(\.json\)\{0,1\}: ' "$tmp/fmt" ;;
		gitlab) grep -o '"path":"[^"]*\.tf\(\.json\)\{0,1\}","lines":{"begin":0' "$tmp/fmt" ;;
		esac >"$tmp/fmtbad"
		if [ -s "$tmp/fmtbad" ]; then
			echo "tfequiv: $1: -f $f: a place in a .tf file without its line:"
			sed 's/^/    /' "$tmp/fmtbad"
			fbad=1
		fi
	done
	return $fbad
}

# runall DIR [CASE...]: run the cases under DIR (all, or those named),
# print the summary and return 1 if any differs, 2 if there is none.
runall() {
	top=$1
	shift
	if [ $# -eq 0 ]; then
		set -- "$top"/*/
	fi
	ncase=0 ndiff=0
	for c in "$@"; do
		case $c in
		*/*) ;;
		*) c=$top/$c ;;
		esac
		if [ ! -d "$c" ]; then
			echo "tfequiv: no case $c" >&2
			return 2
		fi
		ncase=$((ncase + 1))
		runcase "$c" || ndiff=$((ndiff + 1))
	done
	echo "tfequiv: $ncase cases, $ndiff differ"
	[ "$ncase" -gt 0 ] || return 2
	[ "$ndiff" -eq 0 ]
}

if [ "$selftest" -eq 0 ]; then
	runall testdata/tf-equiv "$@"
	exit $?
fi

# Self test.  First, the cases of tests/tfequiv/cases/ must each differ,
# so the run over them must fail with all of them counted as differing.
fails=0
out=$(runall tests/tfequiv/cases)
rc=$?
printf '%s\n' "$out" | sed 's/^/    /'
n=0
for c in tests/tfequiv/cases/*/; do [ -d "$c" ] && n=$((n + 1)); done
if [ "$rc" -ne 1 ] ||
    ! printf '%s\n' "$out" | grep -qx "tfequiv: $n cases, $n differ"; then
	echo "tfequiv selftest: FAIL: tests/tfequiv/cases: expected $n cases, $n differ and exit 1 (got exit $rc)"
	fails=$((fails + 1))
fi
# Then the saved report pairs of tests/tfequiv/reports/: <name>.plan.json
# and <name>.tf.json, the reports of the two runs; a name beginning with
# "same" must compare equal, every other must differ.
for p in tests/tfequiv/reports/*.plan.json; do
	name=${p##*/}
	name=${name%.plan.json}
	s=${p%.plan.json}.tf.json
	out=$(compare "$name" "$p" "$s" 1 1)
	rc=$?
	printf '%s\n' "$out" | sed 's/^/    /'
	case $name in
	same*) want=0 ;;
	*) want=1 ;;
	esac
	if [ "$rc" -ne "$want" ]; then
		echo "tfequiv selftest: FAIL: reports/$name: compare returned $rc, not $want"
		fails=$((fails + 1))
	fi
done
echo "tfequiv selftest: $fails failed"
[ "$fails" -eq 0 ]
