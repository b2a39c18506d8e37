package io.pvekit.testing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The public API of a module's public package, as users' code sees it: every public type and its
 * public (and, in extendable types, protected) members, one line each, sorted. Each module's {@code
 * ApiTest} compares it with a committed listing, so that a change of the API is a reviewed change
 * of that file; and checks that no public signature names an internal type, which would make an
 * internal package part of the API.
 */
public final class ApiListing {
  private ApiListing() {}

  /**
   * The API of the types of {@code pkg} that {@code listed} accepts (for example all but the
   * generated ones, whose source of truth is a schema rather than this listing).
   *
   * @param pkg the public package
   * @param listed which public types to list
   * @return one line per listed type and member, sorted
   * @throws IOException when the compiled classes cannot be read
   */
  public static String of(String pkg, Predicate<Class<?>> listed) throws IOException {
    StringBuilder out = new StringBuilder();
    for (Class<?> type : publicTypes(pkg)) {
      if (!listed.test(type)) {
        continue;
      }
      out.append(describe(type)).append('\n');
      Set<String> members = new TreeSet<>();
      for (Member m : members(type)) {
        members.add("  " + signature(m));
      }
      for (String m : members) {
        out.append(m).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Fails unless the listing of {@code pkg} equals the committed {@code
   * src/test/resources/api/PKG.txt}, so that an API change is a reviewed change of that file; with
   * {@code -Dpvekit.updateApi=true} it rewrites the file first.
   *
   * @param pkg the public package
   * @param listed which public types to list
   * @throws IOException when the classes or the listing cannot be read
   */
  public static void assertCommitted(String pkg, Predicate<Class<?>> listed) throws IOException {
    Path file = Path.of("src/test/resources/api", pkg + ".txt");
    String actual = of(pkg, listed);
    if (Boolean.getBoolean("pvekit.updateApi")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    if (!Files.exists(file)) {
      throw new AssertionError(file + " is missing: write it with -Dpvekit.updateApi=true");
    }
    List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> now = actual.lines().toList();
    for (int i = 0; i < Math.max(expected.size(), now.size()); i++) {
      String was = i < expected.size() ? expected.get(i) : "(end)";
      String is = i < now.size() ? now.get(i) : "(end)";
      if (!was.equals(is)) {
        throw new AssertionError(
            "the public API of "
                + pkg
                + " differs from "
                + file
                + " at line "
                + (i + 1)
                + ":\n  committed: "
                + was
                + "\n  now:       "
                + is
                + "\nreview the change, then rewrite the file with -Dpvekit.updateApi=true");
      }
    }
  }

  /**
   * Every "member: type" of the public API of {@code pkg} whose type is in an internal package.
   *
   * @param pkg the public package
   * @return the offending members, empty when the line holds
   * @throws IOException when the compiled classes cannot be read
   */
  public static List<String> internalTypesInSignatures(String pkg) throws IOException {
    List<String> found = new ArrayList<>();
    for (Class<?> type : publicTypes(pkg)) {
      List<Type> own = new ArrayList<>(List.of(type.getGenericInterfaces()));
      if (type.getGenericSuperclass() != null) {
        own.add(type.getGenericSuperclass());
      }
      collect(type.getName(), own, found);
      for (Member m : members(type)) {
        List<Type> types = new ArrayList<>();
        if (m instanceof Field f) {
          types.add(f.getGenericType());
        } else {
          Executable e = (Executable) m;
          types.addAll(List.of(e.getGenericParameterTypes()));
          types.addAll(List.of(e.getGenericExceptionTypes()));
          if (e instanceof Method method) {
            types.add(method.getGenericReturnType());
          }
        }
        collect(type.getName() + "." + m.getName(), types, found);
      }
    }
    return found;
  }

  private static void collect(String where, List<Type> types, List<String> found) {
    for (Type t : types) {
      for (Class<?> c : classesIn(t, new ArrayList<>())) {
        if (c.getPackageName().contains(".internal")) {
          found.add(where + ": " + c.getName());
        }
      }
    }
  }

  private static List<Class<?>> classesIn(Type t, List<Class<?>> out) {
    return classesIn(t, out, new java.util.HashSet<>());
  }

  private static List<Class<?>> classesIn(Type t, List<Class<?>> out, Set<TypeVariable<?>> seen) {
    if (t instanceof Class<?> c) {
      out.add(c.isArray() ? c.getComponentType() : c);
    } else if (t instanceof ParameterizedType p) {
      classesIn(p.getRawType(), out, seen);
      for (Type a : p.getActualTypeArguments()) {
        classesIn(a, out, seen);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        classesIn(b, out, seen);
      }
      for (Type b : w.getLowerBounds()) {
        classesIn(b, out, seen);
      }
    } else if (t instanceof GenericArrayType g) {
      classesIn(g.getGenericComponentType(), out, seen);
    } else if (t instanceof TypeVariable<?> v && !seen.contains(v)) {
      // a recursive bound (T extends Value<T>) would otherwise be walked forever
      seen.add(v);
      for (Type b : v.getBounds()) {
        classesIn(b, out, seen);
      }
    }
    return out;
  }

  private static List<Class<?>> publicTypes(String pkg) throws IOException {
    Path dir = Path.of("target/classes", pkg.replace('.', '/'));
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.equals("package-info.class")) {
          continue;
        }
        Class<?> type;
        try {
          type =
              Class.forName(
                  pkg + "." + name.substring(0, name.length() - 6),
                  false,
                  ApiListing.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new IOException("compiled class not loadable: " + file, e);
        }
        if (visible(type)) {
          types.add(type);
        }
      }
    }
    return types;
  }

  private static boolean visible(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static List<Member> members(Class<?> type) {
    boolean extendable =
        !Modifier.isFinal(type.getModifiers()) && !type.isEnum() && !type.isInterface();
    List<Member> members = new ArrayList<>();
    List<Member> all = new ArrayList<>();
    all.addAll(List.of(type.getDeclaredConstructors()));
    all.addAll(List.of(type.getDeclaredMethods()));
    all.addAll(List.of(type.getDeclaredFields()));
    for (Member m : all) {
      int mod = m.getModifiers();
      boolean shown = Modifier.isPublic(mod) || (extendable && Modifier.isProtected(mod));
      boolean generated = m.isSynthetic() || (m instanceof Method method && method.isBridge());
      if (shown && !generated) {
        members.add(m);
      }
    }
    return members;
  }

  private static String describe(Class<?> type) {
    String kind =
        type.isAnnotation()
            ? "@interface"
            : type.isInterface() ? "interface" : type.isEnum() ? "enum" : "class";
    StringBuilder line =
        new StringBuilder(Modifier.toString(type.getModifiers() & ~Modifier.INTERFACE))
            .append(' ')
            .append(kind)
            .append(' ')
            .append(type.getName());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class) {
      line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    Type[] interfaces = type.getGenericInterfaces();
    if (interfaces.length > 0) {
      line.append(type.isInterface() ? " extends " : " implements ");
      List<String> names = new ArrayList<>();
      for (Type i : interfaces) {
        names.add(i.getTypeName());
      }
      line.append(String.join(", ", names));
    }
    return line.toString().trim();
  }

  private static String signature(Member m) {
    if (m instanceof Constructor<?> c) {
      return c.toGenericString();
    }
    if (m instanceof Method method) {
      return method.toGenericString();
    }
    return ((Field) m).toGenericString();
  }
}
