#!/usr/bin/env bash
# CI check of the container images, with no Docker daemon and no access to Microsoft's registry:
#   1. builds a base image (OCI) from this machine's .NET runtime and the libraries it needs, uid 1654 "app";
#   2. serves it from a loopback registry (Debian's docker-registry) with skopeo;
#   3. publishes the silo (and the API, when its project exists) with `dotnet publish /t:PublishContainer`,
#      that base, and ContainerArchiveOutputPath: the SDK writes each image as an archive;
#   4. unpacks the silo's archive with umoci and starts the image's own entrypoint and arguments from the
#      unpacked rootfs (chroot, as the image's user), then checks it answers PING over RESP and /health;
#      with the API's archive, starts it the same way against that silo and checks its /health.
# The cloud build (azd) runs the same publish with the default base, mcr.microsoft.com/dotnet/aspnet:10.0.
# Needs root (chroot), skopeo, umoci, docker-registry, redis-cli, curl: scripts/install-test-deps.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out="${CONTAINER_TEST_OUT:-$repo/artifacts/containers}"
work=$(mktemp -d /tmp/orleansstreams-container.XXXXXX)
registry_pid=""
silo_pid=""
api_pid=""
started_pid=""
cleanup() {
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null && wait "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "test-container: $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

[ "$(id -u)" -eq 0 ] || { echo "test-container: needs root (chroot into the unpacked image)" >&2; exit 1; }
mkdir -p "$out"

# 1. Base rootfs: the host's .NET runtime (what mcr.microsoft.com/dotnet/aspnet holds) and its library closure.
dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
netcore=$(ls -d "$dotnet_root"/shared/Microsoft.NETCore.App/10.* | sort -V | tail -1)
aspnet=$(ls -d "$dotnet_root"/shared/Microsoft.AspNetCore.App/10.* | sort -V | tail -1)
fxr=$(ls -d "$dotnet_root"/host/fxr/10.* | sort -V | tail -1)
rootfs="$work/base-rootfs"
mkdir -p "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App" \
  "$rootfs/usr/share/dotnet/host/fxr" "$rootfs/usr/bin" "$rootfs/etc/ssl/certs" "$rootfs/tmp" "$rootfs/home/app" "$rootfs/app"
cp -a "$dotnet_root/dotnet" "$rootfs/usr/share/dotnet/"
cp -a "$netcore" "$rootfs/usr/share/dotnet/shared/Microsoft.NETCore.App/"
cp -a "$aspnet" "$rootfs/usr/share/dotnet/shared/Microsoft.AspNetCore.App/"
cp -a "$fxr" "$rootfs/usr/share/dotnet/host/fxr/"
ln -s /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
# The dynamic libraries the runtime and native assets link against, plus OpenSSL (TLS to PostgreSQL), which .NET loads by name.
libs=$( (find "$rootfs/usr/share/dotnet" -type f \( -name '*.so' -o -name dotnet \); \
  ls /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3) \
  | xargs -r -n1 ldd 2>/dev/null | grep -o "/[^ ]*\.so[^ :]*" | sort -u)
for lib in $libs /usr/lib/x86_64-linux-gnu/libssl.so.3 /usr/lib/x86_64-linux-gnu/libcrypto.so.3; do
  cp -L --parents "$lib" "$rootfs/"
done
# Keep ld.so's canonical path (/lib64 may be a symlink on the host).
[ -e "$rootfs/lib64/ld-linux-x86-64.so.2" ] || { mkdir -p "$rootfs/lib64"; cp -L /lib64/ld-linux-x86-64.so.2 "$rootfs/lib64/"; }
cp -L /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/home/app:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' >"$rootfs/etc/group"
chmod 1777 "$rootfs/tmp"
chown 1654:1654 "$rootfs/home/app"
log "base rootfs: $(du -sh "$rootfs" | cut -f1) (.NET $(basename "$netcore"), ASP.NET Core $(basename "$aspnet"))"

# OCI image of that rootfs with umoci.
layout="$work/base-oci"
umoci init --layout "$layout"
umoci new --image "$layout:10.0"
umoci unpack --image "$layout:10.0" "$work/base-bundle" >/dev/null
rm -rf "$work/base-bundle/rootfs"
mv "$rootfs" "$work/base-bundle/rootfs"
umoci repack --image "$layout:10.0" "$work/base-bundle"
umoci config --image "$layout:10.0" --os linux --architecture amd64 \
  --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env "DOTNET_ROOT=/usr/share/dotnet" --config.env "DOTNET_RUNNING_IN_CONTAINER=true" \
  --config.env "SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"

# 2. A loopback registry; the SDK pulls from localhost registries over plain HTTP.
registry_port=$(free_port)
cat >"$work/registry.yml" <<YAML
version: 0.1
log:
  level: error
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:$registry_port
YAML
docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
registry_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$registry_port/v2/" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$registry_port/v2/" >/dev/null || { cat "$work/registry.log"; echo "test-container: registry did not start" >&2; exit 1; }
base="localhost:$registry_port/orleansstreams/ci-base:10.0"
skopeo copy --quiet --dest-tls-verify=false "oci:$layout:10.0" "docker://$base"
log "base image served as $base"

# 3. Image archives with the SDK's container support.
publish() {
  local project=$1 name=$2
  dotnet publish "$project" -c Release -r linux-x64 -nologo -v quiet /t:PublishContainer \
    -p:OrleansStreamsContainerBase="$base" -p:ContainerImageTag=ci \
    -p:ContainerArchiveOutputPath="$out/$name.tar"
  log "$name image archive: $out/$name.tar ($(du -h "$out/$name.tar" | cut -f1))"
}
publish src/OrleansStreams.Silo/OrleansStreams.Silo.csproj orleansstreams-silo
if [ -f src/OrleansStreams.Api/OrleansStreams.Api.csproj ]; then
  publish src/OrleansStreams.Api/OrleansStreams.Api.csproj orleansstreams-api
else
  log "API image skipped: src/OrleansStreams.Api is not in this checkout"
fi

# 4. Unpack an image and run its entrypoint from the rootfs, as the image says (user, env, args), with the test's
#    options appended (later options win) so parallel runs do not collide.
run_image() {
  local name=$1; shift
  local oci="$work/$name-oci" bundle="$work/$name-bundle"
  mkdir -p "$oci"
  tar -xf "$out/$name.tar" -C "$oci"
  local ref
  ref=$(python3 -c 'import json,sys; m=json.load(open(sys.argv[1]))["manifests"][0]; print(m.get("annotations",{}).get("org.opencontainers.image.ref.name",""))' "$oci/index.json")
  umoci unpack --image "$oci${ref:+:$ref}" "$bundle" >/dev/null
  local spec
  mapfile -t spec < <(python3 - "$bundle/config.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["process"]
print(f'{p["user"]["uid"]}:{p["user"]["gid"]}')
print("\x1f".join(p.get("env", [])))
print("\x1f".join(p["args"]))
PY
)
  local user=${spec[0]} env_vars args
  IFS=$'\x1f' read -r -a env_vars <<<"${spec[1]}"
  IFS=$'\x1f' read -r -a args <<<"${spec[2]}"
  log "$name entrypoint: ${args[*]} (user $user)"
  [ "$user" = "1654:1654" ] || { echo "test-container: $name runs as $user, not the non-root app user 1654" >&2; exit 1; }
  # What a container runtime provides: /proc and /dev, mounted in a private mount namespace so they vanish with
  # the process. The rootfs has no shell, so chroot runs the entrypoint itself (from /: its paths are absolute).
  mkdir -p "$bundle/rootfs/proc" "$bundle/rootfs/dev"
  unshare --mount --propagation private -- /bin/sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && exec "$@"' sh "$bundle/rootfs" \
    env -i "${env_vars[@]}" HOME=/home/app "$(command -v chroot)" --userspec="$user" "$bundle/rootfs" \
    "${args[@]}" "$@" >"$out/$name-container.log" 2>&1 &
  started_pid=$!
}

wait_until() {
  local what=$1 pid=$2; shift 2
  for _ in $(seq 1 300); do
    "$@" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  "$@" >/dev/null 2>&1 && return 0
  echo "test-container: $what did not happen" >&2
  return 1
}

resp_port=$(free_port)
http_port=$(free_port)
run_image orleansstreams-silo --bind 127.0.0.1 --port "$resp_port" --http-port "$http_port"
silo_pid=$started_pid
pong() { [ "$(redis-cli -p "$resp_port" PING 2>/dev/null)" = "PONG" ]; }
wait_until "PONG from the silo started from its image" "$silo_pid" pong || { cat "$out/orleansstreams-silo-container.log"; exit 1; }
id=$(redis-cli -p "$resp_port" XADD container-check '*' from image)
health=$(curl -fs "http://127.0.0.1:$http_port/health")
echo "$health" | grep -q "ready: storage reachable (sqlite)" || { echo "test-container: /health said: $health" >&2; exit 1; }
log "silo from the unpacked image answered PING, XADD ($id) and /health ($(echo "$health" | head -1))"

if [ -f "$out/orleansstreams-api.tar" ]; then
  api_port=$(free_port)
  run_image orleansstreams-api --bind 127.0.0.1 --port "$api_port" --silo-host 127.0.0.1 --silo-port "$resp_port"
  api_pid=$started_pid
  api_healthy() { curl -fs "http://127.0.0.1:$api_port/health"; }
  wait_until "a healthy /health from the API started from its image" "$api_pid" api_healthy || { cat "$out/orleansstreams-api-container.log"; exit 1; }
  log "API from the unpacked image is healthy against the silo's image ($(curl -fs "http://127.0.0.1:$api_port/health" | head -1))"
fi
