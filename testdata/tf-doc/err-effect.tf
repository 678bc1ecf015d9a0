data "aws_iam_policy_document" "effect" {
  statement {
    effect  = "Maybe"
    actions = ["s3:*"]
  }
}
