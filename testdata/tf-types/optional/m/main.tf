variable "s" {
  type = map(object({
    a = optional(string)
    b = optional(string, "x")
  }))
}
resource "aws_iam_role" "r" {
  for_each           = var.s
  name               = "${each.value.a}-${each.value.b}"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [] })
}
output "n" { value = [for k, v in var.s : "${v.a}-${v.b}"] }
