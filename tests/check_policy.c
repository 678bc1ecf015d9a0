/* SPDX-License-Identifier: ISC */
/* Unit tests for policy parsing, wildcard matching and condition checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "policy.h"

#define EKS_OIDC "oidc.eks.us-west-2.amazonaws.com/id/" \
	"EXAMPLED539D4633E53DE1B71EXAMPLE"

static const char trust_policy[] =
    "{\"Statement\":[{\"Action\":\"sts:AssumeRoleWithWebIdentity\","
    "\"Condition\":{\"StringEquals\":{\"" EKS_OIDC ":aud\":"
    "\"sts.amazonaws.com\",\"" EKS_OIDC ":sub\":"
    "\"system:serviceaccount:kube-system:aws-load-balancer-controller\"}},"
    "\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
    "\"arn:aws:iam::111122223333:oidc-provider/" EKS_OIDC "\"}}],"
    "\"Version\":\"2012-10-17\"}";

static struct policy	*parse_ok(struct arena *, const char *);
static void		 parse_err(const char *, const char *);
static const struct pcond *cond(struct arena *, const char *, const char *);

static struct policy *
parse_ok(struct arena *a, const char *json)
{
	struct policy	*p = NULL;
	char		 err[256] = "";

	if (policy_parse(a, json, strlen(json), &p, err, sizeof(err)) != 0)
		ck_abort_msg("policy_parse failed: %s", err);
	ck_assert_ptr_nonnull(p);
	return p;
}

/* Assert that json is rejected with exactly msg. */
static void
parse_err(const char *json, const char *msg)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p = NULL;
	char		 err[256] = "";

	ck_assert_int_eq(policy_parse(&a, json, strlen(json), &p, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, msg);
	ck_assert_ptr_null(p);
	arena_release(&a);
}

/* The single condition of a statement {op: {"oidc:sub": values}}. */
static const struct pcond *
cond(struct arena *a, const char *op, const char *values)
{
	struct policy	*p;
	char		*json;

	json = arena_printf(a, "{\"Statement\":{\"Effect\":\"Allow\","
	    "\"Condition\":{\"%s\":{\"oidc:sub\":%s}}}}", op, values);
	p = parse_ok(a, json);
	ck_assert_uint_eq(p->n, 1);
	ck_assert_uint_eq(p->st[0].nconds, 1);
	return &p->st[0].conds[0];
}

START_TEST(policy_parses_terraform_trust_policy)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;
	struct pstmt	*st;

	p = parse_ok(&a, trust_policy);
	ck_assert_str_eq(p->version, "2012-10-17");
	ck_assert_uint_eq(p->n, 1);
	st = &p->st[0];
	ck_assert_uint_eq(st->index, 0);
	ck_assert_ptr_null(st->sid);
	ck_assert_int_eq(st->allow, 1);
	ck_assert_int_eq(st->deny, 0);
	ck_assert_int_eq(st->not_action, 0);
	ck_assert_uint_eq(st->actions.n, 1);
	ck_assert_str_eq(st->actions.v[0], "sts:AssumeRoleWithWebIdentity");
	ck_assert_int_eq(st->principal_star, 0);
	ck_assert_uint_eq(st->federated.n, 1);
	ck_assert_str_eq(st->federated.v[0],
	    "arn:aws:iam::111122223333:oidc-provider/" EKS_OIDC);
	ck_assert_uint_eq(st->aws.n, 0);
	ck_assert_uint_eq(st->service.n, 0);
	ck_assert_int_eq(st->has_not_principal, 0);
	ck_assert_int_eq(st->has_resource, 0);
	ck_assert_uint_eq(st->nconds, 2);
	ck_assert_str_eq(st->conds[0].op, "StringEquals");
	ck_assert_int_eq(st->conds[0].base, COND_STRING_EQUALS);
	ck_assert_uint_eq(st->conds[0].flags, 0);
	ck_assert_str_eq(st->conds[0].key, EKS_OIDC ":aud");
	ck_assert_uint_eq(st->conds[0].values.n, 1);
	ck_assert_str_eq(st->conds[0].values.v[0], "sts.amazonaws.com");
	ck_assert_str_eq(st->conds[1].key, EKS_OIDC ":sub");
	ck_assert_str_eq(st->conds[1].values.v[0],
	    "system:serviceaccount:kube-system:aws-load-balancer-controller");
	arena_release(&a);
}
END_TEST

START_TEST(policy_parses_statement_object)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;

	p = parse_ok(&a, "{\"Statement\":{\"Sid\":\"One\",\"Effect\":\"Deny\","
	    "\"NotAction\":[\"s3:*\",\"iam:*\"],\"NotPrincipal\":{\"AWS\":"
	    "\"x\"},\"Resource\":\"*\",\"Unknown\":1},\"Other\":true}");
	ck_assert_ptr_null(p->version);
	ck_assert_uint_eq(p->n, 1);
	ck_assert_str_eq(p->st[0].sid, "One");
	ck_assert_int_eq(p->st[0].allow, 0);
	ck_assert_int_eq(p->st[0].deny, 1);
	ck_assert_int_eq(p->st[0].not_action, 1);
	ck_assert_uint_eq(p->st[0].actions.n, 2);
	ck_assert_str_eq(p->st[0].actions.v[1], "iam:*");
	ck_assert_int_eq(p->st[0].has_not_principal, 1);
	ck_assert_int_eq(p->st[0].has_resource, 1);
	ck_assert_uint_eq(p->st[0].nconds, 0);
	arena_release(&a);
}
END_TEST

START_TEST(policy_parses_empty_statement_array)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;

	p = parse_ok(&a, "  {\"Statement\":[]}\n");
	ck_assert_uint_eq(p->n, 0);
	arena_release(&a);
}
END_TEST

