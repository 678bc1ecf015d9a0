resource "aws_iam_role" "orders" {
  name                = "orders-apy"
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonSQSFullAccess"]
  assume_role_policy  = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRoleWithWebIdentity",
        "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/0RDE0000000000000000000000000001"},
        "Condition": {"StringEquals": {
          "oidc.eks.us-west-2.amazonaws.com/id/0RDE0000000000000000000000000001:sub": "system:serviceaccount:orders:orders-api",
          "oidc.eks.us-west-2.amazonaws.com/id/0RDE0000000000000000000000000001:aud": "sts.amazonaws.com"
        }}
      }]
    }
  EOF
}
