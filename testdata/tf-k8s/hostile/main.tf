# Hostile releases: bounded, each an input error at its place.
resource "helm_release" "many" {
  name  = "many"
  chart = "many"
  set = flatten([for i in range(1000) : [for j in range(11) : {
    name  = "serviceAccount.annotations.k${i}-${j}"
    value = "v"
  }]])
}

resource "helm_release" "deep" {
  name   = "deep"
  chart  = "deep"
  values = [join("", [for i in range(300) : "["])]
}

resource "helm_release" "wide" {
  name  = "wide"
  chart = "wide"
  values = [join("\n", concat(["serviceAccount:", "  annotations:"],
  flatten([for i in range(1000) : [for j in range(101) : "    k${i}-${j}: v"]])))]
}
