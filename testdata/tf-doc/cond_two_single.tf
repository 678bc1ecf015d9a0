data "aws_iam_policy_document" "cond_two_single" {
  statement {
    actions = ["s3:GetObject"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["a"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["b"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalTag/team"
      values   = ["x", "y"]
    }
    condition {
      test     = "StringLike"
      variable = "aws:PrincipalTag/team"
      values   = ["x"]
    }
  }
}
