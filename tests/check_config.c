/* SPDX-License-Identifier: ISC */
/* Unit tests of .irsalint.yaml: globs, discovery, errors, suppressions. */
#include <sys/stat.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "check_suites.h"
#include "comment.h"
#include "config.h"
#include "diag.h"
#include "model.h"
#include "rule.h"
#include "rule_list.h"
#include "suppress.h"

START_TEST(glob_matches_segments_and_directories)
{
	ck_assert(config_glob("vendor", "vendor/a/b.yaml"));
	ck_assert(config_glob("vendor/**", "vendor/a/b.yaml"));
	ck_assert(config_glob("*.yaml", "./x.yaml"));
	ck_assert(!config_glob("*.yaml", "dir/x.yaml"));
	ck_assert(config_glob("**/x.yaml", "x.yaml"));
	ck_assert(config_glob("**/x.yaml", "a/b/x.yaml"));
	ck_assert(!config_glob("**/x.yaml", "a/bx.yaml"));
	ck_assert(config_glob("charts/*/templates/*.yaml",
	    "charts/lbc/templates/sa.yaml"));
	ck_assert(!config_glob("charts/*/templates/*.yaml",
	    "charts/lbc/x/templates/sa.yaml"));
	ck_assert(config_glob("a?c", "abc"));
	ck_assert(!config_glob("a?c", "a/c"));
	ck_assert(config_glob("module.x.*", "module.x.aws_iam_role.r[0]"));
	ck_assert(!config_glob("vend", "vendor/a"));
}
END_TEST

/*
 * The definition config_glob() implements, written as plain
 * backtracking: exponential on hostile patterns, fine on short ones.
 */
static int
glob_ref(const char *pat, const char *path)
{
	for (;; pat++, path++) {
		if (*pat == '\0')
			return *path == '\0' || *path == '/';
		if (pat[0] == '*' && pat[1] == '*' && pat[2] == '/') {
			for (;;) {
				if (glob_ref(pat + 3, path))
					return 1;
				if ((path = strchr(path, '/')) == NULL)
					return 0;
				path++;
			}
		}
		if (pat[0] == '*' && pat[1] == '*') {
			for (pat += 2;; path++) {
				if (glob_ref(pat, path))
					return 1;
				if (*path == '\0')
					return 0;
			}
		}
		if (*pat == '*') {
			for (;; path++) {
				if (glob_ref(pat + 1, path))
					return 1;
				if (*path == '\0' || *path == '/')
					return 0;
			}
		}
		if (*path == '\0' || (*pat == '?' ? *path == '/' :
		    *pat != *path))
			return 0;
	}
}

static void
random_word(unsigned long *seed, const char *alphabet, char *w, size_t max)
{
	size_t	 i, n, k = strlen(alphabet);

	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	n = (size_t)(*seed >> 33) % (max + 1);
	for (i = 0; i < n; i++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		w[i] = alphabet[(*seed >> 33) % k];
	}
	w[n] = '\0';
}

START_TEST(glob_agrees_with_backtracking_and_is_linear)
{
	char		 pat[16], path[16], big[4096];
	const char	*p;
	unsigned long	 seed = 1;
	size_t		 i;

	for (i = 0; i < 300000; i++) {
		random_word(&seed, "ab/*?.", pat, 9);
		random_word(&seed, "ab/.", path, 9);
		for (p = path; strncmp(p, "./", 2) == 0; p += 2)
			continue;	/* config_glob() drops leading ./ */
		ck_assert_msg(config_glob(pat, path) == glob_ref(pat, p),
		    "'%s' against '%s'", pat, path);
	}
	/* Backtracking would take years on this. */
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	ck_assert(!config_glob("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
	    big));
	ck_assert(config_glob("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a",
	    big));
}
END_TEST

/* Write text to a temporary file; returns its name (static). */
static const char *
write_tmp(const char *text)
{
	static char	 name[64];
	int		 fd;

	strcpy(name, "/tmp/irsalint-cfg-XXXXXX");
	fd = mkstemp(name);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	return name;
}

