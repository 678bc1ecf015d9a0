data "aws_iam_policy_document" "cond_same_var_swap" {
  statement {
    actions = ["s3:GetObject"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["green", "blue"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["red"]
    }
  }
}
