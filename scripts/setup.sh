# Shared set-up for run.sh and test.sh: installs what is missing, then builds. Sourced, not run.
# Everything here is idempotent: a second run installs nothing and only rebuilds what changed.

say() { printf '%s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo when it needs no password.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 126
  fi
}

container_runtime_answers() {
  local runtime="${ASPIRE_CONTAINER_RUNTIME:-docker}"
  command -v "$runtime" >/dev/null 2>&1 && timeout 5 "$runtime" info >/dev/null 2>&1
}

# The infrastructure mode the app host will choose (see AppHost/Infrastructure/InfrastructureModeResolver.cs).
infrastructure_mode() {
  local mode="${INFRASTRUCTURE_MODE:-${Infrastructure__Mode:-auto}}"
  mode="$(printf '%s' "$mode" | tr '[:upper:]' '[:lower:]')"
  if [ "$mode" = "auto" ]; then
    if container_runtime_answers; then mode=containers; else mode=local; fi
  fi
  printf '%s' "$mode"
}

missing_server_packages() {
  local missing=()
  compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  printf '%s ' "${missing[@]}"
}

install_local_servers() {
  local missing
  missing="$(missing_server_packages)"
  [ -z "${missing// /}" ] && return 0
  command -v apt-get >/dev/null 2>&1 \
    || fail "Missing servers: ${missing}- install them with your package manager (or run a Docker engine and use INFRASTRUCTURE_MODE=containers)."
  say "Installing ${missing}(no container runtime answers, so the app host runs these locally)..."
  # Debian starts packaged services on install; the app host runs its own instances on other ports, so
  # those system services are not needed (nor harmful).
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; then
    fail "Could not install ${missing}- run as root or with sudo, or install them yourself: apt-get install -y ${missing}"
  fi
}

check_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || fail "The .NET SDK is missing: install .NET SDK 10 (https://dot.net/download), then run this again."
  dotnet --list-sdks | grep -q '^10\.' \
    || fail "The .NET 10 SDK is missing (found: $(dotnet --list-sdks | cut -d' ' -f1 | tr '\n' ' ')): install .NET SDK 10."
}

setup() {
  check_dotnet
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  local mode
  mode="$(infrastructure_mode)"
  case "$mode" in
    local) install_local_servers ;;
    containers) ;;
    *) fail "Unknown infrastructure mode '$mode': use auto, containers or local." ;;
  esac
  dotnet tool restore >/dev/null || fail "'dotnet tool restore' failed: the tools in .config/dotnet-tools.json could not be installed."
}

# The OpenID Connect provider the end-to-end tests start (tests/OidcProvider): npm ci when its node_modules is missing
# or was installed from another package-lock.json (the lock's hash is kept beside the packages).
install_test_oidc_provider() {
  local dir=tests/OidcProvider stamp=tests/OidcProvider/node_modules/.package-lock.sha256 hash
  command -v npm >/dev/null 2>&1 \
    || fail "Node.js 20 or later with npm is missing (the tests run an OpenID Connect provider on it): apt-get install -y nodejs npm"
  hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ] && return 0
  say "Installing the test OpenID Connect provider (npm ci in $dir)..."
  npm ci --prefix "$dir" --no-audit --no-fund >/dev/null || fail "'npm ci --prefix $dir' failed."
  printf '%s\n' "$hash" > "$stamp"
}

# The browser the portal's tests drive: Debian's Chromium (Playwright's own browser download is not available).
# What ./test.sh validates the Kubernetes manifests with: kubectl's built-in Kustomize (it never contacts a cluster) and
# Python's jsonschema, referencing and PyYAML (preinstalled on these machines; PyPI is out of reach, Debian's
# python3-jsonschema is too old to have 'referencing').
check_kubernetes_tools() {
  command -v kubectl >/dev/null || fail "kubectl is not installed: ./test.sh renders deploy/kubernetes with 'kubectl kustomize'. Install kubectl 1.27 or later (it brings Kustomize)."
  python3 -c 'import jsonschema, referencing, yaml' 2>/dev/null \
    || fail "python3 lacks jsonschema, referencing or PyYAML, which validate deploy/kubernetes: pip install 'jsonschema>=4.18' pyyaml."
}

install_test_browser() {
  [ -x /usr/bin/chromium ] && return 0
  command -v apt-get >/dev/null 2>&1 || fail "Chromium is missing (the portal's browser tests drive /usr/bin/chromium): install it with your package manager."
  say "Installing Chromium for the portal's browser tests..."
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
     || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    fail "Could not install Chromium - run as root or with sudo, or install it yourself: apt-get install -y chromium"
  fi
}

build() {
  say "Building..."
  dotnet build EscalationPlatform.sln -c "${CONFIGURATION:-Debug}" -nologo -v quiet -clp:ErrorsOnly \
    || fail "The build failed (see the errors above)."
}
