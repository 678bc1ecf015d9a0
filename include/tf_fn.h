/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of tf_func*.c share, and nothing else includes: the
 * argument helpers and walks of tf_func.c, the regular expressions of
 * tf_func_re.c (replace() uses them too), and every Terraform function
 * the table in tf_func.c dispatches to, as tf_fn_NAME.
 */
#ifndef TF_FN_H
#define TF_FN_H

#include <regex.h>
#include <stddef.h>
#include <stdint.h>

#include "tf_src.h"

struct buf;

/*
 * regexec(3) may take time square in the text's length (trying each
 * start), so irsalint runs patterns only on texts of a few kilobytes,
 * which ARNs, URLs and names are; longer is an unknown.
 */
#define RE_MAX_TEXT	8192
#define RE_MAX_PATTERN	4096

/* What a regular expression is for, and what it was translated to. */
struct re {
	regex_t		 re;
	size_t		 ngroups;
	int		 bytewise;	/* has . or [^...]: one byte each */
};

struct tfv	*tff_over(struct tf_ev *, const struct tf_call *);
const char	*tff_a_kind(const struct tfv *);
struct tfv	*tff_bad(struct tf_ev *, const struct tf_call *, size_t,
			    const char *);
struct tfv	*tff_get_str(struct tf_ev *, const struct tf_call *,
			    size_t, const char **, size_t *);
struct tfv	*tff_get_num(struct tf_ev *, const struct tf_call *,
			    size_t, double *);
struct tfv	*tff_get_int(struct tf_ev *, const struct tf_call *,
			    size_t, long long *);
struct tfv	*tff_get_list(struct tf_ev *, const struct tf_call *,
			    size_t, struct tfv **);
struct tfv	*tff_get_strs(struct tf_ev *, const struct tf_call *,
			    size_t, const char ***, size_t **);
struct tfv	*tff_result(struct tf_ev *, const struct tf_call *,
			    struct buf *);
struct tfv	*tff_unknown_of(struct tf_ev *, struct tfv *);
struct tfv	*tff_unknown_for(struct tf_ev *, struct tfv *const *,
			    size_t);
int		 tff_open_map(const struct tfv *);
int		 tff_walk(struct tf_ev *, const struct tfv *, int,
			    const struct tfv **, const struct tfv **,
			    unsigned long *);
int		 tff_known(struct tf_ev *, const struct tfv *);
int		 tff_to_num(const struct tfv *, double *);
int		 tff_u8dec(const char *, size_t, size_t *, uint32_t *);
int		 tff_u8space(uint32_t);
int		 tff_gnext(const char *, size_t, size_t *);
struct tfv	*tff_unify(struct tf_ev *, const struct tf_call *,
			    const struct tfv *, unsigned int);
int		 tff_cmp_str(const void *, const void *);
int		 tff_re_compile(struct re *, const char *, size_t);
int		 tff_re_exec(const struct re *, const char *, size_t,
			    size_t, regmatch_t *);
void		 tff_re_expand(struct buf *, const char *, size_t,
			    const char *, const regmatch_t *, size_t);
struct tfv	*tff_re_unknown(struct tf_ev *, const struct tf_call *);
int		 tff_re_text_ok(const struct re *, const char *, size_t);

#define TF_FN(x)	struct tfv *tf_fn_##x(struct tf_ev *, \
		    const struct tf_call *)
TF_FN(abs); TF_FN(alltrue); TF_FN(anytrue); TF_FN(base64decode);
TF_FN(base64encode); TF_FN(basename); TF_FN(ceil); TF_FN(chomp);
TF_FN(coalesce); TF_FN(coalescelist); TF_FN(compact); TF_FN(concat);
TF_FN(contains); TF_FN(dirname); TF_FN(distinct); TF_FN(element);
TF_FN(endswith); TF_FN(flatten); TF_FN(floor); TF_FN(format);
TF_FN(formatlist); TF_FN(identity); TF_FN(index); TF_FN(join);
TF_FN(jsondecode); TF_FN(jsonencode); TF_FN(keys); TF_FN(length);
TF_FN(lookup); TF_FN(lower); TF_FN(max); TF_FN(md5); TF_FN(merge);
TF_FN(min); TF_FN(one); TF_FN(range); TF_FN(regex); TF_FN(regexall);
TF_FN(replace); TF_FN(reverse); TF_FN(setintersection);
TF_FN(setsubtract); TF_FN(setunion); TF_FN(sha1); TF_FN(sha256);
TF_FN(slice); TF_FN(sort); TF_FN(split); TF_FN(startswith);
TF_FN(strcontains); TF_FN(substr); TF_FN(title); TF_FN(tobool);
TF_FN(tolist); TF_FN(tomap); TF_FN(tonumber); TF_FN(toset);
TF_FN(tostring); TF_FN(trim); TF_FN(trimprefix); TF_FN(trimspace);
TF_FN(trimsuffix); TF_FN(upper); TF_FN(values); TF_FN(yamlencode);
TF_FN(zipmap);
#undef TF_FN

#endif
