/* SPDX-License-Identifier: ISC */
/*
 * The rule table as documentation: --list-rules as text, JSON or the
 * irsalint-rules(7) manual, and --explain.  Every word users read
 * about a rule comes from its descriptor (summary and explain), so the
 * manual cannot drift from the code: tests/docs.sh regenerates the
 * page and fails when the committed one differs.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "report.h"
#include "rule.h"

#define WRAP	72
#define MAN_DATE "$Mdocdate: November 28 2026 $"

static void	wrap(FILE *, const char *, size_t);
static void	mdoc_text(FILE *, const char *, size_t);
static void	mdoc_sentences(FILE *, const char *, size_t);

void
report_rules_text(FILE *fp)
{
	size_t	 i;

	for (i = 0; rule_table[i] != NULL; i++)
		fprintf(fp, "%-36s %-8s %s\n", rule_table[i]->id,
		    severity_name(rule_table[i]->severity),
		    rule_table[i]->summary);
}

void
report_rules_json(FILE *fp)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;

	buf_adds(&b, "[");
	for (i = 0; rule_table[i] != NULL; i++) {
		buf_adds(&b, i > 0 ? ",\n{\"id\":" : "\n{\"id\":");
		report_json_str(&b, rule_table[i]->id);
		buf_addf(&b, ",\"severity\":\"%s\",\"summary\":",
		    severity_name(rule_table[i]->severity));
		report_json_str(&b, rule_table[i]->summary);
		buf_adds(&b, ",\"explain\":");
		report_json_str(&b, rule_table[i]->explain);
		buf_addc(&b, '}');
	}
	buf_adds(&b, "]\n");
	fwrite(b.buf, 1, b.len, fp);
	buf_release(&b);
}

/* Fill len bytes of s into lines of at most WRAP columns. */
static void
wrap(FILE *fp, const char *s, size_t len)
{
	const char	*end = s + len, *w;
	size_t		 col = 0, n;

	while (s < end) {
		while (s < end && *s == ' ')
			s++;
		for (w = s; w < end && *w != ' '; w++)
			continue;
		if ((n = (size_t)(w - s)) == 0)
			break;
		if (col > 0 && col + 1 + n > WRAP) {
			fputc('\n', fp);
			col = 0;
		} else if (col > 0) {
			fputc(' ', fp);
			col++;
		}
		fwrite(s, 1, n, fp);
		col += n;
		s = w;
	}
	if (col > 0)
		fputc('\n', fp);
}

/* --explain: header, then each paragraph of the explanation, wrapped. */
void
report_explain(FILE *fp, const struct rule *r)
{
	const char	*p, *nl;

	fprintf(fp, "%s (%s): %s\n", r->id, severity_name(r->severity),
	    r->summary);
	for (p = r->explain; *p != '\0'; p = *nl != '\0' ? nl + 1 : nl) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		fputc('\n', fp);
		wrap(fp, p, (size_t)(nl - p));
	}
}

/* One line of roff text: escape backslashes and a leading control. */
static void
mdoc_text(FILE *fp, const char *s, size_t len)
{
	size_t	 i;

	while (len > 0 && *s == ' ') {
		s++;
		len--;
	}
	if (len == 0)
		return;
	if (*s == '.' || *s == '\'')
		fputs("\\&", fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '\\')
			fputs("\\e", fp);
		else
			fputc(s[i], fp);
	}
	fputc('\n', fp);
}

/*
 * mdoc wants each sentence on its own line.  The explanations end
 * sentences with two spaces, as the manuals do, so split there.
 */
static void
mdoc_sentences(FILE *fp, const char *s, size_t len)
{
	const char	*end = s + len, *p;

	while (s < end) {
		for (p = s; p + 2 < end; p++)
			if (strchr(".?!", p[0]) != NULL && p[1] == ' ' &&
			    p[2] == ' ')
				break;
		if (p + 2 >= end)
			p = end;
		else
			p++;
		mdoc_text(fp, s, (size_t)(p - s));
		s = p;
	}
}

/* The whole irsalint-rules(7) page. */
/*
 * How a trust is evaluated, with the sources that decide the cases the
 * IAM documentation leaves open; irsalint-rules(7) prints it after the
 * rules.
 */
