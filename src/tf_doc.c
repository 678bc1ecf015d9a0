/* SPDX-License-Identifier: ISC */
/* Interim: policy documents are not rendered yet; tf_doc.c replaces this. */
#include "tf_src.h"

struct tfv *
tf_doc_render(struct tf_ev *ev, const struct tfv *args, const struct tf_at *at)
{
	(void)args;
	return tfv_unknown(ev, "an aws_iam_policy_document, which irsalint "
	    "does not render yet", at);
}
