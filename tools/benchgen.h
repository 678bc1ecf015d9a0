/* SPDX-License-Identifier: ISC */
/*
 * What the benchmark generators share: the account, region and
 * clusters every shape uses, the word list, the PRNG and the output
 * helpers.  tools/benchgen.c makes the plan and manifests shapes,
 * tools/benchshape.c those of AWS CLI output, CloudFormation and a
 * shared role.
 */
#ifndef BENCHGEN_H
#define BENCHGEN_H

#include <stdint.h>
#include <stdio.h>

#define ACCOUNT		"111122223333"
#define REGION		"us-west-2"
#define INJECT_EVERY	12
#define INJECT_FIRST	7
#define BENCH_NWORDS	24
#define BENCH_NCLUSTERS	2

/* The injected mistakes: each is one finding of bench_mistake_rule[]. */
enum mistake {
	MS_NONE = -1,
	MS_SUB_NAMESPACE,	/* SA in another namespace than the trust */
	MS_ROLE_TYPO,		/* annotation misspells the role name */
	MS_ARN_MALFORMED,	/* annotation is not a role ARN */
	MS_AUD,			/* trust's aud is not sts.amazonaws.com */
	MS_KEY_ISSUER,		/* condition keys keep https:// */
	MS_ACTION,		/* trust allows sts:AssumeRole only */
	MS__MAX
};

extern const char *const bench_mistake_rule[MS__MAX];
extern const char *const bench_words[BENCH_NWORDS];
extern const char *const bench_issuers[BENCH_NCLUSTERS];

/*
 * The generator's part of a shape's expected file: the finding count of
 * each rule, and the substrings irsalint's summary on standard error
 * must hold, which say that it read every input and cross-checked the
 * ServiceAccounts it should.
 */
struct bench_expect {
	const char	*rule[8];
	size_t		 count[8];
	size_t		 nrules;
	size_t		 files;		/* files irsalint reads */
	const char	*kinds;		/* "1 Terraform, 1 Kubernetes" */
	size_t		 named;		/* ServiceAccounts naming a role */
	size_t		 checked;	/* of them, cross-checked */
	size_t		 roles, providers;
};

uint32_t	 bench_rnd(uint64_t *);
FILE		*bench_open(const char *, const char *, char *, size_t);
void		 bench_close(FILE *, const char *);
void		 bench_mkdir(const char *);
void		 bench_expected(const char *, const char *,
		    const struct bench_expect *);

void		 shape_awscli(const char *, unsigned long);
void		 shape_cfn(const char *, unsigned long);
void		 shape_fanout(const char *, unsigned long);

#endif /* BENCHGEN_H */
