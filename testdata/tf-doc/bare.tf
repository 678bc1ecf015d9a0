data "aws_iam_policy_document" "bare" {
  statement {
  }
  statement {
    actions   = []
    resources = []
  }
}
