data "aws_iam_policy_document" "cond_empty" {
  statement {
    condition {
      test     = "Null"
      variable = "aws:x"
      values   = []
    }
  }
}
