#!/bin/sh
# render-acl.sh TEMPLATE OUT: write the ACL file OUT from TEMPLATE (deploy/redis/users.acl),
# without its comment lines (Redis refuses comments in an ACL file):
# - DEPREVIEW_REDIS_PASSWORD (the `depreview` user's) from the environment;
# - the line naming ${DEPREVIEW_GPU_RUNNER} once per GPU runner in DEPREVIEW_GPU_RUNNERS:
#   entries `<name>:<VARIABLE>`, separated by commas or blanks, e.g.
#     DEPREVIEW_GPU_RUNNERS="h100-a:GPU_PW_H100_A,h100-b:GPU_PW_H100_B"
#   gives users depreview-gpu-h100-a and depreview-gpu-h100-b with the passwords in
#   $GPU_PW_H100_A and $GPU_PW_H100_B. A name is the runner's DEPREVIEW_RUNNER_NAME
#   (letters, digits, `.`, `_`, `-`; its queue is gpu.<name>). Empty: no GPU user.
# Passwords must be letters and digits only (e.g. `openssl rand -hex 32`): they go into URLs
# and into the ACL file verbatim. OUT is readable by its owner only (the redis user when it
# exists).
set -euf
template=$1
out=$2
fail() {
    echo "render-acl.sh: $*" >&2
    rm -f "$out"
    exit 2
}
check() {
    case "$2" in
        "" | *[!A-Za-z0-9]*) fail "$1 must be set, letters and digits only (openssl rand -hex 32)" ;;
    esac
}
check DEPREVIEW_REDIS_PASSWORD "${DEPREVIEW_REDIS_PASSWORD:-}"
lines=$(sed -e '/^#/d' -e '/^[[:space:]]*$/d' "$template")
runner_line=$(printf '%s\n' "$lines" | grep -F '${DEPREVIEW_GPU_RUNNER}' || true)
umask 077
{
    printf '%s\n' "$lines" | grep -vF '${DEPREVIEW_GPU_RUNNER}' |
        sed -e "s/>\${DEPREVIEW_REDIS_PASSWORD}/>$DEPREVIEW_REDIS_PASSWORD/"
    seen=" "
    for entry in $(printf '%s\n' "${DEPREVIEW_GPU_RUNNERS:-}" | tr ',' ' '); do
        name=${entry%%:*}
        var=${entry#*:}
        [ "$name" != "$entry" ] || fail "DEPREVIEW_GPU_RUNNERS: '$entry' is not <name>:<VARIABLE>"
        case "$name" in
            "" | [!A-Za-z0-9]* | *[!A-Za-z0-9._-]*)
                fail "runner name '$name': letters, digits, '.', '_', '-' (a letter or digit first)"
                ;;
        esac
        case "$seen" in *" $name "*) fail "runner '$name' is listed twice" ;; esac
        seen="$seen$name "
        case "$var" in
            "" | [!A-Za-z_]* | *[!A-Za-z0-9_]*) fail "runner '$name': '$var' is not a variable name" ;;
        esac
        eval "password=\${$var:-}"
        check "$var (runner $name's password)" "$password"
        printf '%s\n' "$runner_line" | sed \
            -e "s/\${DEPREVIEW_GPU_RUNNER_PASSWORD}/$password/g" \
            -e "s/\${DEPREVIEW_GPU_RUNNER}/$name/g"
    done
} >"$out"
if grep -q '\${' "$out"; then
    fail "a placeholder is left in $out"
fi
if [ "$(id -u)" = 0 ] && id redis >/dev/null 2>&1; then
    chown redis "$out"
fi
