# Strings, escapes, interpolations, directives and heredocs.
escapes  = "tab\t nl\n cr\r quote\" backslash\\ bmp\u00e9 astral\U0001F600"
literal  = "$${not} %%{not}"
interp   = "a-${var.b}-c"
unwrap   = "${var.only}"
strip    = "hello ${~ "world" }"
if_else  = "%{ if var.on ~}  yes  %{~ else ~}  no  %{~ endif }"
for_loop = "%{ for k, v in var.m }${k}=${v};%{ endfor }"
nested   = "outer ${"inner ${var.x}"}"
plain = <<EOT
    kept
  indentation
EOT
flush = <<-EOT
    Foo
      Bar
    ${baz}
  EOT
script = <<-EOS
  #!/bin/sh
  %{ for ns in var.namespaces ~}
  kubectl create namespace ${ns}
  %{ endfor ~}
  echo done
EOS
