package io.itinera.simulation;

/**
 * How much a simulation records: the full timeline (waits, the values each condition read, contact and
 * variable changes, webhook requests; emails with or without their HTML), or, for a forecast of many
 * contacts, only the steps passed, the decisions taken and the emails.
 */
enum Detail {
  TIMELINE, TIMELINE_WITH_HTML, OUTLINE;

  static Detail timeline(boolean html) {
    return html ? TIMELINE_WITH_HTML : TIMELINE;
  }
}