START_TEST(policy_parses_principal_star_forms)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;

	p = parse_ok(&a, "{\"Statement\":["
	    "{\"Effect\":\"Allow\",\"Principal\":\"*\"},"
	    "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"}},"
	    "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
	    "[\"arn:aws:iam::123456789012:root\",\"*\"]}},"
	    "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
	    "\"arn:aws:iam::123456789012:root\",\"Service\":"
	    "[\"ec2.amazonaws.com\"],\"CanonicalUser\":\"abc\"}}]}");
	ck_assert_uint_eq(p->n, 4);
	ck_assert_int_eq(p->st[0].principal_star, 1);
	ck_assert_int_eq(p->st[1].principal_star, 1);
	ck_assert_uint_eq(p->st[1].aws.n, 1);
	ck_assert_int_eq(p->st[2].principal_star, 1);
	ck_assert_uint_eq(p->st[2].aws.n, 2);
	ck_assert_int_eq(p->st[3].principal_star, 0);
	ck_assert_uint_eq(p->st[3].index, 3);
	ck_assert_str_eq(p->st[3].aws.v[0], "arn:aws:iam::123456789012:root");
	ck_assert_str_eq(p->st[3].service.v[0], "ec2.amazonaws.com");
	arena_release(&a);
}
END_TEST

START_TEST(policy_parses_conditions_in_order)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;
	struct pstmt	*st;

	p = parse_ok(&a, "{\"Statement\":[{\"Effect\":\"Allow\","
	    "\"Condition\":{\"StringLike\":{\"b\":\"x*\",\"a\":[\"1\",\"2\"]},"
	    "\"ForAllValues:StringNotEqualsIgnoreCaseIfExists\":{\"c\":[]},"
	    "\"foranyvalue:stringequals\":{\"d\":\"v\"},"
	    "\"NumericLessThan\":{\"e\":[12, 1.5, true, false, -3]},"
	    "\"Null\":{\"f\":true},\"BoolIfExists\":{\"g\":\"true\"},"
	    "\"ArnLike\":{\"h\":\"arn:*\"}}}]}");
	st = &p->st[0];
	ck_assert_uint_eq(st->nconds, 8);
	ck_assert_str_eq(st->conds[0].key, "b");
	ck_assert_int_eq(st->conds[0].base, COND_STRING_LIKE);
	ck_assert_str_eq(st->conds[1].key, "a");
	ck_assert_uint_eq(st->conds[1].values.n, 2);
	ck_assert_str_eq(st->conds[1].values.v[1], "2");
	ck_assert_str_eq(st->conds[2].op,
	    "ForAllValues:StringNotEqualsIgnoreCaseIfExists");
	ck_assert_int_eq(st->conds[2].base, COND_STRING_NOT_EQUALS_IC);
	ck_assert_uint_eq(st->conds[2].flags, COND_FORALL | COND_IFEXISTS);
	ck_assert_uint_eq(st->conds[2].values.n, 0);
	ck_assert_int_eq(st->conds[3].base, COND_STRING_EQUALS);
	ck_assert_uint_eq(st->conds[3].flags, COND_FORANY);
	ck_assert_int_eq(st->conds[4].base, COND_OTHER);
	ck_assert_uint_eq(st->conds[4].values.n, 5);
	ck_assert_str_eq(st->conds[4].values.v[0], "12");
	ck_assert_str_eq(st->conds[4].values.v[1], "1.5");
	ck_assert_str_eq(st->conds[4].values.v[2], "true");
	ck_assert_str_eq(st->conds[4].values.v[3], "false");
	ck_assert_str_eq(st->conds[4].values.v[4], "-3");
	ck_assert_int_eq(st->conds[5].base, COND_NULL);
	ck_assert_str_eq(st->conds[5].values.v[0], "true");
	ck_assert_int_eq(st->conds[6].base, COND_BOOL);
	ck_assert_uint_eq(st->conds[6].flags, COND_IFEXISTS);
	ck_assert_int_eq(st->conds[7].base, COND_ARN_LIKE);
	ck_assert_str_eq(st->conds[7].key, "h");
	arena_release(&a);
}
END_TEST

START_TEST(policy_rejects_invalid_json)
{
	parse_err("{\"Statement\":[", "not valid JSON at offset 13");
	parse_err("", "not valid JSON at offset 0");
	parse_err("{\"Statement\":[]} x", "not valid JSON at offset 17");
	parse_err("{\"Statement\":[],}", "not valid JSON at offset 16");
}
END_TEST

START_TEST(policy_rejects_length_cut)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p = NULL;
	char		 err[64];

	/*
	 * Only len bytes are read, even when the text goes on: the string
	 * that was cut is reported where its contents start.
	 */
	ck_assert_int_eq(policy_parse(&a, trust_policy, 40, &p, err,
	    sizeof(err)), -1);
	ck_assert_str_eq(err, "not valid JSON at offset 25");
	ck_assert_int_eq(policy_parse(&a, NULL, 0, &p, err, sizeof(err)), -1);
	arena_release(&a);
}
END_TEST

START_TEST(policy_rejects_wrong_shapes)
{
	parse_err("[]", "top level is not a JSON object");
	parse_err("\"x\"", "top level is not a JSON object");
	parse_err("{\"Version\":\"2012-10-17\"}", "missing \"Statement\"");
	parse_err("{\"Version\":1,\"Statement\":[]}",
	    "Version: expected a string");
	parse_err("{\"Statement\":\"x\"}",
	    "Statement: expected an object or an array");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\"},1]}",
	    "Statement[1]: expected an object");
	parse_err("{\"Statement\":[{}]}", "Statement[0]: missing \"Effect\"");
	parse_err("{\"Statement\":[{\"Effect\":\"allow\"}]}",
	    "Statement[0].Effect: 'allow' is not \"Allow\" or \"Deny\"");
	parse_err("{\"Statement\":[{\"Effect\":true}]}",
	    "Statement[0].Effect: expected \"Allow\" or \"Deny\"");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Sid\":[]}]}",
	    "Statement[0].Sid: expected a string");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":3}]}",
	    "Statement[0].Action: expected a string or an array of strings");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"NotAction\":"
	    "[\"a\",null]}]}",
	    "Statement[0].NotAction: expected a string or an array of "
	    "strings");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a\","
	    "\"NotAction\":\"b\"}]}",
	    "Statement[0]: both \"Action\" and \"NotAction\"");
}
END_TEST

