data "aws_iam_policy_document" "principal_overlap" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["x", "y"]
    }
    principals {
      type        = "AWS"
      identifiers = ["x"]
    }
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    principals {
      type        = "Service"
      identifiers = ["&{aws:x}", "ec2.amazonaws.com", "ec2.amazonaws.com"]
    }
  }
}
