package io.pvekit.ocicodegen;

/**
 * The JSON shapes a property of the runtime-spec model can have, each read and written one way. A
 * declaration of any other type stops the build: a new shape needs a decision, not a guess.
 */
enum Shape {
  STRING,
  OPTIONAL_STRING,
  BOOLEAN,
  OPTIONAL_BOOLEAN,
  LONG,
  OPTIONAL_LONG,
  INT,
  OPTIONAL_INT,
  BIG_INTEGER,
  OPTIONAL_BIG_INTEGER,
  STRING_LIST,
  LONG_LIST,
  STRING_MAP,
  MODEL,
  OPTIONAL_MODEL,
  MODEL_LIST,
  MODEL_MAP;

  /** The shape of a declared type that is not a model type, as javac prints it; null if none. */
  static Shape of(String type) {
    switch (type) {
      case "java.lang.String":
        return STRING;
      case "java.util.Optional<java.lang.String>":
        return OPTIONAL_STRING;
      case "boolean":
        return BOOLEAN;
      case "java.util.Optional<java.lang.Boolean>":
        return OPTIONAL_BOOLEAN;
      case "long":
        return LONG;
      case "java.util.OptionalLong":
        return OPTIONAL_LONG;
      case "int":
        return INT;
      case "java.util.OptionalInt":
        return OPTIONAL_INT;
      case "java.math.BigInteger":
        return BIG_INTEGER;
      case "java.util.Optional<java.math.BigInteger>":
        return OPTIONAL_BIG_INTEGER;
      case "java.util.List<java.lang.String>":
        return STRING_LIST;
      case "java.util.List<java.lang.Long>":
        return LONG_LIST;
      case "java.util.Map<java.lang.String,java.lang.String>":
        return STRING_MAP;
      default:
        return null;
    }
  }

  /** The shape of a container of a model type: {@code Optional<M>}, {@code List<M>}, or a map. */
  static Shape ofContainer(String container) {
    switch (container) {
      case "java.util.Optional":
        return OPTIONAL_MODEL;
      case "java.util.List":
        return MODEL_LIST;
      case "java.util.Map":
        return MODEL_MAP;
      default:
        return null;
    }
  }
}