START_TEST(policy_rejects_principal_shapes)
{
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":null}]}",
	    "Statement[0].Principal: expected an object or \"*\"");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
	    "\"arn:aws:iam::123456789012:root\"}]}",
	    "Statement[0].Principal: expected an object or \"*\"");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
	    "{\"Federated\":null}}]}",
	    "Statement[0].Principal.Federated: expected a string or an "
	    "array of strings");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
	    "{\"AWS\":[\"a\",{}]}}]}",
	    "Statement[0].Principal.AWS: expected a string or an array of "
	    "strings");
}
END_TEST

START_TEST(policy_rejects_condition_shapes)
{
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":[]}]}",
	    "Statement[0].Condition: expected an object");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringEquals\":\"x\"}}]}",
	    "Statement[0].Condition.StringEquals: expected an object");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\"},{\"Effect\":"
	    "\"Allow\",\"Condition\":{\"StringEquals\":{\"k\":{\"a\":1}}}}]}",
	    "Statement[1].Condition.StringEquals.k: expected a string, "
	    "number, boolean or an array of those");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringLike\":{\"k\":null}}}]}",
	    "Statement[0].Condition.StringLike.k: expected a string, "
	    "number, boolean or an array of those");
	parse_err("{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringLike\":{\"k\":[\"a\",[\"b\"]]}}}]}",
	    "Statement[0].Condition.StringLike.k: expected a string, "
	    "number, boolean or an array of those");
}
END_TEST

START_TEST(policy_bounds_nesting)
{
	struct arena	 a = ARENA_INIT;
	char		 json[512];
	size_t		 i, n;

	/* The root object is level 1, so 63 arrays reach level 64. */
	for (n = 63; n <= 64; n++) {
		strcpy(json, "{\"Statement\":[],\"X\":");
		for (i = 0; i < n; i++)
			strcat(json, "[");
		for (i = 0; i < n; i++)
			strcat(json, "]");
		strcat(json, "}");
		if (n == 63)
			ck_assert_uint_eq(parse_ok(&a, json)->n, 0);
		else
			parse_err(json, "nested deeper than 64 levels");
	}
	arena_release(&a);
}
END_TEST

START_TEST(policy_rejects_cjson_nesting_limit)
{
	char	*json;
	size_t	 n = 5000;

	json = calloc(2 * n + 1, 1);
	ck_assert_ptr_nonnull(json);
	memset(json, '[', n);
	memset(json + n, ']', n);
	parse_err(json, "not valid JSON at offset 1000");
	free(json);
}
END_TEST

/* Every field of a policy, in order, as text. */
static void
dump_strv(struct buf *b, const char *name, const struct strv *v)
{
	size_t	 i;

	buf_addf(b, " %s[", name);
	for (i = 0; i < v->n; i++)
		buf_addf(b, "%s<%s>", i > 0 ? "," : "",
		    v->v[i] == NULL ? "(null)" : v->v[i]);
	buf_addc(b, ']');
}

static void
dump_policy(struct buf *b, const struct policy *p)
{
	const struct pstmt *st;
	const struct pcond *c;
	size_t		 i, j;

	buf_addf(b, "v=%s n=%zu\n", p->version ? p->version : "-", p->n);
	for (i = 0; i < p->n; i++) {
		st = &p->st[i];
		buf_addf(b, "%zu sid=%s a=%d d=%d na=%d ps=%d np=%d r=%d",
		    st->index, st->sid ? st->sid : "-", st->allow, st->deny,
		    st->not_action, st->principal_star,
		    st->has_not_principal, st->has_resource);
		dump_strv(b, "act", &st->actions);
		dump_strv(b, "fed", &st->federated);
		dump_strv(b, "svc", &st->service);
		dump_strv(b, "aws", &st->aws);
		for (j = 0; j < st->nconds; j++) {
			c = &st->conds[j];
			buf_addf(b, " {%s %d %u %s", c->op, (int)c->base,
			    c->flags, c->key ? c->key : "(null)");
			dump_strv(b, "", &c->values);
			buf_addf(b, " ix=%d}", c->index != NULL);
		}
		buf_addc(b, '\n');
	}
}

/*
 * policy_from_json() reads a cJSON tree as policy_parse() reads the
 * text cJSON prints of it: the same policy, or the same message.
 */
