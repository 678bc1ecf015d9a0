data "aws_iam_policy_document" "f1_0" {
  statement {
    actions = []
    not_principals {
      type = "*"
      identifiers = ["s3:Put", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f1_1" {
  statement {
    effect = "Allow"
    not_actions = []
    not_resources = ["*", "arn:aws:iam::1:root", "&{aws:username}"]
  }
  statement {
    actions = ["a<b"]
    resources = []
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["s3:Get", "*", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["s3:Get", "&{aws:username}", "s3:Put"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f1_2" {
  statement {
    not_resources = ["b", "a<b", "ab", "s3:Get"]
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root"]
    }
  }
  statement {
    actions = ["ab"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["arn:aws:iam::2:root", "*", "s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["s3:Get"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["s3:Get"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["&{aws:username}", "x*"]
    }
  }
  statement {
    sid = "S2"
    actions = ["*"]
    not_actions = ["ab", "b", "a<b", "s3:Get"]
    principals {
      type = "AWS"
      identifiers = ["Z"]
    }
    not_principals {
      type = "Service"
      identifiers = ["b", "a<b"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["x*"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["Z", "\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["b", "a", "arn:aws:iam::2:root"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["a<b", "arn:aws:iam::1:root", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["s3:Put"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["a"]
    }
  }
}
data "aws_iam_policy_document" "f1_3" {
}
data "aws_iam_policy_document" "f1_4" {
  statement {
    not_principals {
      type = "*"
      identifiers = ["s3:Put", "a<b", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f1_5" {
  statement {
    sid = "S1"
    actions = []
    not_actions = ["\u00e9", "ab"]
    not_resources = []
    condition {
      test = "Bool"
      variable = "k2"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["b", "arn:aws:iam::1:root"]
    }
  }
  statement {
    not_resources = ["Z", "a", "x*", "s3:Put"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["&{aws:username}", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["s3:Get", "x*", "*"]
    }
  }
}
data "aws_iam_policy_document" "f1_6" {
  policy_id = "P"
  statement {
    sid = ""
    effect = "Allow"
    actions = ["arn:aws:iam::1:root", "arn:aws:iam::2:root", "a<b", "x*"]
    not_resources = ["b", "arn:aws:iam::2:root"]
    principals {
      type = "Service"
      identifiers = ["s3:Get", "a<b", "b"]
    }
    principals {
      type = "Federated"
      identifiers = ["&{aws:username}"]
    }
    principals {
      type = "AWS"
      identifiers = ["a<b", "ab"]
    }
    principals {
      type = "Service"
      identifiers = ["b", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f1_7" {
  statement {
    actions = ["s3:Put", "s3:Get"]
    not_resources = []
    not_principals {
      type = "AWS"
      identifiers = ["b", "a<b"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["ab"]
    }
  }
}
data "aws_iam_policy_document" "f1_8" {
}
data "aws_iam_policy_document" "f1_9" {
  statement {
    not_resources = ["*"]
    principals {
      type = "AWS"
      identifiers = ["\u00e9", "s3:Put"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["b", "b"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["Z", "b", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "Service"
      identifiers = ["a<b", "s3:Get", "\u00e9"]
    }
    not_principals {
      type = "*"
      identifiers = ["x*", "arn:aws:iam::2:root", "ab"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["b", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::2:root", "a", "x*"]
    }
  }
  statement {
    sid = "S2"
    effect = "Allow"
    not_resources = []
    not_principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a<b", "a<b"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["b", "s3:Get"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["ab"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["ab"]
    }
  }
  statement {
  }
}
data "aws_iam_policy_document" "f1_10" {
  statement {
    effect = "Allow"
    actions = []
    principals {
      type = "CanonicalUser"
      identifiers = ["a", "&{aws:username}"]
    }
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root"]
    }
    principals {
      type = "*"
      identifiers = ["a<b"]
    }
    principals {
      type = "*"
      identifiers = ["a", "a", "\u00e9"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["ab"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["&{aws:username}", "s3:Put"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["a", "ab", "s3:Get"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root", "\u00e9", "&{aws:username}"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["a"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["s3:Get"]
    }
  }
  statement {
    actions = ["s3:Get", "x*"]
    not_actions = ["s3:Put", "b", "b"]
    not_principals {
      type = "*"
      identifiers = ["s3:Put"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["*", "&{aws:username}"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["s3:Get", "ab"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_11" {
}
data "aws_iam_policy_document" "f1_12" {
  statement {
    resources = ["&{aws:username}"]
    not_principals {
      type = "*"
      identifiers = ["s3:Put"]
    }
    not_principals {
      type = "*"
      identifiers = ["b"]
    }
    not_principals {
      type = "*"
      identifiers = ["s3:Get", "&{aws:username}", "b"]
    }
  }
}
data "aws_iam_policy_document" "f1_13" {
  statement {
    effect = "Allow"
    resources = ["arn:aws:iam::1:root", "arn:aws:iam::2:root", "arn:aws:iam::1:root", "ab"]
    not_resources = ["arn:aws:iam::1:root", "arn:aws:iam::2:root", "arn:aws:iam::2:root", "s3:Put"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["b", "a<b", "arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["a<b", "b"]
    }
  }
  statement {
    effect = "Allow"
    principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "s3:Get"]
    }
    principals {
      type = "Federated"
      identifiers = ["x*", "a", "b"]
    }
    principals {
      type = "*"
      identifiers = ["Z", "x*", "arn:aws:iam::2:root"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["&{aws:username}", "arn:aws:iam::1:root", "s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["Z"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["Z"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["x*", "s3:Put", "s3:Put"]
    }
  }
  statement {
    not_actions = ["*"]
    not_resources = []
    principals {
      type = "*"
      identifiers = ["ab", "a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["a", "x*", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::2:root", "Z", "ab"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Get", "b"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["b", "*"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Get"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["*", "\u00e9", "arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_14" {
  statement {
    effect = "Deny"
    actions = []
    principals {
      type = "Service"
      identifiers = ["*", "\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f1_15" {
  statement {
    sid = "S3"
    effect = "Deny"
    not_actions = ["arn:aws:iam::2:root"]
    not_principals {
      type = "Federated"
      identifiers = ["a<b", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["b"]
    }
    not_principals {
      type = "Service"
      identifiers = ["Z", "s3:Put", "\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "Z", "s3:Get"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["a<b", "&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f1_16" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f1_17" {
  policy_id = "P"
  statement {
    sid = ""
    actions = ["a", "a<b", "arn:aws:iam::1:root", "*"]
    not_actions = ["\u00e9", "s3:Put", "Z", "x*"]
    not_resources = ["\u00e9", "ab", "b", "arn:aws:iam::1:root"]
    principals {
      type = "*"
      identifiers = ["a<b", "ab"]
    }
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root"]
    }
    principals {
      type = "*"
      identifiers = ["s3:Put", "&{aws:username}", "arn:aws:iam::1:root"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "x*", "Z"]
    }
  }
  statement {
    effect = "Allow"
    not_actions = ["s3:Put", "arn:aws:iam::2:root", "arn:aws:iam::1:root"]
    resources = ["a<b"]
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put"]
    }
    principals {
      type = "*"
      identifiers = ["ab", "b"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["ab", "a", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["b", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["&{aws:username}", "x*", "*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root"]
    }
  }
  statement {
    sid = "S1"
    not_resources = ["s3:Get", "&{aws:username}"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["ab", "b"]
    }
  }
}
data "aws_iam_policy_document" "f1_18" {
  statement {
    actions = []
    principals {
      type = "AWS"
      identifiers = ["s3:Get"]
    }
    principals {
      type = "AWS"
      identifiers = ["*", "ab"]
    }
    principals {
      type = "*"
      identifiers = ["Z", "a", "\u00e9"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["x*", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["a<b", "b", "*"]
    }
  }
}
data "aws_iam_policy_document" "f1_19" {
  statement {
    actions = ["s3:Get", "a<b"]
    not_actions = ["Z", "b", "ab", "*"]
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["b", "&{aws:username}"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["&{aws:username}", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["x*", "\u00e9"]
    }
  }
  statement {
    not_actions = ["a<b", "x*"]
    principals {
      type = "Federated"
      identifiers = ["&{aws:username}", "b", "s3:Put"]
    }
    principals {
      type = "AWS"
      identifiers = ["a"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "arn:aws:iam::2:root"]
    }
    principals {
      type = "Service"
      identifiers = ["s3:Put", "\u00e9", "x*"]
    }
    not_principals {
      type = "*"
      identifiers = ["Z", "s3:Put"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["s3:Get", "ab", "a"]
    }
    not_principals {
      type = "Service"
      identifiers = ["*", "arn:aws:iam::1:root"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
  }
  statement {
    resources = []
    not_principals {
      type = "Service"
      identifiers = ["ab", "s3:Get", "&{aws:username}"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["Z", "*", "x*"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_20" {
  statement {
    effect = "Deny"
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["\u00e9", "\u00e9"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["s3:Get", "\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["s3:Get", "s3:Get", "&{aws:username}"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["ab", "s3:Get"]
    }
  }
  statement {
    effect = "Allow"
    actions = []
    principals {
      type = "Federated"
      identifiers = ["a<b", "*", "a"]
    }
    principals {
      type = "AWS"
      identifiers = ["a"]
    }
    principals {
      type = "*"
      identifiers = ["Z", "arn:aws:iam::2:root"]
    }
    principals {
      type = "Federated"
      identifiers = ["\u00e9", "Z", "a<b"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["x*", "ab"]
    }
    not_principals {
      type = "*"
      identifiers = ["a"]
    }
    not_principals {
      type = "Service"
      identifiers = ["x*", "ab"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_21" {
  statement {
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["\u00e9"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["ab", "Z"]
    }
  }
  statement {
    effect = "Allow"
    not_actions = ["a", "s3:Get", "arn:aws:iam::1:root", "s3:Get"]
    not_resources = []
  }
  statement {
    not_actions = []
    principals {
      type = "AWS"
      identifiers = ["Z", "arn:aws:iam::2:root", "*"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["b", "ab"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "arn:aws:iam::1:root", "ab"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["a<b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["a", "s3:Get"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["\u00e9", "arn:aws:iam::1:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_22" {
  statement {
    sid = "S3"
    principals {
      type = "Federated"
      identifiers = ["Z", "\u00e9"]
    }
    principals {
      type = "Federated"
      identifiers = ["Z", "arn:aws:iam::1:root"]
    }
    principals {
      type = "*"
      identifiers = ["s3:Put", "Z"]
    }
    principals {
      type = "Service"
      identifiers = ["ab", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f1_23" {
  statement {
    effect = "Deny"
    not_actions = ["x*"]
    principals {
      type = "Federated"
      identifiers = ["b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["a", "s3:Put", "ab"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["a", "a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["b"]
    }
  }
  statement {
    effect = "Deny"
    actions = ["&{aws:username}", "a", "b", "x*"]
    not_actions = []
    resources = ["*"]
    principals {
      type = "AWS"
      identifiers = ["x*", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["a<b", "a<b"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["b", "*", "s3:Put"]
    }
  }
  statement {
    resources = ["*"]
    not_resources = ["a"]
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "s3:Get"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get", "arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_24" {
  statement {
    effect = "Deny"
    actions = ["x*", "s3:Get", "s3:Get", "a<b"]
    not_resources = ["Z", "*"]
    principals {
      type = "CanonicalUser"
      identifiers = ["*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["ab"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["b", "s3:Put", "ab"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_25" {
}
data "aws_iam_policy_document" "f1_26" {
  statement {
    sid = ""
    principals {
      type = "AWS"
      identifiers = ["Z"]
    }
    principals {
      type = "AWS"
      identifiers = ["\u00e9", "\u00e9", "a"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Put"]
    }
    principals {
      type = "Service"
      identifiers = ["s3:Get", "a<b", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f1_27" {
  statement {
    actions = ["arn:aws:iam::1:root", "b", "s3:Get", "x*"]
    resources = []
    principals {
      type = "Federated"
      identifiers = ["*", "a<b", "a"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "&{aws:username}"]
    }
    principals {
      type = "Federated"
      identifiers = ["a<b", "x*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["ab", "a", "x*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["ab", "s3:Get", "*"]
    }
  }
  statement {
    actions = ["a", "Z", "arn:aws:iam::1:root", "&{aws:username}"]
    not_resources = ["b"]
    principals {
      type = "Service"
      identifiers = ["Z", "\u00e9", "Z"]
    }
    principals {
      type = "Federated"
      identifiers = ["*", "a<b"]
    }
    principals {
      type = "Service"
      identifiers = ["Z", "&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["Z"]
    }
  }
}
data "aws_iam_policy_document" "f1_28" {
  statement {
    effect = "Allow"
    not_actions = ["a<b", "*", "\u00e9"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}"]
    }
  }
  statement {
    actions = ["s3:Get", "ab", "ab", "&{aws:username}"]
  }
}
data "aws_iam_policy_document" "f1_29" {
}
data "aws_iam_policy_document" "f1_30" {
  statement {
    sid = ""
    principals {
      type = "AWS"
      identifiers = ["Z", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["s3:Get", "ab", "\u00e9"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["Z"]
    }
  }
  statement {
    actions = ["arn:aws:iam::2:root", "ab", "a<b", "\u00e9"]
    not_resources = ["arn:aws:iam::2:root"]
    principals {
      type = "*"
      identifiers = ["s3:Put", "Z"]
    }
    principals {
      type = "AWS"
      identifiers = ["ab"]
    }
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["&{aws:username}", "&{aws:username}", "*"]
    }
  }
  statement {
    sid = "S1"
    not_resources = ["*"]
    not_principals {
      type = "Service"
      identifiers = ["\u00e9", "ab"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["s3:Get", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["a<b", "Z"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_31" {
  policy_id = "P"
  statement {
    sid = "S1"
    not_actions = ["*", "s3:Put", "arn:aws:iam::1:root"]
    principals {
      type = "*"
      identifiers = ["s3:Get", "ab", "\u00e9"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9", "a"]
    }
  }
  statement {
    resources = []
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::2:root", "Z", "b"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["arn:aws:iam::1:root", "&{aws:username}", "\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_32" {
}
data "aws_iam_policy_document" "f1_33" {
  statement {
    sid = "S1"
    actions = ["&{aws:username}", "s3:Get", "x*", "arn:aws:iam::1:root"]
    not_actions = ["a<b", "a<b", "b", "x*"]
    not_principals {
      type = "Federated"
      identifiers = ["a", "s3:Put"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["x*", "Z"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["a<b", "ab"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["&{aws:username}", "&{aws:username}"]
    }
  }
  statement {
    not_actions = ["s3:Get", "a", "b", "x*"]
    resources = ["a<b", "s3:Get"]
    not_resources = ["s3:Put", "b"]
    principals {
      type = "CanonicalUser"
      identifiers = ["x*", "s3:Get"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["x*", "s3:Get", "&{aws:username}"]
    }
  }
  statement {
    resources = []
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "s3:Put", "a<b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["b"]
    }
    principals {
      type = "Service"
      identifiers = ["&{aws:username}", "b"]
    }
    not_principals {
      type = "Service"
      identifiers = ["b"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["Z", "a", "\u00e9"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["a<b", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f1_34" {
}
data "aws_iam_policy_document" "f1_35" {
  statement {
    actions = ["x*", "a<b", "\u00e9"]
    not_actions = ["&{aws:username}", "\u00e9"]
    resources = ["a", "\u00e9", "s3:Put", "\u00e9"]
    not_principals {
      type = "Service"
      identifiers = ["s3:Put"]
    }
    not_principals {
      type = "Service"
      identifiers = ["s3:Get", "b", "\u00e9"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["x*", "s3:Put", "\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
  }
  statement {
    sid = "S3"
    effect = "Deny"
    not_actions = ["a<b"]
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::1:root"]
    }
    principals {
      type = "*"
      identifiers = ["x*", "x*", "&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["s3:Put", "&{aws:username}"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["b", "*"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["s3:Put", "s3:Put", "*"]
    }
  }
}
data "aws_iam_policy_document" "f1_36" {
  statement {
    not_resources = ["*", "s3:Get"]
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    }
    principals {
      type = "AWS"
      identifiers = ["a<b", "a", "a<b"]
    }
    principals {
      type = "*"
      identifiers = ["x*", "arn:aws:iam::1:root"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root", "\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["&{aws:username}", "a"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a<b", "a"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["\u00e9", "a", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["b", "*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["&{aws:username}", "s3:Put"]
    }
  }
  statement {
    sid = ""
    not_actions = ["\u00e9", "s3:Put", "*", "x*"]
    resources = ["&{aws:username}", "s3:Get", "Z"]
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["s3:Put"]
    }
  }
  statement {
    sid = "S2"
    not_actions = ["Z", "Z"]
    resources = ["a"]
    principals {
      type = "CanonicalUser"
      identifiers = ["x*", "s3:Put"]
    }
    principals {
      type = "AWS"
      identifiers = ["*", "arn:aws:iam::2:root", "a<b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "&{aws:username}", "a"]
    }
  }
}
data "aws_iam_policy_document" "f1_37" {
}
data "aws_iam_policy_document" "f1_38" {
  statement {
    actions = ["s3:Get", "s3:Get", "s3:Get", "ab"]
    not_actions = []
    not_resources = []
    not_principals {
      type = "AWS"
      identifiers = ["a"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["ab"]
    }
  }
  statement {
    sid = ""
    effect = "Deny"
    actions = ["&{aws:username}", "b"]
    not_actions = ["s3:Get"]
    principals {
      type = "Federated"
      identifiers = ["a"]
    }
    principals {
      type = "Federated"
      identifiers = ["ab", "b", "Z"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a", "s3:Put"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_39" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f1_40" {
  policy_id = "P"
  statement {
    not_principals {
      type = "*"
      identifiers = ["s3:Put", "&{aws:username}", "*"]
    }
    not_principals {
      type = "*"
      identifiers = ["&{aws:username}"]
    }
    not_principals {
      type = "Service"
      identifiers = ["x*", "ab"]
    }
  }
}
data "aws_iam_policy_document" "f1_41" {
}
data "aws_iam_policy_document" "f1_42" {
  statement {
    not_resources = ["x*", "x*", "x*"]
    principals {
      type = "CanonicalUser"
      identifiers = ["x*"]
    }
    principals {
      type = "Service"
      identifiers = ["ab", "arn:aws:iam::2:root"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Get"]
    }
    principals {
      type = "Service"
      identifiers = ["Z"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["x*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["Z", "arn:aws:iam::2:root"]
    }
  }
  statement {
    sid = "S1"
    principals {
      type = "*"
      identifiers = ["a", "a", "\u00e9"]
    }
    principals {
      type = "Service"
      identifiers = ["x*", "\u00e9", "x*"]
    }
  }
  statement {
    resources = []
    not_resources = ["a", "arn:aws:iam::2:root", "s3:Put"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["x*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["\u00e9", "s3:Put"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_43" {
  statement {
    sid = "S2"
    effect = "Allow"
    actions = ["s3:Get", "s3:Get", "s3:Get", "s3:Put"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["a<b", "b", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["Z"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["*"]
    }
  }
}
data "aws_iam_policy_document" "f1_44" {
  policy_id = "P"
  statement {
    sid = "S1"
    actions = []
    not_actions = ["s3:Get", "a", "a"]
    principals {
      type = "AWS"
      identifiers = ["x*", "*", "\u00e9"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "s3:Put", "x*"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z"]
    }
    principals {
      type = "Federated"
      identifiers = ["b", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["x*"]
    }
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["&{aws:username}", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["&{aws:username}", "s3:Put", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["s3:Put", "arn:aws:iam::2:root", "s3:Put"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["ab", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f1_45" {
  policy_id = "P"
  statement {
    not_actions = ["ab", "Z", "\u00e9"]
    resources = ["b"]
    principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9", "x*"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put"]
    }
    principals {
      type = "*"
      identifiers = ["a", "&{aws:username}"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Get", "\u00e9", "Z"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["x*", "x*", "Z"]
    }
    not_principals {
      type = "Service"
      identifiers = ["*", "*", "s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["Z"]
    }
  }
  statement {
    sid = "S1"
    effect = "Allow"
    not_resources = ["Z", "a", "s3:Put"]
    principals {
      type = "*"
      identifiers = ["ab", "s3:Get", "arn:aws:iam::1:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_46" {
  statement {
    sid = "S1"
    actions = ["s3:Get", "arn:aws:iam::2:root", "arn:aws:iam::1:root", "s3:Get"]
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root"]
    }
    principals {
      type = "Service"
      identifiers = ["a", "x*", "b"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "*"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["&{aws:username}", "ab", "Z"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Put"]
    }
  }
  statement {
    resources = ["arn:aws:iam::2:root", "ab", "a<b", "a"]
    not_principals {
      type = "*"
      identifiers = ["Z", "x*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a", "\u00e9"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["s3:Put", "\u00e9", "Z"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["x*"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["a<b"]
    }
  }
}
data "aws_iam_policy_document" "f1_47" {
  statement {
    actions = []
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["\u00e9", "\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["a<b", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["ab", "Z", "ab"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f1_48" {
  statement {
    resources = ["x*", "s3:Get", "s3:Put", "a<b"]
    principals {
      type = "CanonicalUser"
      identifiers = ["ab"]
    }
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::1:root", "s3:Put", "arn:aws:iam::1:root"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Put", "a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["&{aws:username}", "a"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["*", "&{aws:username}", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["x*"]
    }
    not_principals {
      type = "*"
      identifiers = ["&{aws:username}", "*", "a<b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["a", "a<b", "x*"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["b"]
    }
  }
  statement {
    resources = ["x*", "s3:Get", "*"]
    not_principals {
      type = "Service"
      identifiers = ["ab"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["x*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["s3:Put", "ab", "arn:aws:iam::1:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_49" {
  statement {
    sid = "S2"
    actions = []
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["b", "Z"]
    }
  }
}
data "aws_iam_policy_document" "f1_50" {
  statement {
    effect = "Deny"
    resources = ["x*", "s3:Get", "arn:aws:iam::1:root"]
    not_resources = ["arn:aws:iam::1:root"]
    principals {
      type = "*"
      identifiers = ["a<b", "s3:Put"]
    }
    principals {
      type = "*"
      identifiers = ["b", "a", "ab"]
    }
  }
  statement {
    sid = "S3"
    actions = ["arn:aws:iam::1:root"]
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["*"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["ab"]
    }
  }
  statement {
    principals {
      type = "Service"
      identifiers = ["*", "\u00e9", "&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["\u00e9", "x*", "Z"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["s3:Put"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["b"]
    }
  }
}
data "aws_iam_policy_document" "f1_51" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f1_52" {
  policy_id = "P"
  statement {
    effect = "Deny"
    not_actions = ["s3:Get", "arn:aws:iam::2:root", "&{aws:username}"]
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root"]
    }
    principals {
      type = "Federated"
      identifiers = ["Z", "s3:Get"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Get", "ab"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "s3:Put"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["a<b", "*", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["a<b", "s3:Get"]
    }
  }
  statement {
    effect = "Allow"
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = []
    }
  }
  statement {
    effect = "Deny"
    resources = ["b", "b", "*"]
    not_resources = ["*", "\u00e9", "\u00e9", "s3:Put"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["ab"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["b", "a<b", "a"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get", "arn:aws:iam::2:root", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f1_53" {
  statement {
    sid = "S1"
    effect = "Deny"
    principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::2:root", "a", "a"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "Z", "&{aws:username}"]
    }
    not_principals {
      type = "Service"
      identifiers = ["a<b"]
    }
  }
}
data "aws_iam_policy_document" "f1_54" {
  statement {
    resources = ["a<b"]
    not_resources = []
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    principals {
      type = "Federated"
      identifiers = ["\u00e9"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["b", "Z"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z"]
    }
    not_principals {
      type = "Service"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "*"
      identifiers = ["a", "a<b", "a<b"]
    }
    not_principals {
      type = "*"
      identifiers = ["s3:Get", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root", "s3:Get", "x*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["Z"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["x*", "\u00e9", "*"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["a<b", "a", "*"]
    }
  }
  statement {
    sid = "S1"
    actions = ["s3:Put", "&{aws:username}", "*"]
    not_actions = ["arn:aws:iam::2:root", "Z", "s3:Put", "&{aws:username}"]
    resources = []
    not_resources = ["s3:Get"]
  }
  statement {
    effect = "Allow"
    not_resources = []
    principals {
      type = "AWS"
      identifiers = ["s3:Put", "\u00e9"]
    }
    principals {
      type = "Service"
      identifiers = ["&{aws:username}", "Z", "a<b"]
    }
    principals {
      type = "Service"
      identifiers = ["a", "&{aws:username}", "a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Put", "b"]
    }
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f1_55" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f1_56" {
}
data "aws_iam_policy_document" "f1_57" {
  statement {
    sid = "S3"
    resources = ["s3:Get", "arn:aws:iam::1:root"]
    not_resources = ["arn:aws:iam::1:root"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
  }
  statement {
    sid = "S1"
    effect = "Allow"
    actions = ["ab"]
    not_actions = ["&{aws:username}"]
    principals {
      type = "Federated"
      identifiers = ["a<b", "*", "Z"]
    }
    principals {
      type = "Federated"
      identifiers = ["b"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["Z", "\u00e9", "s3:Get"]
    }
    not_principals {
      type = "*"
      identifiers = ["s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f1_58" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f1_59" {
  statement {
    sid = "S2"
    actions = ["arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    not_actions = []
    principals {
      type = "AWS"
      identifiers = ["Z", "*"]
    }
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_0" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f2_1" {
  statement {
    not_actions = ["arn:aws:iam::1:root", "s3:Put", "a", "s3:Put"]
  }
  statement {
    principals {
      type = "*"
      identifiers = ["s3:Get", "ab"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root"]
    }
    principals {
      type = "Service"
      identifiers = ["ab"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["x*", "s3:Get", "*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["Z"]
    }
  }
}
data "aws_iam_policy_document" "f2_2" {
  source_policy_documents = [data.aws_iam_policy_document.f2_0.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_0.json, data.aws_iam_policy_document.f2_1.json]
  statement {
    sid = "S3"
    effect = "Deny"
  }
  statement {
    principals {
      type = "Federated"
      identifiers = ["ab", "s3:Put", "arn:aws:iam::2:root"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "a<b"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["Z"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["\u00e9", "a"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["arn:aws:iam::1:root", "arn:aws:iam::1:root"]
    }
  }
}
data "aws_iam_policy_document" "f2_3" {
  policy_id = "P"
  override_policy_documents = [data.aws_iam_policy_document.f2_1.json]
}
data "aws_iam_policy_document" "f2_4" {
  statement {
    sid = "S1"
    not_actions = ["a", "a<b", "arn:aws:iam::1:root", "ab"]
    not_resources = ["*", "\u00e9", "\u00e9", "b"]
    principals {
      type = "AWS"
      identifiers = ["Z", "s3:Get"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["a", "arn:aws:iam::2:root", "a<b"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "ab", "Z"]
    }
    principals {
      type = "Service"
      identifiers = ["*"]
    }
  }
  statement {
    resources = ["arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    principals {
      type = "CanonicalUser"
      identifiers = ["*"]
    }
    not_principals {
      type = "Service"
      identifiers = ["ab"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["\u00e9"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["b", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f2_5" {
  statement {
    sid = "S3"
    effect = "Allow"
    actions = ["&{aws:username}", "ab", "b"]
    resources = []
    not_resources = ["a<b"]
    principals {
      type = "AWS"
      identifiers = ["*", "Z", "Z"]
    }
    principals {
      type = "Federated"
      identifiers = ["*", "&{aws:username}", "arn:aws:iam::1:root"]
    }
  }
  statement {
    actions = ["a", "&{aws:username}", "s3:Get", "s3:Put"]
    not_actions = []
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "\u00e9"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_6" {
  source_policy_documents = [data.aws_iam_policy_document.f2_5.json]
}
data "aws_iam_policy_document" "f2_7" {
  override_policy_documents = [data.aws_iam_policy_document.f2_2.json, data.aws_iam_policy_document.f2_3.json]
  statement {
    actions = []
    not_actions = []
    resources = ["arn:aws:iam::1:root", "b", "s3:Put"]
    not_resources = ["ab", "a<b", "x*"]
    principals {
      type = "Federated"
      identifiers = ["b"]
    }
    not_principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Put"]
    }
    not_principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f2_8" {
  override_policy_documents = [data.aws_iam_policy_document.f2_5.json]
  statement {
    not_resources = ["Z"]
  }
  statement {
    effect = "Allow"
    actions = ["s3:Get"]
    not_actions = ["b", "a<b", "b"]
    not_principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["ab", "s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["ab"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["Z"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["a<b", "a<b"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["\u00e9", "a", "a<b"]
    }
  }
  statement {
    actions = ["a", "Z", "arn:aws:iam::2:root", "&{aws:username}"]
    not_actions = ["\u00e9", "*", "Z"]
    resources = ["x*", "\u00e9", "\u00e9", "*"]
    not_resources = ["s3:Get"]
    not_principals {
      type = "AWS"
      identifiers = ["Z", "s3:Get"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab", "b", "a"]
    }
    not_principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "arn:aws:iam::1:root", "b"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["Z"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["Z", "arn:aws:iam::2:root", "s3:Get"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["*", "x*", "Z"]
    }
  }
}
data "aws_iam_policy_document" "f2_9" {
  policy_id = "P"
  statement {
    not_actions = ["a"]
    resources = ["Z", "*", "arn:aws:iam::2:root"]
    not_resources = ["s3:Get", "Z"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root", "*"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["*", "ab"]
    }
    not_principals {
      type = "*"
      identifiers = ["s3:Get", "\u00e9", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["x*", "arn:aws:iam::2:root"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["a", "arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["a", "b"]
    }
  }
}
data "aws_iam_policy_document" "f2_10" {
  statement {
    sid = "S2"
    effect = "Deny"
    actions = ["Z", "arn:aws:iam::2:root", "Z"]
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["a<b"]
    }
  }
  statement {
    actions = ["arn:aws:iam::1:root"]
    not_actions = ["*", "&{aws:username}", "&{aws:username}", "a<b"]
    not_resources = ["s3:Get", "s3:Put", "\u00e9", "\u00e9"]
  }
}
data "aws_iam_policy_document" "f2_11" {
  override_policy_documents = [data.aws_iam_policy_document.f2_3.json, data.aws_iam_policy_document.f2_0.json]
  statement {
    actions = ["&{aws:username}", "Z"]
    not_actions = ["Z", "Z"]
    resources = ["x*"]
    principals {
      type = "AWS"
      identifiers = ["ab", "x*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["x*", "arn:aws:iam::1:root", "s3:Put"]
    }
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "Z", "*"]
    }
    not_principals {
      type = "Service"
      identifiers = ["x*", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab"]
    }
  }
  statement {
    sid = "S1"
    actions = ["arn:aws:iam::1:root", "arn:aws:iam::1:root"]
    not_resources = ["*", "a<b"]
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["ab", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f2_12" {
  source_policy_documents = [data.aws_iam_policy_document.f2_3.json]
  statement {
    not_resources = ["s3:Get", "*", "Z", "&{aws:username}"]
    not_principals {
      type = "*"
      identifiers = ["Z", "a", "b"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab", "b", "*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["b"]
    }
    not_principals {
      type = "*"
      identifiers = ["Z", "a<b"]
    }
  }
  statement {
    sid = "S2"
    effect = "Allow"
    actions = []
    not_actions = ["a", "Z", "arn:aws:iam::1:root"]
    resources = ["s3:Get"]
    not_resources = ["s3:Get", "a", "a", "arn:aws:iam::1:root"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["ab"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a", "ab"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["x*", "s3:Put", "*"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = []
    }
  }
  statement {
    effect = "Allow"
    actions = ["arn:aws:iam::2:root"]
    not_actions = ["&{aws:username}"]
    resources = ["a<b", "arn:aws:iam::2:root"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab", "\u00e9", "s3:Get"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Put"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["s3:Put", "a", "*"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["\u00e9", "\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f2_13" {
  statement {
    sid = "S1"
    actions = ["ab", "a<b", "b", "*"]
    not_resources = ["ab"]
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["*", "\u00e9", "a"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["&{aws:username}"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["s3:Put", "s3:Get", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["\u00e9"]
    }
  }
  statement {
    sid = "S3"
    not_actions = ["arn:aws:iam::2:root", "s3:Put", "arn:aws:iam::1:root", "s3:Put"]
    not_resources = ["s3:Put", "x*", "arn:aws:iam::2:root"]
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "arn:aws:iam::1:root", "a<b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["*", "s3:Put", "ab"]
    }
    principals {
      type = "Federated"
      identifiers = ["s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["a", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f2_14" {
  policy_id = "P"
  source_policy_documents = [data.aws_iam_policy_document.f2_5.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_9.json]
  statement {
    sid = "S3"
    actions = ["s3:Put", "ab", "arn:aws:iam::1:root", "ab"]
    not_actions = ["\u00e9", "b", "*"]
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::1:root", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["x*", "s3:Put", "s3:Put"]
    }
  }
  statement {
    effect = "Allow"
    not_actions = ["ab"]
    not_principals {
      type = "*"
      identifiers = ["Z", "&{aws:username}"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Service"
      identifiers = ["s3:Get"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put"]
    }
  }
  statement {
    effect = "Deny"
    resources = ["x*", "s3:Get", "a<b", "Z"]
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_15" {
  statement {
    actions = ["s3:Get", "b", "*", "*"]
    not_actions = ["a"]
    resources = ["Z", "a"]
    principals {
      type = "AWS"
      identifiers = ["x*", "b", "s3:Put"]
    }
    principals {
      type = "Federated"
      identifiers = ["a<b", "*"]
    }
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root", "s3:Get"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_16" {
  source_policy_documents = [data.aws_iam_policy_document.f2_13.json]
}
data "aws_iam_policy_document" "f2_17" {
  override_policy_documents = [data.aws_iam_policy_document.f2_2.json, data.aws_iam_policy_document.f2_8.json]
  statement {
    effect = "Allow"
    actions = ["*", "ab"]
    not_actions = []
    not_principals {
      type = "Federated"
      identifiers = ["s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f2_18" {
  statement {
    sid = "S3"
    not_actions = ["Z"]
    not_resources = ["ab", "s3:Get", "Z", "&{aws:username}"]
  }
}
data "aws_iam_policy_document" "f2_19" {
  source_policy_documents = [data.aws_iam_policy_document.f2_10.json]
  statement {
    sid = "S2"
    not_resources = ["Z", "Z", "arn:aws:iam::1:root"]
    principals {
      type = "Service"
      identifiers = ["a<b", "*"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Put", "a"]
    }
    principals {
      type = "*"
      identifiers = ["a", "s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["Z"]
    }
    not_principals {
      type = "*"
      identifiers = ["s3:Get", "s3:Put"]
    }
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::1:root", "s3:Get", "s3:Get"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["b", "\u00e9", "&{aws:username}"]
    }
  }
  statement {
    principals {
      type = "Service"
      identifiers = ["Z", "Z"]
    }
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "x*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["s3:Put", "a", "arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["s3:Put", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f2_20" {
  source_policy_documents = [data.aws_iam_policy_document.f2_11.json]
  statement {
    not_actions = []
    resources = ["Z", "ab"]
    principals {
      type = "*"
      identifiers = ["*", "s3:Put"]
    }
    principals {
      type = "AWS"
      identifiers = ["*", "s3:Put"]
    }
    principals {
      type = "Service"
      identifiers = ["\u00e9"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["a<b", "arn:aws:iam::2:root", "b"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["x*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["s3:Get"]
    }
  }
  statement {
    actions = ["Z", "arn:aws:iam::1:root", "&{aws:username}", "arn:aws:iam::2:root"]
    not_resources = ["a<b", "Z", "\u00e9"]
    principals {
      type = "Service"
      identifiers = ["\u00e9", "s3:Put", "ab"]
    }
    principals {
      type = "*"
      identifiers = ["a", "a<b", "\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["s3:Put"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a<b", "*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
  }
  statement {
    sid = "S2"
    actions = ["ab", "ab", "a<b"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["a<b"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["a<b", "arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get", "arn:aws:iam::1:root", "b"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["Z", "a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["s3:Put"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["a"]
    }
  }
}
data "aws_iam_policy_document" "f2_21" {
  override_policy_documents = [data.aws_iam_policy_document.f2_18.json]
  statement {
    sid = "S3"
    actions = ["a<b", "a", "a<b", "a"]
    not_actions = ["\u00e9"]
    resources = ["a<b", "a", "ab", "\u00e9"]
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::2:root", "b"]
    }
    principals {
      type = "Service"
      identifiers = ["b", "a", "b"]
    }
    principals {
      type = "Service"
      identifiers = ["\u00e9", "ab"]
    }
  }
}
data "aws_iam_policy_document" "f2_22" {
  source_policy_documents = [data.aws_iam_policy_document.f2_17.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_7.json, data.aws_iam_policy_document.f2_1.json]
  statement {
    resources = []
    principals {
      type = "CanonicalUser"
      identifiers = ["ab", "s3:Get"]
    }
    principals {
      type = "AWS"
      identifiers = ["a", "ab", "*"]
    }
    principals {
      type = "*"
      identifiers = ["&{aws:username}"]
    }
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "s3:Put", "s3:Get"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["b", "x*", "arn:aws:iam::1:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_23" {
  source_policy_documents = [data.aws_iam_policy_document.f2_4.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_8.json, data.aws_iam_policy_document.f2_18.json]
  statement {
    sid = "S1"
    not_actions = ["b"]
    principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["a", "arn:aws:iam::1:root"]
    }
  }
}
data "aws_iam_policy_document" "f2_24" {
  statement {
    actions = ["&{aws:username}", "Z", "Z", "&{aws:username}"]
    not_resources = ["arn:aws:iam::2:root", "a<b", "s3:Put"]
    principals {
      type = "CanonicalUser"
      identifiers = ["x*", "s3:Get", "b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root"]
    }
    principals {
      type = "*"
      identifiers = ["Z", "\u00e9", "b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "s3:Get", "*"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["ab"]
    }
  }
}
data "aws_iam_policy_document" "f2_25" {
  policy_id = "P"
  source_policy_documents = [data.aws_iam_policy_document.f2_14.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_8.json, data.aws_iam_policy_document.f2_23.json]
  statement {
    not_actions = ["s3:Put", "arn:aws:iam::2:root"]
    resources = ["&{aws:username}", "s3:Get", "\u00e9", "a"]
    not_resources = ["arn:aws:iam::1:root", "s3:Get", "x*"]
  }
}
data "aws_iam_policy_document" "f2_26" {
  policy_id = "P"
  override_policy_documents = [data.aws_iam_policy_document.f2_9.json, data.aws_iam_policy_document.f2_13.json]
  statement {
    sid = "S2"
    effect = "Deny"
    actions = ["ab"]
    not_actions = ["ab", "&{aws:username}", "\u00e9"]
    not_resources = ["a<b"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["ab", "a", "a"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["b", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["arn:aws:iam::2:root", "b"]
    }
  }
  statement {
    sid = "S1"
    actions = ["s3:Put"]
    not_resources = ["b", "arn:aws:iam::1:root"]
    not_principals {
      type = "Service"
      identifiers = ["a", "ab", "b"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["s3:Put"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["Z", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["&{aws:username}"]
    }
  }
  statement {
    sid = ""
    effect = "Deny"
    not_actions = ["*", "a"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["s3:Put", "&{aws:username}", "*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["s3:Put"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["b", "s3:Put", "ab"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["&{aws:username}"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["s3:Get", "*"]
    }
  }
}
data "aws_iam_policy_document" "f2_27" {
  override_policy_documents = [data.aws_iam_policy_document.f2_16.json, data.aws_iam_policy_document.f2_17.json]
  statement {
    sid = "S2"
    actions = []
    not_resources = ["arn:aws:iam::2:root"]
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root"]
    }
    principals {
      type = "Service"
      identifiers = ["a"]
    }
    principals {
      type = "AWS"
      identifiers = ["&{aws:username}"]
    }
    principals {
      type = "AWS"
      identifiers = ["s3:Put", "s3:Put"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["b"]
    }
  }
}
data "aws_iam_policy_document" "f2_28" {
  statement {
    sid = "S1"
    actions = ["b", "ab", "*", "a"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root"]
    }
  }
  statement {
    sid = ""
    effect = "Deny"
    resources = ["b"]
  }
}
data "aws_iam_policy_document" "f2_29" {
  statement {
    sid = "S1"
    effect = "Deny"
    not_resources = []
    principals {
      type = "*"
      identifiers = ["*", "\u00e9", "\u00e9"]
    }
    principals {
      type = "Service"
      identifiers = ["&{aws:username}", "s3:Get", "*"]
    }
    principals {
      type = "AWS"
      identifiers = ["a<b", "s3:Get", "&{aws:username}"]
    }
    principals {
      type = "Federated"
      identifiers = ["Z"]
    }
    not_principals {
      type = "Service"
      identifiers = ["a<b", "ab", "\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["a<b"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get", "\u00e9"]
    }
    not_principals {
      type = "Service"
      identifiers = ["&{aws:username}", "s3:Put"]
    }
  }
  statement {
    effect = "Allow"
    actions = ["a"]
    not_resources = ["ab"]
    principals {
      type = "AWS"
      identifiers = ["&{aws:username}", "s3:Get", "s3:Put"]
    }
    principals {
      type = "Service"
      identifiers = ["&{aws:username}"]
    }
    principals {
      type = "Federated"
      identifiers = ["a"]
    }
  }
  statement {
    actions = ["s3:Get", "\u00e9", "Z"]
    not_resources = ["&{aws:username}", "s3:Get"]
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["s3:Get", "*", "ab"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["\u00e9"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["*", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f2_30" {
  statement {
    sid = "S1"
    effect = "Deny"
    not_actions = ["s3:Put"]
    resources = ["a", "a"]
    principals {
      type = "AWS"
      identifiers = ["*", "&{aws:username}", "b"]
    }
    principals {
      type = "Federated"
      identifiers = ["s3:Get"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["Z", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["&{aws:username}", "&{aws:username}", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f2_31" {
  source_policy_documents = [data.aws_iam_policy_document.f2_5.json]
}
data "aws_iam_policy_document" "f2_32" {
  statement {
    sid = ""
    not_actions = ["a", "b"]
    resources = ["ab", "*"]
    principals {
      type = "CanonicalUser"
      identifiers = ["a<b", "s3:Get", "arn:aws:iam::2:root"]
    }
    principals {
      type = "Federated"
      identifiers = ["x*", "s3:Get", "a<b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "&{aws:username}", "a<b"]
    }
    principals {
      type = "*"
      identifiers = ["&{aws:username}"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["&{aws:username}", "Z"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["\u00e9", "arn:aws:iam::1:root", "s3:Put"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["a", "*"]
    }
  }
  statement {
    not_principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["a<b", "arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f2_33" {
  statement {
    effect = "Allow"
    actions = []
    not_actions = ["arn:aws:iam::2:root"]
    resources = ["a", "*", "&{aws:username}"]
    principals {
      type = "*"
      identifiers = ["\u00e9"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "&{aws:username}", "Z"]
    }
  }
  statement {
    actions = ["*", "arn:aws:iam::2:root", "arn:aws:iam::1:root"]
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "x*"]
    }
    principals {
      type = "Service"
      identifiers = ["*", "&{aws:username}", "a"]
    }
    principals {
      type = "AWS"
      identifiers = ["ab"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["x*", "s3:Get", "a<b"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["b"]
    }
  }
  statement {
    sid = "S3"
    not_resources = ["Z"]
    principals {
      type = "CanonicalUser"
      identifiers = ["ab", "arn:aws:iam::1:root"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Get", "&{aws:username}"]
    }
    principals {
      type = "Federated"
      identifiers = ["ab", "arn:aws:iam::2:root"]
    }
    principals {
      type = "Federated"
      identifiers = ["&{aws:username}", "*", "*"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["s3:Get", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["s3:Put", "s3:Put"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_34" {
  statement {
    sid = "S1"
    actions = ["ab", "&{aws:username}"]
    not_actions = ["a<b", "arn:aws:iam::2:root", "&{aws:username}", "x*"]
    resources = []
    not_principals {
      type = "*"
      identifiers = ["ab", "ab", "arn:aws:iam::1:root"]
    }
  }
  statement {
    actions = []
    not_actions = ["b", "\u00e9", "b"]
    resources = ["arn:aws:iam::1:root", "&{aws:username}", "s3:Put"]
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["a<b", "arn:aws:iam::2:root"]
    }
  }
  statement {
    not_actions = ["b", "a", "s3:Get", "s3:Get"]
    resources = ["arn:aws:iam::1:root", "arn:aws:iam::1:root", "arn:aws:iam::1:root", "arn:aws:iam::1:root"]
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get", "*"]
    }
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["s3:Put", "b", "ab"]
    }
  }
}
data "aws_iam_policy_document" "f2_35" {
  source_policy_documents = [data.aws_iam_policy_document.f2_1.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_22.json]
  statement {
    resources = ["Z", "Z", "\u00e9"]
    not_resources = ["arn:aws:iam::1:root"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "a<b"]
    }
    not_principals {
      type = "*"
      identifiers = ["\u00e9", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["*"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["x*"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = []
    }
  }
  statement {
    sid = "S3"
    actions = ["arn:aws:iam::2:root", "a<b", "ab", "b"]
    not_actions = ["arn:aws:iam::1:root"]
    not_resources = []
    not_principals {
      type = "Federated"
      identifiers = ["s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["ab"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["arn:aws:iam::2:root", "\u00e9", "Z"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["b"]
    }
  }
  statement {
    actions = ["b", "arn:aws:iam::1:root", "&{aws:username}"]
    not_actions = ["b", "arn:aws:iam::1:root", "Z"]
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["Z", "Z", "a<b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["s3:Put", "Z"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
  }
}
data "aws_iam_policy_document" "f2_36" {
  source_policy_documents = [data.aws_iam_policy_document.f2_32.json]
  statement {
    actions = ["b", "b", "ab", "s3:Put"]
    resources = ["s3:Put", "ab"]
    principals {
      type = "Federated"
      identifiers = ["*", "Z"]
    }
  }
  statement {
    effect = "Allow"
    not_actions = ["ab", "s3:Put"]
    principals {
      type = "Service"
      identifiers = ["b"]
    }
    principals {
      type = "Federated"
      identifiers = ["Z", "s3:Get", "a"]
    }
    principals {
      type = "Service"
      identifiers = ["x*", "x*", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["ab", "&{aws:username}", "&{aws:username}"]
    }
  }
}
data "aws_iam_policy_document" "f2_37" {
  override_policy_documents = [data.aws_iam_policy_document.f2_14.json, data.aws_iam_policy_document.f2_16.json]
  statement {
    actions = ["a", "arn:aws:iam::2:root", "&{aws:username}"]
    not_actions = []
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["a", "*", "Z"]
    }
  }
  statement {
    effect = "Allow"
    actions = ["Z"]
    not_resources = ["\u00e9", "\u00e9", "\u00e9", "a<b"]
    not_principals {
      type = "Federated"
      identifiers = ["a<b", "ab", "arn:aws:iam::1:root"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["\u00e9", "b", "ab"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["Z", "s3:Get", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f2_38" {
  policy_id = "P"
}
data "aws_iam_policy_document" "f2_39" {
  override_policy_documents = [data.aws_iam_policy_document.f2_19.json]
  statement {
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root", "\u00e9", "a<b"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root", "ab"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["&{aws:username}", "arn:aws:iam::2:root", "a"]
    }
    principals {
      type = "Federated"
      identifiers = ["x*", "s3:Get", "\u00e9"]
    }
  }
}
data "aws_iam_policy_document" "f2_40" {
  source_policy_documents = [data.aws_iam_policy_document.f2_27.json]
  statement {
    sid = "S3"
    effect = "Deny"
    resources = ["a<b", "s3:Put", "a<b", "\u00e9"]
    not_principals {
      type = "CanonicalUser"
      identifiers = ["\u00e9", "*"]
    }
  }
  statement {
    sid = ""
    not_actions = ["Z"]
    not_resources = ["x*", "x*", "&{aws:username}"]
    principals {
      type = "Service"
      identifiers = ["\u00e9", "arn:aws:iam::1:root"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["*", "s3:Put"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "arn:aws:iam::1:root", "b"]
    }
    principals {
      type = "*"
      identifiers = ["ab", "&{aws:username}", "s3:Put"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["&{aws:username}"]
    }
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "a", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a<b", "a"]
    }
  }
  statement {
    effect = "Deny"
    not_principals {
      type = "CanonicalUser"
      identifiers = ["s3:Put", "Z"]
    }
  }
}
data "aws_iam_policy_document" "f2_41" {
  source_policy_documents = [data.aws_iam_policy_document.f2_4.json]
}
data "aws_iam_policy_document" "f2_42" {
  statement {
    sid = "S1"
    not_actions = []
    not_resources = ["b", "&{aws:username}", "s3:Put"]
    principals {
      type = "Federated"
      identifiers = ["s3:Get", "Z"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["s3:Get", "a", "ab"]
    }
  }
  statement {
    not_actions = ["a<b"]
    resources = ["a", "&{aws:username}", "&{aws:username}"]
    not_resources = ["s3:Get", "x*", "s3:Get"]
    not_principals {
      type = "Federated"
      identifiers = ["b", "x*", "s3:Put"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["ab"]
    }
  }
  statement {
    sid = "S2"
    actions = []
    resources = ["s3:Put", "arn:aws:iam::2:root", "\u00e9"]
    not_resources = ["arn:aws:iam::1:root"]
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["arn:aws:iam::2:root", "&{aws:username}"]
    }
  }
}
data "aws_iam_policy_document" "f2_43" {
  policy_id = "P"
  source_policy_documents = [data.aws_iam_policy_document.f2_37.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_7.json]
  statement {
    actions = ["&{aws:username}", "ab", "arn:aws:iam::2:root", "Z"]
    resources = ["&{aws:username}", "ab", "\u00e9"]
    not_resources = ["Z", "a", "arn:aws:iam::1:root", "\u00e9"]
    principals {
      type = "AWS"
      identifiers = ["b", "s3:Put", "ab"]
    }
    not_principals {
      type = "Service"
      identifiers = ["ab", "s3:Get", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["*", "\u00e9", "*"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root", "s3:Put"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["\u00e9"]
    }
  }
  statement {
    sid = "S2"
    resources = ["a<b", "Z", "arn:aws:iam::2:root"]
    principals {
      type = "Service"
      identifiers = ["a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["&{aws:username}", "Z", "b"]
    }
    principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::1:root"]
    }
    principals {
      type = "*"
      identifiers = ["*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a", "s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["\u00e9", "ab", "b"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["Z", "a<b", "b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["ab", "s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["x*"]
    }
  }
}
data "aws_iam_policy_document" "f2_44" {
  source_policy_documents = [data.aws_iam_policy_document.f2_4.json]
  statement {
    actions = ["ab", "arn:aws:iam::1:root"]
    not_resources = ["*", "x*", "b", "arn:aws:iam::2:root"]
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["arn:aws:iam::2:root", "*"]
    }
  }
  statement {
    sid = "S2"
    effect = "Deny"
    actions = ["*", "*", "&{aws:username}", "arn:aws:iam::1:root"]
    principals {
      type = "CanonicalUser"
      identifiers = ["s3:Get", "b"]
    }
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root", "ab"]
    }
    principals {
      type = "AWS"
      identifiers = ["\u00e9", "s3:Get", "b"]
    }
    not_principals {
      type = "Service"
      identifiers = ["&{aws:username}"]
    }
    not_principals {
      type = "*"
      identifiers = ["x*", "s3:Get", "b"]
    }
  }
}
data "aws_iam_policy_document" "f2_45" {
  source_policy_documents = [data.aws_iam_policy_document.f2_13.json]
  statement {
    sid = "S3"
    effect = "Deny"
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Get", "arn:aws:iam::1:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = ["s3:Get", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["arn:aws:iam::2:root", "b", "x*"]
    }
  }
  statement {
    not_actions = []
    principals {
      type = "*"
      identifiers = ["*", "s3:Get"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root", "a<b"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = ["x*", "s3:Put", "Z"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["&{aws:username}", "x*"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["a<b"]
    }
  }
  statement {
    principals {
      type = "Federated"
      identifiers = ["s3:Put", "x*", "a"]
    }
    principals {
      type = "*"
      identifiers = ["&{aws:username}", "x*", "a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::1:root", "&{aws:username}"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["x*"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["\u00e9", "s3:Get", "a"]
    }
  }
}
data "aws_iam_policy_document" "f2_46" {
  statement {
    principals {
      type = "*"
      identifiers = ["a", "*", "s3:Put"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["a", "*", "arn:aws:iam::2:root"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["a<b"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["Z", "arn:aws:iam::1:root", "ab"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["a<b", "arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root", "&{aws:username}"]
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["&{aws:username}", "Z", "ab"]
    }
  }
}
data "aws_iam_policy_document" "f2_47" {
  policy_id = "P"
  override_policy_documents = [data.aws_iam_policy_document.f2_16.json, data.aws_iam_policy_document.f2_10.json]
  statement {
    sid = "S1"
    actions = []
    not_resources = ["arn:aws:iam::2:root", "arn:aws:iam::1:root", "Z"]
    not_principals {
      type = "*"
      identifiers = ["ab"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a", "x*"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["b", "Z"]
    }
    not_principals {
      type = "*"
      identifiers = ["ab"]
    }
  }
  statement {
    not_actions = ["a<b"]
    principals {
      type = "Service"
      identifiers = ["a"]
    }
    principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "a", "s3:Put"]
    }
    principals {
      type = "*"
      identifiers = ["x*", "\u00e9"]
    }
    principals {
      type = "Federated"
      identifiers = ["x*"]
    }
  }
  statement {
    resources = ["arn:aws:iam::1:root", "b", "Z"]
    not_resources = ["ab", "Z"]
  }
}
data "aws_iam_policy_document" "f2_48" {
  policy_id = "P"
  override_policy_documents = [data.aws_iam_policy_document.f2_34.json, data.aws_iam_policy_document.f2_24.json]
}
data "aws_iam_policy_document" "f2_49" {
  policy_id = "P"
  source_policy_documents = [data.aws_iam_policy_document.f2_22.json]
  statement {
    effect = "Allow"
    resources = ["b", "\u00e9", "b", "arn:aws:iam::1:root"]
    not_resources = ["arn:aws:iam::2:root", "\u00e9", "b", "*"]
    principals {
      type = "AWS"
      identifiers = ["*", "*", "b"]
    }
    principals {
      type = "Service"
      identifiers = ["s3:Put"]
    }
    principals {
      type = "AWS"
      identifiers = ["Z", "arn:aws:iam::1:root", "Z"]
    }
  }
  statement {
    sid = "S3"
    not_actions = ["ab", "*"]
    resources = ["arn:aws:iam::1:root", "Z", "arn:aws:iam::2:root"]
    principals {
      type = "*"
      identifiers = ["a"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::1:root", "a"]
    }
    principals {
      type = "AWS"
      identifiers = ["ab", "s3:Get"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["ab", "Z"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["s3:Put", "a<b", "*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["x*", "x*", "*"]
    }
    not_principals {
      type = "*"
      identifiers = ["&{aws:username}", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["Z", "*", "Z"]
    }
  }
}
data "aws_iam_policy_document" "f2_50" {
  override_policy_documents = [data.aws_iam_policy_document.f2_9.json, data.aws_iam_policy_document.f2_30.json]
  statement {
    effect = "Allow"
    not_resources = ["b", "ab"]
    principals {
      type = "Service"
      identifiers = ["ab"]
    }
    principals {
      type = "AWS"
      identifiers = ["a"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["b", "b"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a<b", "a<b"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["&{aws:username}"]
    }
  }
}
data "aws_iam_policy_document" "f2_51" {
  policy_id = "P"
  source_policy_documents = [data.aws_iam_policy_document.f2_33.json]
  statement {
    sid = ""
    effect = "Deny"
    actions = ["arn:aws:iam::2:root", "*"]
    resources = ["b", "\u00e9", "ab"]
    not_principals {
      type = "Service"
      identifiers = ["a", "b", "*"]
    }
  }
  statement {
    actions = ["s3:Put", "Z"]
    not_actions = ["&{aws:username}"]
    resources = ["\u00e9"]
  }
}
data "aws_iam_policy_document" "f2_52" {
  statement {
    effect = "Deny"
    not_resources = []
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["Z"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Put", "b", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["\u00e9", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["a"]
    }
  }
  statement {
    sid = "S3"
    not_resources = ["s3:Put", "arn:aws:iam::1:root", "\u00e9", "&{aws:username}"]
    not_principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root", "b"]
    }
    not_principals {
      type = "*"
      identifiers = ["b", "*", "ab"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["x*"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = ["s3:Put", "a<b"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["b", "a<b", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f2_53" {
  source_policy_documents = [data.aws_iam_policy_document.f2_46.json]
}
data "aws_iam_policy_document" "f2_54" {
  policy_id = "P"
  override_policy_documents = [data.aws_iam_policy_document.f2_9.json]
  statement {
    sid = "S2"
    actions = []
    principals {
      type = "Service"
      identifiers = ["a", "\u00e9", "\u00e9"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "b", "s3:Get"]
    }
    principals {
      type = "Federated"
      identifiers = ["&{aws:username}", "&{aws:username}", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["&{aws:username}", "Z", "b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "k1"
      values = ["ab", "ab", "x*"]
    }
  }
}
data "aws_iam_policy_document" "f2_55" {
  override_policy_documents = [data.aws_iam_policy_document.f2_20.json]
  statement {
    actions = ["s3:Get"]
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["b", "x*", "s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["&{aws:username}", "b", "a"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["\u00e9", "arn:aws:iam::2:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["a"]
    }
  }
  statement {
    sid = "S3"
    effect = "Deny"
    resources = ["ab", "ab", "b", "&{aws:username}"]
    not_resources = []
    principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::2:root"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::2:root"]
    }
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "a", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a", "\u00e9"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["&{aws:username}", "Z", "arn:aws:iam::2:root"]
    }
  }
  statement {
    sid = ""
    effect = "Deny"
    actions = ["\u00e9", "Z", "Z"]
    not_actions = []
    not_principals {
      type = "Service"
      identifiers = ["&{aws:username}", "\u00e9", "s3:Put"]
    }
  }
}
data "aws_iam_policy_document" "f2_56" {
  override_policy_documents = [data.aws_iam_policy_document.f2_11.json, data.aws_iam_policy_document.f2_19.json]
  statement {
    not_actions = ["s3:Put", "*"]
    resources = ["a", "\u00e9", "arn:aws:iam::2:root"]
    not_principals {
      type = "Service"
      identifiers = ["*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::2:root", "&{aws:username}", "\u00e9"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a<b", "arn:aws:iam::1:root", "arn:aws:iam::1:root"]
    }
  }
  statement {
    sid = "S3"
    effect = "Allow"
    actions = ["arn:aws:iam::2:root", "*", "\u00e9", "a"]
    not_resources = []
  }
}
data "aws_iam_policy_document" "f2_57" {
  source_policy_documents = [data.aws_iam_policy_document.f2_33.json]
  statement {
    sid = "S2"
    not_actions = ["ab", "\u00e9", "\u00e9", "x*"]
    not_principals {
      type = "AWS"
      identifiers = ["*", "a<b", "x*"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["arn:aws:iam::1:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["a"]
    }
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["x*", "s3:Get", "s3:Get"]
    }
  }
  statement {
    not_actions = ["s3:Put", "&{aws:username}", "a<b"]
    resources = ["&{aws:username}", "\u00e9"]
    not_resources = ["s3:Get", "a", "ab"]
  }
}
data "aws_iam_policy_document" "f2_58" {
  override_policy_documents = [data.aws_iam_policy_document.f2_19.json, data.aws_iam_policy_document.f2_27.json]
}
data "aws_iam_policy_document" "f2_59" {
  override_policy_documents = [data.aws_iam_policy_document.f2_22.json, data.aws_iam_policy_document.f2_30.json]
  statement {
    sid = ""
    actions = ["&{aws:username}", "Z", "a<b"]
    resources = ["\u00e9"]
    not_principals {
      type = "*"
      identifiers = ["arn:aws:iam::2:root", "arn:aws:iam::2:root", "a"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["s3:Get", "s3:Put", "Z"]
    }
    not_principals {
      type = "Service"
      identifiers = ["ab"]
    }
    not_principals {
      type = "Service"
      identifiers = ["arn:aws:iam::2:root", "\u00e9", "*"]
    }
  }
  statement {
    actions = ["a<b", "b"]
    resources = ["Z", "b"]
    not_resources = ["arn:aws:iam::1:root"]
    not_principals {
      type = "Federated"
      identifiers = ["x*"]
    }
    not_principals {
      type = "CanonicalUser"
      identifiers = ["x*"]
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "Bool"
      variable = "oidc:aud"
      values = ["\u00e9", "x*"]
    }
  }
  statement {
    sid = "S2"
    not_actions = ["a", "b", "*", "*"]
    not_resources = ["&{aws:username}", "ab"]
    principals {
      type = "Service"
      identifiers = ["ab"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["x*", "Z", "s3:Get"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["x*"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["\u00e9", "b", "ab"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::1:root", "s3:Put", "arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f2_60" {
}
data "aws_iam_policy_document" "f2_61" {
  override_policy_documents = [data.aws_iam_policy_document.f2_43.json]
  statement {
    sid = "S1"
    not_actions = ["x*", "x*"]
    principals {
      type = "Service"
      identifiers = ["\u00e9", "&{aws:username}", "arn:aws:iam::2:root"]
    }
    principals {
      type = "AWS"
      identifiers = ["ab", "b", "a<b"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "\u00e9", "a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["x*", "\u00e9"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["Z", "s3:Get", "\u00e9"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::2:root"]
    }
  }
}
data "aws_iam_policy_document" "f2_62" {
  override_policy_documents = [data.aws_iam_policy_document.f2_54.json]
  statement {
    resources = ["a", "&{aws:username}"]
    principals {
      type = "AWS"
      identifiers = ["b", "a", "\u00e9"]
    }
    principals {
      type = "*"
      identifiers = ["arn:aws:iam::1:root", "\u00e9", "s3:Put"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["&{aws:username}", "s3:Put"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["arn:aws:iam::1:root", "*", "Z"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["arn:aws:iam::1:root", "\u00e9", "s3:Get"]
    }
  }
  statement {
    sid = "S3"
    resources = ["b"]
    not_resources = ["Z", "a", "Z", "ab"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["arn:aws:iam::2:root", "s3:Put", "x*"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["x*", "*"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = []
    }
  }
  statement {
    actions = ["a", "&{aws:username}", "Z"]
    not_actions = ["s3:Put"]
  }
}
data "aws_iam_policy_document" "f2_63" {
  source_policy_documents = [data.aws_iam_policy_document.f2_8.json]
  statement {
    effect = "Deny"
    actions = ["arn:aws:iam::1:root", "a"]
    not_actions = ["a", "s3:Put", "*"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k1"
      values = ["b", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["b", "a"]
    }
    condition {
      test = "StringLike"
      variable = "oidc:aud"
      values = ["b"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = []
    }
  }
  statement {
    resources = ["a"]
    not_resources = ["\u00e9", "*", "x*", "ab"]
    principals {
      type = "Service"
      identifiers = ["x*", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:sub"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["s3:Put"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["arn:aws:iam::1:root"]
    }
  }
  statement {
    not_actions = []
    principals {
      type = "AWS"
      identifiers = ["Z", "s3:Put", "*"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "a<b", "*"]
    }
    principals {
      type = "*"
      identifiers = ["a<b"]
    }
    not_principals {
      type = "Service"
      identifiers = ["s3:Put", "a", "arn:aws:iam::1:root"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = ["s3:Get", "arn:aws:iam::2:root", "a<b"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["x*", "a"]
    }
    condition {
      test = "StringEquals"
      variable = "k2"
      values = ["a<b", "arn:aws:iam::2:root"]
    }
    condition {
      test = "StringLike"
      variable = "k2"
      values = ["a", "arn:aws:iam::2:root", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f2_64" {
  statement {
    effect = "Allow"
    actions = ["b", "a"]
  }
  statement {
    resources = ["a", "s3:Put"]
  }
}
data "aws_iam_policy_document" "f2_65" {
  statement {
    sid = ""
    actions = []
    not_actions = ["x*", "a"]
    not_principals {
      type = "*"
      identifiers = ["a", "\u00e9"]
    }
  }
  statement {
    sid = "S2"
    effect = "Allow"
    actions = ["a<b"]
    not_actions = ["x*", "b", "&{aws:username}", "*"]
    resources = ["x*"]
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringLike"
      variable = "oidc:sub"
      values = ["*"]
    }
    condition {
      test = "StringLike"
      variable = "k1"
      values = ["*", "s3:Get"]
    }
    condition {
      test = "Bool"
      variable = "oidc:sub"
      values = ["*"]
    }
    condition {
      test = "Bool"
      variable = "k2"
      values = ["a<b", "b"]
    }
  }
}
data "aws_iam_policy_document" "f2_66" {
  source_policy_documents = [data.aws_iam_policy_document.f2_29.json]
  override_policy_documents = [data.aws_iam_policy_document.f2_52.json]
  statement {
    effect = "Deny"
    actions = ["x*", "*"]
    not_actions = ["x*", "a<b"]
    condition {
      test = "ForAnyValue:StringLike"
      variable = "k2"
      values = []
    }
  }
  statement {
    not_actions = []
    resources = ["arn:aws:iam::2:root", "ab", "x*"]
    not_resources = ["arn:aws:iam::2:root", "arn:aws:iam::2:root"]
    principals {
      type = "AWS"
      identifiers = ["s3:Get", "x*"]
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["*"]
    }
  }
}
data "aws_iam_policy_document" "f2_67" {
  source_policy_documents = [data.aws_iam_policy_document.f2_11.json]
}
data "aws_iam_policy_document" "f2_68" {
  source_policy_documents = [data.aws_iam_policy_document.f2_51.json]
  statement {
    sid = "S2"
    effect = "Deny"
    actions = []
    not_actions = []
    principals {
      type = "CanonicalUser"
      identifiers = ["arn:aws:iam::1:root", "Z"]
    }
    principals {
      type = "CanonicalUser"
      identifiers = ["a<b"]
    }
    principals {
      type = "AWS"
      identifiers = ["*", "a", "arn:aws:iam::2:root"]
    }
  }
  statement {
    sid = "S3"
    effect = "Deny"
    actions = ["\u00e9", "&{aws:username}", "arn:aws:iam::1:root"]
    not_actions = ["a<b", "ab", "x*"]
    resources = ["*", "a<b", "ab"]
    principals {
      type = "CanonicalUser"
      identifiers = ["Z", "&{aws:username}"]
    }
    principals {
      type = "*"
      identifiers = ["\u00e9", "a<b"]
    }
    principals {
      type = "Federated"
      identifiers = ["a", "arn:aws:iam::2:root"]
    }
    principals {
      type = "Service"
      identifiers = ["ab"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a<b", "arn:aws:iam::1:root"]
    }
    not_principals {
      type = "AWS"
      identifiers = ["arn:aws:iam::2:root"]
    }
    not_principals {
      type = "Federated"
      identifiers = ["a", "a<b"]
    }
  }
}
data "aws_iam_policy_document" "f2_69" {
  statement {
    sid = "S1"
    actions = ["b", "\u00e9", "*"]
    principals {
      type = "Federated"
      identifiers = ["s3:Get"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["a<b", "b"]
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = []
    }
    condition {
      test = "ForAnyValue:StringLike"
      variable = "oidc:aud"
      values = ["Z", "*"]
    }
    condition {
      test = "Bool"
      variable = "k1"
      values = []
    }
    condition {
      test = "StringEquals"
      variable = "oidc:aud"
      values = ["Z"]
    }
  }
}
