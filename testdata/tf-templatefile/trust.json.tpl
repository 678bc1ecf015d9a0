{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"Federated": "${provider_arn}"},
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "${issuer}:aud": "sts.amazonaws.com",
          "${issuer}:sub": [
%{ for i, sa in service_accounts ~}
            "system:serviceaccount:${namespace}:${sa}"${i < length(service_accounts) - 1 ? "," : ""}
%{ endfor ~}
          ]
        }
      }
    }
  ]
}
