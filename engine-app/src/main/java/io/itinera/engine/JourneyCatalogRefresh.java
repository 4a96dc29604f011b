package io.itinera.engine;

import io.itinera.journey.DeploymentGeneration;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/** Tells the journey catalog when this node parses a process, as every deployment does. */
@Component
class JourneyCatalogRefresh extends AbstractProcessEnginePlugin {

  private final DeploymentGeneration deployments;

  JourneyCatalogRefresh(DeploymentGeneration deployments) {
    this.deployments = deployments;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener advance = new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        deployments.advance();
      }
    };
    configuration.setCustomPostBPMNParseListeners(EngineLists.plus(configuration.getCustomPostBPMNParseListeners(),
        advance));
  }
}
