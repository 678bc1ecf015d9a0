/* SPDX-License-Identifier: ISC */
/*
 * What the pieces of the Terraform sources loader share, and nothing
 * outside src/tf_src*.c includes: a module's parsed configuration, its
 * instances, the loader's state, and the functions of tf_src_read.c
 * (reading), tf_src_scope.c (what the evaluator keeps), tf_src_eval.c
 * (the evaluator) and tf_src_model.c (into the model) that the others
 * call.  Each of these files calls only the ones listed before it.
 */
#ifndef TF_SRC_IMPL_H
#define TF_SRC_IMPL_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "model.h"
#include "strmap.h"
#include "tf.h"
#include "tf_src.h"

struct hcl_attr;
struct hcl_block;
struct hcl_body;
struct hcl_expr;
struct hcl_file;
struct hcl_range;
struct load_opts;

#define TF_MAX_MODULE_DEPTH	32	/* nested module calls */
#define TF_MAX_INSTANCES	100000	/* of one resource or call */

/* A block of the configuration with the override files' bodies. */
struct tf_blk {
	const struct hcl_block	*b;
	const struct hcl_file	*file;
	/* The bodies, the block's own first, then each override's. */
	const struct hcl_body	**bodies;
	size_t			  nbodies;
	const char		*key;	/* "aws_iam_role.x", "data.t.n", ... */
};

/* An attribute and the file it was written in. */
struct tf_attr {
	const struct hcl_attr	*a;
	const struct hcl_file	*file;
};

/* One directory's configuration, parsed once however often called. */
struct tf_mod {
	const char		*dir;		/* as the user names it */
	const char		*real;		/* realpath */
	struct hcl_file		**files;
	size_t			  nfiles;
	struct strmap		  vars;		/* name: struct tf_blk */
	struct strmap		  locals;	/* name: struct tf_attr */
	struct strmap		  res;		/* key: struct tf_blk */
	struct strmap		  calls;	/* name: struct tf_blk */
	struct strmap		  outputs;	/* name: struct tf_blk */
	struct tf_blk		**order;	/* resources, data, calls */
	size_t			  norder;
	int			  loaded;
};

/* A memo of one name in one module instance. */
struct tf_memo {
	int		 state;		/* 0 new, 1 being evaluated, 2 done */
	struct tfv	*v;
	struct tf_dep	*deps;		/* root defaults it depends on */
};

/*
 * What a value was computed from that a finding should name: a root
 * module variable's default (CI may pass another value, an
 * environment's var-file, so a verdict that depends on it says which
 * default it assumed), or an argument of a module call (a finding in a
 * module says which argument of which call, as tflint does).
 */
#define TF_MAX_DEPS	4		/* defaults said per value */
#define TF_MAX_ARGS	8		/* arguments said per value */
struct tf_dep {
	int		 arg;		/* 0: a default, 1: an argument */
	const char	*name;		/* "var.namespace", "module.a[\"k\"]" */
	const char	*value;		/* the default, as JSON, short; or
					   the argument's name */
	struct loc	 loc;		/* the default, or the argument */
	struct tf_dep	*next;
};

/* The defaults and arguments an evaluation in progress has used. */
struct tf_frame {
	struct tf_dep	*deps;
	size_t		 n[2];		/* of each kind */
	struct tf_frame	*up;
};

/* One instance of a module: the root, or one instance of a call. */
struct tf_inst {
	struct tf_mod		*mod;
	const char		*prefix;	/* "", "module.a[\"k\"]." */
	const char		*key;		/* modules.json key: "a.b" */
	struct tf_inst		*parent;
	struct tfv		*ikey;		/* count.index or each.key */
	const struct tf_blk	*call;		/* in the parent */
	const struct tf_scope	*call_scope;	/* the call's each, count */
	int			 depth;
	struct strmap		 memo;		/* "var.x", "local.y"... */
	struct tf_inst		**children;	/* by call instance */
	size_t			  nchildren;
	int			  is_root;
};

struct tf_src {
	struct model		*m;
	struct diags		*dg;
	struct tf_ev		 ev;
	struct tf_ctx		 ctx;		/* the plan loader's */
	struct strmap		 mods;		/* realpath: struct tf_mod */
	const char		*root_dir;	/* reads stay inside */
	cJSON			*modules_json;	/* of the root being read */
	const char		*root_path;	/* of the root being read */
	const char		*root_real;	/* its realpath */
	const struct load_opts	*opts;
	struct tf_inst		**insts;	/* every one, to release */
	size_t			  ninsts;
	struct tf_mod		**all;		/* every module read */
	size_t			  nall;
	int			  no_disk;	/* load_tf_buffer(): read no
						   file, follow no module */
	int			  in_template;	/* templatefile() evaluating */
	unsigned int		  root_no;	/* 1 + the root being read */
	struct tf_frame		 *frame;	/* innermost, or NULL */
	const char		**root_dirs;	/* each root's directory */
	size_t			  nroots;
};

