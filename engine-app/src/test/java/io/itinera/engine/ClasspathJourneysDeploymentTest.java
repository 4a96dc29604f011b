package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.ItineraAppTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The journeys on the classpath go through the journey check at start-up, like any other deployment. */
@ItineraAppTest
class ClasspathJourneysDeploymentTest {

  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repository;

  @Test
  void refusesToStartWithAClasspathJourneyThatFailsTheCheck() {
    var deployment = startingWith(new ClassPathResource("check-journeys/check-unknown-step.bpmn"));

    assertThatThrownBy(deployment::afterSingletonsInstantiated)
        .isInstanceOf(JourneyRefusedException.class)
        .hasMessageContaining("Task_SendOffer 'Send offer': calls 'sendOfferDelegate', which is not a journey step");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("check-unknown-step").count()).isZero();
  }

  @Test
  void leavesNothingForTheEngineToDeployWhileItIsBuilt() {
    var configuration = configuration(new ClassPathResource("check-journeys/check-valid.bpmn"));

    new ClasspathJourneysDeployment(context.getBeanProvider(RepositoryService.class)).postInit(configuration);

    assertThat(configuration.getDeploymentResources()).isEmpty();
  }

  /** What the starter hands the engine, taken over as at start-up. */
  private ClasspathJourneysDeployment startingWith(Resource journey) {
    var deployment = new ClasspathJourneysDeployment(context.getBeanProvider(RepositoryService.class));
    deployment.postInit(configuration(journey));
    return deployment;
  }

  private static SpringProcessEngineConfiguration configuration(Resource journey) {
    var configuration = new SpringProcessEngineConfiguration();
    configuration.setDeploymentName("classpath-journeys-test");
    configuration.setDeploymentResources(new Resource[] {journey});
    return configuration;
  }
}
