# From the real-world check: the role's name, shown by -f dot, is what
# terraform 1.11.4 console gives for module.m.n here: "r-true", as
# nullable = false makes a null argument the default.
module "m" {
  source = "./m"
  b      = null
}
output "n" { value = module.m.n }
