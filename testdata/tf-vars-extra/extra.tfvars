name = "from-extra"
sa   = "from-extra"
