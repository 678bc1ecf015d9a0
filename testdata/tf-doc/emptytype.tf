data "aws_iam_policy_document" "emptytype" {
  statement {
    principals {
      type        = ""
      identifiers = ["x"]
    }
  }
}
