/* SPDX-License-Identifier: ISC */
/*
 * AWS CLI JSON loader: what is deployed, as `aws iam get-role`,
 * `list-roles`, `get-open-id-connect-provider`,
 * `list-open-id-connect-providers`, `aws eks describe-cluster`,
 * `list-pod-identity-associations` and
 * `describe-pod-identity-association` print it.  ARNs are real here, so
 * roles are bound by ARN and account checks are exact.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "input.h"
#include "load.h"
#include "model.h"
#include "policy.h"
#include "util.h"
#include "xalloc.h"
#include "xjson.h"

/*
 * The output is parsed with cJSON, not with the input layer's JSON
 * backend, whose messages and grammar differ: this loader reports bad
 * JSON as cJSON finds it (an unterminated string where its text
 * starts), accepts what the strict scanner refuses (text after the
 * value, a byte order mark, control characters within strings), and
 * reads a trust policy object as policy_parse() would read the text
 * cJSON prints of it (policy_from_json()).
 * XXX Moving to the layer would change those messages; positions of
 * objects already come from it (input_pos_at()).
 */

struct aws_ctx {
	struct model	*m;
	struct diags	*dg;
	const char	*file;
	const char	*data;
	size_t		 len;
	size_t		 cursor;	/* where to look for the next ARN */
	struct input_pos pos;		/* of the last object placed */
};

static const char	*aws_str(struct aws_ctx *, const cJSON *,
			    const char *);
static struct loc	 aws_locate(struct aws_ctx *, const char *);
static const char	*aws_url_decode(struct aws_ctx *, const char *);
static void		 aws_role(struct aws_ctx *, const cJSON *);
static void		 aws_trust(struct aws_ctx *, struct iam_role *,
			    const cJSON *);
static struct oidc_provider *aws_provider_for(struct aws_ctx *,
			    const char *);
static void		 aws_provider(struct aws_ctx *, const cJSON *);
static void		 aws_provider_arn(struct aws_ctx *, const cJSON *);
static void		 aws_cluster(struct aws_ctx *, const cJSON *);
static void		 aws_pod_identity(struct aws_ctx *, const cJSON *);

static const char *
aws_str(struct aws_ctx *c, const cJSON *obj, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsString(v) || v->valuestring == NULL)
		return NULL;
	return arena_strdup(c->m->arena, v->valuestring);
}

/*
 * cJSON keeps no positions.  An object of the output is placed where
 * its ARN (or name), quoted, next occurs in the text, searching on from
 * the previous object, so that each of a list-roles page gets its own
 * line.  When the text is not found the file as a whole is named.
 */
static struct loc
aws_locate(struct aws_ctx *c, const char *s)
{
	struct loc	 loc = { c->file, 0, 0, 0, 0 };
	const char	*q;
	char		 small[256], *quoted;
	size_t		 n, i;

	if (s == NULL || c->cursor > c->len)
		return loc;
	n = strlen(s);
	quoted = n + 2 <= sizeof(small) ? small : xmalloc(n + 2);
	quoted[0] = quoted[n + 1] = '"';
	memcpy(quoted + 1, s, n);
	if ((q = mem_find_long(c->data + c->cursor, c->len - c->cursor,
	    quoted, n + 2)) != NULL) {
		i = (size_t)(q - c->data);
		/* Objects are found in file order: count on. */
		loc = input_pos_at(&c->pos, i);
		c->cursor = i + n + 2;
	}
	if (quoted != small)
		free(quoted);
	return loc;
}

/* The IAM API returns policy documents URL-encoded; the CLI decodes. */
static const char *
aws_url_decode(struct aws_ctx *c, const char *s)
{
	struct buf	 b = BUF_INIT;
	const char	*out;
	unsigned int	 x;

	for (; *s != '\0'; s++) {
		if (*s == '%' && isxdigit((unsigned char)s[1]) &&
		    isxdigit((unsigned char)s[2]) &&
		    sscanf(s + 1, "%2x", &x) == 1) {
			buf_addc(&b, (char)x);
			s += 2;
		} else
			buf_addc(&b, *s == '+' ? ' ' : *s);
	}
	out = arena_strdup(c->m->arena, b.buf);
	buf_release(&b);
	return out;
}

/*
 * At least the length of cJSON_PrintUnformatted(n), or more than max:
 * each string as if every byte were a \u escape, each number as long
 * as any cJSON prints.  cJSON's nesting limit bounds the recursion.
 */
static size_t
aws_print_bound(const cJSON *n, size_t max)
{
	const cJSON	*c;
	size_t		 len = 0;

	if (n->string != NULL)
		len += 6 * strlen(n->string) + 3;
	if (cJSON_IsString(n))
		len += 6 * strlen(n->valuestring) + 2;
	else if (cJSON_IsRaw(n))
		len += strlen(n->valuestring);
	else if (cJSON_IsNumber(n))
		len += 64;
	else if (cJSON_IsArray(n) || cJSON_IsObject(n)) {
		len += 2;
		for (c = n->child; c != NULL && len <= max; c = c->next)
			len += aws_print_bound(c, max) + 1;
	} else
		len += 5;
	return len;
}

