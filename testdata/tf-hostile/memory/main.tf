# 400 bytes that would make a gigabyte of values within the step budget:
# the memory budget stops the evaluation first, at its place.
locals {
  a = flatten([for i in range(1000) : [for j in range(1000) : "${i}-${j}-${i}-${j}"]])
  b = flatten([for i in range(1000) : [for j in range(1000) : "${i}:${j}:${i}:${j}"]])
  c = flatten([for i in range(1000) : [for j in range(1000) : "${i}/${j}/${i}/${j}"]])
}
resource "aws_iam_role" "r" {
  name = "x"
  assume_role_policy = jsonencode({ a = local.a, b = local.b, c = local.c })
}