START_TEST(config_reads_rules_and_ignores)
{
	struct arena	 a = ARENA_INIT;
	struct config	 c;
	struct diags	 dg;
	const char	*f;

	f = write_tmp("rules:\n  irsa-trust-sub-mismatch: off\n"
	    "  irsa-role-not-found: note\nnamespace: kube-system\n"
	    "fail-on: never\nignores:\n  - rule: irsa-trust-action\n"
	    "    terraform: aws_iam_role.x\n    reason: r\n");
	config_init(&c, &a);
	diags_init(&dg, &a);
	ck_assert_int_eq(config_load(&c, &a, f, &dg), 0);
	ck_assert_uint_eq(dg.n, 0);
	unlink(f);
	ck_assert_str_eq(c.ns, "kube-system");
	ck_assert_int_eq(c.fail_on, SEV__MAX);
	ck_assert_uint_eq(c.nignores, 1);
	ck_assert_ptr_eq(c.ignores[0].rules[0], &rule_irsa_trust_action);
	ck_assert_ptr_null(c.ignores[0].rules[1]);
	ck_assert_str_eq(c.ignores[0].address, "aws_iam_role.x");
	ck_assert_str_eq(c.ignores[0].reason, "r");
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

/* Is there an input error in dg at file:line:col starting with msg? */
static int
has_error(const struct diags *dg, const char *file, unsigned int line,
    unsigned int col, const char *msg)
{
	size_t	 i;

	for (i = 0; i < dg->n; i++)
		if (dg->v[i]->rule == NULL &&
		    strcmp(dg->v[i]->loc.file, file) == 0 &&
		    dg->v[i]->loc.line == line && dg->v[i]->loc.col == col &&
		    strncmp(dg->v[i]->msg, msg, strlen(msg)) == 0)
			return 1;
	return 0;
}

START_TEST(config_reports_every_error_with_position)
{
	struct arena	 a = ARENA_INIT;
	struct config	 c;
	struct diags	 dg;
	const char	*f;
	size_t		 i;

	f = write_tmp("bogus: 1\nnamespace: x\nrules:\n  no-such-rule: off\n"
	    "  irsa-trust-action: off\n");
	config_init(&c, &a);
	diags_init(&dg, &a);
	ck_assert_int_eq(config_load(&c, &a, f, &dg), -1);
	ck_assert_uint_eq(dg.nerrors, 2);
	ck_assert(has_error(&dg, f, 1, 1, "unknown key 'bogus'"));
	ck_assert(has_error(&dg, f, 4, 3, "unknown rule 'no-such-rule'"));
	/* Nothing of it applies: the built-in defaults are back. */
	ck_assert_ptr_null(c.file);
	ck_assert_ptr_null(c.ns);
	for (i = 0; rule_table[i] != NULL; i++) {
		ck_assert_int_eq(c.enabled[i], 1);
		ck_assert_int_eq(c.severity[i], CONFIG_UNSET);
	}
	unlink(f);
	/* A file that cannot be read: an error without a position. */
	ck_assert_int_eq(config_load(&c, &a, f, &dg), -1);
	ck_assert_uint_eq(dg.nerrors, 3);
	ck_assert(has_error(&dg, f, 0, 0, "cannot open: "));
	ck_assert_ptr_null(c.file);
	diags_release(&dg);
	arena_release(&a);
}
END_TEST

START_TEST(config_is_found_upward_until_the_repository_root)
{
	struct arena	 a = ARENA_INIT;
	char		 top[] = "/tmp/irsalint-find-XXXXXX", cwd[PATH_MAX];
	char		 path[PATH_MAX];
	FILE		*fp;

	ck_assert_ptr_nonnull(getcwd(cwd, sizeof(cwd)));
	ck_assert_ptr_nonnull(mkdtemp(top));
	snprintf(path, sizeof(path), "%s/repo/a/b", top);
	ck_assert_int_eq(mkdir(arena_printf(&a, "%s/repo", top), 0700), 0);
	ck_assert_int_eq(mkdir(arena_printf(&a, "%s/repo/a", top), 0700), 0);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	ck_assert_int_eq(mkdir(arena_printf(&a, "%s/repo/.git", top), 0700),
	    0);
	/* Above the repository: never read. */
	fp = fopen(arena_printf(&a, "%s/.irsalint.yaml", top), "w");
	fclose(fp);
	ck_assert_int_eq(chdir(path), 0);
	ck_assert_ptr_null(config_find(&a));
	fp = fopen(arena_printf(&a, "%s/repo/a/.irsalint.yaml", top), "w");
	fclose(fp);
	ck_assert_str_eq(config_find(&a), "../.irsalint.yaml");
	ck_assert_int_eq(chdir(cwd), 0);
	unlink(arena_printf(&a, "%s/repo/a/.irsalint.yaml", top));
	unlink(arena_printf(&a, "%s/.irsalint.yaml", top));
	rmdir(arena_printf(&a, "%s/repo/.git", top));
	rmdir(path);
	rmdir(arena_printf(&a, "%s/repo/a", top));
	rmdir(arena_printf(&a, "%s/repo", top));
	rmdir(top);
	arena_release(&a);
}
END_TEST

static const char comment_text[] =
    "a: 1 # irsalint:ignore irsa-trust-action -- why\n"
    "# irsalint:ignore all\n"
    "\n"
    "  # another comment\n"
    "b: 2\n"
    "c: \"# irsalint:ignore all\"\n"
    "d: 3 #irsalint:ignore-file x\n"
    "# IRSALINT: ignore irsa-role-not-found\n"
    "# irsalint:ignore irsa-role-not-found\n";

START_TEST(comments_apply_to_their_line_or_the_next)
{
	struct arena	 a = ARENA_INIT;
	struct model	 m;
	struct comment	*c;

	model_init(&m, &a);
	comment_scan(&m, "f.yaml", comment_text, strlen(comment_text));
	/* Every comment that names irsalint, as written, in file order. */
	ck_assert_uint_eq(m.comments.n, 5);
	c = m.comments.v[0];
	ck_assert_str_eq(c->loc.file, "f.yaml");
	ck_assert_uint_eq(c->loc.line, 1);
	ck_assert_uint_eq(c->loc.col, 6);
	ck_assert_uint_eq(c->target, 1);
	ck_assert_str_eq(c->text, "irsalint:ignore irsa-trust-action -- why");
	c = m.comments.v[1];
	ck_assert_uint_eq(c->loc.line, 2);
	ck_assert_uint_eq(c->loc.col, 1);
	ck_assert_uint_eq(c->target, 5);
	ck_assert_str_eq(c->text, "irsalint:ignore all");
	c = m.comments.v[2];
	ck_assert_uint_eq(c->loc.line, 7);
	ck_assert_uint_eq(c->target, 7);
	ck_assert_str_eq(c->text, "irsalint:ignore-file x");
	c = m.comments.v[3];
	ck_assert_uint_eq(c->loc.line, 8);
	ck_assert_uint_eq(c->target, UINT_MAX);
	ck_assert_str_eq(c->text, "IRSALINT: ignore irsa-role-not-found");
	c = m.comments.v[4];
	ck_assert_uint_eq(c->loc.line, 9);
	ck_assert_uint_eq(c->target, UINT_MAX);
	model_release(&m);
	arena_release(&a);
}
END_TEST

/* A finding of rule r at line of f.yaml. */
static struct diag *
finding_at(struct diags *dg, const struct rule *r, unsigned int line)
{
	struct loc	 loc = { "f.yaml", line, 1, 0, 0 };

	return diag_add(dg, r, &loc, "finding");
}

START_TEST(suppress_reads_ignore_comments_when_applied)
{
	struct arena	 a = ARENA_INIT;
	struct model	 m;
	struct diags	 dg;
	struct diag	*d1, *d5, *d7, *e[3];
	const char	*bad = "# irsalint:ignore nope\nx: 1\n";
	size_t		 i, k;

	model_init(&m, &a);
	diags_init(&dg, &a);
	comment_scan(&m, "f.yaml", comment_text, strlen(comment_text));
	d1 = finding_at(&dg, &rule_irsa_trust_action, 1);
	d5 = finding_at(&dg, &rule_irsa_role_not_found, 5);
	d7 = finding_at(&dg, &rule_irsa_role_not_found, 7);
	comment_scan(&m, "g.yaml", bad, strlen(bad));
	suppress_apply(&dg, &m, NULL);
	ck_assert_int_eq(d1->suppressed, SUPPRESS_COMMENT);
	ck_assert_str_eq(d1->reason, "why");
	ck_assert_int_eq(d5->suppressed, SUPPRESS_COMMENT);
	ck_assert_ptr_null(d5->reason);
	/* irsalint:ignore-file is not irsalint:ignore. */
	ck_assert_int_eq(d7->suppressed, SUPPRESS_NONE);
	/*
	 * The unknown id is an input error at its comment, and so are the
	 * two look-alikes (ignore-file, IRSALINT: ignore), which would
	 * silently suppress nothing.
	 */
	ck_assert_uint_eq(dg.nerrors, 3);
	ck_assert_uint_eq(dg.n, 6);
	for (i = 0, k = 0; i < dg.n; i++) {
		if (dg.v[i]->rule != NULL)
			continue;
		e[k++] = dg.v[i];
	}
	ck_assert_uint_eq(k, 3);
	ck_assert_uint_eq(e[0]->loc.line, 7);
	ck_assert_str_eq(e[0]->msg, "'# irsalint:ignore-file x' is not a "
	    "comment irsalint reads, so it suppresses nothing: write "
	    "'# irsalint:ignore RULE -- reason'");
	ck_assert_uint_eq(e[1]->loc.line, 8);
	ck_assert_str_eq(e[2]->loc.file, "g.yaml");
	ck_assert_uint_eq(e[2]->loc.line, 1);
	ck_assert_uint_eq(e[2]->loc.col, 1);
	ck_assert_str_eq(e[2]->msg,
	    "unknown rule 'nope' in irsalint:ignore comment");
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}
END_TEST

Suite *
config_suite(void)
{
	Suite	*s = suite_create("config");
	TCase	*tc = tcase_create("config");

	tcase_add_test(tc, glob_matches_segments_and_directories);
	tcase_add_test(tc, glob_agrees_with_backtracking_and_is_linear);
	tcase_add_test(tc, config_reads_rules_and_ignores);
	tcase_add_test(tc, config_reports_every_error_with_position);
	tcase_add_test(tc, config_is_found_upward_until_the_repository_root);
	tcase_add_test(tc, comments_apply_to_their_line_or_the_next);
	tcase_add_test(tc, suppress_reads_ignore_comments_when_applied);
	suite_add_tcase(s, tc);
	return s;
}
