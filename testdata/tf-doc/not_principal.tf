data "aws_iam_policy_document" "not_principal" {
  statement {
    effect        = "Deny"
    not_actions   = ["iam:*", "sts:*"]
    not_resources = ["arn:aws:iam::111122223333:role/admin"]
    not_principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}
