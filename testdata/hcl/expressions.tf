// Every kind of expression of the HCL native syntax.
literals = [1, 1.5, 1e3, 2.5E-3, true, false, null, "s"]
tuple    = [1, "two", [3], ]
object = {
  bare     = 1
  "quoted" : 2
  (var.key) = 3, other = 4,
}
calls = [f(), f(1, 2, ), concat(var.a, var.b...), provider::aws::arn_parse(var.arn)]
fors = {
  tuple  = [for i, v in var.list : upper(v) if v != ""]
  object = { for k, v in var.map : v.name => k... if k != "x" }
  lines = {
    for k, v in var.map : k => v
  }
}
ops = [-a * b, !a == b, a || b && c, a == b < c + d * e % f, a - b - c, (a + b) / c]
cond = a ? b : c ? d : e
refs = [
  var.x, local.y, module.m.out, each.key, each.value.name, count.index,
  path.module, aws_iam_role.x.arn, data.aws_iam_policy_document.t.json,
  aws_iam_role.this[0].arn, foo.0.bar, a.*.b, a[*].b.c[0], f(x)[0].y,
  data.aws_caller_identity.caller-id.account_id,
]
/* A block comment
   over two lines. */
multi = (
  var.a +
  var.b
)
