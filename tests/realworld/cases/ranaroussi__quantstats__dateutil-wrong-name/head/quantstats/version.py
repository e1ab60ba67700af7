version = "0.0.50"