START_TEST(policy_from_json_is_parse_of_print)
{
	static const char *const docs[] = {
	    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\","
	    "\"Effect\":\"Allow\",\"Principal\":{\"Federated\":"
	    "\"arn:aws:iam::1:oidc-provider/x\"},\"Action\":"
	    "[\"sts:AssumeRoleWithWebIdentity\"],\"Condition\":"
	    "{\"StringEquals\":{\"x:sub\":[\"s\",1,2.5,-0,true,1e300],"
	    "\"x:aud\":\"sts.amazonaws.com\"},\"Null\":{\"k\":false}}}]}",
	    "{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
	    "\"NotAction\":\"s3:*\",\"Resource\":\"*\"}}",
	    "{\"Statement\":[]}",
	    "{\"Version\":1,\"Statement\":[]}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringLike\":{\"k\":[{\"a\":1}]}}}]}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringEquals\":{\"k\":1e999}}}]}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringEquals\":{\"k\":[-1e999,\"a\"]}}}]}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Sid\":\"\\u00e9\\n\","
	    "\"Principal\":{\"AWS\":[\"a\",\"b\"],\"Service\":\"s\"},"
	    "\"Action\":\"*\"},{\"Effect\":\"Allow\"}]}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Condition\":"
	    "{\"StringLike\":{\"k\":[\"system:serviceaccount:a:1\","
	    "\"system:serviceaccount:a:2\",\"system:serviceaccount:a:3\","
	    "\"system:serviceaccount:a:4\",\"system:serviceaccount:a:5\","
	    "\"system:serviceaccount:a:6\",\"system:serviceaccount:a:7\","
	    "\"system:serviceaccount:a:8\",\"system:serviceaccount:a:9\","
	    "\"system:serviceaccount:b:1\",\"system:serviceaccount:b:2\","
	    "\"system:serviceaccount:b:3\",\"system:serviceaccount:b:4\","
	    "\"system:serviceaccount:b:5\",\"system:serviceaccount:b:6\","
	    "\"system:serviceaccount:*\"]}}}]}",
	    "{\"NoStatement\":1}",
	    "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":[]}]}",
	};
	struct arena	 a = ARENA_INIT;
	struct policy	*p1, *p2;
	struct buf	 b1 = BUF_INIT, b2 = BUF_INIT;
	cJSON		*doc;
	char		*text, e1[256], e2[256];
	size_t		 i, nested = 70;
	int		 r1, r2;

	for (i = 0; i < sizeof(docs) / sizeof(docs[0]) + 1; i++) {
		if (i < sizeof(docs) / sizeof(docs[0]))
			doc = cJSON_Parse(docs[i]);
		else {
			/* Deeper than POLICY_MAXDEPTH. */
			buf_reset(&b1);
			buf_adds(&b1, "{\"Statement\":");
			for (size_t k = 0; k < nested; k++)
				buf_addc(&b1, '[');
			for (size_t k = 0; k < nested; k++)
				buf_addc(&b1, ']');
			buf_addc(&b1, '}');
			doc = cJSON_Parse(b1.buf);
		}
		ck_assert_ptr_nonnull(doc);
		text = cJSON_PrintUnformatted(doc);
		ck_assert_ptr_nonnull(text);
		p1 = p2 = NULL;
		e1[0] = e2[0] = '\0';
		r1 = policy_parse(&a, text, strlen(text), &p1, e1, sizeof(e1));
		r2 = policy_from_json(&a, doc, strlen(text), &p2, e2,
		    sizeof(e2));
		ck_assert_msg(r1 == r2, "doc %zu: %d against %d (%s | %s)", i,
		    r1, r2, e1, e2);
		ck_assert_str_eq(e1, e2);
		if (r1 == 0) {
			buf_reset(&b1);
			buf_reset(&b2);
			dump_policy(&b1, p1);
			dump_policy(&b2, p2);
			ck_assert_str_eq(b1.buf, b2.buf);
		}
		/* The bound on size holds for the printed length. */
		r2 = policy_from_json(&a, doc, POLICY_MAX_SIZE + 1, &p2, e2,
		    sizeof(e2));
		ck_assert_int_eq(r2, -1);
		ck_assert_str_eq(e2, "larger than 64 KiB, far more than IAM "
		    "accepts");
		cJSON_free(text);
		cJSON_Delete(doc);
	}
	buf_release(&b1);
	buf_release(&b2);
	arena_release(&a);
}
END_TEST

START_TEST(policy_str_like_truth_table)
{
	static const struct {
		const char	*p, *s;
		int		 want, want_icase;
	} t[] = {
		{ "", "", 1, 1 },
		{ "", "a", 0, 0 },
		{ "*", "", 1, 1 },
		{ "*", "anything", 1, 1 },
		{ "?", "", 0, 0 },
		{ "?", "a", 1, 1 },
		{ "?", "ab", 0, 0 },
		{ "a?c", "abc", 1, 1 },
		{ "a?c", "ac", 0, 0 },
		{ "abc", "abc", 1, 1 },
		{ "abc", "ABC", 0, 1 },
		{ "abc", "abcd", 0, 0 },
		{ "a*", "a", 1, 1 },
		{ "*a", "ba", 1, 1 },
		{ "*a", "ab", 0, 0 },
		{ "a*b*c", "aXbYc", 1, 1 },
		{ "a*b*c", "aXbY", 0, 0 },
		{ "*ab*ab", "xabyabab", 1, 1 },
		{ "**", "x", 1, 1 },
		{ "*?", "", 0, 0 },
		{ "*?", "x", 1, 1 },
		{ "system:serviceaccount:argo:*",
		    "system:serviceaccount:argo:server", 1, 1 },
		{ "system:serviceaccount:argo:*",
		    "system:serviceaccount:argocd:server", 0, 0 },
		{ "system:serviceaccount:*:ebs-csi-*",
		    "system:serviceaccount:kube-system:ebs-csi-controller-sa",
		    1, 1 },
		{ "STS:Assume*", "sts:assumerolewithwebidentity", 0, 1 },
		{ "?", "\xc3\xa9", 1, 1 },
		{ "??", "\xc3\xa9", 0, 0 },
		{ "*\xc3\xa9", "x\xc3\xa9", 1, 1 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		ck_assert_msg(str_like(t[i].p, t[i].s) == t[i].want,
		    "str_like(\"%s\", \"%s\")", t[i].p, t[i].s);
		ck_assert_msg(str_like_icase(t[i].p, t[i].s) == t[i].want_icase,
		    "str_like_icase(\"%s\", \"%s\")", t[i].p, t[i].s);
	}
}
END_TEST

/* A reference matcher: plain recursion, '?' one UTF-8 character. */
static size_t
ref_u8len(const char *s)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n = 1;

	if (u[0] < 0xc0)
		return 1;
	while (n < 4 && (u[n] & 0xc0) == 0x80)
		n++;
	return n;
}

static int
ref_like(const char *p, const char *s)
{
	if (*p == '\0')
		return *s == '\0';
	if (*p == '*')
		return ref_like(p + 1, s) || (*s != '\0' && ref_like(p, s +
		    ref_u8len(s)));
	if (*s == '\0')
		return 0;
	if (*p == '?')
		return ref_like(p + 1, s + ref_u8len(s));
	return *p == *s && ref_like(p + 1, s + 1);
}

