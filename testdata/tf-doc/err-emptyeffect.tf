data "aws_iam_policy_document" "emptyeffect" {
  statement {
    effect = ""
  }
}
