data "aws_iam_policy_document" "notype" {
  statement {
    actions = ["s3:*"]
    principals {
      identifiers = ["x"]
    }
  }
}
