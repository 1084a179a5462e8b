#!/usr/bin/env bash
# Runs every test of the AidMarket solution against throwaway services.
#
#   tests/run.sh                          build once, run all test projects
#   tests/run.sh --filter 'FullyQualifiedName~Orders'
#   tests/run.sh AidMarket.Web.Tests      run a subset (names, short names or paths)
#   tests/run.sh --no-build Web           skip the build (already built in Release)
#   tests/run.sh --exec -- CMD ARGS...    start the services, run CMD with the test
#                                         environment, stop the services again
#
# It starts a private PostgreSQL cluster and a private RabbitMQ node on free
# loopback ports in a temp dir, exports
#   AIDMARKET_TEST_PG        admin connection string (tests create/drop their DBs)
#   AIDMARKET_TEST_RABBITMQ  amqp://guest:guest@127.0.0.1:PORT/
#   AIDMARKET_CHROMIUM       path of the system chromium
# and removes everything again on exit (also on failure or Ctrl-C).
# Environment knobs: AIDMARKET_TEST_RESULTS (TRX dir, default tests/TestResults),
# AIDMARKET_TEST_TIMEOUT (per project, default 30m), AIDMARKET_RABBITMQ_START_TIMEOUT
# (seconds, default 90), AIDMARKET_KEEP_TMP=1 (keep the temp dir with the service logs),
# AIDMARKET_PG_DURABLE=1 (run PostgreSQL with fsync on, as the benchmark does).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
T0=$SECONDS
log() { printf '[run.sh] %s\n' "$*"; }
die() { printf '[run.sh] ERROR: %s\n' "$*" >&2; exit 1; }

usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; }

# ---------------------------------------------------------------- arguments
FILTER=""
NO_BUILD=0
EXEC=()
SELECTED=()
while (($#)); do
  case "$1" in
    --filter) (($# >= 2)) || die "--filter needs an expression"; FILTER="$2"; shift 2 ;;
    --filter=*) FILTER="${1#--filter=}"; shift ;;
    --no-build) NO_BUILD=1; shift ;;
    --exec) shift; [[ "${1:-}" == "--" ]] && shift; (($#)) || die "--exec needs a command"; EXEC=("$@"); break ;;
    -h|--help) usage; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *) SELECTED+=("$1"); shift ;;
  esac
done

# Test projects: the fixed order first, then any other test project found.
ALL_PROJECTS=()
for p in AidMarket.Domain.Tests AidMarket.Web.Tests AidMarket.BrowserTests; do
  [[ -f "$ROOT/tests/$p/$p.csproj" ]] && ALL_PROJECTS+=("$p")
