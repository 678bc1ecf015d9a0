/* SPDX-License-Identifier: ISC */
/* libFuzzer target: bytes into the configuration file's reader. */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	fuzz_run(FUZZ_CONFIG, data, len);
	return 0;
}
