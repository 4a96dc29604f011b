package io.itinera.journey;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** Finds a journey's deployed versions for the calls that change a live journey, failing clearly on unknown ones. */
@Component
public class JourneyVersionLookup {

  private final RepositoryService repository;

  public JourneyVersionLookup(RepositoryService repository) {
    this.repository = repository;
  }

  /** Every version of the journey, newest first; throws {@link UnknownJourneyException} when there is none. */
  public List<ProcessDefinition> all(String journeyKey) {
    var versions = repository.createProcessDefinitionQuery().processDefinitionKey(journeyKey)
        .orderByProcessDefinitionVersion().desc().list();
    if (versions.isEmpty()) {
      throw new UnknownJourneyException(journeyKey);
    }
    return versions;
  }

  /** One version of the journey; an unknown one is refused naming {@code field} and the versions there are. */
  public ProcessDefinition version(String journeyKey, Integer version, String field) {
    var versions = all(journeyKey);
    if (version == null) {
      throw new JourneyChangeRefusedException(field, field + ": a version of journey '" + journeyKey + "' is required");
    }
    return versions.stream().filter(definition -> definition.getVersion() == version).findFirst()
        .orElseThrow(() -> new JourneyChangeRefusedException(field, field + ": journey '" + journeyKey
            + "' has no version " + version + "; its versions are "
            + versions.stream().map(ProcessDefinition::getVersion).sorted().toList()));
  }
}
