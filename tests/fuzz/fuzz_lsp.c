/* SPDX-License-Identifier: ISC */
/*
 * libFuzzer target: bytes into the language server, as a client would
 * write them, against a small fixed workspace (a .irsalint.yaml, a .tf
 * trust, a ServiceAccount) in FUZZ_LSP_ROOT.  The first byte chooses
 * how: bit 0 set, the rest is the raw stream, headers and all, for the
 * framing; clear, each line of the rest is one message's content,
 * framed here with its true length, so that mutations reach the
 * dispatcher, the documents and the lints rather than only the
 * headers.  Bits 1-3 choose how many bytes each read returns, bit 4
 * whether more input is said to be waiting (so that lints are put off
 * or not).  Everything the server writes must be one whole frame of
 * valid JSON: anything else aborts.  FUZZ_LSP_ECHO set in the
 * environment prints each message on standard error.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "fuzz.h"
#include "lsp.h"

#define FUZZ_LSP_ROOT	"/tmp/irsalint-fuzz-lsp"

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	 put(const char *, const char *);
static int	 mem_write(void *, const char *, size_t);
static int	 mem_pending(void *);

static void
put(const char *name, const char *text)
{
	char	 path[256];
	FILE	*fp;

	snprintf(path, sizeof(path), "%s/%s", FUZZ_LSP_ROOT, name);
	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		abort();
	}
	fputs(text, fp);
	fclose(fp);
}

/* The workspace, written once; every run reads it, none writes it. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if ((mkdir(FUZZ_LSP_ROOT, 0755) == -1 && errno != EEXIST) ||
	    (mkdir(FUZZ_LSP_ROOT "/k8s", 0755) == -1 && errno != EEXIST) ||
	    (mkdir(FUZZ_LSP_ROOT "/infra", 0755) == -1 && errno != EEXIST)) {
		perror(FUZZ_LSP_ROOT);
		abort();
	}
	put(".irsalint.yaml", "inputs: [infra, k8s]\n");
	put("k8s/sa.yaml", "apiVersion: v1\nkind: ServiceAccount\n"
	    "metadata: {labels: {o: \"Zo\xc3\xab \xf0\x9f\x9a\x80\"}, "
	    "namespace: paymnets, name: ledger, annotations: "
	    "{eks.amazonaws.com/role-arn: "
	    "\"arn:aws:iam::111122223333:role/ledger\"}}\n");
	put("infra/main.tf", "resource \"aws_iam_role\" \"ledger\" {\n"
	    "  name = \"ledger\"\n"
	    "  assume_role_policy = jsonencode({\n"
	    "    Statement = [{\n"
	    "      Effect = \"Allow\"\n"
	    "      Action = \"sts:AssumeRoleWithWebIdentity\"\n"
	    "      Principal = { Federated = \"arn:aws:iam::111122223333:"
	    "oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC\" }\n"
	    "      Condition = { StringEquals = {\n"
	    "        \"oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub\" = "
	    "\"system:serviceaccount:payments:ledger\"\n"
	    "        \"oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud\" = "
	    "\"sts.amazonaws.com\"\n"
	    "      } }\n"
	    "    }]\n"
	    "  })\n"
	    "}\n");
	return 0;
}

/* One frame, whole: its header, then exactly that much valid JSON. */
static int
mem_write(void *arg, const char *p, size_t n)
{
	const char	*body;
	size_t		 len = 0;
	cJSON		*j;

	(void)arg;
	if (n < 20 || strncmp(p, "Content-Length: ", 16) != 0)
		abort();
	for (p += 16, n -= 16; n > 0 && *p >= '0' && *p <= '9'; p++, n--)
		len = len * 10 + (size_t)(*p - '0');
	if (n < 4 || strncmp(p, "\r\n\r\n", 4) != 0 || n - 4 != len)
		abort();
	body = p + 4;
	if ((j = cJSON_ParseWithLength(body, len)) == NULL ||
	    !cJSON_IsObject(j))
		abort();
	cJSON_Delete(j);
	if (getenv("FUZZ_LSP_ECHO") != NULL)
		fprintf(stderr, "%.*s\n", (int)len, body);
	return 0;
}

static int
mem_pending(void *arg)
{
	struct fuzz_mem	*m = arg;

	return m->pending && m->off < m->len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t	 chunks[8] = { 1, 2, 3, 7, 64, 4096, 65536,
	    1 << 20 };
	const struct lsp_opts	 opts = { FUZZ_LSP_ROOT, 8192, 0 };
	const struct lsp_io	 io = { fuzz_mem_read, mem_write, mem_pending,
	    NULL };
	struct lsp_io		 mio = io;
	struct buf		 b = BUF_INIT;
	struct fuzz_mem		 m;
	const char		*s, *nl;
	size_t			 n;

	if (size == 0)
		return 0;
	memset(&m, 0, sizeof(m));
	m.chunk = chunks[(data[0] >> 1) & 7];
	m.pending = (data[0] >> 4) & 1;
	s = (const char *)data + 1;
	n = size - 1;
	if (data[0] & 1) {
		m.s = s;
		m.len = n;
	} else {
		while (n > 0) {
			nl = memchr(s, '\n', n);
			buf_addf(&b, "Content-Length: %zu\r\n\r\n", nl != NULL ?
			    (size_t)(nl - s) : n);
			buf_add(&b, s, nl != NULL ? (size_t)(nl - s) : n);
			if (nl == NULL)
				break;
			n -= (size_t)(nl - s) + 1;
			s = nl + 1;
		}
		m.s = b.buf;
		m.len = b.len;
	}
	mio.arg = &m;
	(void)lsp_serve(&mio, &opts);
	buf_release(&b);
	return 0;
}
