package io.itinera.content;

import io.itinera.experiment.ProportionTest;
import io.itinera.template.EmailTemplates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.springframework.stereotype.Service;

/** Builds the report of a template's variants (see {@link ContentReport}) from the recorded choices and posteriors. */
@Service
public class ContentReports {

  private static final int TOP_FEATURES = 3;
  private static final double CONFIDENCE = 0.95;

  private final EmailTemplates templates;
  private final ContentChoices choices;
  private final ContentPosteriors posteriors;
  private final ContentProperties properties;

  ContentReports(EmailTemplates templates, ContentChoices choices, ContentPosteriors posteriors,
      ContentProperties properties) {
    this.templates = templates;
    this.choices = choices;
    this.posteriors = posteriors;
    this.properties = properties;
  }

  /** The report; empty when there is no such template or it declares no variants. */
  public Optional<ContentReport> of(String template) {
    if (templates.missing(template).isPresent()) {
      return Optional.empty();
    }
    return templates.variants(template).map(variants -> {
      var tallies = choices.tallies(template);
      var stored = posteriors.ofTemplate(template);
      var slots = new ArrayList<ContentReport.SlotReport>();
      new TreeMap<>(variants.slots()).forEach((slot, names) -> {
        var ofSlot = tallies.stream().filter(tally -> tally.slot().equals(slot)).toList();
        var rows = names.stream().map(variant -> variant(ofSlot, variant, posterior(stored, slot, variant))).toList();
        var settled = rows.stream().mapToLong(ContentReport.VariantReport::settled).sum();
        var status = settled == 0
            ? "cold start: no reward has settled yet, so predicted choices are uniform"
            : "learning from " + settled + " settled sends";
        slots.add(new ContentReport.SlotReport(slot, settled == 0, status, rows, lift(ofSlot)));
      });
      return new ContentReport(template, properties.randomShare(), slots);
    });
  }

  private enum Field { SENDS, SETTLED, REWARDS }

  private static ContentReport.VariantReport variant(List<VariantTally> tallies, String variant,
      Optional<PosteriorRow> posterior) {
    var settled = sum(tallies, variant, null, Field.SETTLED);
    var rewards = sum(tallies, variant, null, Field.REWARDS);
    return new ContentReport.VariantReport(variant, sum(tallies, variant, null, Field.SENDS), settled, rewards,
        settled == 0 ? null : (double) rewards / settled, wilson(rewards, settled),
        sum(tallies, variant, ChoiceMode.POLICY, Field.SENDS), uniformSends(tallies, variant),
        posterior.map(PosteriorRow::excluded).orElse(false),
        posterior.map(ContentReports::topFeatures).orElse(List.of()));
  }

  private static long sum(List<VariantTally> tallies, String variant, ChoiceMode mode, Field field) {
    return tallies.stream()
        .filter(tally -> (variant == null || tally.variant().equals(variant)) && (mode == null || tally.mode() == mode))
        .mapToLong(tally -> switch (field) {
          case SENDS -> tally.sends();
          case SETTLED -> tally.settled();
          case REWARDS -> tally.rewards();
        }).sum();
  }

  private static long uniformSends(List<VariantTally> tallies, String variant) {
    return tallies.stream().filter(tally -> tally.variant().equals(variant) && tally.mode().isUniform())
        .mapToLong(VariantTally::sends).sum();
  }

  private static ContentReport.Lift lift(List<VariantTally> tallies) {
    var policySettled = sum(tallies, null, ChoiceMode.POLICY, Field.SETTLED);
    var policyRewards = sum(tallies, null, ChoiceMode.POLICY, Field.REWARDS);
    var uniform = tallies.stream().filter(tally -> tally.mode().isUniform()).toList();
    var uniformSettled = uniform.stream().mapToLong(VariantTally::settled).sum();
    var uniformRewards = uniform.stream().mapToLong(VariantTally::rewards).sum();
    if (policySettled == 0 || uniformSettled == 0) {
      return null;
    }
    var test = ProportionTest.of(uniformRewards, uniformSettled, policyRewards, policySettled);
    return new ContentReport.Lift(policySettled, (double) policyRewards / policySettled, uniformSettled,
        (double) uniformRewards / uniformSettled, test.difference(), List.of(test.low(), test.high()));
  }

  private static List<Double> wilson(long rewards, long settled) {
    if (settled == 0) {
      return null;
    }
    var interval = new WilsonScoreInterval().createInterval((int) settled, (int) rewards, CONFIDENCE);
    return List.of(interval.getLowerBound(), interval.getUpperBound());
  }

  private static Optional<PosteriorRow> posterior(List<PosteriorRow> rows, String slot, String variant) {
    return rows.stream().filter(row -> row.slot().equals(slot) && row.variant().equals(variant)).findFirst();
  }

  /** The weights of largest size, bias left out: what moves this variant's predicted rate most. */
  private static List<ContentReport.FeatureWeight> topFeatures(PosteriorRow row) {
    if (row.observations() == 0) {
      return List.of();
    }
    var mean = row.posterior().mean();
    return IntStream.range(1, mean.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(mean[i])))
        .limit(TOP_FEATURES)
        .map(i -> new ContentReport.FeatureWeight(ContentFeatures.NAMES.get(i), mean[i]))
        .toList();
  }
}
