ns = "from-b-auto"