/*
 * str_like() against the reference on 50,000 random short patterns and
 * subjects, literal starts of every length included (the fast path).
 */
START_TEST(policy_str_like_equals_reference)
{
	static const char *const pbits[] = { "a", "b", "*", "?", "\xc3\xa9",
	    "system:", "ab" };
	static const char *const sbits[] = { "a", "b", "\xc3\xa9", "system:",
	    "ab" };
	char		 p[64], t[64];
	unsigned int	 seed = 7;
	size_t		 n, k, i;
	int		 round, yes = 0;

	for (round = 0; round < 50000; round++) {
		for (n = 0, p[0] = '\0', k = 0; k < 5; k++) {
			seed = seed * 1103515245U + 12345U;
			i = (seed >> 16) % 7;
			if ((seed >> 8) % 3 == 0)
				break;
			n += strlen(pbits[i]);
			strcat(p, pbits[i]);
		}
		for (n = 0, t[0] = '\0', k = 0; k < 6; k++) {
			seed = seed * 1103515245U + 12345U;
			i = (seed >> 16) % 5;
			if ((seed >> 8) % 4 == 0)
				break;
			n += strlen(sbits[i]);
			strcat(t, sbits[i]);
		}
		yes += ref_like(p, t);
		ck_assert_msg(str_like(p, t) == ref_like(p, t),
		    "str_like(\"%s\", \"%s\")", p, t);
	}
	/* Not a test of patterns that match nothing. */
	ck_assert_int_gt(yes, 1000);
}
END_TEST

START_TEST(policy_str_like_pathological_is_false)
{
	char	*s;

	s = malloc(5001);
	ck_assert_ptr_nonnull(s);
	memset(s, 'a', 5000);
	s[5000] = '\0';
	ck_assert_int_eq(str_like("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b",
	    s), 0);
	ck_assert_int_eq(str_like_icase(
	    "*A*A*A*A*A*A*A*A*A*A*A*A*A*A*A*A*A*A*A*b", s), 0);
	ck_assert_int_eq(str_like("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a",
	    s), 1);
	free(s);
}
END_TEST

START_TEST(policy_action_matches)
{
	struct arena	 a = ARENA_INIT;
	struct policy	*p;

	p = parse_ok(&a, "{\"Statement\":["
	    "{\"Effect\":\"Allow\",\"Action\":[\"s3:Get*\",\"sts:AssumeRole"
	    "WithWebIdentity\"]},"
	    "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"},"
	    "{\"Effect\":\"Allow\",\"NotAction\":\"sts:AssumeRole\"},"
	    "{\"Effect\":\"Allow\"},"
	    "{\"Effect\":\"Allow\",\"Action\":\"sts:*\"}]}");
	ck_assert_int_eq(pstmt_action_matches(&p->st[0],
	    "sts:AssumeRoleWithWebIdentity"), 1);
	ck_assert_int_eq(pstmt_action_matches(&p->st[0],
	    "STS:assumerolewithwebidentity"), 1);
	ck_assert_int_eq(pstmt_action_matches(&p->st[0], "s3:getobject"), 1);
	ck_assert_int_eq(pstmt_action_matches(&p->st[0], "s3:PutObject"), 0);
	ck_assert_int_eq(pstmt_action_matches(&p->st[1],
	    "sts:AssumeRoleWithWebIdentity"), 0);
	ck_assert_int_eq(pstmt_action_matches(&p->st[2],
	    "sts:AssumeRoleWithWebIdentity"), 1);
	ck_assert_int_eq(pstmt_action_matches(&p->st[2], "sts:assumerole"),
	    0);
	ck_assert_int_eq(pstmt_action_matches(&p->st[3], "sts:AssumeRole"),
	    0);
	ck_assert_int_eq(pstmt_action_matches(&p->st[4],
	    "sts:AssumeRoleWithWebIdentity"), 1);
	arena_release(&a);
}
END_TEST

/*
 * Rows of (operator, condition values as JSON, context values for the
 * key, expected result).  ctx NULL means the key is absent; the
 * context then holds only an unrelated key.  The context spells the
 * key "OIDC:Sub" to show that lookup ignores case.
 */
