FROM tgoelles/pointcloudset_base:v0.9.0
