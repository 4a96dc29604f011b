package io.itinera.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.ItineraAppTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine still refuses what Camunda's own id check refuses, and still inserts the rest. */
@ItineraAppTest
class EntityIdsCheckedCheaplyTest {

  private final CommandExecutor commands;

  @Autowired
  EntityIdsCheckedCheaplyTest(ProcessEngine engine) {
    this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  @Test
  void refusesTheReservedIdAndDescribesTheEntity() {
    assertThatThrownBy(() -> insert("*"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Entity ByteArrayEntity[")
        .hasMessageContaining("has an invalid id")
        .hasMessageContaining("* is a reserved identifier");
  }

  @Test
  void insertsAnEntityWithAnOrdinaryIdAndGivesOneToAnEntityWithout() {
    assertThat(insert("entity-ids-checked-cheaply")).isEqualTo("entity-ids-checked-cheaply");
    assertThat(insert(null)).isNotBlank();
  }

  private String insert(String id) {
    return commands.execute(context -> {
      var bytes = new ByteArrayEntity("entity-ids-checked-cheaply-test", new byte[] {1});
      bytes.setId(id);
      context.getDbEntityManager().insert(bytes);
      context.getDbEntityManager().delete(bytes);
      return bytes.getId();
    });
  }
}
