# From the real-world check (terraform-aws-iam v6): terraform 1.11.4
# plans aws_iam_role.r[0] here, named "r-1": the unknown ARN is a
# string, one element of flatten().
resource "aws_iam_policy" "p" {
  name   = "p"
  policy = "{}"
}
locals {
  docs = flatten(concat([aws_iam_policy.p.arn], []))
}
resource "aws_iam_role" "r" {
  count              = length(local.docs) > 0 ? 1 : 0
  name               = "r-${length(local.docs)}"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
