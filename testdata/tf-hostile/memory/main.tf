# 500 bytes that would make a gigabyte of values within the step budget:
# the memory budget stops the evaluation first, at its place. Each local
# makes about a third of the 256 MiB, so the budget runs out in local.c
# (it does for 55 to 85 times a thousand elements each: the place does not
# move with what the rest of irsalint allocates).
locals {
  a = flatten([for i in range(68) : [for j in range(1000) : "${i}-${j}-${i}-${j}"]])
  b = flatten([for i in range(68) : [for j in range(1000) : "${i}:${j}:${i}:${j}"]])
  c = flatten([for i in range(68) : [for j in range(1000) : "${i}/${j}/${i}/${j}"]])
  d = flatten([for i in range(68) : [for j in range(1000) : "${i}.${j}.${i}.${j}"]])
}
resource "aws_iam_role" "r" {
  name               = "x"
  assume_role_policy = jsonencode({ a = local.a, b = local.b, c = local.c, d = local.d })
}
