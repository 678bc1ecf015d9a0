data "aws_iam_policy_document" "raw_source" {
  source_policy_documents = [jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Raw"
      Effect    = "Allow"
      Action    = ["s3:PutObject", "s3:GetObject"]
      Resource  = ["arn:aws:s3:::x"]
      Principal = { AWS = ["arn:aws:iam::1:root", "arn:aws:iam::3:root", "arn:aws:iam::2:root"], Service = "ec2.amazonaws.com" }
      Condition = { StringEquals = { "aws:a" = "x", "aws:b" = ["z", "y"] }, Bool = { "aws:SecureTransport" = true } }
    }, {
      Effect    = "Allow"
      Action    = "s3:ListBucket"
      Principal = "*"
    }]
  })]
}
