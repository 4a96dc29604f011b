#!/usr/bin/env bash
# The job executor's acquisition query with <count> jobs due at once (default 100000), as Itinera runs it
# (due date on every job, taken in due-date order) and as it ran before (timers first, jobs without a due
# date allowed): EXPLAIN ANALYZE of each, in a transaction that is rolled back.
# Needs a database holding Itinera's schema: any "bench/run.sh <benchmark> postgres" leaves one in itinera_bench.
# Usage: bench/acquisition.sh [count]
set -euo pipefail
count="${1:-100000}"
conditions="RES.RETRIES_ > 0 AND (RES.LOCK_OWNER_ IS NULL OR RES.LOCK_EXP_TIME_ < now()::timestamp)
  AND RES.SUSPENSION_STATE_ = 1 AND ((RES.EXCLUSIVE_ = true AND NOT EXISTS (SELECT J2.ID_ FROM ACT_RU_JOB J2
    WHERE J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ AND J2.EXCLUSIVE_ = true
    AND J2.LOCK_OWNER_ IS NOT NULL AND J2.LOCK_EXP_TIME_ >= now()::timestamp)) OR RES.EXCLUSIVE_ = false)"
columns="RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_"
psql -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-5432}" -U "${PGUSER:-postgres}" -d "${PGDATABASE:-itinera_bench}" \
  -v ON_ERROR_STOP=1 -q <<SQL | grep -E "^(now|before)|Execution Time"
BEGIN;
INSERT INTO act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_, retries_, duedate_,
    suspension_state_, priority_, handler_type_)
  SELECT 'bench-' || g, 1, 'timer', true, 'bench-' || g, 'bench-' || g, 3,
    now() - interval '1 hour' + g * interval '1 millisecond', 1, 0, 'timer-intermediate-transition'
  FROM generate_series(1, $count) g;
ANALYZE act_ru_job;
\echo now: due date on every job, in due-date order
EXPLAIN ANALYZE SELECT $columns FROM ACT_RU_JOB RES WHERE RES.DUEDATE_ <= now()::timestamp AND $conditions
  ORDER BY RES.DUEDATE_ LIMIT 48;
\echo before: timers first, jobs without a due date allowed
EXPLAIN ANALYZE SELECT $columns FROM ACT_RU_JOB RES
  WHERE (RES.DUEDATE_ IS NULL OR RES.DUEDATE_ <= now()::timestamp) AND $conditions
  ORDER BY RES.TYPE_ DESC, RES.DUEDATE_ LIMIT 48;
ROLLBACK;
SQL
