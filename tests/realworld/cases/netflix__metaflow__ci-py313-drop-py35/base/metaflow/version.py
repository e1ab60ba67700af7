metaflow_version = "2.12.25"
