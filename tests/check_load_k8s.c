/* SPDX-License-Identifier: ISC */
/* Unit tests for the Kubernetes manifest loader. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "check_suites.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "policy.h"

static void	setup(void);
static void	teardown(void);
static void	load(const char *);
static void	load_n(const char *, size_t);
static struct k8s_obj *obj(size_t);
static const struct iam_role *load_ack_trust(size_t);

/* Each test loads into a fresh model; the fixture owns all three. */
static struct arena	a;
static struct model	m;
static struct diags	dg;

#define ck_loc(l, ln, cl) do {						\
	ck_assert_uint_eq((l).line, (ln));				\
	ck_assert_uint_eq((l).col, (cl));				\
} while (0)

#define ck_span(l, ln, cl, eln, ecl) do {				\
	ck_loc((l), (ln), (cl));					\
	ck_assert_uint_eq((l).end_line, (eln));				\
	ck_assert_uint_eq((l).end_col, (ecl));				\
} while (0)

#define ck_error(i, ln, cl, text) do {					\
	ck_assert_uint_gt(dg.n, (i));					\
	ck_assert_ptr_null(dg.v[(i)]->rule);				\
	ck_assert_str_eq(dg.v[(i)]->msg, (text));			\
	ck_loc(dg.v[(i)]->loc, (ln), (cl));				\
	ck_assert_str_eq(dg.v[(i)]->loc.file, "t.yaml");		\
} while (0)

static void
setup(void)
{
	a = (struct arena)ARENA_INIT;
	model_init(&m, &a);
	diags_init(&dg, &a);
}

static void
teardown(void)
{
	diags_release(&dg);
	model_release(&m);
	arena_release(&a);
}

static void
load(const char *s)
{
	load_n(s, strlen(s));
}

static void
load_n(const char *s, size_t len)
{
	load_k8s(&m, &dg, "t.yaml", s, len);
}

static struct k8s_obj *
obj(size_t i)
{
	ck_assert_uint_gt(m.objs.n, i);
	return m.objs.v[i];
}

/*
 * Where load_split_points() cuts text into at most n parts: each
 * part's "offset:lines_before:length", blank-separated.
 */
static char *
split_at(const char *text, size_t n)
{
	struct load_part	 parts[8];
	struct buf		 b = BUF_INIT;
	size_t			 m, i, len = strlen(text);
	FILE			*fp;

	ck_assert_ptr_nonnull(fp = tmpfile());
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	ck_assert_int_eq(fflush(fp), 0);
	m = load_split_points(fileno(fp), (off_t)len, n, parts);
	for (i = 0; i < m; i++)
		buf_addf(&b, "%s%lld:%u:%zu", i > 0 ? " " : "",
		    (long long)parts[i].off, parts[i].line_base, parts[i].len);
	fclose(fp);
	return buf_detach(&b, NULL);
}

#define CK_SPLIT(text, n, want) do {					\
	char	*got_ = split_at((text), (n));				\
	ck_assert_str_eq(got_, (want));					\
	free(got_);							\
} while (0)

/*
 * A stream is cut at a marker line after a line with content, never
 * after a comment (which applies to the line after it) or a directive
 * (which belongs to the next document); a line that only starts with
 * dashes is no marker.
 */
START_TEST(split_points_are_document_markers)
{
	CK_SPLIT("a: 1\n---\nb: 2\n---\nc: 3\n", 2, "0:0:14 14:3:9");
	/* Past the first third is the second marker; none past 2/3. */
	CK_SPLIT("a: 1\n---\nb: 2\n---\nc: 3\n", 3, "0:0:14 14:3:9");
	CK_SPLIT("a: 1\n---\nb: 2\n---\nc: 3\n", 1, "0:0:23");
	/* Not after a comment, nor a directive, blank lines between. */
	CK_SPLIT("a: 1\nb: 2\nc: 3\n# x\n---\nd: 4\n---\ne: 5\n", 2,
	    "0:0:28 28:6:9");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n%YAML 1.1\n---\nd: 4\n", 2,
	    "0:0:34");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n  # x\n\n---\nd: 4\n", 2,
	    "0:0:31");
	/* After content, blank lines between are fine. */
	CK_SPLIT("a: 1\nb: 2\nc: 3\n\n \t\r\n---\nd: 4\n", 2,
	    "0:0:20 20:5:9");
	/* Markers with a tab, content, a CR; not "----" nor "---x". */
	CK_SPLIT("a: 1\nb: 2\nc: 3\n---\t\nd: 4\n", 2, "0:0:15 15:3:10");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n--- |\n  x\n", 2, "0:0:15 15:3:10");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n---\r\nd: 4\n", 2, "0:0:15 15:3:10");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n----\nd: 4\n", 2, "0:0:25");
	CK_SPLIT("a: 1\nb: 2\nc: 3\n---x: 1\n", 2, "0:0:23");
	/* A marker that is the last line, with no newline. */
	CK_SPLIT("a: 1\nb: 2\nc: 3\n---", 2, "0:0:15 15:3:3");
	/*
	 * libyaml counts a lone CR, NEL, LS and PS as line breaks: no cut
	 * after one.  A CR LF is one break.
	 */
	CK_SPLIT("a: 1\nb: 2\rc: 3\n---\nd: 4\n", 2, "0:0:24");
	CK_SPLIT("a: 1\nb: \302\205c\n---\nd: 4\n", 2, "0:0:21");
	CK_SPLIT("a: 1\nb: \342\200\250c\n---\nd: 4\n", 2, "0:0:22");
	CK_SPLIT("a: 1\nb: \342\200\224c\n---\nd: 4\n", 2,
	    "0:0:13 13:2:9");
	CK_SPLIT("a: 1\r\nb: 2\r\nc: 3\r\n---\r\nd: 4\r\n", 2,
	    "0:0:18 18:3:11");
	/* Nothing to cut at. */
	CK_SPLIT("a: 1\n", 4, "0:0:5");
	CK_SPLIT("", 4, "0:0:0");
}
END_TEST

