# From the real-world check: the role's name, shown by -f dot, is what
# terraform 1.11.4 console gives for module.m.n here: ["1-x"], as
# optional() attributes take their defaults, or null.
module "m" {
  source = "./m"
  s      = { k = { a = "1" } }
}
