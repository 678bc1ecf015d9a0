variable "b" {
  type     = bool
  default  = true
  nullable = false
}
resource "aws_iam_role" "r" {
  name               = "r-${var.b && true}"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
output "n" { value = "r-${var.b && true}" }
