#!/usr/bin/env bash
# Runs one of the benchmarks in engine-app/src/test/java/io/itinera/benchmark on H2 or PostgreSQL.
# Usage: bench/run.sh <benchmark> [h2|postgres] [count], where <benchmark> is one of
#   event-intake: events/s through POST /api/events/batch, each starting a run, against the bare engine
#   email:        templates rendered/s, emails queued/s and dispatched/s over SMTP, against raw SMTP, in 3 rounds
#                 taking turns (medians)
#   journey-stats: journey statistics on a journey with <count> runs, against the engine's own run count
#   simulation:   one contact's simulated welcome series, against the same run on the real engine, and a
#                 forecast of <count> synthetic contacts (default 1000); also bench/simulate.sh
#   end-to-end:   <count> contacts (default 3000) sign up while the job executor and the dispatcher run, to the
#                 last welcome email, against the bare engine doing alike; also bench/end-to-end.sh
#   timers:       <count> runs (default 3000) waiting at a timer fire when the clock moves on, in a journey and in the
#                 bare engine with the app's job-executor settings
#   waiting-runs: <count> contacts (default 100000) waiting in journeys: an event's latency to its waiting run
#                 and intake at 1,000 and at <count> waiting, then history cleanup of them; also bench/waiting-runs.sh
#   two-nodes:    <count> signups (default 2000) on one node, then on two nodes sharing the database, to the last
#                 welcome email, with the proof that no work was done twice; also bench/two-nodes.sh
#   sms:          <count> SMS (default 2000) dispatched to the embedded SMSC over SMPP, against a raw jsmpp
#                 client submitting the same number of ready-made messages
#   content:      <count> sends (default 10000) to a synthetic population chosen by the content policy: its
#                 cumulative clicks against uniform random, the best single variant and an oracle; choices/s
#                 against renders/s
#   push:         <count> pushes (default 2000) dispatched to a local push service on loopback, against a raw loop
#                 encrypting, signing and posting the same number with the same libraries
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark="${1:-}"
database="${2:-h2}"
count="${3:-2000}"

case "$benchmark" in
  event-intake) main=io.itinera.benchmark.EventIntakeBenchmark; rounds=3 ;;
  email) main=io.itinera.benchmark.EmailBenchmark; rounds=3 ;;
  journey-stats) main=io.itinera.benchmark.JourneyStatsBenchmark; rounds= ;;
  simulation) count="${3:-1000}"; test=SimulationBenchmark ;;
  end-to-end) count="${3:-3000}"; test=EndToEndBenchmark ;;
  timers) count="${3:-3000}"; test=TimersBenchmark ;;
  waiting-runs) count="${3:-100000}"; test=WaitingRunsBenchmark ;;
  two-nodes) test=TwoNodeBenchmark ;;
  sms) test=SmsBenchmark ;;
  content) count="${3:-10000}"; test=ContentPolicyBenchmark ;;
  push) test=PushBenchmark ;;
  *) echo "usage: $0 event-intake|email|journey-stats|simulation|end-to-end|timers|waiting-runs|two-nodes|sms|content|push [h2|postgres] [count]" >&2
     exit 2 ;;
esac
case "$database" in
  h2) url="jdbc:h2:mem:itinera-bench;DB_CLOSE_DELAY=-1"; user=sa ;;
  postgres)
    url="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/itinera_bench"; user="${PGUSER:-postgres}"
    psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "$user" -d postgres -v ON_ERROR_STOP=1 -q \
      -c "DROP DATABASE IF EXISTS itinera_bench WITH (FORCE)" -c "CREATE DATABASE itinera_bench" ;;
  *) echo "usage: $0 <benchmark> [h2|postgres] [count]" >&2; exit 2 ;;
esac

if [ -n "${test:-}" ]; then
  # A JUnit run of the benchmark's tagged test, which the normal build leaves out: it needs no
  # install and no exec plugin, so it also runs offline (MAVEN_ARGS=-o).
  exec ./mvnw -B -q -ntp verify -pl engine-app -am -Dtest=$test -Dsurefire.failIfNoSpecifiedTests=false \
    -Dgroups=benchmark -Ditinera.test.excluded-groups= \
    -Dbench.db-url="$url" -Dbench.db-user="$user" -Dbench.contacts="$count"
fi
./mvnw -B -q -ntp install -DskipTests
./mvnw -B -q -ntp -pl engine-app exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass="$main" -Dexec.args="$url $user $count $rounds"
