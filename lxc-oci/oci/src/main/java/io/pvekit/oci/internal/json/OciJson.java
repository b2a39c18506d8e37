package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson set up for OCI documents: strict about types (no string-to-number coercion), lenient
 * about unknown properties (the spec says to ignore them; they are recorded), and errors that name
 * the JSON path.
 */
public final class OciJson {
  private static final String UNKNOWN_FIELDS = "pvekit.unknownFields";
  private static final Pattern MISSING =
      Pattern.compile("some of required attributes are not set \\[([^]]*)]");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new Jdk8Module())
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .defaultSetterInfo(JsonSetter.Value.construct(Nulls.SKIP, Nulls.FAIL))
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_NULL))
          .addHandler(new UnknownFieldRecorder())
          .withCoercionConfig(
              LogicalType.Textual,
              config -> {
                // a number or boolean where the spec wants a string is a mistake, not a value
                config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
              })
          .build();

  private OciJson() {}

  /** The configured mapper, for other OCI documents (image manifests, state). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads a document of the given type (a String or an InputStream as source). Unknown fields are
   * attached to an {@link OciSpec}; other types drop the list.
   */
  public static <T> T read(Object source, Class<T> type) throws IOException {
    List<String> unknown = new ArrayList<>();
    ObjectReader reader = MAPPER.readerFor(type).withAttribute(UNKNOWN_FIELDS, unknown);
    T value;
    try {
      if (source instanceof String) {
        value = reader.readValue((String) source);
      } else {
        value = reader.readValue((InputStream) source);
      }
    } catch (JsonMappingException e) {
      throw translate(e);
    } catch (InputCoercionException e) {
      throw new OciSpecException(
          pathOf(e.getProcessor()), "number out of range for " + e.getTargetType(), e);
    } catch (JsonProcessingException e) {
      String reason = e.getOriginalMessage();
      int detail = reason.indexOf(" (");
      String location =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new OciSpecException(
          pathOf(e.getProcessor()),
          "not valid JSON: " + (detail > 0 ? reason.substring(0, detail) : reason) + location,
          e);
    }
    if (value == null) {
      throw new OciSpecException("$", "expected an object, got null", null);
    }
    if (value instanceof OciSpec && !unknown.isEmpty()) {
      @SuppressWarnings("unchecked")
      T withUnknown = (T) OciSpec.builder().from((OciSpec) value).ignoredFields(unknown).build();
      return withUnknown;
    }
    return value;
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static OciSpecException translate(JsonMappingException e) {
    String path = pathOf(e.getPath());
    if (e instanceof InvalidNullException) {
      return new OciSpecException(path, "null is not allowed here", e);
    }
    if (e instanceof ValueInstantiationException) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      Matcher m = MISSING.matcher(String.valueOf(cause.getMessage()));
      if (m.find()) {
        return new OciSpecException(path, "required field missing: " + m.group(1), e);
      }
      return new OciSpecException(path, String.valueOf(cause.getMessage()), e);
    }
    if (e instanceof MismatchedInputException) {
      MismatchedInputException mismatch = (MismatchedInputException) e;
      String got = describeToken(mismatch);
      return new OciSpecException(path, "expected " + describe(mismatch.getTargetType()) + got, e);
    }
    return new OciSpecException(path, e.getOriginalMessage(), e);
  }

  private static final Pattern FROM =
      Pattern.compile("(?:from|coerce) (String|Boolean|Floating-point|Integer|Array|Object)");

  /** What the document had instead; Jackson says it in its message ("from String value"). */
  private static String describeToken(MismatchedInputException e) {
    Matcher m = FROM.matcher(String.valueOf(e.getOriginalMessage()));
    if (!m.find()) {
      return "";
    }
    switch (m.group(1)) {
      case "String":
        return ", got a string";
      case "Boolean":
        return ", got a boolean";
      case "Floating-point":
        return ", got a decimal number";
      case "Integer":
        return ", got an integer";
      case "Array":
        return ", got an array";
      default:
        return ", got an object";
    }
  }

  static String describe(Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == long.class
        || type == Long.class
        || type == int.class
        || type == Integer.class
        || type == OptionalLong.class
        || type == OptionalInt.class
        || type == BigInteger.class) {
      return "an integer";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Optional.class.isAssignableFrom(type)) {
      return "a value of another type";
    }
    return "an object";
  }

  static String pathOf(List<JsonMappingException.Reference> refs) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference ref : refs) {
      if (ref.getFieldName() != null) {
        appendField(path, ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  static String pathOf(Object processor) {
    if (!(processor instanceof JsonParser)) {
      return "$";
    }
    return pathOf(((JsonParser) processor).getParsingContext());
  }

  static String pathOf(JsonStreamContext context) {
    List<String> parts = new ArrayList<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      StringBuilder part = new StringBuilder();
      if (c.inArray()) {
        part.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
      } else if (c.getCurrentName() != null) {
        appendField(part, c.getCurrentName());
      }
      parts.add(0, part.toString());
    }
    return "$" + String.join("", parts);
  }

  private static void appendField(StringBuilder path, String name) {
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      path.append('.').append(name);
    } else {
      path.append("['").append(name.replace("'", "\\'")).append("']");
    }
  }

  /** Records where an unknown property was and skips it. */
  private static final class UnknownFieldRecorder extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      Object sink = ctxt.getAttribute(UNKNOWN_FIELDS);
      if (sink instanceof List) {
        @SuppressWarnings("unchecked")
        List<String> unknown = (List<String>) sink;
        unknown.add(pathOf(p.getParsingContext()));
      }
      p.skipChildren();
      return true;
    }
  }
}