/*
 * Past 4 KiB, past the buffer of 1 MiB: each cut is the first marker at
 * or after its share of the file, the lines before it counted; none
 * when the next marker is more than 1 MiB on.
 */
START_TEST(split_points_of_long_streams)
{
	struct load_part	 parts[4];
	size_t			 len = 0, cap = 6 * 1024 * 1024, i, k, m;
	char			*text, *at;
	FILE			*fp;

	ck_assert_ptr_nonnull(text = malloc(cap + 1));
	for (i = 0; len + 16 < cap; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    i % 7 == 6 ? "---\n" : "k%zu: 1\n", i);
	ck_assert_ptr_nonnull(fp = tmpfile());
	ck_assert_uint_eq(fwrite(text, 1, len, fp), len);
	ck_assert_int_eq(fflush(fp), 0);
	m = load_split_points(fileno(fp), (off_t)len, 4, parts);
	ck_assert_uint_eq(m, 4);
	for (k = 1; k < m; k++) {
		text[len] = '\0';
		at = strstr(text + len * k / 4 - 1, "\n---\n") + 1;
		ck_assert_int_eq(parts[k].off, at - text);
		ck_assert_uint_eq(parts[k - 1].len,
		    (size_t)(parts[k].off - parts[k - 1].off));
		for (i = 0; at > text; at--)
			i += at[-1] == '\n';
		ck_assert_uint_eq(parts[k].line_base, i);
	}
	ck_assert_uint_eq(parts[3].len, len - (size_t)parts[3].off);
	fclose(fp);

	/* One marker, 2 MiB after the middle: no cut. */
	memset(text, 'x', cap);
	for (i = 99; i < cap; i += 100)
		text[i] = '\n';
	memcpy(text + 5 * 1024 * 1024, "\n---\n", 5);
	ck_assert_ptr_nonnull(fp = tmpfile());
	ck_assert_uint_eq(fwrite(text, 1, cap, fp), cap);
	ck_assert_int_eq(fflush(fp), 0);
	ck_assert_uint_eq(load_split_points(fileno(fp), (off_t)cap, 2, parts),
	    1);
	fclose(fp);
	free(text);
}
END_TEST

