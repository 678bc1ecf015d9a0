data "aws_iam_policy_document" "cond_same_var3" {
  statement {
    actions = ["s3:GetObject"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["red"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["green", "blue"]
    }
  }
}
