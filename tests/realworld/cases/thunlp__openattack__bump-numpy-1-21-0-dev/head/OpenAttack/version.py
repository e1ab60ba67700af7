VERSION = "test"

