data "aws_iam_policy_document" "src_version" {
  version = "2008-10-17"
  source_policy_documents = [jsonencode({
    Version = "2012-10-17"
    Id      = "FromSource"
    Statement = { Sid = "Single", Effect = "Allow", Action = "s3:*" }
  })]
}
