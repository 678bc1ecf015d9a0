data "aws_iam_policy_document" "src_noeffect" {
  version = "2008-10-17"
  source_policy_documents = [jsonencode({
    Version = "2008-10-17"
    Id      = "FromSource"
    Statement = [{ Sid = "NoEffect", Action = ["s3:*"], NotPrincipal = "*" }, { Sid = "", Effect = "Deny", NotAction = "a", NotResource = ["b", "a"], Condition = { "StringEquals" = { "k" = ["v"] } } }]
  })]
  override_policy_documents = [jsonencode({
    Version = "2008-10-17"
    Statement = [{ Sid = "NoEffect", Effect = "Deny", Action = "ec2:*" }]
  })]
  statement {
    sid     = "Mine"
    actions = ["iam:*"]
  }
}
