#!/bin/sh
# Layering test (STYLE.md 1; git hdr-check, mandoc_headers.3): the
# #include "..." lines of src/*.c, rules/*.c and include/*.h must follow
# the module matrix below; every header in include/ must have an include
# guard; headers must not include each other in a cycle.  System headers
# <...> are not looked at.
#   sh tests/layering.sh [DIR]
# DIR (default: the top of this tree) holds src/, include/ and rules/.
# Prints one line per violation, then "layering: N files checked, N
# violations"; exits 1 on any violation.
#
# The modules, in words.  A file belongs to a module by its base name
# (include/X.h and src/X.c are both module X's):
#   base      xalloc arena buf util strmap diag xjson (diag is the
#             diagnostic type every layer may use; xjson is cJSON's
#             parser made safe for threads)
#   input     the positioned input layer: yev, jscan, input*, and the
#             HCL parser hcl* (hcl.h, and hcl_impl.h that its pieces
#             share), which turns .tf text into a positioned syntax
#             tree for a loader to read, as yev and jscan do for YAML
#             and JSON: it knows no model, only base modules
#   model     model
#   loader    load and load_*, pieces split out of a loader: *_eval*,
#             cfn_*, k8s_*, tf_*, their private headers cfn.h, k8s.h, tf.h,
#             and comment (raw comments into the
#             model, shared by the loaders of commented formats)
#   domain    the domain parsers arn and policy, used by loaders and
#             analysis
#   analysis  trust and bind
#   engine    engine (engine.h is the engine's own business)
#   rule      the rule API rule.h, the descriptors' declarations
#             rule_list.h and the rule list rules/rules.def
#   rules     the rule files rules/*.c
#   suppress  suppress and config
#   report    report and report_*
#   server    the language server: lsp and lsp_* (irsalint --lsp), a
#             second front end beside main
#   main      src/main.c
# What each may include, besides its own header (X.c -> X.h) and any
# base header:
#   base      base only; diag.c also reads a rule descriptor (rule.h)
#             for the id and default severity a finding carries
#   input     base and the rest of the input layer
#   model     the domain parsers, whose types appear in the model
#   domain    each other
#   loader    the input layer, the model, the domain parsers and load.h;
#             loaders include each other only through load.h, but the
#             pieces of one loader (load_cfn.c, cfn_*.c: family "cfn")
#             include each other's headers; load.c also the pool of
#             threads that read its files (load_pool.h)
#   analysis  the model, the domain parsers, and trust.h: bind builds on
#             trust, trust never looks at bind
#   engine    the model, the domain parsers, analysis, the rule API
#   rules     the same; never engine.h, a loader, a reporter, suppress
#             or config
#   suppress  the model and the rule API (rule ids are looked up in the
#             table); suppress builds on config.h, not the other way;
#             config.c reads its file through the input layer
#   report    the model, the rule API (rule metadata) and report.h;
#             report_dot.c, which draws bindings, also bind.h
#   server    everything, as main; only main includes lsp.h
#   main      everything
#
# The same as data.  MODULES: one row per module, "name | file patterns
# | message"; a pattern is a shell glob matched against the base name
# without .c, .h or .def, or, when it holds a "/", against the path from
# DIR.  The first row that matches wins, so a path pattern can claim a
# file before a name pattern.  The message starts the reason printed for
# a violation, followed by the included file's base name; within one
# module the reason is "X never includes Y".
MODULES='
rule     | rule rule_list rules/rules.def          | the rule API never includes
rules    | rules/*                                 | rules never include
base     | xalloc arena buf util strmap diag xjson | base modules never include
input    | yev jscan input* hcl*                   | the input layer never includes
model    | model                                   | the model never includes
loader   | load load_* *_eval* cfn cfn_* k8s k8s_* tf tf_* comment | loaders never include
domain   | arn policy                              | domain parsers never include
analysis | trust bind                              | analysis never includes
engine   | engine                                  | the engine never includes
suppress | suppress config                         | suppress and config never include
report   | report report_*                         | reporters never include
server   | lsp lsp_*                               | the language server never includes
main     | main                                    | main never includes
'
# ALLOW: "who | what"; who is a module, or a file's path for what that
# file may include on top of its module's row; what lists modules,
# header names (with a "."), "*" (everything) or "family" (a loader's
# header of the same family: the base name without "load_", up to the
# first "_").
ALLOW='
base             | base
input            | input
model            | domain
domain           | domain
loader           | input model domain load.h comment.h family
analysis         | model domain trust.h
engine           | model domain analysis rule
rule             | rules.def rule.h model domain analysis
rules            | model domain analysis rule
suppress         | model rule config.h
src/config.c     | input
report           | model rule report.h
src/report_dot.c | bind.h
src/diag.c       | rule.h
src/load.c       | load_pool.h
server           | *
main             | *
'

dir=${1:-$(dirname "$0")/..}
cd "$dir" || exit 2
files=
for f in include/*.h src/*.c rules/*.c; do
	[ -f "$f" ] && files="$files $f"
done
# Files an #include may name, beyond those scanned.
known=$files
for f in rules/*.def; do
	[ -f "$f" ] && known="$known $f"
done
if [ -z "$files" ]; then
	echo "tests/layering.sh: no source files in $dir" >&2
	exit 2
fi
LAYER_MODULES=$MODULES LAYER_ALLOW=$ALLOW LAYER_KNOWN=$known
export LAYER_MODULES LAYER_ALLOW LAYER_KNOWN

# shellcheck disable=SC2086
awk '
function fail(msg) {
	print "tests/layering.sh: " msg
	nviol++
}
function trim(s) {
	gsub(/^[ \t]+|[ \t]+$/, "", s)
	return s
}
function basename(p) {
	sub(/.*\//, "", p)
	sub(/\.(c|h|def)$/, "", p)
	return p
}
# glob2re(g): the anchored regular expression of shell glob g.
function glob2re(g,    re, i, c) {
	re = "^"
	for (i = 1; i <= length(g); i++) {
		c = substr(g, i, 1)
		if (c == "*")
			re = re "[^/]*"
		else if (c == "?")
			re = re "[^/]"
		else if (c ~ /[.+^$(){}|\\[\]]/)
			re = re "\\" c
		else
			re = re c
	}
	return re "$"
}
# module(p): the module of path p, "" when no row of MODULES claims it.
function module(p,    b, i, j, n, g) {
	b = basename(p)
	for (i = 1; i <= nmod; i++) {
		n = split(modpat[i], g, /[ \t]+/)
		for (j = 1; j <= n; j++) {
			if (g[j] == "")
				continue
			if ((index(g[j], "/") ? p : b) ~ glob2re(g[j]))
				return modname[i]
		}
	}
	return ""
}
function family(p) {
	p = basename(p)
	sub(/^load_/, "", p)
	sub(/_.*/, "", p)
	return p
}
# normpath(p): p without "." and "dir/.." components.
function normpath(p,    n, c, out, i, k) {
	n = split(p, c, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (c[i] == "." || c[i] == "")
			continue
		if (c[i] == ".." && k > 0 && out[k] != "..")
			k--
		else
			out[++k] = c[i]
	}
	p = ""
	for (i = 1; i <= k; i++)
		p = p (i > 1 ? "/" : "") out[i]
	return p
}
# resolve(from, name): the file #include "name" in from reads: beside
# from, else in include/ (the compiler is given -Iinclude); a file in
# neither is taken to be include/name.
function resolve(from, name,    d, p) {
	d = from
	sub(/[^\/]*$/, "", d)
	p = normpath(d name)
	if (p in known)
		return p
	return normpath("include/" name)
}
# allows(row, f, t, m): whether the ALLOW row lets file f include t,
# which is in module m.
function allows(row, f, t, m,    n, w, i) {
	n = split(row, w, /[ \t]+/)
	for (i = 1; i <= n; i++) {
		if (w[i] == "*" || w[i] == m)
			return 1
		if (index(w[i], ".") && w[i] == t)
			return 1
		if (w[i] == "family" && m == "loader" && family(f) == family(t))
			return 1
	}
	return 0
}
function check(f, name, t, mf, mt, tn) {
	mt = module(t)
	tn = t
	sub(/.*\//, "", tn)
	if (mt == "") {
		fail(f " includes " name ": " tn " is in no module")
		return
	}
	if (t ~ /\.h$/ && basename(t) == basename(f))
		return
	if (mt == "base" || allows(allow[mf], f, tn, mt) || \
	    ((f in allow) && allows(allow[f], f, tn, mt)))
		return
	if (mt == mf)
		fail(f " includes " name ": " basename(f) " never includes " \
		    basename(t))
	else
		fail(f " includes " name ": " modmsg[mf] " " basename(t))
}
# visit(h): depth-first search of the header graph from h; a header met
# again while it is on the path closes a cycle.
function visit(h,    i, j, k, p) {
	state[h] = 1
	path[++depth] = h
	for (i = 1; i <= nedge[h]; i++) {
		j = edge[h, i]
		if (state[j] == 1) {
			p = j
			for (k = depth; k >= 1 && path[k] != j; k--)
				;
			for (k++; k <= depth; k++)
				p = p " -> " path[k]
			fail("include cycle: " p " -> " j)
		} else if (state[j] == 0)
			visit(j)
	}
	depth--
	state[h] = 2
}
BEGIN {
	n = split(ENVIRON["LAYER_MODULES"], rows, "\n")
	for (i = 1; i <= n; i++) {
		if (split(rows[i], c, "|") != 3)
			continue
		modname[++nmod] = trim(c[1])
		modpat[nmod] = trim(c[2])
		modmsg[nmod] = trim(c[3])
		modmsg[modname[nmod]] = modmsg[nmod]
	}
	n = split(ENVIRON["LAYER_ALLOW"], rows, "\n")
	for (i = 1; i <= n; i++)
		if (split(rows[i], c, "|") == 2)
			allow[trim(c[1])] = trim(c[2])
	n = split(ENVIRON["LAYER_KNOWN"], c, /[ \t]+/)
	for (i = 1; i <= n; i++)
		if (c[i] != "")
			known[c[i]] = 1
	# Every file named on the command line counts, even one without a
	# line for the main loop to see.
	for (i = 1; i < ARGC; i++) {
		file[++nfiles] = ARGV[i]
		ndir[ARGV[i]] = 0
		mod[ARGV[i]] = module(ARGV[i])
		if (mod[ARGV[i]] == "")
			fail(ARGV[i] " is in no module")
	}
}
FNR == 1 {
	mf = mod[FILENAME]
}
/^[ \t]*#/ {
	d = $0
	sub(/^[ \t]*#[ \t]*/, "", d)
	dirs[FILENAME, ++ndir[FILENAME]] = d
}
/^[ \t]*#[ \t]*include[ \t]*"/ {
	name = $0
	sub(/^[ \t]*#[ \t]*include[ \t]*"/, "", name)
	sub(/".*/, "", name)
	t = resolve(FILENAME, name)
	if (mf != "")
		check(FILENAME, name, t, mf)
	if (FILENAME ~ /^include\/.*\.h$/ && t ~ /^include\/.*\.h$/)
		edge[FILENAME, ++nedge[FILENAME]] = t
}
END {
	for (i = 1; i <= nfiles; i++) {
		f = file[i]
		if (f !~ /^include\/.*\.h$/)
			continue
		n = ndir[f]
		g1 = dirs[f, 1]
		g2 = dirs[f, 2]
		sub(/^ifndef[ \t]+/, "", g1)
		sub(/^define[ \t]+/, "", g2)
		sub(/[ \t].*/, "", g1)
		sub(/[ \t].*/, "", g2)
		if (n < 3 || dirs[f, 1] !~ /^ifndef[ \t]/ || \
		    dirs[f, 2] !~ /^define[ \t]/ || g1 != g2 || \
		    dirs[f, n] !~ /^endif([ \t\/]|$)/)
			fail(f " has no include guard (#ifndef X, #define X, ..., #endif)")
	}
	for (i = 1; i <= nfiles; i++)
		if (file[i] ~ /^include\/.*\.h$/ && state[file[i]] == 0)
			visit(file[i])
	printf "layering: %d files checked, %d violations\n", nfiles, nviol
	exit nviol > 0
}
' $files
