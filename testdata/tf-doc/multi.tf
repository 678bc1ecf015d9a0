data "aws_iam_policy_document" "multi" {
  statement {
    sid     = "One"
    actions = ["s3:GetObject"]
  }
  statement {
    sid     = "Two"
    effect  = "Allow"
    actions = ["s3:PutObject"]
    resources = ["*"]
  }
}
