package io.itinera.content;

import java.time.Instant;
import java.util.Map;

/** A variant one message carried in one slot: how it was chosen, on which features, and what each variant was predicted to do. */
record ChoiceRecord(String messageId, String slot, String template, String variant, ChoiceMode mode,
    RewardKind rewardKind, double[] features, Map<String, Double> predicted, String contactId,
    String processInstanceId, Instant chosenAt, Instant windowEndsAt) {
}
