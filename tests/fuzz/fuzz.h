/* SPDX-License-Identifier: ISC */
/* What the fuzz targets share: one entry point per input kind. */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum fuzz_kind {
	FUZZ_K8S,
	FUZZ_TF,
	FUZZ_CFN,	/* CloudFormation templates */
	FUZZ_AWS,	/* AWS CLI output */
	FUZZ_POLICY,
	FUZZ_INPUT,	/* the input layer alone, both backends */
	FUZZ_HCL,	/* Terraform .tf sources, the parser alone */
	FUZZ_TFSRC,	/* Terraform .tf sources evaluated, and the rules */
	FUZZ_CONFIG	/* .irsalint.yaml, which a pull request may change */
};

void	fuzz_run(enum fuzz_kind, const uint8_t *, size_t);

/*
 * A text handed to the language server's reader in chunks of at most
 * chunk bytes (the read of struct lsp_io); pending is fuzz_lsp's.
 */
struct fuzz_mem {
	const char	*s;
	size_t		 len, off, chunk;
	int		 pending;
};

ssize_t	fuzz_mem_read(void *, char *, size_t);

#endif /* FUZZ_H */
