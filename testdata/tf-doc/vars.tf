data "aws_iam_policy_document" "vars" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b/&{aws:username}/*"]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["&{aws:username}/*"]
    }
  }
}
