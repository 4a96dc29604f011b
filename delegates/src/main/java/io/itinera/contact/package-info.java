/**
 * Contacts: their attributes, consent, engagement score and suppressed addresses, and the Update
 * contact step. Part of the domain module (named delegates by our layout): the services journey
 * steps and the API use.
 */
package io.itinera.contact;