static const struct eval_row {
	const char	*op;
	const char	*values;
	const char	*ctx[3];
	enum tri	 want;
} eval_rows[] = {
	/* StringEquals: exact, case-sensitive, wildcards literal. */
	{ "StringEquals", "\"a\"", { "a" }, TRI_TRUE },
	{ "StringEquals", "\"a\"", { "b" }, TRI_FALSE },
	{ "StringEquals", "\"A\"", { "a" }, TRI_FALSE },
	{ "StringEquals", "[\"x\",\"a\"]", { "a" }, TRI_TRUE },
	{ "StringEquals", "[]", { "a" }, TRI_FALSE },
	{ "StringEquals", "\"system:serviceaccount:argo:*\"",
	    { "system:serviceaccount:argo:server" }, TRI_FALSE },
	{ "StringEquals", "\"system:serviceaccount:argo:*\"",
	    { "system:serviceaccount:argo:*" }, TRI_TRUE },
	{ "StringEquals", "\"a\"", { NULL }, TRI_FALSE },
	{ "stringequals", "\"a\"", { "a" }, TRI_TRUE },
	{ "StringEqualsIfExists", "\"a\"", { NULL }, TRI_TRUE },
	{ "StringEqualsIfExists", "\"a\"", { "b" }, TRI_FALSE },
	{ "StringEqualsIgnoreCase", "\"A\"", { "a" }, TRI_TRUE },
	{ "StringEqualsIgnoreCase", "\"A\"", { NULL }, TRI_FALSE },
	/* Negated operators: NOR, and true when the key is absent. */
	{ "StringNotEquals", "\"a\"", { "a" }, TRI_FALSE },
	{ "StringNotEquals", "\"a\"", { "b" }, TRI_TRUE },
	{ "StringNotEquals", "[\"a\",\"b\"]", { "b" }, TRI_FALSE },
	{ "StringNotEquals", "\"a\"", { NULL }, TRI_TRUE },
	{ "StringNotEqualsIgnoreCase", "\"A\"", { "a" }, TRI_FALSE },
	{ "StringNotEqualsIgnoreCase", "\"A\"", { NULL }, TRI_TRUE },
	/* StringLike: wildcards, case-sensitive. */
	{ "StringLike", "\"system:serviceaccount:argo:*\"",
	    { "system:serviceaccount:argo:server" }, TRI_TRUE },
	{ "StringLike", "\"system:serviceaccount:argo:*\"",
	    { "system:serviceaccount:other:server" }, TRI_FALSE },
	{ "StringLike", "\"a?c\"", { "abc" }, TRI_TRUE },
	{ "StringLike", "\"A*\"", { "abc" }, TRI_FALSE },
	{ "StringLike", "\"*\"", { NULL }, TRI_FALSE },
	{ "StringLikeIfExists", "\"*\"", { NULL }, TRI_TRUE },
	{ "StringNotLike", "\"*:argo:*\"", { "x:argo:y" }, TRI_FALSE },
	{ "StringNotLike", "\"*:argo:*\"", { "x:other:y" }, TRI_TRUE },
	{ "StringNotLike", "\"*\"", { NULL }, TRI_TRUE },
	/* Arn operators take wildcards, ArnEquals included. */
	{ "ArnEquals", "\"arn:aws:iam::*:role/x\"",
	    { "arn:aws:iam::123456789012:role/x" }, TRI_TRUE },
	{ "ArnLike", "\"arn:aws:iam::*:role/x\"",
	    { "arn:aws:iam::123456789012:role/y" }, TRI_FALSE },
	{ "ArnLike", "\"arn:*\"", { NULL }, TRI_FALSE },
	{ "ArnNotLike", "\"arn:aws:iam::*:role/x\"",
	    { "arn:aws:iam::123456789012:role/x" }, TRI_FALSE },
	{ "ArnNotEquals", "\"arn:*\"", { NULL }, TRI_TRUE },
	/*
	 * ARNs match part by part (issue 14, item 9; the IAM reference,
	 * "Amazon Resource Name (ARN) condition operators": each of the
	 * six colon-delimited components is checked separately), so a
	 * value that is not an ARN, such as a subject, matches nothing,
	 * and a '*' does not cross a colon but in the resource part.
	 */
	{ "ArnLike", "\"system:serviceaccount:*\"",
	    { "system:serviceaccount:a:b" }, TRI_FALSE },
	{ "ArnEquals", "\"*\"", { "system:serviceaccount:a:b" }, TRI_FALSE },
	/*
	 * A negated ARN operator on a value that is not an ARN: the IAM
	 * reference defines these operators for ARN-typed keys only, and
	 * independent evaluators differ (one answers false), so the answer
	 * is unknown, never a guess.
	 */
	{ "ArnNotLike", "\"system:serviceaccount:*\"",
	    { "system:serviceaccount:a:b" }, TRI_UNKNOWN },
	{ "ArnNotEquals", "\"arn:*\"", { "sts.amazonaws.com" }, TRI_UNKNOWN },
	{ "ArnLike", "\"arn:aws:iam::*\"",
	    { "arn:aws:iam::123456789012:role/x" }, TRI_FALSE },
	{ "ArnLike", "\"arn:aws:iam::*:*\"",
	    { "arn:aws:iam::123456789012:role/a:b" }, TRI_TRUE },
	{ "ArnLike", "\"arn:*:iam::123456789012:role/*\"",
	    { "arn:aws-cn:iam::123456789012:role/x" }, TRI_TRUE },
	{ "ArnLike", "\"arn:aws:iam:*:123456789012:role/x\"",
	    { "arn:aws:iam::123456789012:role/x" }, TRI_TRUE },
	/* Null tests presence. */
	{ "Null", "\"true\"", { NULL }, TRI_TRUE },
	{ "Null", "\"true\"", { "x" }, TRI_FALSE },
	{ "Null", "\"false\"", { NULL }, TRI_FALSE },
	{ "Null", "\"false\"", { "x" }, TRI_TRUE },
	{ "Null", "true", { NULL }, TRI_TRUE },
	{ "Null", "\"TRUE\"", { NULL }, TRI_TRUE },
	{ "Null", "\"maybe\"", { NULL }, TRI_UNKNOWN },
	/* Bool compares text, ignoring case. */
	{ "Bool", "\"true\"", { "TRUE" }, TRI_TRUE },
	{ "Bool", "true", { "true" }, TRI_TRUE },
	{ "Bool", "\"true\"", { "false" }, TRI_FALSE },
	{ "Bool", "\"true\"", { NULL }, TRI_FALSE },
	{ "BoolIfExists", "\"true\"", { NULL }, TRI_TRUE },
	/* Operators we do not evaluate. */
	{ "NumericLessThan", "1", { "0" }, TRI_UNKNOWN },
	{ "NumericLessThan", "1", { NULL }, TRI_UNKNOWN },
	{ "NumericLessThanIfExists", "1", { NULL }, TRI_TRUE },
	{ "ForAllValues:NumericLessThan", "1", { NULL }, TRI_TRUE },
	/* Policy variables cannot be decided unless another value does. */
	{ "StringEquals", "\"${aws:username}\"", { "x" }, TRI_UNKNOWN },
	{ "StringEquals", "[\"${aws:username}\",\"x\"]", { "x" }, TRI_TRUE },
	{ "StringEquals", "[\"${aws:username}\",\"x\"]", { "y" },
	    TRI_UNKNOWN },
	{ "StringLike", "\"${aws:username}*\"", { "x" }, TRI_UNKNOWN },
	{ "StringNotEquals", "\"${aws:username}\"", { "x" }, TRI_UNKNOWN },
	{ "StringNotEquals", "[\"${aws:username}\",\"x\"]", { "x" },
	    TRI_FALSE },
	{ "StringEquals", "\"${aws:username}\"", { NULL }, TRI_FALSE },
	/* Multi-valued keys and the set operators. */
	{ "StringEquals", "\"a\"", { "b", "a" }, TRI_TRUE },
	{ "StringEquals", "\"a\"", { "b", "c" }, TRI_FALSE },
	{ "ForAnyValue:StringEquals", "\"a\"", { "b", "a" }, TRI_TRUE },
	{ "ForAnyValue:StringEquals", "\"a\"", { "b", "c" }, TRI_FALSE },
	{ "ForAnyValue:StringEquals", "\"a\"", { NULL }, TRI_FALSE },
	{ "ForAnyValue:StringEquals", "[\"${x}\",\"a\"]", { "b", "c" },
	    TRI_UNKNOWN },
	/*
	 * ForAnyValue on an absent key is false whatever the operator
	 * (issue 14, item 3).  The IAM reference, "Single-valued vs.
	 * multivalued context keys" (reference_policies_condition-single-
	 * vs-multi-valued-context-keys.html): ForAnyValue "If the key in
	 * your request is missing or resolves to an empty data set, the
	 * condition returns false".  IfExists does not change that: AWS
	 * re:Post QU9HFmDzP0QGuU-fd7rS6B7w, where a policy with
	 * ForAnyValue:StringEqualsIfExists on aws:TagKeys denied a request
	 * without tags, and the accepted answer explains the set operator
	 * is evaluated first.  The IfExists rule of the operators page
	 * speaks of single-valued operators only.
	 */
	{ "ForAnyValue:StringLikeIfExists", "\"a*\"", { NULL }, TRI_FALSE },
	{ "ForAnyValue:StringNotEquals", "\"a\"", { NULL }, TRI_FALSE },
	{ "ForAnyValue:StringNotLike", "\"a*\"", { NULL }, TRI_FALSE },
	{ "ForAnyValue:ArnNotLike", "\"arn:*\"", { NULL }, TRI_FALSE },
	{ "ForAnyValue:StringNotEquals", "\"a\"", { "b" }, TRI_TRUE },
	{ "ForAllValues:StringEquals", "\"a\"", { "a", "b" }, TRI_FALSE },
	{ "ForAllValues:StringEquals", "[\"a\",\"b\"]", { "b", "a" },
	    TRI_TRUE },
	{ "ForAllValues:StringEquals", "\"a\"", { NULL }, TRI_TRUE },
	{ "ForAllValues:StringEquals", "[\"a\",\"${x}\"]", { "a", "b" },
	    TRI_UNKNOWN },
	{ "ForAllValues:StringEquals", "[\"c\",\"${x}\"]", { "a" },
	    TRI_UNKNOWN },
	{ "ForAllValues:StringLike", "\"a*\"", { "ab", "ac", "b" },
	    TRI_FALSE },
	{ "ForAllValues:StringNotLike", "\"a*\"", { "b", "c" }, TRI_TRUE },
	{ "ForAllValues:StringNotLike", "\"a*\"", { "b", "ac" }, TRI_FALSE },
	{ "forallvalues:stringequalsignorecase", "\"A\"", { "a", "a" },
	    TRI_TRUE },
};

