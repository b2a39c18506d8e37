package io.pvekit.testing.internal.cel;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Compiles and evaluates {@code x-kubernetes-validations} rules with cel-java, with {@code self}
 * bound to a value made by {@link CelValues}. Compiled programs are cached by their text (the
 * upstream CRDs repeat rules many times).
 */
public final class CelRuleEvaluator {
  private static final Pattern OLD_SELF = Pattern.compile("\\boldSelf\\b");
  private static final Pattern STRING_LITERALS =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

  private static final Pattern EVALUATION_PREFIX =
      Pattern.compile("^evaluation error( at [^:]*:\\d+)?: ");
  private static final Pattern MISSING_KEY =
      Pattern.compile("key '([^']*)' is not present in map\\.?");

  private final Cel cel;
  private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

  /** The result of one rule on one value. */
  public sealed interface Outcome {}

  /** The rule held. */
  public record Passed() implements Outcome {}

  /** The rule evaluated to false. */
  public record Failed() implements Outcome {}

  /**
   * The rule ran into an error the API server reports as well (e.g. {@code no such key}).
   *
   * @param reason the evaluation error
   */
  public record EvaluationError(String reason) implements Outcome {}

  /**
   * This evaluator cannot compile or run the rule: never a silent pass.
   *
   * @param reason why
   */
  public record Unsupported(String reason) implements Outcome {}

  private record Compiled(CelRuntime.Program program, String error) {}

  /** An evaluator with the standard library, the strings extension and the Kubernetes library. */
  public CelRuleEvaluator() {
    CelOptions options =
        CelOptions.current()
            // Kubernetes compiles with cel.CrossTypeNumericComparisons(true).
            .enableHeterogeneousNumericComparisons(true)
            .build();
    this.cel =
        CelFactory.standardCelBuilder()
            .setOptions(options)
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            // Declared so that transition rules compile; they are not evaluated (create only).
            .addVar("oldSelf", SimpleType.DYN)
            .addCompilerLibraries(CelExtensions.strings(), CelExtensions.lists())
            .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.lists())
            .addFunctionDeclarations(KubernetesCelLibrary.declarations())
            .addFunctionBindings(KubernetesCelLibrary.bindings())
            .addFunctionDeclarations(KubernetesCelExtras.declarations())
            .addFunctionBindings(KubernetesCelExtras.bindings())
            .addFunctionDeclarations(IpLibrary.declarations())
            .addFunctionBindings(IpLibrary.bindings())
            .build();
  }

  /**
   * Whether the rule compares with the previous object: such transition rules do not run on create.
   */
  public static boolean isTransitionRule(String rule) {
    return OLD_SELF.matcher(STRING_LITERALS.matcher(rule).replaceAll("''")).find();
  }

  /** Why the expression does not compile here, or {@code null} when it does. */
  public String compileError(String expression) {
    return compile(expression).error();
  }

  /** Evaluates a rule that must yield a bool. */
  public Outcome evaluate(String rule, Object self) {
    Compiled compiled = compile(rule);
    if (compiled.error() != null) {
      return new Unsupported(compiled.error());
    }
    try {
      Object result = compiled.program().eval(Map.of("self", self));
      if (result instanceof Boolean b) {
        return b ? new Passed() : new Failed();
      }
      return new Unsupported("the rule yields " + describe(result) + ", not a bool");
    } catch (CelEvaluationException e) {
      String message = String.valueOf(e.getMessage());
      String cause = e.getCause() == null ? null : e.getCause().getMessage();
      if (cause != null && !message.contains(cause)) {
        // A library function's own reason, e.g. why a quantity does not parse.
        message += ": " + cause;
      }
      if (message.contains("No matching overload") || message.contains("Unknown overload")) {
        return new Unsupported(message);
      }
      return new EvaluationError(apiServerWording(message));
    } catch (RuntimeException e) {
      return new Unsupported(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** Evaluates a {@code messageExpression}; {@code null} when it fails or yields no string. */
  public String evaluateMessage(String expression, Object self) {
    Compiled compiled = compile(expression);
    if (compiled.error() != null) {
      return null;
    }
    try {
      Object result = compiled.program().eval(Map.of("self", self));
      return result instanceof String s ? s : null;
    } catch (CelEvaluationException | RuntimeException e) {
      return null;
    }
  }

  private Compiled compile(String expression) {
    return cache.computeIfAbsent(expression, this::doCompile);
  }

  private Compiled doCompile(String expression) {
    try {
      CelAbstractSyntaxTree ast = cel.compile(expression).getAst();
      return new Compiled(cel.createProgram(ast), null);
    } catch (CelValidationException e) {
      return new Compiled(null, e.getMessage());
    } catch (CelEvaluationException | RuntimeException e) {
      return new Compiled(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** cel-go's wording, which the API server prints, for cel-java's evaluation errors. */
  static String apiServerWording(String message) {
    String m = EVALUATION_PREFIX.matcher(message).replaceFirst("");
    return MISSING_KEY.matcher(m).replaceAll("no such key: $1");
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
  }
}