struct kvv {
	const char	**k;
	struct tfv	**v;
	size_t		  n, cap;
};

struct tfv	*tfs_res_value(struct tf_src *, struct tf_inst *,
			    const char *, const struct tf_at *);
struct tf_mod	*tfs_mod_get(struct tf_src *, const char *,
			    const struct loc *);
struct tf_mod	*tfs_mod_new(struct tf_src *, const char *,
			    const char *);
void	tfs_var_default(struct tf_src *, const char *,
		    const struct tfv *, const struct hcl_file *,
		    const struct hcl_attr *);

struct tf_src	*tfs_src_of(struct tf_ev *);
struct tf_at	*tfs_at_new(struct tf_src *, const struct hcl_file *,
			    const struct hcl_range *);
void		 tfs_loc_of(const struct hcl_file *, const struct hcl_range *,
			    struct loc *);
struct tf_env	*tfs_env_new(struct tf_src *, struct tf_inst *,
			    const struct hcl_file *, const struct tf_scope *);
const struct hcl_attr	*tfs_blk_attr(const struct tf_blk *, const char *,
			    const struct hcl_file **);
const char	*tfs_label(const struct hcl_block *, size_t);
void		 tfs_gap(struct tf_src *, const struct loc *, const char *,
			    const char *);
char		*tfs_read_all(struct tf_src *, const char *, size_t *, size_t);
void		 tfs_keep_comments(struct tf_src *, const struct hcl_file *);
struct tf_blk	*tfs_map_blk(struct strmap *, const char *);
void		 tfs_mod_block(struct tf_src *, struct tf_mod *,
			    const struct hcl_file *, const struct hcl_block *,
			    int);
struct tf_memo	*tfs_memo_get(struct tf_src *, struct tf_inst *, const char *);
void		 tfs_dep_add(struct tf_src *, const struct tf_dep *);
void		 tfs_dep_use(struct tf_src *, const struct tf_memo *);
void		 tfs_dep_enter(struct tf_src *, struct tf_frame *);
void		 tfs_dep_leave(struct tf_src *, struct tf_frame *,
			    struct tf_memo *);
const struct hcl_expr	*tfs_type_arg(const struct hcl_expr *, size_t);
struct tfv	*tfs_root_var(struct tf_src *, struct tf_inst *, const char *);
const char	*tfs_inst_key(struct tf_src *, const struct tfv *);
const struct tf_scope	*tfs_inst_scope(struct tf_src *, int, struct tfv *,
			    struct tfv *);
int		 tfs_instances(struct tf_src *, struct tf_inst *,
			    const struct tf_blk *, struct tfv ***,
			    struct tfv ***, size_t *, int *, struct tfv **);
void		 tfs_kvv_add(struct kvv *, const char *, struct tfv *);
void		 tfs_blocks_add(struct tf_src *, struct kvv *, const char *,
			    struct tfv *, const struct hcl_block *,
			    const struct hcl_file *);
struct tfv	*tfs_provider_defaults(struct tf_src *, const char *,
			    struct tfv *, const char *);
const char	*tfs_res_addr(struct tf_src *, struct tf_inst *,
			    const struct tf_blk *, const char *);
struct tf_inst	*tfs_inst_new(struct tf_src *, struct tf_mod *,
			    struct tf_inst *, const struct tf_blk *,
			    const char *, const char *,
			    const struct tf_scope *);
int		 tfs_inside(const char *, const char *);
int		 tfs_inside_root(struct tf_src *, const char *);
const char	*tfs_call_dir(struct tf_src *, struct tf_inst *,
			    const struct tf_blk *, const char *);
struct tf_inst	**tfs_call_children(struct tf_src *, struct tf_inst *,
			    const char *, size_t *, const struct tf_blk **);
const char	*tfs_rel_path(struct tf_src *, const char *, const char *);
void		 tfs_origins_copy(struct pstmt *, const struct pstmt *);
void		 tfs_eval_inst(struct tf_src *, struct tf_inst *);

#endif
