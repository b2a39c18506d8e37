package io.pvekit.ocicodegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Walks the model from its root type: every accessor with {@code @JsonProperty} is a property, and
 * every {@code @Value.Immutable} type a property refers to (directly, in an Optional, a List or a
 * String-keyed Map) is a model type too. The order is the declarations' order, which is the order
 * jackson-databind writes them in.
 */
final class ModelScanner {
  static final String IMMUTABLE = "org.immutables.value.Value.Immutable";
  static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

  private final Set<String> ids;
  private final Map<String, Model.Type> types = new LinkedHashMap<>();

  /**
   * @param ids the properties that hold user or group ids, as {@code Type.accessor}
   */
  ModelScanner(Set<String> ids) {
    this.ids = ids;
  }

  List<Model.Type> scan(TypeElement root) {
    visit(root);
    for (String id : ids) {
      String type = id.substring(0, Math.max(0, id.indexOf('.')));
      Model.Type found = types.get(type);
      if (found == null
          || found.properties().stream().noneMatch(p -> id.equals(type + "." + p.accessor()))) {
        throw new ModelException("the id property " + id + " is not a property of the model", root);
      }
    }
    return List.copyOf(types.values());
  }

  private void visit(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (types.containsKey(name)) {
      return;
    }
    types.put(name, null); // keeps this type's place before the types it refers to
    if (!hasBuilder(type)) {
      throw new ModelException(
          name + " needs a static builder() method, as the model's types have", type);
    }
    List<Model.Property> properties = new ArrayList<>();
    for (Element element : type.getEnclosedElements()) {
      if (element.getKind() == ElementKind.METHOD) {
        String json = jsonName(element);
        if (json != null) {
          properties.add(property(name, (ExecutableElement) element, json));
        }
      }
    }
    types.put(name, new Model.Type(name, List.copyOf(properties)));
  }

  private Model.Property property(String typeName, ExecutableElement method, String json) {
    String accessor = method.getSimpleName().toString();
    TypeMirror returned = method.getReturnType();
    Shape shape;
    String modelType = null;
    TypeElement model = modelType(returned);
    if (model != null) {
      shape = Shape.MODEL;
    } else {
      shape = Shape.of(returned.toString());
      if (shape == null && returned.getKind() == TypeKind.DECLARED) {
        DeclaredType declared = (DeclaredType) returned;
        List<? extends TypeMirror> arguments = declared.getTypeArguments();
        if (!arguments.isEmpty()) {
          model = modelType(arguments.get(arguments.size() - 1));
          String container = declared.asElement().toString();
          boolean stringKeys =
              arguments.size() == 1 || arguments.get(0).toString().equals("java.lang.String");
          if (model != null && stringKeys) {
            shape = Shape.ofContainer(container);
          }
        }
      }
    }
    if (shape == null) {
      throw new ModelException(
          typeName
              + "."
              + accessor
              + "(): the generator has no JSON shape for "
              + returned
              + "; add one to Shape",
          method);
    }
    if (model != null) {
      visit(model);
      modelType = model.getSimpleName().toString();
    }
    boolean id = ids.contains(typeName + "." + accessor);
    if (id && shape != Shape.LONG && shape != Shape.OPTIONAL_LONG && shape != Shape.LONG_LIST) {
      throw new ModelException(typeName + "." + accessor + "(): an id must be a long", method);
    }
    return new Model.Property(json, accessor, shape, modelType, id);
  }

  private static TypeElement modelType(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = ((DeclaredType) type).asElement();
    return element instanceof TypeElement && annotation(element, IMMUTABLE) != null
        ? (TypeElement) element
        : null;
  }

  private static boolean hasBuilder(TypeElement type) {
    return type.getEnclosedElements().stream()
        .anyMatch(
            e ->
                e.getKind() == ElementKind.METHOD
                    && e.getSimpleName().contentEquals("builder")
                    && e.getModifiers().contains(Modifier.STATIC));
  }

  private static String jsonName(Element method) {
    AnnotationMirror property = annotation(method, JSON_PROPERTY);
    if (property == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> value :
        property.getElementValues().entrySet()) {
      if (value.getKey().getSimpleName().contentEquals("value")) {
        return (String) value.getValue().getValue();
      }
    }
    return method.getSimpleName().toString();
  }

  private static AnnotationMirror annotation(Element element, String name) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().toString().equals(name)) {
        return mirror;
      }
    }
    return null;
  }
}
