data "aws_iam_policy_document" "principal_empty_merge" {
  statement {
    principals {
      type        = "AWS"
      identifiers = []
    }
    principals {
      type        = "AWS"
      identifiers = ["x"]
    }
  }
  statement {
    principals {
      type        = "AWS"
      identifiers = []
    }
  }
}
