package io.pvekit.ocicodegen;

import javax.lang.model.element.Element;

/** A model declaration the generator cannot turn into JSON code, reported on that declaration. */
final class ModelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Element element;

  ModelException(String message, Element element) {
    super(message);
    this.element = element;
  }

  Element element() {
    return element;
  }
}
