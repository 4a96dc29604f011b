/**
 * Scheduled journeys' audiences (birthdays today, inactive contacts), enrolled page by page by the
 * Enrol audience step.
 */
package io.itinera.audience;