static const char trust_section[] =
    ".Sh TRUST EVALUATION\n"
    "For each ServiceAccount that names a role, the rules above judge "
    "the request STS evaluates when the pod calls\n"
    ".Ql sts:AssumeRoleWithWebIdentity :\n"
    "the principal is the IAM OIDC provider of the token's issuer in "
    "the role's account, and the context holds\n"
    ".Ql <issuer>:sub\n"
    "and\n"
    ".Ql <issuer>:aud\n"
    "and no other claim.\n"
    ".Bl -bullet\n"
    ".It\n"
    "The token's issuer is that of the EKS clusters of the inputs when "
    "one is known; else each issuer of a Federated provider of the "
    "trust, in Allow and Deny statements alike, is tried, and the "
    "ServiceAccount is admitted when one of them admits it.\n"
    "Well-known identity providers (GitHub Actions, GitLab, Google, "
    "Cognito, HCP Terraform, Entra ID and others) are never a pod's "
    "issuer.\n"
    ".It\n"
    "A statement applies when its Action, its Principal and all its "
    "conditions hold; the role is assumable when some Allow applies "
    "and no Deny does, whatever the order of statements, condition "
    "keys and values.\n"
    ".It\n"
    "A claim other than sub and aud, and any key of another issuer, "
    "is absent from the request (the IAM reference,\n"
    ".Dq Available keys for OIDC federation :\n"
    "amr is passed for Amazon Cognito only, email and oaud for Google "
    "only).\n"
    "Global keys such as\n"
    ".Ql aws:SourceIp\n"
    "cannot be known offline: a statement that depends on one makes "
    "the verdict unknown, reported by\n"
    ".Sy irsa-trust-unverified ,\n"
    "for an Allow and a Deny alike.\n"
    ".It\n"
    ".Ql ForAnyValue:\n"
    "on an absent key is false whatever the operator, negated and\n"
    ".Ql IfExists\n"
    "included: the IAM reference,\n"
    ".Dq Single-valued vs. multivalued context keys ,\n"
    "says it returns false when the key is missing, and AWS re:Post "
    "question QU9HFmDzP0QGuU-fd7rS6B7w shows\n"
    ".Ql ForAnyValue:StringEqualsIfExists\n"
    "denying a request that lacks the key, although the operators page "
    "says an\n"
    ".Ql IfExists\n"
    "condition holds for an absent key.\n"
    ".Ql ForAllValues:\n"
    "on an absent key is true.\n"
    ".It\n"
    "ARN operators compare the six colon-separated parts of an ARN one "
    "by one; a subject or an audience is not an ARN and matches none, "
    "while what a negated ARN operator answers for it is documented "
    "nowhere, so that verdict is unknown.\n"
    ".It\n"
    "With Principal\n"
    ".Ql *\n"
    "and no cluster in the inputs, the token may come from the issuer "
    "of any key the trust tests or from another: a ServiceAccount "
    "admitted under one of these is reported as not verified.\n"
    ".It\n"
    "A role whose ARN is known only after apply may be in the account "
    "of any OIDC provider its trust names.\n"
    ".El\n";

/*
 * Which rules apply to what each source declares: the rules check the
 * model, so this is a fact of the loaders, kept here beside the rules'
 * own texts.
 */