START_TEST(service_account_annotation_positions)
{
	struct k8s_obj	*o;

	load("apiVersion: v1\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: app\n"
	    "  namespace: prod\n"
	    "  annotations:\n"
	    "    eks.amazonaws.com/role-arn: "
	    "arn:aws:iam::111122223333:role/app\n"
	    "    other: x\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 1);
	o = obj(0);
	ck_assert_int_eq(o->kind, K8S_SERVICEACCOUNT);
	ck_assert_str_eq(o->kind_name, "ServiceAccount");
	ck_assert_str_eq(o->api_version, "v1");
	ck_assert_str_eq(o->loc.file, "t.yaml");
	ck_loc(o->loc, 1, 1);
	ck_span(o->kind_loc, 2, 1, 2, 5);
	ck_assert_str_eq(o->name, "app");
	ck_span(o->name_loc, 4, 9, 4, 12);
	ck_assert_str_eq(o->ns, "prod");
	ck_span(o->ns_loc, 5, 14, 5, 18);
	ck_assert_uint_eq(o->nannotations, 2);
	ck_assert_str_eq(o->annotations[0].key,
	    "eks.amazonaws.com/role-arn");
	ck_assert_str_eq(o->annotations[0].value,
	    "arn:aws:iam::111122223333:role/app");
	ck_span(o->annotations[0].key_loc, 7, 5, 7, 31);
	ck_span(o->annotations[0].value_loc, 7, 33, 7, 67);
	ck_assert_str_eq(o->annotations[1].key, "other");
	ck_loc(o->annotations[1].key_loc, 8, 5);
	ck_assert_ptr_null(o->more->sa_name);
}
END_TEST

START_TEST(multi_document_dashes_and_dots)
{
	load("kind: ServiceAccount\n"
	    "metadata: {name: a}\n"
	    "...\n"
	    "---\n"
	    "kind: ServiceAccount\n"
	    "metadata: {name: b}\n"
	    "---\n"
	    "---\n"
	    "kind: Pod\n"
	    "metadata: {name: c}\n"
	    "...\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 3);
	ck_assert_str_eq(obj(0)->name, "a");
	ck_assert_str_eq(obj(1)->name, "b");
	ck_loc(obj(1)->loc, 5, 1);
	ck_assert_str_eq(obj(2)->name, "c");
	ck_assert_int_eq(obj(2)->kind, K8S_POD);
}
END_TEST

START_TEST(list_items_are_objects)
{
	load("apiVersion: v1\n"
	    "kind: List\n"
	    "items:\n"
	    "- kind: ServiceAccount\n"
	    "  metadata: {name: a, namespace: ns1}\n"
	    "- just a scalar\n"
	    "- kind: Pod\n"
	    "  metadata: {name: b}\n"
	    "  spec: {serviceAccountName: a}\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_int_eq(obj(0)->kind, K8S_SERVICEACCOUNT);
	ck_loc(obj(0)->loc, 4, 3);
	ck_assert_str_eq(obj(0)->ns, "ns1");
	ck_assert_int_eq(obj(1)->kind, K8S_POD);
	ck_assert_str_eq(obj(1)->more->sa_name, "a");
}
END_TEST

START_TEST(list_kind_after_items)
{
	load("items:\n"
	    "- kind: ServiceAccount\n"
	    "  metadata: {name: a}\n"
	    "- kind: Pod\n"
	    "  metadata: 3\n"
	    "kind: ServiceAccountList\n");
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_str_eq(obj(0)->name, "a");
	ck_assert_int_eq(obj(1)->kind, K8S_POD);
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 5, 13, "metadata: expected a mapping, found a scalar");
}
END_TEST

START_TEST(items_of_non_list_are_not_objects)
{
	load("items:\n"
	    "- kind: ServiceAccount\n"
	    "  metadata: 3\n"
	    "kind: Widget\n"
	    "---\n"
	    "kind: Widget\n"
	    "items: [{kind: Pod}]\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_str_eq(obj(0)->kind_name, "Widget");
	ck_assert_int_eq(obj(0)->kind, K8S_OTHER);
	ck_assert_str_eq(obj(1)->kind_name, "Widget");
}
END_TEST

START_TEST(deployment_sa_from_pod_template)
{
	struct k8s_obj	*o;

	load("apiVersion: apps/v1\n"
	    "kind: Deployment\n"
	    "metadata:\n"
	    "  name: web\n"
	    "spec:\n"
	    "  replicas: 2\n"
	    "  template:\n"
	    "    metadata: {labels: {app: web}}\n"
	    "    spec:\n"
	    "      serviceAccountName: web-sa\n"
	    "      containers: [{name: c, image: x}]\n");
	ck_assert_uint_eq(dg.n, 0);
	o = obj(0);
	ck_assert_int_eq(o->kind, K8S_DEPLOYMENT);
	ck_assert_str_eq(o->more->sa_name, "web-sa");
	ck_span(o->more->sa_loc, 10, 27, 10, 33);
	ck_assert_ptr_null(o->ns);
}
END_TEST

START_TEST(deployment_spec_sa_at_wrong_level_not_taken)
{
	load("kind: Deployment\n"
	    "metadata: {name: web}\n"
	    "spec:\n"
	    "  serviceAccountName: wrong\n"
	    "  template:\n"
	    "    spec:\n"
	    "      containers: []\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_ptr_null(obj(0)->more->sa_name);
}
END_TEST

START_TEST(cronjob_sa_from_job_template)
{
	load("kind: CronJob\n"
	    "metadata: {name: nightly}\n"
	    "spec:\n"
	    "  schedule: '0 0 * * *'\n"
	    "  jobTemplate:\n"
	    "    spec:\n"
	    "      template:\n"
	    "        spec:\n"
	    "          serviceAccountName: batch\n"
	    "  template:\n"
	    "    spec:\n"
	    "      serviceAccountName: wrong\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_int_eq(obj(0)->kind, K8S_CRONJOB);
	ck_assert_str_eq(obj(0)->more->sa_name, "batch");
	ck_loc(obj(0)->more->sa_loc, 9, 31);
}
END_TEST

START_TEST(pod_sa_from_spec)
{
	load("kind: Pod\n"
	    "metadata: {name: p}\n"
	    "spec:\n"
	    "  serviceAccount: deprecated\n"
	    "  serviceAccountName: pod-sa\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->more->sa_name, "pod-sa");
	ck_loc(obj(0)->more->sa_loc, 5, 23);
}
END_TEST

START_TEST(pod_deprecated_service_account_ignored)
{
	load("kind: Pod\n"
	    "spec:\n"
	    "  serviceAccount: deprecated\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_ptr_null(obj(0)->more->sa_name);
}
END_TEST

START_TEST(kind_after_spec)
{
	load("spec:\n"
	    "  template:\n"
	    "    spec:\n"
	    "      serviceAccountName: late\n"
	    "metadata:\n"
	    "  name: s\n"
	    "kind: StatefulSet\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_int_eq(obj(0)->kind, K8S_STATEFULSET);
	ck_assert_str_eq(obj(0)->more->sa_name, "late");
	ck_loc(obj(0)->loc, 1, 1);
	ck_loc(obj(0)->kind_loc, 7, 1);
}
END_TEST

START_TEST(json_manifest_positions)
{
	struct k8s_obj	*o;

	load("{\n"
	    "  \"apiVersion\": \"v1\",\n"
	    "  \"kind\": \"ServiceAccount\",\n"
	    "  \"metadata\": {\n"
	    "    \"name\": \"app\",\n"
	    "    \"namespace\": null,\n"
	    "    \"annotations\": {\n"
	    "      \"eks.amazonaws.com/role-arn\": \"arn:x\"\n"
	    "    }\n"
	    "  }\n"
	    "}\n");
	ck_assert_uint_eq(dg.n, 0);
	o = obj(0);
	ck_loc(o->loc, 2, 3);
	ck_loc(o->kind_loc, 3, 3);
	ck_assert_str_eq(o->name, "app");
	ck_span(o->name_loc, 5, 13, 5, 18);
	ck_assert_ptr_null(o->ns);
	ck_assert_uint_eq(o->nannotations, 1);
	ck_loc(o->annotations[0].key_loc, 8, 7);
	ck_assert_str_eq(o->annotations[0].value, "arn:x");
	ck_span(o->annotations[0].value_loc, 8, 37, 8, 44);
}
END_TEST

START_TEST(parse_error_keeps_earlier_document)
{
	load("kind: ServiceAccount\n"
	    "metadata: {name: ok}\n"
	    "---\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: bad: value\n"
	    "---\n"
	    "kind: Pod\n");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_str_eq(obj(0)->name, "ok");
	ck_assert_uint_eq(dg.n, 1);
	ck_assert_uint_eq(dg.nerrors, 1);
	ck_error(0, 6, 12, "cannot parse YAML: "
	    "mapping values are not allowed in this context");
}
END_TEST

START_TEST(parse_error_with_context)
{
	load("kind: Pod\n"
	    "metadata: {name: \"open\n");
	ck_assert_uint_eq(m.objs.n, 0);
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 3, 1, "cannot parse YAML: found unexpected end of "
	    "stream while scanning a quoted scalar");
}
END_TEST

START_TEST(invalid_utf8_keeps_earlier_document)
{
	load("kind: ServiceAccount\n"
	    "---\n"
	    "kind: Pod\n"
	    "metadata: {name: \xff}\n");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_int_eq(obj(0)->kind, K8S_SERVICEACCOUNT);
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 4, 18, "cannot parse YAML: invalid leading UTF-8 octet");
}
END_TEST

START_TEST(annotations_not_a_mapping)
{
	load("kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: a\n"
	    "  annotations: [x]\n");
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 4, 16,
	    "metadata.annotations: expected a mapping, found a sequence");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_str_eq(obj(0)->name, "a");
	ck_assert_uint_eq(obj(0)->nannotations, 0);
}
END_TEST

START_TEST(kind_not_a_scalar)
{
	load("kind: {a: b}\n"
	    "metadata: {name: a}\n"
	    "---\n"
	    "kind: Pod\n");
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 1, 7, "kind: expected a scalar, found a mapping");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_int_eq(obj(0)->kind, K8S_POD);
}
END_TEST

START_TEST(metadata_not_a_mapping)
{
	load("kind: ServiceAccount\n"
	    "metadata: app\n");
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 2, 11, "metadata: expected a mapping, found a scalar");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_ptr_null(obj(0)->name);
}
END_TEST

START_TEST(annotation_value_not_a_scalar)
{
	load("kind: ServiceAccount\n"
	    "metadata:\n"
	    "  annotations:\n"
	    "    eks.amazonaws.com/role-arn: [a, b]\n"
	    "    [k]: v\n"
	    "    irsalint.io/ok: yes\n");
	ck_assert_uint_eq(dg.n, 2);
	ck_error(0, 4, 33, "metadata.annotations.eks.amazonaws.com/role-arn: "
	    "expected a scalar value, found a sequence");
	ck_error(1, 5, 5,
	    "metadata.annotations: expected a scalar key, found a sequence");
	ck_assert_uint_eq(obj(0)->nannotations, 1);
	ck_assert_str_eq(obj(0)->annotations[0].key, "irsalint.io/ok");
	ck_assert_str_eq(obj(0)->annotations[0].value, "yes");
}
END_TEST

START_TEST(service_account_name_not_a_scalar)
{
	load("kind: Deployment\n"
	    "spec:\n"
	    "  template:\n"
	    "    spec:\n"
	    "      serviceAccountName: {a: b}\n"
	    "---\n"
	    "kind: Job\n"
	    "spec: {template: 3}\n");
	ck_assert_uint_eq(dg.n, 2);
	ck_error(0, 5, 27, "spec.template.spec.serviceAccountName: "
	    "expected a scalar, found a mapping");
	ck_error(1, 8, 18, "spec.template: expected a mapping, found a scalar");
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_ptr_null(obj(0)->more->sa_name);
}
END_TEST

START_TEST(pod_spec_shape_ignored_for_other_kinds)
{
	load("kind: Widget\n"
	    "spec: 3\n"
	    "---\n"
	    "kind: Pod\n"
	    "spec:\n"
	    "  template: 3\n"
	    "  serviceAccountName: p\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_str_eq(obj(1)->more->sa_name, "p");
}
END_TEST

START_TEST(shape_error_keeps_loading)
{
	load("kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: [a]\n"
	    "  namespace: ns\n"
	    "  annotations: {k: v}\n"
	    "---\n"
	    "kind: ServiceAccount\n"
	    "metadata: {name: b}\n");
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 3, 9, "metadata.name: expected a scalar, found a sequence");
	ck_assert_uint_eq(m.objs.n, 2);
	ck_assert_ptr_null(obj(0)->name);
	ck_assert_str_eq(obj(0)->ns, "ns");
	ck_assert_uint_eq(obj(0)->nannotations, 1);
	ck_assert_str_eq(obj(1)->name, "b");
}
END_TEST

START_TEST(nesting_too_deep_stops)
{
	char	*s;
	size_t	 i, n = 300, len;

	/* A kept document, then spec: [[[...]]] 300 levels deep. */
	len = strlen("kind: A\n---\nkind: B\nspec: ") + 2 * n + 2;
	s = calloc(1, len);
	ck_assert_ptr_nonnull(s);
	strcpy(s, "kind: A\n---\nkind: B\nspec: ");
	for (i = 0; i < n; i++)
		strcat(s, "[");
	for (i = 0; i < n; i++)
		strcat(s, "]");
	strcat(s, "\n");
	load(s);
	free(s);
	ck_assert_uint_eq(dg.n, 1);
	/* The root mapping is level 1, so bracket 256 is level 257. */
	ck_error(0, 4, 7 + 255, "nesting deeper than 256 levels");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_str_eq(obj(0)->kind_name, "A");
}
END_TEST

START_TEST(alias_at_annotations_resolved)
{
	load("x: &ann {k: v}\n"
	    "---\n"
	    "base: &b {k: v}\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  annotations: *b\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_uint_eq(obj(0)->nannotations, 1);
	ck_assert_str_eq(obj(0)->annotations[0].key, "k");
	/* Positions are those of the text the alias names. */
	ck_span(obj(0)->annotations[0].key_loc, 3, 11, 3, 12);
}
END_TEST

START_TEST(alias_in_read_places_resolved)
{
	load("kind: Pod\n"
	    "x: &n web\n"
	    "metadata:\n"
	    "  name: *n\n"
	    "  annotations:\n"
	    "    eks.amazonaws.com/role: *n\n"
	    "spec:\n"
	    "  serviceAccountName: *n\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->name, "web");
	/* A node's mark includes its anchor. */
	ck_loc(obj(0)->name_loc, 2, 4);
	ck_assert_str_eq(obj(0)->annotations[0].value, "web");
	ck_assert_str_eq(obj(0)->more->sa_name, "web");
}
END_TEST

START_TEST(alias_metadata_of_service_account)
{
	load("x: &m\n"
	    "  name: app\n"
	    "  namespace: prod\n"
	    "  annotations: &a\n"
	    "    eks.amazonaws.com/role-arn: arn:aws:iam::111122223333:role/r\n"
	    "kind: ServiceAccount\n"
	    "metadata: *m\n"
	    "---\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  <<: *m\n"
	    "  name: other\n");
	/* Anchors are per document: *m in the second is undefined. */
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_str_eq(obj(0)->name, "app");
	ck_assert_str_eq(obj(0)->ns, "prod");
	ck_assert_uint_eq(obj(0)->nannotations, 1);
	ck_assert_uint_eq(dg.n, 1);
	ck_error(0, 11, 7, "alias *m names no anchor before it");
}
END_TEST

START_TEST(merge_key_applied_in_order)
{
	load("base: &b {name: base, namespace: ns1}\n"
	    "kind: ServiceAccount\n"
	    "metadata:\n"
	    "  <<: *b\n"
	    "  name: app\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->name, "app");
	ck_assert_str_eq(obj(0)->ns, "ns1");
	ck_assert_uint_eq(obj(0)->more->ndups, 0);
}
END_TEST

START_TEST(billion_laughs_rejected)
{
	static const char	*lines[] = {
		"a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]\n",
		"b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n",
		"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
		"d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
		"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n",
		"f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n",
		"g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n",
		"h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\n",
		"i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n",
		"kind: ServiceAccount\n",
		"metadata: {name: *i}\n",
	};
	char	 buf[2048] = "";
	size_t	 i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		strcat(buf, lines[i]);
	load(buf);
	ck_assert_uint_eq(m.objs.n, 0);
	ck_assert_uint_eq(dg.n, 1);
	ck_assert_ptr_null(dg.v[0]->rule);
	ck_assert_uint_eq(dg.v[0]->loc.line, 6);
	ck_assert_ptr_nonnull(strstr(dg.v[0]->msg, "aliases expand to more "
	    "than"));
}
END_TEST

START_TEST(duplicate_keys_last_wins)
{
	load("kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: a\n"
	    "  namespace: one\n"
	    "  namespace: two\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->ns, "two");
	ck_assert_uint_eq(obj(0)->more->ndups, 1);
	ck_assert_str_eq(obj(0)->more->dups[0].path, "metadata.namespace");
	ck_loc(obj(0)->more->dups[0].loc, 5, 3);
	ck_loc(obj(0)->more->dups[0].first, 4, 3);
}
END_TEST

START_TEST(helm_source_comments)
{
	load("---\n"
	    "# Source: chart/templates/sa.yaml\n"
	    "kind: ServiceAccount\n"
	    "metadata: {name: a}\n"
	    "---\n"
	    "kind: ServiceAccount\n"
	    "metadata: {name: b}\n"
	    "---\r\n"
	    "# Source: chart/templates/deploy.yaml\r\n"
	    "kind: Deployment\r\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 3);
	ck_assert_str_eq(obj(0)->source, "chart/templates/sa.yaml");
	ck_span(obj(0)->source_loc, 2, 1, 2, 34);
	ck_assert_ptr_null(obj(1)->source);
	ck_assert_str_eq(obj(2)->source, "chart/templates/deploy.yaml");
}
END_TEST

START_TEST(utf16_input)
{
	static const char	 utf8[] = "kind: ServiceAccount\n"
	    "metadata:\n  name: app\n";
	char			 buf[256];
	size_t			 i, n = 0;

	buf[n++] = (char)0xff;
	buf[n++] = (char)0xfe;
	for (i = 0; i < sizeof(utf8) - 1; i++) {
		buf[n++] = utf8[i];
		buf[n++] = 0;
	}
	load_n(buf, n);
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->name, "app");
	ck_span(obj(0)->name_loc, 3, 9, 3, 12);
}
END_TEST

START_TEST(containers_env_and_template)
{
	load("kind: Deployment\n"
	    "metadata: {name: web, annotaions: {}}\n"
	    "spec:\n"
	    "  template:\n"
	    "    metadata:\n"
	    "      annotations: {eks.amazonaws.com/skip-containers: a}\n"
	    "      labls: {}\n"
	    "    spec:\n"
	    "      initContainers: [{name: init}]\n"
	    "      containers:\n"
	    "      - name: app\n"
	    "        env:\n"
	    "        - {name: AWS_ROLE_ARN, value: x}\n"
	    "        - name: K\n"
	    "          valueFrom: {secretKeyRef: {name: s, key: k}}\n"
	    "        envFrom:\n"
	    "        - {secretRef: {name: creds}, prefix: P_}\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(obj(0)->more->ncontainers, 2);
	ck_assert_str_eq(obj(0)->more->containers[0].name, "init");
	ck_assert_int_eq(obj(0)->more->containers[0].init, 1);
	ck_assert_str_eq(obj(0)->more->containers[1].name, "app");
	ck_assert_uint_eq(obj(0)->more->containers[1].nenv, 2);
	ck_assert_str_eq(obj(0)->more->containers[1].env[0].value, "x");
	ck_loc(obj(0)->more->containers[1].env[0].loc, 13, 18);
	ck_assert_int_eq(obj(0)->more->containers[1].env[1].value_from, 1);
	ck_assert_uint_eq(obj(0)->more->containers[1].nenv_from, 1);
	ck_assert_str_eq(obj(0)->more->containers[1].env_from[0].name, "creds");
	ck_assert_str_eq(obj(0)->more->containers[1].env_from[0].prefix, "P_");
	ck_assert_uint_eq(obj(0)->more->ntmpl_annotations, 1);
	ck_assert_uint_eq(obj(0)->more->nstray, 2);
	ck_assert_str_eq(obj(0)->more->stray[0].key, "annotaions");
	ck_assert_int_eq(obj(0)->more->stray[0].where, K8S_AT_META);
	ck_assert_str_eq(obj(0)->more->stray[1].key, "labls");
	ck_assert_int_eq(obj(0)->more->stray[1].where, K8S_AT_TEMPLATE_META);
}
END_TEST

START_TEST(eksctl_service_accounts)
{
	const struct pcond	*c;

	load("apiVersion: eksctl.io/v1alpha5\n"
	    "kind: ClusterConfig\n"
	    "metadata: {name: c1}\n"
	    "iam:\n"
	    "  withOIDC: true\n"
	    "  serviceAccounts:\n"
	    "  - metadata: {name: a, namespace: ns}\n"
	    "    attachRoleARN: arn:aws:iam::111122223333:role/r\n"
	    "  - metadata: {name: b}\n"
	    "    attachPolicyARNs: [arn:aws:iam::aws:policy/P]\n"
	    "  - metadata: {name: c}\n"
	    "    roleOnly: yes\n"
	    "    roleName: c-role\n"
	    "    subjectPattern: c-*\n"
	    "    wellKnownPolicies: {autoScaler: true}\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 3);
	ck_assert_int_eq(obj(1)->kind, K8S_SERVICEACCOUNT);
	ck_assert_str_eq(obj(1)->name, "a");
	ck_assert_str_eq(obj(1)->ns, "ns");
	ck_assert_str_eq(obj(1)->more->origin, "eksctl ClusterConfig c1");
	ck_assert_str_eq(k8s_obj_annotation(obj(1),
	    "eks.amazonaws.com/role-arn")->value,
	    "arn:aws:iam::111122223333:role/r");
	ck_loc(obj(1)->annotations[0].key_loc, 8, 5);
	ck_assert_int_eq(obj(1)->more->role_pending, 0);
	ck_assert_ptr_null(obj(1)->more->role_ref);
	ck_assert_str_eq(obj(2)->name, "b");
	ck_assert_str_eq(obj(2)->ns, "default");
	ck_assert_int_eq(obj(2)->more->role_pending, 1);
	/* attachRoleARN's stand-in, b's role, c's: no ServiceAccount. */
	ck_assert_uint_eq(m.roles.n, 3);
	ck_assert_str_eq(m.roles.v[0]->arn, "arn:aws:iam::111122223333:role/r");
	ck_assert_ptr_nonnull(m.roles.v[0]->trust_elsewhere);
	ck_assert_int_eq(m.roles.v[0]->policies_unknown, 1);
	ck_assert_str_eq(obj(2)->more->role_ref, m.roles.v[1]->address);
	ck_assert_str_eq(m.roles.v[1]->address,
	    "eksctl ClusterConfig c1 iam.serviceAccounts[1]");
	ck_assert_ptr_null(m.roles.v[1]->name);
	ck_assert_int_eq(m.roles.v[1]->name_unknown, 1);
	ck_assert_int_eq(m.roles.v[1]->has_policies, 1);
	ck_loc(obj(2)->more->role_field.key_loc, 9, 22);
	c = &m.roles.v[1]->trust->st[0].conds[0];
	ck_assert_int_eq(c->base, COND_STRING_EQUALS);
	ck_assert_ptr_null(c->key);
	ck_assert_str_eq(c->key_end, ":sub");
	ck_assert_str_eq(c->values.v[0], "system:serviceaccount:default:b");
	ck_assert_ptr_null(m.roles.v[1]->trust->st[0].federated.v[0]);
	ck_assert_str_eq(m.roles.v[2]->name, "c-role");
	ck_assert_int_eq(m.roles.v[2]->role_only, 1);
	ck_loc(m.roles.v[2]->role_only_loc, 12, 15);
	c = &m.roles.v[2]->trust->st[0].conds[0];
	ck_assert_int_eq(c->base, COND_STRING_LIKE);
	ck_assert_str_eq(c->values.v[0], "system:serviceaccount:default:c-*");
	ck_assert_str_eq(m.roles.v[2]->trust->st[0].conds[1].values.v[0],
	    "sts.amazonaws.com");
	ck_assert_uint_eq(m.providers.n, 1);
	ck_assert_ptr_null(m.providers.v[0]->url);
	ck_assert_str_eq(m.providers.v[0]->client_ids[0], "sts.amazonaws.com");
}
END_TEST

/* What eksctl refuses is an error at the field, and makes nothing. */
START_TEST(eksctl_refused)
{
	load("apiVersion: eksctl.io/v1alpha5\n"
	    "kind: ClusterConfig\n"
	    "metadata: {name: c1}\n"
	    "iam:\n"
	    "  withOIDC: \"true\"\n"
	    "  serviceAccounts:\n"
	    "  - metadata: {namespace: ns}\n"
	    "    attachPolicyARNs: [p]\n"
	    "  - metadata: {name: b}\n"
	    "  - metadata: {name: c}\n"
	    "    attachRoleARN: arn:aws:iam::111122223333:role/r\n"
	    "    roleOnly: true\n"
	    "  - just a scalar\n"
	    "  podIdentityAssociations:\n"
	    "  - {serviceAccountName: x, roleARN: r}\n"
	    "addons: {name: vpc-cni}\n");
	ck_assert_uint_eq(dg.n, 7);
	ck_error(0, 5, 13, "iam.withOIDC: expected true or false, found "
	    "\"true\"");
	ck_error(1, 7, 15, "iam.serviceAccounts[0].metadata.name: missing; "
	    "eksctl needs the ServiceAccount's name");
	ck_error(2, 9, 5, "iam.serviceAccounts[1]: none of attachPolicyARNs, "
	    "attachPolicy, wellKnownPolicies and attachRoleARN is set; eksctl "
	    "needs one of them");
	ck_error(3, 11, 20, "iam.serviceAccounts[2].attachRoleARN: eksctl "
	    "refuses roleName and roleOnly with an existing role: remove "
	    "them, or attachRoleARN");
	ck_error(4, 13, 5, "iam.serviceAccounts[3]: expected a mapping, found "
	    "a scalar");
	ck_error(5, 15, 5, "iam.podIdentityAssociations[0].namespace: "
	    "missing; eksctl needs the namespace and serviceAccountName of an "
	    "association");
	ck_error(6, 16, 9, "addons: expected a sequence, found a mapping");
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_uint_eq(m.roles.n, 0);
	ck_assert_uint_eq(m.providers.n, 0);
	ck_assert_uint_eq(m.pod_identities.n, 0);
}
END_TEST

START_TEST(alias_elsewhere_skipped)
{
	load("kind: Deployment\n"
	    "labels: &l {app: web}\n"
	    "metadata: {name: web, labels: *l}\n"
	    "spec:\n"
	    "  selector: {matchLabels: *l}\n"
	    "  serviceAccountName: *l\n"
	    "  template: {spec: {serviceAccountName: sa}}\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->more->sa_name, "sa");
}
END_TEST

START_TEST(document_without_kind_ignored)
{
	load("replicaCount: 2\n"
	    "metadata: {name: values}\n"
	    "serviceAccount:\n"
	    "  annotations: {eks.amazonaws.com/role-arn: x}\n"
	    "---\n"
	    "- a list\n"
	    "---\n"
	    "just a scalar\n"
	    "---\n"
	    "---\n"
	    "kind: ServiceAccount\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 1);
	ck_assert_int_eq(obj(0)->kind, K8S_SERVICEACCOUNT);
	ck_loc(obj(0)->loc, 11, 1);
}
END_TEST

START_TEST(empty_input_no_objects)
{
	load_n("", 0);
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.objs.n, 0);
}
END_TEST

/*
 * An ACK Role's trust in a double-quoted scalar, with pad lines of 300
 * blanks inside, which YAML folds away: a short string but long text.
 * Its principal and conditions are placed inside the string while the
 * scalar's text is kept (KL_KEEP); text longer than that keeps the
 * string's own place, which is where findings then point.  It loads
 * without an error into one role with a parsed trust, returned.
 */
static const struct iam_role *
load_ack_trust(size_t pad)
{
	static const char head[] =
	    "apiVersion: iam.services.k8s.aws/v1alpha1\n"
	    "kind: Role\n"
	    "metadata:\n"
	    "  name: r\n"
	    "spec:\n"
	    "  name: r\n"
	    "  assumeRolePolicyDocument: \"{\\\"Version\\\": \\\"2012-10-17\\\","
	    " \\\"Statement\\\": [{\n";
	static const char tail[] =
	    "    \\\"Effect\\\": \\\"Allow\\\",\n"
	    "    \\\"Principal\\\": {\\\"Federated\\\": \\\"arn:aws:iam::"
	    "111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/"
	    "ABC\\\"},\n"
	    "    \\\"Action\\\": \\\"sts:AssumeRoleWithWebIdentity\\\"}]}\"\n";
	struct buf	 b = BUF_INIT;
	size_t		 i, len;
	char		*text;

	buf_addf(&b, "%s", head);
	for (i = 0; i < pad; i++)
		buf_addf(&b, "%300s\n", "");
	buf_addf(&b, "%s", tail);
	text = buf_detach(&b, &len);
	load_n(text, len);
	free(text);
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(m.roles.n, 1);
	ck_assert_ptr_nonnull(m.roles.v[0]->trust);
	return m.roles.v[0];
}

START_TEST(trust_placed_inside_its_string_while_kept)
{
	const struct iam_role	*r = load_ack_trust(10);

	ck_assert_uint_gt(r->norigins, 0);
	/* The principal's line: 7 lines of head, 10 of pad, the Effect. */
	ck_assert_uint_eq(r->origins[0].line, 19);
}
END_TEST

START_TEST(trust_longer_than_kept_keeps_its_place)
{
	/*
	 * 1,000 lines of 301 bytes, some 294 KiB of text: past what the
	 * window can hold, twice KL_KEEP and a block.
	 */
	ck_assert_uint_eq(load_ack_trust(1000)->norigins, 0);
}
END_TEST

START_TEST(crlf_line_endings)
{
	load("kind: ServiceAccount\r\n"
	    "metadata:\r\n"
	    "  name: app\r\n"
	    "  annotations:\r\n"
	    "    eks.amazonaws.com/k: v\r\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->name, "app");
	ck_span(obj(0)->name_loc, 3, 9, 3, 12);
	ck_assert_str_eq(obj(0)->annotations[0].value, "v");
	ck_span(obj(0)->annotations[0].value_loc, 5, 26, 5, 27);
}
END_TEST

/*
 * The value of an annotation nothing reads is not kept (a copy of the
 * object in last-applied-configuration, say); its key and places are.
 */
START_TEST(unread_annotation_values_are_dropped)
{
	load("kind: ServiceAccount\n"
	    "metadata:\n"
	    "  name: app\n"
	    "  annotations:\n"
	    "    kubectl.kubernetes.io/last-applied-configuration: '{}'\n"
	    "    eks.amazonaws.com/role-arn: arn:x\n"
	    "    irsalint.io/ignore: irsa-inputs-no-roles\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(obj(0)->nannotations, 3);
	ck_assert_str_eq(obj(0)->annotations[0].key,
	    "kubectl.kubernetes.io/last-applied-configuration");
	ck_assert_str_eq(obj(0)->annotations[0].value, "");
	ck_span(obj(0)->annotations[0].value_loc, 5, 55, 5, 59);
	ck_assert_str_eq(obj(0)->annotations[1].value, "arn:x");
	ck_assert_str_eq(obj(0)->annotations[2].value,
	    "irsa-inputs-no-roles");
}
END_TEST

START_TEST(utf8_bom)
{
	load("\xef\xbb\xbf" "kind: ServiceAccount\n"
	    "metadata: {name: app}\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_str_eq(obj(0)->kind_name, "ServiceAccount");
	ck_loc(obj(0)->loc, 1, 1);
	ck_loc(obj(0)->name_loc, 2, 18);
}
END_TEST

START_TEST(empty_namespace_unset_and_tags_kept)
{
	load("kind: !!str ServiceAccount\n"
	    "metadata:\n"
	    "  name: !!str 007\n"
	    "  namespace:\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_int_eq(obj(0)->kind, K8S_SERVICEACCOUNT);
	ck_assert_str_eq(obj(0)->name, "007");
	ck_assert_ptr_null(obj(0)->ns);
}
END_TEST

START_TEST(long_scalar_is_bounded)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	buf_adds(&b, "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n"
	    "  name: ");
	for (i = 0; i < LOAD_MAX_SCALAR + 10; i++)
		buf_addc(&b, 'a');
	buf_adds(&b, "\n");
	load_n(b.buf, b.len);
	ck_error(0, 4, 9, "value longer than 1024 KiB; only its start is "
	    "kept");
	ck_assert_uint_eq(strlen(obj(0)->name), LOAD_MAX_SCALAR);
	buf_release(&b);
}
END_TEST

START_TEST(document_count_is_bounded)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	for (i = 0; i < LOAD_MAX_DOCUMENTS + 2; i++)
		buf_adds(&b, "---\n");
	load_n(b.buf, b.len);
	ck_error(0, LOAD_MAX_DOCUMENTS + 2, 1, "more than 1000000 documents; "
	    "the rest of the file is not read");
	buf_release(&b);
}
END_TEST

START_TEST(null_annotations_are_none)
{
	load("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n"
	    "  annotations:\n  labels: ~\n");
	ck_assert_uint_eq(dg.n, 0);
	ck_assert_uint_eq(obj(0)->nannotations, 0);
}
END_TEST

/* The language server's buffers: the overlay, not the disk, is read. */
static const char *
overlay_sa(void *arg, const char *path, size_t *len)
{
	const char	*text = arg;

	if (strcmp(path, "testdata/examples/article/correct/"
	    "serviceaccount.yaml") != 0)
		return NULL;
	*len = strlen(text);
	return text;
}

START_TEST(overlay_replaces_the_file_on_disk)
{
	struct load_opts	 lo;
	size_t			 i, n = 0;

	memset(&lo, 0, sizeof(lo));
	lo.overlay = overlay_sa;
	lo.overlay_arg = (void *)"apiVersion: v1\nkind: ServiceAccount\n"
	    "metadata:\n  name: from-the-buffer\n  namespace: buf\n";
	m.load_opts = &lo;
	ck_assert_uint_eq(load_path(&m, &dg,
	    "testdata/examples/article/correct"), 2);
	ck_assert_uint_eq(dg.n, 0);
	for (i = 0; i < m.objs.n; i++)
		if (m.objs.v[i]->kind == K8S_SERVICEACCOUNT) {
			ck_assert_str_eq(m.objs.v[i]->name, "from-the-buffer");
			ck_assert_uint_eq(m.objs.v[i]->ns_loc.line, 5);
			n++;
		}
	ck_assert_uint_eq(n, 1);
}
END_TEST

/* An empty buffer is an empty file, not the disk's. */
START_TEST(overlay_empty_buffer_is_an_empty_file)
{
	struct load_opts	 lo;

	memset(&lo, 0, sizeof(lo));
	lo.overlay = overlay_sa;
	lo.overlay_arg = (void *)"";
	m.load_opts = &lo;
	ck_assert_uint_eq(load_path(&m, &dg, "testdata/examples/article/"
	    "correct/serviceaccount.yaml"), 0);
	ck_assert_uint_eq(dg.n, 1);
	ck_assert_str_eq(dg.v[0]->msg, "the file is empty: nothing to lint");
	ck_assert_uint_eq(m.objs.n, 0);
}
END_TEST

Suite *
load_k8s_suite(void)
{
	Suite	*s = suite_create("load_k8s");
	TCase	*tc = tcase_create("load_k8s");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, service_account_annotation_positions);
	tcase_add_test(tc, multi_document_dashes_and_dots);
	tcase_add_test(tc, list_items_are_objects);
	tcase_add_test(tc, list_kind_after_items);
	tcase_add_test(tc, items_of_non_list_are_not_objects);
	tcase_add_test(tc, deployment_sa_from_pod_template);
	tcase_add_test(tc, deployment_spec_sa_at_wrong_level_not_taken);
	tcase_add_test(tc, cronjob_sa_from_job_template);
	tcase_add_test(tc, pod_sa_from_spec);
	tcase_add_test(tc, pod_deprecated_service_account_ignored);
	tcase_add_test(tc, kind_after_spec);
	tcase_add_test(tc, json_manifest_positions);
	tcase_add_test(tc, parse_error_keeps_earlier_document);
	tcase_add_test(tc, split_points_are_document_markers);
	tcase_add_test(tc, split_points_of_long_streams);
	tcase_add_test(tc, parse_error_with_context);
	tcase_add_test(tc, invalid_utf8_keeps_earlier_document);
	tcase_add_test(tc, annotations_not_a_mapping);
	tcase_add_test(tc, kind_not_a_scalar);
	tcase_add_test(tc, metadata_not_a_mapping);
	tcase_add_test(tc, annotation_value_not_a_scalar);
	tcase_add_test(tc, service_account_name_not_a_scalar);
	tcase_add_test(tc, pod_spec_shape_ignored_for_other_kinds);
	tcase_add_test(tc, shape_error_keeps_loading);
	tcase_add_test(tc, nesting_too_deep_stops);
	tcase_add_test(tc, alias_at_annotations_resolved);
	tcase_add_test(tc, alias_in_read_places_resolved);
	tcase_add_test(tc, alias_metadata_of_service_account);
	tcase_add_test(tc, merge_key_applied_in_order);
	tcase_add_test(tc, billion_laughs_rejected);
	tcase_add_test(tc, duplicate_keys_last_wins);
	tcase_add_test(tc, helm_source_comments);
	tcase_add_test(tc, utf16_input);
	tcase_add_test(tc, containers_env_and_template);
	tcase_add_test(tc, eksctl_service_accounts);
	tcase_add_test(tc, eksctl_refused);
	tcase_add_test(tc, alias_elsewhere_skipped);
	tcase_add_test(tc, document_without_kind_ignored);
	tcase_add_test(tc, empty_input_no_objects);
	tcase_add_test(tc, crlf_line_endings);
	tcase_add_test(tc, trust_placed_inside_its_string_while_kept);
	tcase_add_test(tc, trust_longer_than_kept_keeps_its_place);
	tcase_add_test(tc, unread_annotation_values_are_dropped);
	tcase_add_test(tc, utf8_bom);
	tcase_add_test(tc, overlay_replaces_the_file_on_disk);
	tcase_add_test(tc, overlay_empty_buffer_is_an_empty_file);
	tcase_add_test(tc, empty_namespace_unset_and_tags_kept);
	tcase_add_test(tc, long_scalar_is_bounded);
	tcase_add_test(tc, document_count_is_bounded);
	tcase_add_test(tc, null_annotations_are_none);
	suite_add_tcase(s, tc);
	return s;
}
