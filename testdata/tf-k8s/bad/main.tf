# Malformed resources: each an input error at its place.
resource "kubernetes_service_account_v1" "noname" {
  metadata {
    namespace = "orders"
  }
}

resource "kubernetes_service_account_v1" "badann" {
  metadata {
    name        = "orders"
    annotations = { "eks.amazonaws.com/role-arn" = ["a", "list"] }
  }
}

resource "kubernetes_manifest" "nons" {
  manifest = {
    apiVersion = "v1"
    kind       = "ServiceAccount"
    metadata   = { name = "orders" }
  }
}

resource "helm_release" "notyaml" {
  name   = "a"
  chart  = "a"
  values = ["serviceAccount: [unclosed"]
}

resource "helm_release" "notmap" {
  name   = "b"
  chart  = "b"
  values = ["- a list"]
}

resource "helm_release" "roletype" {
  name   = "c"
  chart  = "c"
  values = [yamlencode({ serviceAccount = { name = "c", annotations = { "eks.amazonaws.com/role-arn" = { nested = true } } } })]
}

resource "helm_release" "setname" {
  name  = "d"
  chart = "d"
  set = [{ value = "x" }]
}
