data "aws_iam_policy_document" "escape" {
  statement {
    sid       = "A<B>&C"
    actions   = ["s3:Get\"Object"]
    resources = ["arn:aws:s3:::b/\\x"]
  }
}