static const char sources_section[] =
    ".Sh SOURCES\n"
    "Every input is read into one model of roles, OIDC providers, "
    "ServiceAccounts and workloads, and the rules check the model, not "
    "a format: a rule about a role or its trust applies to a role of "
    "any source, and a rule about a ServiceAccount to a ServiceAccount "
    "of any source.\n"
    ".Bl -tag -width Ds\n"
    ".It Roles\n"
    "Terraform plans and state\n.Pq Ic aws_iam_role ,\n"
    "Terraform sources, CloudFormation templates\n"
    ".Pq Ic AWS::IAM::Role ,\n"
    "AWS CLI output of\n.Ql aws iam get-role\nand\n.Ql list-roles ,\n"
    "ACK and Crossplane\n.Ic Role\nobjects, and the roles of an eksctl\n"
    ".Ic ClusterConfig\n.Pq Ql iam.serviceAccounts .\n"
    ".It OIDC providers\n"
    "Terraform\n.Pq Ic aws_iam_openid_connect_provider ,\n"
    "CloudFormation\n.Pq Ic AWS::IAM::OIDCProvider ,\n"
    "AWS CLI output, ACK and Crossplane\n.Ic OpenIDConnectProvider\n"
    "objects, and eksctl's\n.Ql iam.withOIDC .\n"
    ".It ServiceAccounts\n"
    "Kubernetes manifests and lists, the ServiceAccounts eksctl makes, "
    "those of EKS add-ons given a role\n"
    ".Pq Ic aws_eks_addon , Ic AWS::EKS::Addon , No eksctl Ql addons ,\n"
    "and Terraform's\n.Ic kubernetes_service_account ,\n"
    ".Ic kubernetes_service_account_v1 ,\n"
    ".Ic kubernetes_manifest\nand the values of a\n.Ic helm_release .\n"
    ".It Workloads\n"
    "Kubernetes manifests only.\n"
    ".El\n"
    ".Pp\n"
    "Some rules need what only some sources give:\n"
    ".Bl -bullet\n"
    ".It\n"
    ".Sy irsa-role-no-permissions\n"
    "needs the role's policies, which Terraform, CloudFormation, ACK, "
    "Crossplane and eksctl declare; a role known from AWS CLI output "
    "alone, an adopted ACK Role, an observe-only Crossplane Role and "
    "an eksctl\n.Ql attachRoleARN\nrole have policies that are not "
    "known, and are not reported.\n"
    ".It\n"
    ".Sy irsa-role-trust-drift\n"
    "needs a role both declared and shown by AWS CLI output;\n"
    ".Sy irsa-role-declared-twice\n"
    "two declarations of one role.\n"
    ".It\n"
    ".Sy irsa-role-name-generated\n"
    "fires for a Terraform role with\n.Ic name_prefix\n"
    "and for a role whose name its source leaves to AWS (a "
    "CloudFormation role without\n.Ic RoleName ,\n"
    "an eksctl role without\n.Ic roleName ) .\n"
    ".It\n"
    "The rules about annotation keys, duplicate keys, containers and "
    "workloads\n"
    ".Pq Sy irsa-annotation-key-typo , irsa-duplicate-key , irsa-container-env-preempts-webhook , irsa-workload-sa-missing No and the like\n"
    "read the manifests as written; a ServiceAccount another tool makes "
    "(eksctl, an add-on, Terraform) has only the annotations its source "
    "declares.\n"
    ".It\n"
    ".Sy irsa-addon-unknown\nand\n.Sy irsa-addon-role-unneeded\n"
    "are about EKS add-ons;\n"
    ".Sy terraform-not-evaluated\nand\n"
    ".Sy terraform-format-version\nabout Terraform;\n"
    ".Sy irsa-inputs-unrendered\n"
    "about Helm charts, kustomizations that transform, Crossplane "
    "Compositions and claims, and Helm values a chart decides.\n"
    ".El\n";

void
report_rules_mdoc(FILE *fp)
{
	const struct rule	*r;
	const char		*p, *nl;
	size_t			 i;

	fputs(".\\\" SPDX-License-Identifier: ISC\n"
	    ".\\\" Generated by \"irsalint --list-rules -f mdoc\" from the "
	    "rule table; do not edit.\n"
	    ".Dd " MAN_DATE "\n.Dt IRSALINT-RULES 7\n.Os\n"
	    ".Sh NAME\n.Nm irsalint-rules\n"
	    ".Nd the checks irsalint makes\n"
	    ".Sh DESCRIPTION\n"
	    "Each rule of\n.Xr irsalint 1\n"
	    "has a stable id, shown in brackets after every finding, and a "
	    "default severity.\n"
	    "The severity of a rule can be changed, and a rule turned off, "
	    "in\n.Pa .irsalint.yaml ;\n"
	    "single findings are suppressed with the annotation\n"
	    ".Ql irsalint.io/ignore: \\(dqrule-id,...\\(dq\n"
	    "on the object or the comment\n"
	    ".Ql # irsalint:ignore rule-id -- reason\n"
	    "on or above the line, as described in\n.Xr irsalint 1 .\n"
	    ".Pp\n"
	    "The same text is printed by\n"
	    ".Ql irsalint --explain Ar rule-id .\n"
	    ".Bl -tag -width Ds\n", fp);
	for (i = 0; (r = rule_table[i]) != NULL; i++) {
		fprintf(fp, ".It Sy %s Pq %s\n", r->id,
		    severity_name(r->severity));
		mdoc_text(fp, r->summary, strlen(r->summary));
		for (p = r->explain; *p != '\0';
		    p = *nl != '\0' ? nl + 1 : nl) {
			if ((nl = strchr(p, '\n')) == NULL)
				nl = p + strlen(p);
			fputs(".Pp\n", fp);
			mdoc_sentences(fp, p, (size_t)(nl - p));
		}
	}
	fputs(".El\n", fp);
	fputs(trust_section, fp);
	fputs(sources_section, fp);
	fputs(".Sh SEE ALSO\n.Xr irsalint 1\n", fp);
}
