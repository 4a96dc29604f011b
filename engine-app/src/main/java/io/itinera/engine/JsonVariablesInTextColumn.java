package io.itinera.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.spin.plugin.impl.JsonValueSerializer;
import org.camunda.spin.plugin.variable.value.SpinValue;
import org.springframework.stereotype.Component;

/**
 * Spin keeps every JSON variable, such as a run's trigger {@code event}, in a byte array row of its own, and full
 * history copies it twice more: three byte array rows per variable, written on every journey start and read on
 * every step. In the bare engine, a welcome series' two start variables took a fifth of its throughput (see
 * {@code bench/README.md}). A JSON value that fits
 * the variable's text column goes there instead, in the runtime and the history tables alike; a longer one, and
 * every value written before, stays in a byte array and reads as before. The serializer keeps Spin's name, type and
 * format, so Cockpit, the REST API and expressions see the same JSON value.
 */
@Component
class JsonVariablesInTextColumn extends AbstractProcessEnginePlugin {

  /** Characters that fit every database's text column of a variable (the narrowest, Oracle's, holds 2,000). */
  static final int TEXT_COLUMN = 2000;

  /** Once the engine is built: Spin registers its serializers in its own postInit, in whatever order. */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var serializers = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getVariableSerializers();
    var spin = serializers.getSerializerByName(Serializer.NAME);
    if (spin == null) {
      return;
    }
    // In Spin's place in the list, so that it is also the one chosen to write a JSON value.
    var index = serializers.getSerializerIndex(spin);
    serializers.removeSerializer(spin);
    serializers.addSerializer(new Serializer(), index);
  }

  static final class Serializer extends JsonValueSerializer {

    static final String NAME = "json";

    @Override
    protected void writeToValueFields(SpinValue value, ValueFields fields, byte[] serialized) {
      var text = serialized == null ? null : getSerializedStringValue(serialized);
      if (text != null && text.length() <= TEXT_COLUMN) {
        fields.setTextValue(text);
        fields.setByteArrayValue(null);
      } else {
        fields.setTextValue(null);
        fields.setByteArrayValue(serialized);
      }
    }

    @Override
    protected byte[] readSerializedValueFromFields(ValueFields fields) {
      var text = fields.getTextValue();
      return text != null ? getSerializedBytesValue(text) : super.readSerializedValueFromFields(fields);
    }
  }
}
