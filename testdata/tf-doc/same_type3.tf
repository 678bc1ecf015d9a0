data "aws_iam_policy_document" "same_type3" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["a1", "a2"]
    }
    principals {
      type        = "AWS"
      identifiers = ["b1", "b2"]
    }
    principals {
      type        = "AWS"
      identifiers = ["c1"]
    }
  }
}
