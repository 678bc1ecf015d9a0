data "aws_iam_policy_document" "empty" {
}
