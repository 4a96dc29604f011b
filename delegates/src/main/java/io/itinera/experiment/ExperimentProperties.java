package io.itinera.experiment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Experiment settings ({@code itinera.experiment.*}): how many participants every variant needs
 * before the results may name a winner, so that an early lucky streak is not called a result.
 */
@ConfigurationProperties("itinera.experiment")
public record ExperimentProperties(@DefaultValue("100") int minParticipants) {
}
