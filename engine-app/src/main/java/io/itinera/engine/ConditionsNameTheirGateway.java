package io.itinera.engine;

import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.Condition;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A gateway's condition runs in the job of the asynchronous step before it, so the engine's own
 * message would point at that step: this rewrites a failing condition's message to name the
 * gateway and the flow, e.g. {@code Gateway 'Engaged recently?' (Gateway_EngagedRecently), flow
 * Flow_Yes: condition ${…} failed: …}. The cause is kept, so retries are decided as before.
 */
@Component
class ConditionsNameTheirGateway extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    BpmnParseListener nameConditions = new AbstractBpmnParseListener() {
      @Override
      public void parseSequenceFlow(Element flow, ScopeImpl scope, TransitionImpl transition) {
        if (transition.getProperty(BpmnParse.PROPERTYNAME_CONDITION) instanceof Condition condition) {
          transition.setProperty(BpmnParse.PROPERTYNAME_CONDITION, new NamedCondition(condition, where(transition)));
        }
      }
    };
    configuration.setCustomPostBPMNParseListeners(EngineLists.plus(configuration.getCustomPostBPMNParseListeners(),
        nameConditions));
  }

  private static String where(TransitionImpl transition) {
    var source = transition.getSource();
    var type = String.valueOf(source.getProperty("type"));
    return (type.endsWith("Gateway") ? "Gateway '" : "Step '") + source.getProperty("name") + "' (" + source.getId()
        + "), flow " + transition.getId() + ": condition " + transition.getProperty(BpmnParse.PROPERTYNAME_CONDITION_TEXT)
        + " failed";
  }

  /** The flow's own condition, whose failure says where it is. */
  private record NamedCondition(Condition condition, String where) implements Condition {

    @Override
    public boolean evaluate(DelegateExecution execution) {
      return evaluate(execution, execution);
    }

    @Override
    public boolean evaluate(VariableScope scope, DelegateExecution execution) {
      return named(() -> condition.evaluate(scope, execution));
    }

    @Override
    public boolean tryEvaluate(VariableScope scope, DelegateExecution execution) {
      return named(() -> condition.tryEvaluate(scope, execution));
    }

    private boolean named(BooleanSupplier evaluation) {
      try {
        return evaluation.getAsBoolean();
      } catch (BpmnError error) {
        throw error;
      } catch (ProcessEngineException failed) {
        throw new ProcessEngineException(where + ": " + failed.getMessage(), failed);
      }
    }
  }
}
