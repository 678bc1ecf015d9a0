data "aws_iam_policy_document" "novariable" {
  statement {
    condition {
      test   = "StringEquals"
      values = ["x"]
    }
  }
}
