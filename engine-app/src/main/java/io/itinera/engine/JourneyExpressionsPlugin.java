package io.itinera.engine;

import io.itinera.contact.ContactViews;
import io.itinera.event.EventHistories;
import io.itinera.journey.ConditionEvaluator;
import io.itinera.journey.JourneyVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Gives every journey expression {@code contact} and {@code events}, next to Spring beans and
 * process variables, and evaluates entry and start conditions outside a run the same way.
 */
@Component
class JourneyExpressionsPlugin extends AbstractProcessEnginePlugin implements ConditionEvaluator {

  private final ApplicationContext applicationContext;
  private final JourneyContextElResolver journeyContext;
  private JuelExpressionManager expressions;

  JourneyExpressionsPlugin(ApplicationContext applicationContext, ObjectProvider<ContactViews> contacts,
      ObjectProvider<EventHistories> histories) {
    this.applicationContext = applicationContext;
    this.journeyContext = new JourneyContextElResolver(contacts, histories);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    expressions = new SpringExpressionManager(applicationContext, configuration.getBeans()) {
      @Override
      protected ELResolver createElResolver() {
        var resolver = new CompositeELResolver();
        resolver.add(journeyContext);
        resolver.add(new JsonObjectElResolver());
        resolver.add(super.createElResolver());
        return resolver;
      }
    };
    configuration.setExpressionManager(expressions);
  }

  @Override
  public boolean isTrue(String expression, String contactId, Map<String, Object> variables) {
    var scope = new HashMap<String, Object>(variables);
    JourneyVariables.CONTACT_ID.put(scope, contactId);
    Object value;
    try {
      value = expressions.createValueExpression(expression)
          .getValue(expressions.createElContext(Variables.fromMap(scope).asVariableContext()));
    } catch (ELException | IllegalStateException failed) {
      throw new IllegalArgumentException(failed.getMessage(), failed);
    }
    if (value instanceof Boolean result) {
      return result;
    }
    throw new IllegalArgumentException("it gave " + value + ", not true or false");
  }
}