START_TEST(policy_pcond_eval_truth_table)
{
	struct arena		 a = ARENA_INIT;
	const struct eval_row	*r = &eval_rows[_i];
	const struct pcond	*c;
	struct req_kv		 kv[4];
	struct req_ctx		 ctx;
	size_t			 i;

	/* Unrelated keys around the tested one must be ignored. */
	ctx.kv = kv;
	ctx.n = 0;
	kv[ctx.n].key = "oidc:aud";
	kv[ctx.n++].value = "a";
	for (i = 0; i < 3 && r->ctx[i] != NULL; i++) {
		kv[ctx.n].key = "OIDC:Sub";
		kv[ctx.n++].value = r->ctx[i];
	}
	c = cond(&a, r->op, r->values);
	ck_assert_msg(pcond_eval(c, &ctx) == r->want,
	    "row %d: %s %s against %s%s: got %d, want %d", _i, r->op,
	    r->values, r->ctx[0] == NULL ? "(absent)" : r->ctx[0],
	    r->ctx[1] == NULL ? "" : ",...", (int)pcond_eval(c, &ctx),
	    (int)r->want);
	arena_release(&a);
}
END_TEST

/*
 * A long StringEquals or StringLike list is indexed by its values'
 * first bytes: every answer must be the one trying all values gives.
 * Values share long starts (as subjects do), some have '*' or '?' early
 * or a policy variable, and context values are drawn from the same
 * pieces, so that matches, near misses and unknowns all occur.
 */