/*
 * AssumeRolePolicyDocument: an object as the CLI prints it, or the
 * API's URL-encoded string.  An object is read from its tree, and has
 * no text: its size is the text cJSON would print, which is printed
 * only when the bound says it may be too large.
 */
static void
aws_trust(struct aws_ctx *c, struct iam_role *role, const cJSON *doc)
{
	char	*text, err[256];
	size_t	 len;
	int	 rc;

	if (cJSON_IsObject(doc)) {
		if ((len = aws_print_bound(doc, POLICY_MAX_SIZE)) >
		    POLICY_MAX_SIZE) {
			if ((text = cJSON_PrintUnformatted(doc)) == NULL)
				return;
			len = strlen(text);
			cJSON_free(text);
		}
		rc = policy_from_json(c->m->arena, doc, len, &role->trust,
		    err, sizeof(err));
	} else if (cJSON_IsString(doc)) {
		role->policy_json = strncmp(doc->valuestring, "%7B", 3) == 0 ?
		    aws_url_decode(c, doc->valuestring) :
		    arena_strdup(c->m->arena, doc->valuestring);
		rc = policy_parse(c->m->arena, role->policy_json,
		    strlen(role->policy_json), &role->trust, err, sizeof(err));
	} else {
		/* list-roles pages without documents: nothing to check. */
		if (doc != NULL)
			diag_error(c->dg, &role->loc, "%s: "
			    "AssumeRolePolicyDocument is not a policy document",
			    role->address);
		role->policy_unknown = 1;
		return;
	}
	if (rc == -1) {
		role->trust = NULL;
		role->trust_error = arena_strdup(c->m->arena, err);
		diag_error(c->dg, &role->loc, "%s: AssumeRolePolicyDocument "
		    "is not a valid policy: %s", role->address, err);
	}
}

/*
 * One role of get-role or list-roles.  Its attached policies are not
 * part of this output, so irsa-role-no-permissions stays quiet.
 */
static void
aws_role(struct aws_ctx *c, const cJSON *j)
{
	struct iam_role	*role;
	const char	*path;

	if (!cJSON_IsObject(j)) {
		struct loc loc = { c->file, 0, 0, 0, 0 };

		diag_error(c->dg, &loc, "AWS CLI output: a role that is not "
		    "an object");
		return;
	}
	role = model_add_role(c->m, SRC_AWS_CLI);
	role->name = aws_str(c, j, "RoleName");
	role->arn = aws_str(c, j, "Arn");
	if ((path = aws_str(c, j, "Path")) != NULL)
		role->path = path;
	role->address = role->arn != NULL ? role->arn : role->name != NULL ?
	    role->name : "(a role without Arn or RoleName)";
	role->loc = aws_locate(c, role->arn != NULL ? role->arn : role->name);
	role->name_unknown = role->name == NULL;
	role->policies_unknown = 1;
	aws_trust(c, role, cJSON_GetObjectItemCaseSensitive(j,
	    "AssumeRolePolicyDocument"));
}

/*
 * The provider of this output with the same URL, when the other
 * command's output was read first: list-open-id-connect-providers has
 * the ARN, get-open-id-connect-provider the client IDs.
 */
static struct oidc_provider *
aws_provider_for(struct aws_ctx *c, const char *url)
{
	struct oidc_provider	*p;
	size_t			 i;

	for (i = 0; i < c->m->providers.n; i++) {
		p = c->m->providers.v[i];
		/* Only this loader names a provider by its ARN or URL. */
		if (p->url != NULL && strcasecmp(p->url, url) == 0 &&
		    (strcmp(p->address, p->url) == 0 ||
		    (p->arn != NULL && strcmp(p->address, p->arn) == 0)))
			return p;
	}
	p = model_add_provider(c->m, SRC_AWS_CLI);
	p->url = url;
	p->address = url;
	return p;
}

/* get-open-id-connect-provider: Url without a scheme, no ARN. */
static void
aws_provider(struct aws_ctx *c, const cJSON *root)
{
	struct oidc_provider	*p;
	const cJSON		*ids, *id;
	const char		*url;

	if ((url = aws_str(c, root, "Url")) == NULL)
		return;
	p = aws_provider_for(c, strip_scheme(url));
	p->loc = aws_locate(c, url);
	ids = cJSON_GetObjectItemCaseSensitive(root, "ClientIDList");
	p->client_ids = arena_alloc(c->m->arena,
	    ((size_t)cJSON_GetArraySize(ids) + 1) * sizeof(char *));
	p->nclient_ids = 0;
	p->client_ids_unknown = 0;
	cJSON_ArrayForEach(id, ids)
		if (cJSON_IsString(id))
			p->client_ids[p->nclient_ids++] =
			    arena_strdup(c->m->arena, id->valuestring);
}

