{"Version": "${b}"}
