ns = "from-a-auto"
