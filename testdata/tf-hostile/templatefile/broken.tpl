{"Version": "${x"
