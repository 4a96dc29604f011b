package io.itinera.engine;

import io.itinera.check.JourneyCheck;
import io.itinera.check.Problem;
import io.itinera.check.UnreadableJourneyException;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the journey check on every new deployment, whatever sent it (the classpath at start-up, the
 * engine REST API, Cockpit, the Modeler), and refuses it with one message listing every problem.
 * The check is looked up late: it stands on beans created after the engine's plugins.
 */
@Component
class JourneyCheckPlugin extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(JourneyCheckPlugin.class);

  private final ObjectProvider<JourneyCheck> check;

  JourneyCheckPlugin(ObjectProvider<JourneyCheck> check) {
    this.check = check;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreDeployers(EngineLists.<Deployer>plus(configuration.getCustomPreDeployers(), this::check));
  }

  private void check(DeploymentEntity deployment) {
    // The engine also deploys stored deployments again to fill its cache: those were checked when new,
    // and must keep running even if, say, a template has gone since.
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    var problemsByFile = new TreeMap<String, List<Problem>>();
    deployment.getResources().forEach((name, resource) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        try {
          var findings = check.getObject().examine(new ByteArrayInputStream(resource.getBytes()));
          if (!findings.errors().isEmpty()) {
            problemsByFile.put(name, findings.errors());
          }
          findings.warnings().forEach(warning -> log.warn("Journey file {} deploys with a warning: {}", name, warning));
        } catch (UnreadableJourneyException e) {
          // The engine's own parser refuses the file next, with its line and column.
        }
      }
    });
    if (!problemsByFile.isEmpty()) {
      throw new JourneyRefusedException(message(problemsByFile));
    }
  }

  private static String message(Map<String, List<Problem>> problemsByFile) {
    return "The journey check refused the deployment; correct these and deploy again:"
        + problemsByFile.entrySet().stream()
            .map(file -> "\n" + file.getKey() + ":" + file.getValue().stream().map(problem -> "\n  " + problem)
                .collect(Collectors.joining()))
            .collect(Collectors.joining());
  }
}
