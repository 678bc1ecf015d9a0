# Nothing outside the workspace is read: an input of .irsalint.yaml that
# leads out of it is an error.  The client closes the stream without
# shutdown or exit.
! printf 'inputs: [k8s, /]\n' > .irsalint.yaml
> {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"@URI@","capabilities":{}}}
< {"id":1,"result":{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":1,"save":{"includeText":false}},"codeActionProvider":{"codeActionKinds":["quickfix"]}},"serverInfo":{"name":"irsalint","version":"0.1.0"}},"jsonrpc":"2.0"}
> {"jsonrpc":"2.0","method":"initialized"}
< {"method":"textDocument/publishDiagnostics","params":{"uri":"@URI@/.irsalint.yaml","diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"severity":1,"source":"irsalint","message":"/: not read: it is outside the repository (or a link that leads out of it); lint from the repository that holds it"}]},"jsonrpc":"2.0"}
< {"method":"textDocument/publishDiagnostics","params":{"uri":"@URI@/k8s/ledger.yaml","diagnostics":[{"range":{"start":{"line":3,"character":115},"end":{"line":3,"character":163}},"severity":2,"code":"irsa-inputs-no-roles","source":"irsalint","message":"ServiceAccount paymnets/ledger: the inputs hold no IAM role, so role arn:aws:iam::111122223333:role/payments-ledger and its trust are not checked: pass the Terraform sources or plan, the CloudFormation template or aws iam get-role output"}]},"jsonrpc":"2.0"}
close
exit 1
