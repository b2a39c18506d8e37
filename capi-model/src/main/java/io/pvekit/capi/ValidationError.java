package io.pvekit.capi;

/**
 * One problem with a tenant cluster's input.
 *
 * @param field the input, for example {@code workers[md-0].memoryMiB}
 * @param value the rejected value as text
 * @param message what is wrong and what to do
 */
public record ValidationError(String field, String value, String message) {
  @Override
  public String toString() {
    return field + " '" + value + "': " + message;
  }
}
