data "aws_iam_policy_document" "cond_empty_merge" {
  statement {
    condition {
      test     = "Bool"
      variable = "k"
      values   = []
    }
    condition {
      test     = "Bool"
      variable = "k"
      values   = ["e"]
    }
  }
  statement {
    condition {
      test     = "Bool"
      variable = "k"
      values   = []
    }
    condition {
      test     = "Bool"
      variable = "k"
      values   = ["a"]
    }
  }
}