START_TEST(policy_pcond_index_answers_as_a_scan)
{
	static const char *const ops[] = { "StringEquals",
	    "StringNotEquals", "StringLike", "StringNotLike",
	    "ForAllValues:StringLike" };
	static const char *const piece[] = { "system:serviceaccount:",
	    "ns-a:", "ns-b:", "app", "*", "?", "x", "${aws:username}", "-1",
	    "" };
	struct arena	 a = ARENA_INIT;
	struct pcond	 plain;
	const struct pcond *c;
	struct buf	 vals = BUF_INIT;
	struct req_kv	 kv[2];
	struct req_ctx	 ctx = { kv, 1 };
	char		 v[128], *ctxv[64];
	unsigned int	 seed = 99, n, indexed = 0;
	size_t		 i, j, k, nv;
	enum tri	 want, got;

	for (n = 0; n < 400; n++) {
		nv = 16 + (size_t)rand_r(&seed) % 40;
		buf_reset(&vals);
		buf_addc(&vals, '[');
		for (i = 0; i < nv; i++) {
			v[0] = '\0';
			for (k = 0; k < 4; k++)
				strcat(v, piece[(size_t)rand_r(&seed) %
				    (k == 0 && n % 4 != 0 ? 1 : 10)]);
			buf_addf(&vals, "%s\"%s\"", i > 0 ? "," : "", v);
			ctxv[i] = arena_strdup(&a, v);
		}
		buf_addc(&vals, ']');
		c = cond(&a, ops[n % 5], vals.buf);
		indexed += c->index != NULL;
		plain = *c;
		plain.index = NULL;
		for (i = 0; i < 60; i++) {
			/* A value of the list, or new pieces. */
			if (i % 2 == 0) {
				kv[0].value = ctxv[(size_t)rand_r(&seed) % nv];
			} else {
				v[0] = '\0';
				for (k = 0; k < 4; k++)
					strcat(v, piece[(size_t)rand_r(&seed) %
					    10]);
				kv[0].value = v;
			}
			kv[0].key = "oidc:sub";
			kv[1].key = "oidc:sub";
			kv[1].value = ctxv[(size_t)rand_r(&seed) % nv];
			for (j = 1; j <= 2; j++) {
				ctx.n = j;
				want = pcond_eval(&plain, &ctx);
				got = pcond_eval(c, &ctx);
				ck_assert_msg(want == got, "%s %s against %s: "
				    "%d with the index, %d without",
				    ops[n % 5], vals.buf, kv[0].value,
				    (int)got, (int)want);
			}
		}
	}
	/* Most lists start with the subject prefix: long enough a key. */
	ck_assert_uint_ge(indexed, 250);
	buf_release(&vals);
	arena_release(&a);
}
END_TEST

START_TEST(policy_pcond_eval_null_context)
{
	struct arena		 a = ARENA_INIT;

	ck_assert_int_eq(pcond_eval(cond(&a, "StringEquals", "\"a\""), NULL),
	    TRI_FALSE);
	ck_assert_int_eq(pcond_eval(cond(&a, "Null", "\"true\""), NULL),
	    TRI_TRUE);
	arena_release(&a);
}
END_TEST

START_TEST(policy_same_reads_lists_as_sets)
{
	struct arena	 a = ARENA_INIT;
	const char	*reordered =
	    "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"Irsa\","
	    "\"Effect\":\"Allow\",\"Action\":"
	    "[\"STS:AssumeRoleWithWebIdentity\"],"
	    "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:"
	    "oidc-provider/" EKS_OIDC "\"},\"Condition\":{\"stringequals\":{"
	    "\"" EKS_OIDC ":SUB\":[\"system:serviceaccount:kube-system:"
	    "aws-load-balancer-controller\"],\"" EKS_OIDC ":aud\":"
	    "\"sts.amazonaws.com\"}}}}";
	const char	*other_ns = "{\"Version\":\"2012-10-17\",\"Statement\":"
	    "[{\"Effect\":\"Allow\","
	    "\"Action\":\"sts:AssumeRoleWithWebIdentity\","
	    "\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:"
	    "oidc-provider/" EKS_OIDC "\"},\"Condition\":{\"StringEquals\":{"
	    "\"" EKS_OIDC ":sub\":\"system:serviceaccount:apps:"
	    "aws-load-balancer-controller\",\"" EKS_OIDC ":aud\":"
	    "\"sts.amazonaws.com\"}}}]}";
	struct policy	*p, *q;

	p = parse_ok(&a, trust_policy);
	ck_assert(policy_same(p, p));
	q = parse_ok(&a, reordered);
	ck_assert(policy_same(p, q));
	ck_assert(policy_same(q, p));
	q = parse_ok(&a, other_ns);
	ck_assert(!policy_same(p, q));
	ck_assert(!policy_same(q, p));
	/* No statement, and a Version more. */
	q = parse_ok(&a, "{\"Statement\":[]}");
	ck_assert(!policy_same(p, q));
	ck_assert(policy_same(q, parse_ok(&a, "{\"Statement\":[]}")));
	ck_assert(!policy_same(q, parse_ok(&a,
	    "{\"Version\":\"2012-10-17\",\"Statement\":[]}")));
	arena_release(&a);
}
END_TEST

Suite *
policy_suite(void)
{
	Suite	*s;
	TCase	*tc;

	s = suite_create("policy");
	tc = tcase_create("parse");
	tcase_add_test(tc, policy_parses_terraform_trust_policy);
	tcase_add_test(tc, policy_parses_statement_object);
	tcase_add_test(tc, policy_parses_empty_statement_array);
	tcase_add_test(tc, policy_parses_principal_star_forms);
	tcase_add_test(tc, policy_parses_conditions_in_order);
	tcase_add_test(tc, policy_rejects_invalid_json);
	tcase_add_test(tc, policy_rejects_length_cut);
	tcase_add_test(tc, policy_rejects_wrong_shapes);
	tcase_add_test(tc, policy_rejects_principal_shapes);
	tcase_add_test(tc, policy_rejects_condition_shapes);
	tcase_add_test(tc, policy_bounds_nesting);
	tcase_add_test(tc, policy_rejects_cjson_nesting_limit);
	tcase_add_test(tc, policy_from_json_is_parse_of_print);
	suite_add_tcase(s, tc);
	tc = tcase_create("match");
	tcase_add_test(tc, policy_str_like_truth_table);
	tcase_add_test(tc, policy_str_like_pathological_is_false);
	tcase_add_test(tc, policy_action_matches);
	tcase_add_test(tc, policy_str_like_equals_reference);
	tcase_add_test(tc, policy_same_reads_lists_as_sets);
	tcase_add_loop_test(tc, policy_pcond_eval_truth_table, 0,
	    (int)(sizeof(eval_rows) / sizeof(eval_rows[0])));
	tcase_add_test(tc, policy_pcond_eval_null_context);
	tcase_add_test(tc, policy_pcond_index_answers_as_a_scan);
	suite_add_tcase(s, tc);
	return s;
}
