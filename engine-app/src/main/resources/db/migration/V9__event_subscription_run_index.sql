-- An event finds the steps of its contact's runs that wait for it by run and message name
-- (JourneyRouter.deliver). Camunda's schema indexes event subscriptions by execution and by name,
-- not by process instance: with many runs waiting for the same message (every cart waits for a
-- purchase) the name matches nearly every row, so each delivery read the whole table.
CREATE INDEX ix_act_ru_event_subscr_proc_inst ON ACT_RU_EVENT_SUBSCR (PROC_INST_ID_);
