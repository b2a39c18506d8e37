package io.pvekit.ocicodegen;

import java.util.List;

/** What the generator knows of the runtime-spec model: its types, each with its JSON properties. */
final class Model {
  private Model() {}

  /** One value type of the model, e.g. {@code OciProcess}. */
  record Type(String simpleName, List<Property> properties) {}

  /**
   * One JSON property of a type.
   *
   * @param json the property's name in config.json
   * @param accessor the accessor (and builder setter) of the value type
   * @param shape how it is read and written
   * @param modelType the simple name of the nested model type, for the model shapes; else null
   * @param id whether a number is a user or group id (range-checked when read)
   */
  record Property(String json, String accessor, Shape shape, String modelType, boolean id) {
    /** The builder's method that adds one element or entry: {@code addArgs}, {@code putRdma}. */
    String adder(String verb) {
      return verb + Character.toUpperCase(accessor.charAt(0)) + accessor.substring(1);
    }
  }
}
