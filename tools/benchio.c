/* SPDX-License-Identifier: ISC */
/*
 * What every shape of the bench generator writes with: its random
 * numbers, its words and issuers, the files it opens in the output
 * directory, and the "expected" file the bench checks irsalint's
 * findings and summary against.  benchgen.c and benchshape.c both
 * call it; it calls neither.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>

#include "benchgen.h"

const char *const bench_mistake_rule[MS__MAX] = {
	"irsa-trust-sub-mismatch",
	"irsa-role-not-found",
	"irsa-role-arn-malformed",
	"irsa-trust-aud-mismatch",
	"irsa-trust-key-issuer-mismatch",
	"irsa-trust-action",
};

const char *const bench_words[BENCH_NWORDS] = {
	"api", "billing", "catalog", "checkout", "events", "exporter",
	"fulfilment", "gateway", "indexer", "ingest", "inventory", "ledger",
	"mailer", "orders", "payments", "pricing", "reports", "search",
	"scheduler", "shipping", "thumbnailer", "tracker", "uploader", "worker"
};

const char *const bench_issuers[BENCH_NCLUSTERS] = {
	"oidc.eks." REGION ".amazonaws.com/id/B1E2D3C4A5F60718293A4B5C6D7E8F90",
	"oidc.eks." REGION ".amazonaws.com/id/0A9B8C7D6E5F40312A3B4C5D6E7F8091"
};

/* xorshift64*: deterministic, and good enough for picking words. */
uint32_t
bench_rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return (uint32_t)((*s * 2685821657736338717ULL) >> 32);
}

FILE *
bench_open(const char *dir, const char *name, char *path, size_t len)
{
	FILE	*fp;

	snprintf(path, len, "%s/%s", dir, name);
	if ((fp = fopen(path, "w")) == NULL)
		err(1, "%s", path);
	return fp;
}

void
bench_close(FILE *fp, const char *path)
{
	if (fflush(fp) == EOF || ferror(fp) || fclose(fp) == EOF)
		err(1, "%s", path);
}

void
bench_mkdir(const char *dir)
{
	if (mkdir(dir, 0777) == -1 && errno != EEXIST)
		err(1, "%s", dir);
}

/*
 * Write dir/expected: the finding count of each rule, then each
 * substring of irsalint's summary line tests/bench.sh looks for, one
 * "# summary" line each, worded as src/main.c words them.
 */
void
bench_expected(const char *dir, const char *what, const struct bench_expect *e)
{
	FILE	*fp;
	char	 path[4096];
	size_t	 i;

	fp = bench_open(dir, "expected", path, sizeof(path));
	fprintf(fp, "# rule findings (%s)\n", what);
	for (i = 0; i < e->nrules; i++)
		fprintf(fp, "%s %zu\n", e->rule[i], e->count[i]);
	fprintf(fp, "# summary irsalint: read %zu file%s (%s)\n", e->files,
	    e->files == 1 ? "" : "s", e->kinds);
	fprintf(fp, "# summary ; %zu of %zu ServiceAccount%s naming a role "
	    "cross-checked with its trust\n", e->checked, e->named,
	    e->named == 1 ? "" : "s");
	fprintf(fp, "# summary ; %zu role%s, %zu OIDC provider%s\n", e->roles,
	    e->roles == 1 ? "" : "s", e->providers,
	    e->providers == 1 ? "" : "s");
	bench_close(fp, path);
}
