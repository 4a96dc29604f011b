package io.itinera.content;

import io.itinera.contact.Contact;
import io.itinera.template.EmailTemplates;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.apache.commons.math3.random.RandomGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Chooses the variants of one message before it is rendered, in the caller's (the engine's) transaction, and
 * records each choice with the message: the variant, how it was chosen, the features and every variant's
 * predicted rate. A template without variants gets no choice and no record.
 */
@Service
@EnableConfigurationProperties(ContentProperties.class)
public class ContentSelection {

  private final EmailTemplates templates;
  private final ContentFeatures features;
  private final ContentPosteriors posteriors;
  private final ContentChoices choices;
  private final ContentPolicy policy;

  @Autowired
  ContentSelection(EmailTemplates templates, ContentFeatures features, ContentPosteriors posteriors,
      ContentChoices choices, ContentProperties properties) {
    this(templates, features, posteriors, choices, properties, new JDKRandomGenerator());
  }

  /** With the draws from {@code random}: tests replay a sequence of choices exactly. */
  ContentSelection(EmailTemplates templates, ContentFeatures features, ContentPosteriors posteriors,
      ContentChoices choices, ContentProperties properties, RandomGenerator random) {
    this.templates = templates;
    this.features = features;
    this.posteriors = posteriors;
    this.choices = choices;
    this.policy = new ContentPolicy(properties.randomShare(), random);
  }

  /** The variant per slot for this message (empty for a template without variants). */
  public Map<String, String> choose(String template, ContentStep step, Contact contact, String messageId,
      String processInstanceId, Instant now) {
    var variants = templates.variants(template);
    if (variants.isEmpty()) {
      return Map.of();
    }
    var x = features.of(contact, now);
    var chosen = new TreeMap<String, String>();
    new TreeMap<>(variants.get().slots()).forEach((slot, names) -> {
      var states = posteriors.of(template, slot, names, now).stream().map(PosteriorRow::state).toList();
      var choice = policy.choose(step.selection(), states, x);
      choices.insert(new ChoiceRecord(messageId, slot, template, choice.variant(), choice.mode(), step.reward(), x,
          choice.predicted(), contact.id(), processInstanceId, now, now.plus(step.window())));
      chosen.put(slot, choice.variant());
    });
    return chosen;
  }
}
