package io.itinera.journey;

import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Every process variable Itinera's Java code reads or writes in a journey, under the name BPMN uses
 * for it. Step settings are not here: they are input parameters, declared by each step as {@link StepInput}s.
 */
public final class JourneyVariables {

  /** The properties of the event that started the run: {@code ${event.source == 'website'}}. */
  public static final JourneyVariable<Map<String, Object>> EVENT = JourneyVariable.map("event");
  /** The type of the event that started the run. */
  public static final JourneyVariable<String> EVENT_TYPE = JourneyVariable.text("eventType");
  /** The properties of the latest event delivered to a waiting step of the run. */
  public static final JourneyVariable<Map<String, Object>> LAST_EVENT = JourneyVariable.map("lastEvent");
  /** The type of the latest event delivered to a waiting step of the run. */
  public static final JourneyVariable<String> LAST_EVENT_TYPE = JourneyVariable.text("lastEventType");
  /** The contact a condition is evaluated for outside a run (inside one, the business key says it). */
  public static final JourneyVariable<String> CONTACT_ID = JourneyVariable.text("contactId");
  /**
   * When the run's contact last changed: conditional events are re-evaluated when a variable of the
   * run changes, and the contact lives outside the run.
   */
  public static final JourneyVariable<Date> CONTACT_UPDATED_AT = JourneyVariable.date("contactUpdatedAt");

  /**
   * What the latest Send email step did with its email: {@code QUEUED} in the outbox or {@code SKIPPED}. Not
   * whether it was sent: the outbox sends later, outside the run ({@code GET /api/contacts/{id}/messages}).
   */
  public static final JourneyVariable<String> LAST_EMAIL_QUEUE_STATUS = JourneyVariable.text("lastEmailQueueStatus");
  /** Why the latest Send email step skipped its email, or null. */
  public static final JourneyVariable<String> LAST_EMAIL_REASON = JourneyVariable.text("lastEmailReason");
  /** What the latest Send SMS step did: QUEUED or SKIPPED. */
  public static final JourneyVariable<String> LAST_SMS_QUEUE_STATUS = JourneyVariable.text("lastSmsQueueStatus");
  /** Why the latest Send SMS step skipped its SMS, or null. */
  public static final JourneyVariable<String> LAST_SMS_REASON = JourneyVariable.text("lastSmsReason");
  /** The channel the latest Send on best channel step chose ({@code email}, {@code sms}, {@code push}), or null. */
  public static final JourneyVariable<String> LAST_BEST_CHANNEL = JourneyVariable.text("lastBestChannel");
  /** What the latest Send on best channel step did on its channel: QUEUED or SKIPPED. */
  public static final JourneyVariable<String> LAST_BEST_CHANNEL_STATUS = JourneyVariable.text("lastBestChannelStatus");
  /** Why the latest Send on best channel step skipped, or passed over the channels before its choice; or null. */
  public static final JourneyVariable<String> LAST_BEST_CHANNEL_REASON = JourneyVariable.text("lastBestChannelReason");
  /** What the latest Send push step did: QUEUED (one message per subscription) or SKIPPED. */
  public static final JourneyVariable<String> LAST_PUSH_QUEUE_STATUS = JourneyVariable.text("lastPushQueueStatus");
  /** Why the latest Send push step skipped its push, or null. */
  public static final JourneyVariable<String> LAST_PUSH_REASON = JourneyVariable.text("lastPushReason");

  /** Where an Enrol audience step goes on with the next page; null after the last page. */
  public static final JourneyVariable<String> AUDIENCE_CURSOR = JourneyVariable.text("audienceCursor");
  /** How many runs an Enrol audience step has started so far. */
  public static final JourneyVariable<Integer> AUDIENCE_ENROLLED = JourneyVariable.integer("audienceEnrolled");
  /** Whether an Enrol audience step has enrolled its last page: {@code ${audienceDone}}. */
  public static final JourneyVariable<Boolean> AUDIENCE_DONE = JourneyVariable.flag("audienceDone");

  /** The A/B split's variant for the contact, unless the step names another result variable. */
  public static final JourneyVariable<String> VARIANT = JourneyVariable.text("variant");

  /** All of the above, for checks that BPMN and Java speak of the same variables. */
  public static final List<JourneyVariable<?>> ALL = List.of(EVENT, EVENT_TYPE, LAST_EVENT, LAST_EVENT_TYPE,
      CONTACT_ID, CONTACT_UPDATED_AT, LAST_EMAIL_QUEUE_STATUS, LAST_EMAIL_REASON, LAST_SMS_QUEUE_STATUS,
      LAST_SMS_REASON, LAST_PUSH_QUEUE_STATUS, LAST_PUSH_REASON, LAST_BEST_CHANNEL, LAST_BEST_CHANNEL_STATUS,
      LAST_BEST_CHANNEL_REASON, AUDIENCE_CURSOR, AUDIENCE_ENROLLED,
      AUDIENCE_DONE, VARIANT);

  private JourneyVariables() {
  }

  /**
   * The counter of passes through one step ({@link StepPass}); one variable per step, so its name
   * is made from the step's id.
   */
  public static JourneyVariable<Integer> passesThrough(String stepId) {
    return JourneyVariable.integer("itinera.passes." + stepId);
  }
}
