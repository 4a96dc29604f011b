package io.itinera.contact;

/**
 * Published, inside the transaction that records it, when a contact withdraws consent on a channel (an
 * unsubscribe, an inbound {@code STOP}, the API): each channel takes back the marketing messages it still
 * holds for the contact (quiet hours, retries), so that nothing goes out after the withdrawal.
 */
public record ConsentWithdrawn(String contactId, String channel) {
}
