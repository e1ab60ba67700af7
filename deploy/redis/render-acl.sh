#!/bin/sh
# render-acl.sh TEMPLATE OUT: write the ACL file OUT from TEMPLATE (deploy/redis/users.acl)
# with DEPREVIEW_REDIS_PASSWORD and DEPREVIEW_GPU_REDIS_PASSWORD from the environment,
# without its comment lines (Redis refuses comments in an ACL file).
# Both must be letters and digits only (e.g. `openssl rand -hex 32`): they go into URLs
# and into the ACL file verbatim. An empty DEPREVIEW_GPU_REDIS_PASSWORD switches the GPU
# user off (no GPU runner). OUT is readable by its owner only (the redis user when it exists).
set -eu
template=$1
out=$2
gpu=${DEPREVIEW_GPU_REDIS_PASSWORD:-}
check() {
    case "$2" in
        "" | *[!A-Za-z0-9]*)
            echo "render-acl.sh: $1 must be set, letters and digits only (openssl rand -hex 32)" >&2
            exit 2
            ;;
    esac
}
check DEPREVIEW_REDIS_PASSWORD "${DEPREVIEW_REDIS_PASSWORD:-}"
if [ -n "$gpu" ]; then
    check DEPREVIEW_GPU_REDIS_PASSWORD "$gpu"
    gpu_on="on >$gpu"
else
    gpu_on="off"
fi
umask 077
sed -e '/^#/d' -e '/^[[:space:]]*$/d' \
    -e "s/>\${DEPREVIEW_REDIS_PASSWORD}/>$DEPREVIEW_REDIS_PASSWORD/" \
    -e "s/on >\${DEPREVIEW_GPU_REDIS_PASSWORD}/$gpu_on/" \
    "$template" >"$out"
if grep -q '\${' "$out"; then
    echo "render-acl.sh: a placeholder is left in $out" >&2
    exit 2
fi
if [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1; then
    chown redis "$out"
fi
