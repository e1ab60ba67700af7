short_version = '0.4'
version = '0.4.0rc2'
