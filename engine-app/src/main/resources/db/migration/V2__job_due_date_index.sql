-- The job executor acquires jobs by due date (jobExecutorAcquireByDueDate), which Camunda's own
-- schema does not index: without it every acquisition sorts the whole job table.
CREATE INDEX ix_act_ru_job_duedate ON ACT_RU_JOB (DUEDATE_);
