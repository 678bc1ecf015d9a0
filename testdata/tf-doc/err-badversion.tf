data "aws_iam_policy_document" "badversion" {
  version = "2010-01-01"
}
