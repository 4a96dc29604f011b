package io.itinera.content;

import java.time.Clock;
import java.util.Set;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds outcomes to the posteriors, once per choice: an open or click of the message (a click counts as an
 * open too), the run's goal reached within the window, or 0 when the window ends without either. Settling
 * the choice and updating its variant's locked posterior happen in one transaction, so a reward is learnt
 * exactly when it is recorded.
 */
@Service
public class ContentRewards {

  private static final Logger log = LoggerFactory.getLogger(ContentRewards.class);
  private static final int BATCH = 500;
  private static final int DRAWS_PER_CONTEXT = 5;

  private final ContentChoices choices;
  private final ContentPosteriors posteriors;
  private final ContentProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ContentPolicy policy;

  @Autowired
  ContentRewards(ContentChoices choices, ContentPosteriors posteriors, ContentProperties properties,
      TransactionTemplate transaction, Clock clock) {
    this(choices, posteriors, properties, transaction, clock, new JDKRandomGenerator());
  }

  /** With the draws (of the exclusion check) from {@code random}: tests replay them exactly. */
  ContentRewards(ContentChoices choices, ContentPosteriors posteriors, ContentProperties properties,
      TransactionTemplate transaction, Clock clock, RandomGenerator random) {
    this.choices = choices;
    this.posteriors = posteriors;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
    this.policy = new ContentPolicy(properties.randomShare(), random);
  }

  /** The message was opened: rewards its choices that wait for an open. Returns how many it rewarded. */
  public int opened(String messageId) {
    return rewardMessage(messageId, Set.of(RewardKind.OPEN));
  }

  /** A link in the message was clicked: rewards its choices that wait for a click or an open. */
  public int clicked(String messageId) {
    return rewardMessage(messageId, Set.of(RewardKind.OPEN, RewardKind.CLICK));
  }

  /**
   * Settles what is due: choices whose run reached its goal within the window get 1, choices whose window
   * ended without a reward get 0. Returns how many it settled.
   */
  public int settleDue() {
    var settled = 0;
    var now = clock.instant();
    for (var goal : choices.goalsReached(BATCH)) {
      if (settle(goal, 1)) {
        settled++;
      }
    }
    for (var ended : choices.windowEnded(now, BATCH)) {
      if (settle(ended, 0)) {
        settled++;
      }
    }
    return settled;
  }

  /**
   * Excludes from the policy's draws each variant whose posterior probability of being best, over the slot's
   * recent contexts, is below {@code itinera.content.exclude-below} once every variant of the slot has enough
   * settled rewards; lets it back in when that probability recovers.
   */
  public void refreshExclusions() {
    for (var slot : posteriors.slots()) {
      var rows = posteriors.ofTemplate(slot.getKey()).stream().filter(row -> row.slot().equals(slot.getValue()))
          .toList();
      if (rows.size() < 2 || rows.stream().anyMatch(row -> row.observations() < properties.minObservationsToExclude())) {
        continue;
      }
      var contexts = choices.recentFeatures(slot.getKey(), slot.getValue(), properties.contextsForExclusion());
      if (contexts.isEmpty()) {
        continue;
      }
      var best = policy.probabilityBest(rows.stream().map(PosteriorRow::state).toList(), contexts, DRAWS_PER_CONTEXT);
      for (var row : rows) {
        var exclude = best.get(row.variant()) < properties.excludeBelow();
        if (exclude != row.excluded()) {
          log.info("Content {}/{}: variant {} {} (probability of being best {})", row.template(), row.slot(),
              row.variant(), exclude ? "excluded from the policy's draws" : "drawn again", best.get(row.variant()));
          posteriors.exclude(row.template(), row.slot(), row.variant(), exclude);
        }
      }
    }
  }

  private int rewardMessage(String messageId, Set<RewardKind> kinds) {
    var rewarded = 0;
    var now = clock.instant();
    for (var choice : choices.open(messageId, kinds)) {
      if (!now.isAfter(choice.windowEndsAt()) && settle(choice, 1)) {
        rewarded++;
      }
    }
    return rewarded;
  }

  private boolean settle(ChoiceRecord choice, int reward) {
    var learnt = transaction.execute(status -> {
      var now = clock.instant();
      if (!choices.settle(choice.messageId(), choice.slot(), reward, now)) {
        return false;
      }
      var row = posteriors.lock(choice.template(), choice.slot(), choice.variant(), now);
      posteriors.save(row.learned(choice.features(), reward), now);
      return true;
    });
    return Boolean.TRUE.equals(learnt);
  }
}