/*
 * list-open-id-connect-providers: ARNs only.  The URL is the ARN's
 * resource; the client IDs stay unknown unless the provider's own
 * output is read too.
 */
static void
aws_provider_arn(struct aws_ctx *c, const cJSON *j)
{
	struct oidc_provider	*p;
	const char		*arn, *url;

	if ((arn = aws_str(c, j, "Arn")) == NULL ||
	    (url = strstr(arn, ":oidc-provider/")) == NULL)
		return;
	url += strlen(":oidc-provider/");
	p = aws_provider_for(c, url);
	if (p->client_ids == NULL)
		p->client_ids_unknown = 1;
	p->arn = arn;
	p->address = arn;
	p->loc = aws_locate(c, arn);
}

/* describe-cluster: {"cluster": {..., "identity": {"oidc": {...}}}}. */
static void
aws_cluster(struct aws_ctx *c, const cJSON *j)
{
	struct eks_cluster	*k;
	const char		*arn;

	k = model_add_cluster(c->m, SRC_AWS_CLI);
	k->name = aws_str(c, j, "name");
	arn = aws_str(c, j, "arn");
	k->address = arn != NULL ? arn : k->name != NULL ? k->name :
	    "(a cluster without name)";
	k->loc = aws_locate(c, arn != NULL ? arn : k->name);
	k->issuer = aws_str(c, cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(j, "identity"), "oidc"),
	    "issuer");
}

/*
 * describe-pod-identity-association, or one entry of
 * list-pod-identity-associations, which has no roleArn.
 */
static void
aws_pod_identity(struct aws_ctx *c, const cJSON *j)
{
	struct pod_identity	*p;
	const char		*arn;

	p = model_add_pod_identity(c->m, SRC_AWS_CLI);
	p->cluster = aws_str(c, j, "clusterName");
	p->ns = aws_str(c, j, "namespace");
	p->sa = aws_str(c, j, "serviceAccount");
	p->role_arn = aws_str(c, j, "roleArn");
	arn = aws_str(c, j, "associationArn");
	p->address = arn != NULL ? arn : arena_printf(c->m->arena,
	    "pod identity association %s/%s", p->ns ? p->ns : "?",
	    p->sa ? p->sa : "?");
	p->loc = aws_locate(c, arn);
}

void
load_aws(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len)
{
	struct load_aws_parse	 p;

	load_aws_parse(data, len, &p);
	load_aws_parsed(m, dg, file, data, len, &p);
}

void
load_aws_parse(const char *data, size_t len, struct load_aws_parse *p)
{
	const char	*nul = memchr(data, '\0', len);

	p->tree = (struct arena)ARENA_INIT;
	p->root = NULL;
	p->end = NULL;
	p->nul = nul != NULL ? (size_t)(nul - data) : len;
	if (nul == NULL)
		p->root = xjson_parse_in(&p->tree, data, len, &p->end);
}

void
load_aws_parse_free(struct load_aws_parse *p)
{
	arena_release(&p->tree);
	p->root = NULL;
}

void
load_aws_parsed(struct model *m, struct diags *dg, const char *file,
    const char *data, size_t len, struct load_aws_parse *p)
{
	struct aws_ctx	 c = { .m = m, .dg = dg, .file = file, .data = data,
			    .len = len };
	struct loc	 loc = { file, 0, 0, 0, 0 };
	const cJSON	*j, *e;
	const char	*end = p->end;
	cJSON		*root = p->root;

	m->naws++;
	input_pos_init(&c.pos, file, data, len);
	if (p->nul < len) {
		input_loc_from_offset(data, len, p->nul, &loc);
		diag_error(dg, &loc, "cannot parse AWS CLI JSON: a NUL byte");
		load_aws_parse_free(p);
		return;
	}
	if (root == NULL) {
		/* As in load_tf: the last byte means the input ran out. */
		if (end != NULL && len > 0 && end == data + len - 1)
			end = data + len;
		if (end != NULL && end >= data && end <= data + len)
			input_loc_from_offset(data, len, (size_t)(end - data),
			    &loc);
		diag_error(dg, &loc, "cannot parse AWS CLI JSON: %s",
		    end != NULL && end == data + len ?
		    "unexpected end of input" : "invalid JSON");
		load_aws_parse_free(p);
		return;
	}
	if ((j = cJSON_GetObjectItemCaseSensitive(root, "Role")) != NULL)
		aws_role(&c, j);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(root, "Roles"))
		aws_role(&c, e);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(root,
	    "OpenIDConnectProviderList"))
		aws_provider_arn(&c, e);
	if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "Url")))
		aws_provider(&c, root);
	if ((j = cJSON_GetObjectItemCaseSensitive(root, "cluster")) != NULL)
		aws_cluster(&c, j);
	if ((j = cJSON_GetObjectItemCaseSensitive(root,
	    "association")) != NULL)
		aws_pod_identity(&c, j);
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(root,
	    "associations"))
		aws_pod_identity(&c, e);
	load_aws_parse_free(p);
}
