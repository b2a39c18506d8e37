package io.pvekit.testing.internal.cel;

/** CEL equality for the values {@link CelValues} makes: numbers compare across int and double. */
final class CelEquality {
  private CelEquality() {}

  static boolean equal(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a.equals(b);
  }
}
