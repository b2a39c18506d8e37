package io.pvekit.testing.internal.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Kubernetes CEL library functions that the upstream CRDs' rules call (k8s.io/apiserver
 * pkg/cel/library): {@code isIP}, {@code isCIDR}, {@code quantity} with its comparisons, {@code
 * isQuantity}, and the list functions {@code isSorted}, {@code sum}, {@code min}, {@code max}.
 * String functions ({@code lowerAscii}, {@code split}, ...) come from cel-java's strings extension.
 */
final class KubernetesCelLibrary {
  static final OpaqueType QUANTITY = OpaqueType.create("kubernetes.Quantity");
  private static final CelType DYN = SimpleType.DYN;
  private static final CelType LIST = ListType.create(DYN);

  private KubernetesCelLibrary() {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> d = new ArrayList<>();
    d.add(global("isIP", SimpleType.BOOL, SimpleType.STRING));
    d.add(global("isCIDR", SimpleType.BOOL, SimpleType.STRING));
    d.add(global("isQuantity", SimpleType.BOOL, SimpleType.STRING));
    d.add(global("quantity", QUANTITY, SimpleType.STRING));
    for (String compare : List.of("isGreaterThan", "isLessThan")) {
      d.add(member(compare, SimpleType.BOOL, QUANTITY, QUANTITY));
    }
    d.add(member("compareTo", SimpleType.INT, QUANTITY, QUANTITY));
    d.add(member("sign", SimpleType.INT, QUANTITY));
    d.add(member("isInteger", SimpleType.BOOL, QUANTITY));
    d.add(member("asInteger", SimpleType.INT, QUANTITY));
    d.add(member("asApproximateFloat", SimpleType.DOUBLE, QUANTITY));
    d.add(member("add", QUANTITY, QUANTITY, QUANTITY));
    d.add(member("sub", QUANTITY, QUANTITY, QUANTITY));
    d.add(member("isSorted", SimpleType.BOOL, LIST));
    d.add(member("sum", DYN, LIST));
    d.add(member("min", DYN, LIST));
    d.add(member("max", DYN, LIST));
    return d;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> b = new ArrayList<>();
    b.add(CelFunctionBinding.from("isIP_string", String.class, Network::isIp));
    b.add(CelFunctionBinding.from("isCIDR_string", String.class, Network::isCidr));
    b.add(CelFunctionBinding.from("isQuantity_string", String.class, Quantity::isValid));
    b.add(CelFunctionBinding.from("quantity_string", String.class, Quantity::parse));
    b.add(
        CelFunctionBinding.from(
            "isGreaterThan_quantity",
            Quantity.class,
            Quantity.class,
            (a, c) -> a.compareTo(c) > 0));
    b.add(
        CelFunctionBinding.from(
            "isLessThan_quantity", Quantity.class, Quantity.class, (a, c) -> a.compareTo(c) < 0));
    b.add(
        CelFunctionBinding.from(
            "compareTo_quantity",
            Quantity.class,
            Quantity.class,
            (a, c) -> (long) Integer.signum(a.compareTo(c))));
    b.add(CelFunctionBinding.from("sign_quantity", Quantity.class, q -> (long) q.value().signum()));
    b.add(CelFunctionBinding.from("isInteger_quantity", Quantity.class, q -> isLong(q.value())));
    b.add(CelFunctionBinding.from("asInteger_quantity", Quantity.class, q -> asLong(q.value())));
    b.add(
        CelFunctionBinding.from(
            "asApproximateFloat_quantity", Quantity.class, q -> q.value().doubleValue()));
    b.add(
        CelFunctionBinding.from(
            "add_quantity",
            Quantity.class,
            Quantity.class,
            (a, c) -> new Quantity(a.value().add(c.value()))));
    b.add(
        CelFunctionBinding.from(
            "sub_quantity",
            Quantity.class,
            Quantity.class,
            (a, c) -> new Quantity(a.value().subtract(c.value()))));
    b.add(CelFunctionBinding.from("isSorted_list", List.class, Lists::isSorted));
    b.add(CelFunctionBinding.from("sum_list", List.class, Lists::sum));
    b.add(CelFunctionBinding.from("min_list", List.class, l -> Lists.extreme(l, -1)));
    b.add(CelFunctionBinding.from("max_list", List.class, l -> Lists.extreme(l, 1)));
    return b;
  }

  private static boolean isLong(BigDecimal v) {
    try {
      v.longValueExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }

  private static Long asLong(BigDecimal v) {
    try {
      return v.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("cannot convert value to integer: " + v, e);
    }
  }

  private static CelFunctionDecl global(String name, CelType result, CelType... args) {
    return newFunctionDeclaration(name, newGlobalOverload(overloadId(name, args), result, args));
  }

  private static CelFunctionDecl member(String name, CelType result, CelType... args) {
    return newFunctionDeclaration(name, newMemberOverload(overloadId(name, args), result, args));
  }

  private static String overloadId(String name, CelType... args) {
    CelType receiver = args[0];
    String suffix = receiver == QUANTITY ? "quantity" : receiver == LIST ? "list" : receiver.name();
    return name + "_" + suffix;
  }
}
