data "aws_iam_policy_document" "cond_values" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::111122223333:oidc-provider/oidc.example.com"]
    }
    condition {
      test     = "StringLike"
      variable = "oidc.example.com:sub"
      values   = ["system:serviceaccount:ns:b*", "system:serviceaccount:ns:a*", "system:serviceaccount:ns:b*"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:TagKeys"
      values   = ["team-*"]
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.example.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}
