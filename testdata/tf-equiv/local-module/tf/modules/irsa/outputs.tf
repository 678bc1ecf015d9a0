output "iam_role_arn" {
  description = "ARN of the IAM role"
  value       = try(aws_iam_role.this[0].arn, "")
}

output "iam_role_name" {
  description = "Name of the IAM role"
  value       = try(aws_iam_role.this[0].name, "")
}