done
for csproj in "$ROOT"/tests/*/*.csproj; do
  [[ -f "$csproj" ]] || continue
  p="$(basename "$csproj" .csproj)"
  [[ " ${ALL_PROJECTS[*]} " == *" $p "* ]] && continue
  grep -q 'Microsoft.NET.Test.Sdk' "$csproj" && ALL_PROJECTS+=("$p")
done
((${#ALL_PROJECTS[@]})) || die "no test projects found under $ROOT/tests"

PROJECTS=()
if ((${#SELECTED[@]})); then
  for s in "${SELECTED[@]}"; do
    s="$(basename "${s%/}")"; s="${s%.csproj}"
    found=""
    for cand in "$s" "AidMarket.$s" "AidMarket.$s.Tests" "AidMarket.${s}Tests"; do
      for p in "${ALL_PROJECTS[@]}"; do
        if [[ "${p,,}" == "${cand,,}" ]]; then found="$p"; break 2; fi
      done
    done
    [[ -n "$found" ]] || die "unknown test project '$s' (known: ${ALL_PROJECTS[*]})"
    [[ " ${PROJECTS[*]-} " == *" $found "* ]] || PROJECTS+=("$found")
  done
else
  PROJECTS=("${ALL_PROJECTS[@]}")
fi

# ---------------------------------------------------------------- prerequisites
IS_ROOT=0; [[ "$(id -u)" == 0 ]] && IS_ROOT=1

find_initdb() {
  local d best="" bestv=-1 v
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/initdb" ]] || continue
    v="$(basename "$(dirname "$d")")"
    [[ "$v" =~ ^[0-9]+$ ]] || continue
    if ((v > bestv)); then bestv=$v; best="$d"; fi
  done
  if [[ -z "$best" ]] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(command -v initdb)")"
  fi
  printf '%s' "$best"
}
find_rabbit_bin() {
  # The Debian wrapper in /usr/sbin insists on su-ing to the rabbitmq user;
  # the real scripts live in /usr/lib/rabbitmq/bin and run as any user.
  if [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
    printf '%s' /usr/lib/rabbitmq/bin
  elif command -v rabbitmq-server >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v rabbitmq-server)")"
  fi
}
# (no grep -q: with pipefail, fc-list would die of SIGPIPE and fail the pipeline)
have_cjk_font() { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null; }

CHROMIUM="${AIDMARKET_CHROMIUM:-/usr/bin/chromium}"
MISSING=()
[[ -x "$CHROMIUM" ]] || { CHROMIUM=/usr/bin/chromium; [[ -x "$CHROMIUM" ]] || MISSING+=(chromium); }
have_cjk_font || MISSING+=(fonts-noto-cjk)
[[ -n "$(find_rabbit_bin)" ]] || MISSING+=(rabbitmq-server)
[[ -n "$(find_initdb)" ]] || MISSING+=(postgresql)
command -v dotnet >/dev/null 2>&1 || die "dotnet SDK not found on PATH (see global.json for the version)"

if ((${#MISSING[@]})); then
  if ((IS_ROOT)) && command -v apt-get >/dev/null 2>&1; then
    log "installing: ${MISSING[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt_opts=(-o DPkg::Lock::Timeout=600)   # wait for a concurrent apt/dpkg instead of failing
    apt-get "${apt_opts[@]}" update -qq >/dev/null || die "apt-get update failed"
    apt-get "${apt_opts[@]}" install -y -qq "${MISSING[@]}" >"${TMPDIR:-/tmp}/aidmarket-apt.log" 2>&1 \
      || { tail -n 30 "${TMPDIR:-/tmp}/aidmarket-apt.log" >&2; die "apt-get install ${MISSING[*]} failed"; }
    command -v fc-cache >/dev/null 2>&1 && fc-cache -f >/dev/null 2>&1 || true
  else
    die "missing prerequisites; install them with:  sudo apt-get install -y ${MISSING[*]}"
  fi
fi
PGBIN="$(find_initdb)";      [[ -n "$PGBIN" ]] || die "PostgreSQL server binaries (initdb) not found"
RMQBIN="$(find_rabbit_bin)"; [[ -n "$RMQBIN" ]] || die "rabbitmq-server not found"
[[ -x "$CHROMIUM" ]] || die "chromium not found at $CHROMIUM"
have_cjk_font || log "warning: Noto Sans CJK font still not visible to fontconfig"

# ---------------------------------------------------------------- temp dir + cleanup
TMP="$(mktemp -d "${TMPDIR:-/tmp}/aidmarket-test.XXXXXX")"
chmod 755 "$TMP"   # the postgres user must be able to traverse it when we are root
PG_STARTED=0; RMQ_WRAPPER_PID=""; RMQ_NODE=""; EPMD_PORT=""; CLEANED=0; CHILD=""

# Long-running commands run in the background and are waited for, so that a
# trapped INT/TERM interrupts `wait` at once (bash would otherwise swallow the
# signal when the child - e.g. `timeout`, which leaves our process group -
# exits normally); cleanup then terminates CHILD.
run_child() {
  "$@" &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return $rc
}

as_pg() { if ((IS_ROOT)); then runuser -u postgres -- "$@"; else "$@"; fi; }
rmq_env() {
  env HOME="$TMP/rabbitmq/home" ERL_EPMD_PORT="$EPMD_PORT" \
    RABBITMQ_CONF_ENV_FILE="$TMP/rabbitmq/rabbitmq-env.conf" "$@"
}

cleanup() {
  local rc=$?
  ((CLEANED)) && return; CLEANED=1
  set +e
  if [[ -n "$CHILD" ]] && kill -0 "$CHILD" 2>/dev/null; then
    kill -TERM "$CHILD" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$CHILD" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$CHILD" 2>/dev/null
  fi
  if ((PG_STARTED)); then
    as_pg "$PGBIN/pg_ctl" -D "$TMP/pg/data" -m immediate -w -t 20 stop >/dev/null 2>&1
    local pid; pid="$(head -1 "$TMP/pg/data/postmaster.pid" 2>/dev/null)"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  fi
  if [[ -n "$RMQ_WRAPPER_PID" ]]; then
    local beam; beam="$(cat "$TMP/rabbitmq/rabbit.pid" 2>/dev/null)"
    rmq_env timeout 30 "$RMQBIN/rabbitmqctl" -q -n "$RMQ_NODE" stop >/dev/null 2>&1
    for _ in $(seq 1 40); do kill -0 "$RMQ_WRAPPER_PID" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$RMQ_WRAPPER_PID" 2>/dev/null; then
      kill -TERM "$RMQ_WRAPPER_PID" 2>/dev/null   # the script's TERM trap stops the VM
      for _ in $(seq 1 40); do kill -0 "$RMQ_WRAPPER_PID" 2>/dev/null || break; sleep 0.25; done
    fi
    # Whatever is left of this node (its name contains our PID, so it is ours alone).
    local left; left="$(pgrep -f -- "$RMQ_NODE" 2>/dev/null | grep -vx "$$" || true)"
    for pid in $beam $left $RMQ_WRAPPER_PID; do
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    done
    # the private epmd that the node started on EPMD_PORT
    local epmd; epmd="$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -1)"
    [[ -n "$epmd" ]] && ERL_EPMD_PORT="$EPMD_PORT" timeout 10 "$epmd" -kill >/dev/null 2>&1
  fi
  if [[ "${AIDMARKET_KEEP_TMP:-0}" == 1 ]]; then log "kept $TMP"; else rm -rf "$TMP"; fi
  if [[ -n "${CI:-}" ]]; then dotnet build-server shutdown >/dev/null 2>&1; fi
  return $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# N distinct free loopback ports: python3 binds them all at once; without python3,
# probe random ports with bash's /dev/tcp (a refused connection = free).
free_ports() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket,sys
ss=[socket.socket() for _ in range(int(sys.argv[1]))]
for s in ss: s.bind(("127.0.0.1",0))
print(" ".join(str(s.getsockname()[1]) for s in ss))' "$1"
    return
  fi
  local out=() p
  while ((${#out[@]} < $1)); do
    p=$((20000 + RANDOM % 30000))
    [[ " ${out[*]-} " == *" $p "* ]] && continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    out+=("$p")
  done
  echo "${out[*]}"
}
read -r PG_PORT RMQ_PORT RMQ_DIST_PORT EPMD_PORT < <(free_ports 4) || die "could not find free ports"

# ---------------------------------------------------------------- PostgreSQL
log "starting PostgreSQL $(basename "$(dirname "$PGBIN")") on 127.0.0.1:$PG_PORT"
mkdir -p "$TMP/pg/data" "$TMP/pg/sock"
((IS_ROOT)) && chown -R postgres: "$TMP/pg"
if ! as_pg "$PGBIN/initdb" -D "$TMP/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
      >"$TMP/pg/initdb.log" 2>&1; then
  rm -rf "$TMP/pg/data"; mkdir -p "$TMP/pg/data"; ((IS_ROOT)) && chown postgres: "$TMP/pg/data"
  as_pg "$PGBIN/initdb" -D "$TMP/pg/data" -U postgres --auth=trust -E UTF8 \
      >"$TMP/pg/initdb.log" 2>&1 || { cat "$TMP/pg/initdb.log" >&2; die "initdb failed"; }
fi
PG_STARTED=1
# Tests trade durability for speed; AIDMARKET_PG_DURABLE=1 (tests/bench.sh) keeps PostgreSQL's defaults.
PG_SPEED="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
[[ "${AIDMARKET_PG_DURABLE:-0}" == 1 ]] && PG_SPEED=""
as_pg "$PGBIN/pg_ctl" -D "$TMP/pg/data" -l "$TMP/pg/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -k $TMP/pg/sock -c listen_addresses=127.0.0.1 $PG_SPEED -c max_connections=300" \
  start >/dev/null || { cat "$TMP/pg/postgres.log" >&2 || true; die "PostgreSQL did not start"; }
export AIDMARKET_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres"

# ---------------------------------------------------------------- RabbitMQ (started now, awaited after the build)
RMQ_NODE="aidmarket$$@localhost"
R="$TMP/rabbitmq"
mkdir -p "$R/home" "$R/mnesia" "$R/log" "$R/conf.d"
: >"$R/rabbitmq-env.conf"
echo '[].' >"$R/enabled_plugins"
cat >"$R/rabbitmq.conf" <<EOF
loopback_users.guest = true
disk_free_limit.absolute = 50MB
log.console = false
log.file.level = info
EOF
# Server and rabbitmqctl share HOME, hence this cookie.
head -c 20 /dev/urandom | od -An -tx1 | tr -d ' \n' | tr 'a-f' 'A-F' >"$R/home/.erlang.cookie"
chmod 400 "$R/home/.erlang.cookie"
log "starting RabbitMQ node $RMQ_NODE on 127.0.0.1:$RMQ_PORT"
(
  cd "$R"
  exec setsid env HOME="$R/home" ERL_EPMD_PORT="$EPMD_PORT" ERL_CRASH_DUMP="$R/erl_crash.dump" \
    RABBITMQ_CONF_ENV_FILE="$R/rabbitmq-env.conf" \
    RABBITMQ_NODENAME="$RMQ_NODE" RABBITMQ_USE_LONGNAME=false \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$RMQ_PORT" RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" \
    RABBITMQ_MNESIA_BASE="$R/mnesia" RABBITMQ_LOG_BASE="$R/log" RABBITMQ_PID_FILE="$R/rabbit.pid" \
    RABBITMQ_CONFIG_FILE="$R/rabbitmq.conf" RABBITMQ_CONFIG_FILES="$R/conf.d" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$R/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$R/enabled_plugins" RABBITMQ_PLUGINS_EXPAND_DIR="$R/plugins-expand" \
    "$RMQBIN/rabbitmq-server" </dev/null >"$R/stdout.log" 2>&1
) &
RMQ_WRAPPER_PID=$!
export AIDMARKET_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$RMQ_PORT/"

await_rabbit() {
  local deadline=$((SECONDS + ${AIDMARKET_RABBITMQ_START_TIMEOUT:-90}))
  while ((SECONDS < deadline)); do
    if ! kill -0 "$RMQ_WRAPPER_PID" 2>/dev/null; then break; fi
    if run_child rmq_env timeout 20 "$RMQBIN/rabbitmqctl" -q -n "$RMQ_NODE" await_startup --timeout 15 >/dev/null 2>&1 \
       && (exec 3<>"/dev/tcp/127.0.0.1/$RMQ_PORT") 2>/dev/null; then
      return 0
    fi
    run_child sleep 1
  done
  {
    echo "---- rabbitmq stdout ----"; tail -n 40 "$R/stdout.log" 2>/dev/null
    echo "---- rabbitmq log ----"; tail -n 40 "$R"/log/*.log 2>/dev/null
  } >&2 || true
  die "RabbitMQ node $RMQ_NODE did not start (broker tests need it)"
}

export AIDMARKET_CHROMIUM="$CHROMIUM"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER=1

# ---------------------------------------------------------------- --exec mode
if ((${#EXEC[@]})); then
  await_rabbit
  log "AIDMARKET_TEST_PG=$AIDMARKET_TEST_PG"
  log "AIDMARKET_TEST_RABBITMQ=$AIDMARKET_TEST_RABBITMQ"
  log "AIDMARKET_CHROMIUM=$AIDMARKET_CHROMIUM"
  rc=0; run_child "${EXEC[@]}" || rc=$?
  exit $rc
fi

# ---------------------------------------------------------------- build
if ((NO_BUILD)); then
  log "skipping build (--no-build)"
else
  log "building AidMarket.sln (Release)"
  tb=$SECONDS
  if ! run_child dotnet build "$ROOT/AidMarket.sln" -c Release -nologo -v minimal \
       >"$TMP/build.log" 2>&1; then
    if grep -qE ': (error|warning) ' "$TMP/build.log"; then
      grep -E ': (error|warning) ' "$TMP/build.log" | sort -u | head -n 60 >&2 || true
    else
      tail -n 40 "$TMP/build.log" >&2
    fi
    die "build failed"
  fi
  log "build ok ($((SECONDS - tb)) s)"
fi

await_rabbit
log "RabbitMQ ready; AIDMARKET_TEST_PG=$AIDMARKET_TEST_PG AIDMARKET_TEST_RABBITMQ=$AIDMARKET_TEST_RABBITMQ AIDMARKET_CHROMIUM=$AIDMARKET_CHROMIUM"

# ---------------------------------------------------------------- tests
RESULTS="${AIDMARKET_TEST_RESULTS:-$ROOT/tests/TestResults}"
export AIDMARKET_TEST_RESULTS="$RESULTS"   # browser tests put their screenshots here
mkdir -p "$RESULTS"
[[ "$RESULTS" == "$ROOT/tests/TestResults" && ! -e "$RESULTS/.gitignore" ]] && printf '*\n' >"$RESULTS/.gitignore"

attr() { sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p" <<<"$2" | head -1; }

TOTAL_P=0; TOTAL_F=0; TOTAL_S=0; TOTAL_RUN=0; BAD=()
for p in "${PROJECTS[@]}"; do
  trx="$RESULTS/$p.trx"
  rm -f "$trx"
  args=(test "$ROOT/tests/$p/$p.csproj" -c Release --no-build --nologo
        --logger "trx;LogFileName=$p.trx" --results-directory "$RESULTS")
  [[ -n "$FILTER" ]] && args+=(--filter "$FILTER")
  log "testing $p"
  tp=$SECONDS
  rc=0
  run_child timeout --kill-after=30s "${AIDMARKET_TEST_TIMEOUT:-30m}" dotnet "${args[@]}" || rc=$?
  dt=$((SECONDS - tp))
  if [[ ! -f "$trx" ]]; then
    log "$p: no TRX written (exit $rc, $dt s)"
    BAD+=("$p"); continue
  fi
  counters="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -1 || true)"
  total=$(attr total "$counters"); executed=$(attr executed "$counters")
  passed=$(attr passed "$counters"); failed=$(attr failed "$counters")
  errors=$(attr error "$counters"); timeouts=$(attr timeout "$counters"); aborted=$(attr aborted "$counters")
  total=${total:-0}; executed=${executed:-0}; passed=${passed:-0}; failed=${failed:-0}
  failed=$((failed + ${errors:-0} + ${timeouts:-0} + ${aborted:-0}))
  skipped=$((total - executed)); ((skipped < 0)) && skipped=0
  log "$p: $passed passed, $failed failed, $skipped skipped ($dt s)"
  TOTAL_P=$((TOTAL_P + passed)); TOTAL_F=$((TOTAL_F + failed)); TOTAL_S=$((TOTAL_S + skipped))
  TOTAL_RUN=$((TOTAL_RUN + executed))
  if ((rc != 0 || failed > 0)); then
    ((rc == 124 || rc == 137)) && log "$p: timed out after ${AIDMARKET_TEST_TIMEOUT:-30m}"
    BAD+=("$p")
  elif ((executed == 0)) && [[ -z "$FILTER" ]]; then
    log "$p: ran no tests"
    BAD+=("$p")
  fi
done

if ((TOTAL_RUN == 0)); then
  log "no test was executed"
  BAD+=("(no tests)")
fi
log "results: $RESULTS"
log "total wall time $((SECONDS - T0)) s"
((${#BAD[@]})) && log "FAILED: ${BAD[*]}"
line="$TOTAL_P passed, $TOTAL_F failed"
((TOTAL_S > 0)) && line+=", $TOTAL_S skipped"
echo "$line"
((${#BAD[@]} == 0))
