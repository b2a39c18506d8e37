package io.pvekit.testing.internal.cel;

import static dev.cel.common.CelFunctionDecl.newFunctionDeclaration;
import static dev.cel.common.CelOverloadDecl.newGlobalOverload;
import static dev.cel.common.CelOverloadDecl.newMemberOverload;

import dev.cel.common.CelFunctionDecl;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelFunctionBinding;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kubernetes CEL library functions no upstream CRD uses yet but pvekit's own CRDs may: the regex
 * library ({@code find}, {@code findAll}), list {@code indexOf}/{@code lastIndexOf}, and the URL
 * library ({@code url}, {@code isURL}, {@code getScheme}, {@code getHost}, {@code getHostname},
 * {@code getPort}, {@code getEscapedPath}, {@code getQuery}).
 */
final class KubernetesCelExtras {
  static final OpaqueType URL = OpaqueType.create("kubernetes.URL");
  private static final ListType LIST = ListType.create(SimpleType.DYN);
  private static final ListType STRINGS = ListType.create(SimpleType.STRING);

  private KubernetesCelExtras() {}

  static List<CelFunctionDecl> declarations() {
    List<CelFunctionDecl> d = new ArrayList<>();
    d.add(
        newFunctionDeclaration(
            "find",
            newMemberOverload(
                "find_string", SimpleType.STRING, SimpleType.STRING, SimpleType.STRING)));
    d.add(
        newFunctionDeclaration(
            "findAll",
            newMemberOverload("findAll_string", STRINGS, SimpleType.STRING, SimpleType.STRING),
            newMemberOverload(
                "findAll_string_int",
                STRINGS,
                SimpleType.STRING,
                SimpleType.STRING,
                SimpleType.INT)));
    d.add(
        newFunctionDeclaration(
            "indexOf", newMemberOverload("indexOf_list", SimpleType.INT, LIST, SimpleType.DYN)));
    d.add(
        newFunctionDeclaration(
            "lastIndexOf",
            newMemberOverload("lastIndexOf_list", SimpleType.INT, LIST, SimpleType.DYN)));
    d.add(newFunctionDeclaration("url", newGlobalOverload("url_string", URL, SimpleType.STRING)));
    d.add(
        newFunctionDeclaration(
            "isURL", newGlobalOverload("isURL_string", SimpleType.BOOL, SimpleType.STRING)));
    for (String getter :
        List.of("getScheme", "getHost", "getHostname", "getPort", "getEscapedPath")) {
      d.add(
          newFunctionDeclaration(
              getter, newMemberOverload(getter + "_url", SimpleType.STRING, URL)));
    }
    d.add(
        newFunctionDeclaration(
            "getQuery",
            newMemberOverload("getQuery_url", MapType.create(SimpleType.STRING, STRINGS), URL)));
    return d;
  }

  static List<CelFunctionBinding> bindings() {
    List<CelFunctionBinding> b = new ArrayList<>();
    b.add(
        CelFunctionBinding.from(
            "find_string", String.class, String.class, KubernetesCelExtras::find));
    b.add(
        CelFunctionBinding.from(
            "findAll_string", String.class, String.class, (s, r) -> findAll(s, r, -1)));
    b.add(
        CelFunctionBinding.from(
            "findAll_string_int",
            List.of(String.class, String.class, Long.class),
            args -> findAll((String) args[0], (String) args[1], (Long) args[2])));
    b.add(
        CelFunctionBinding.from(
            "indexOf_list", List.class, Object.class, (l, e) -> (long) indexOf(l, e, false)));
    b.add(
        CelFunctionBinding.from(
            "lastIndexOf_list", List.class, Object.class, (l, e) -> (long) indexOf(l, e, true)));
    b.add(CelFunctionBinding.from("url_string", String.class, KubernetesCelExtras::url));
    b.add(CelFunctionBinding.from("isURL_string", String.class, KubernetesCelExtras::isUrl));
    b.add(
        CelFunctionBinding.from(
            "getScheme_url", URI.class, u -> Objects.toString(u.getScheme(), "")));
    b.add(CelFunctionBinding.from("getHost_url", URI.class, KubernetesCelExtras::host));
    b.add(CelFunctionBinding.from("getHostname_url", URI.class, KubernetesCelExtras::hostname));
    b.add(
        CelFunctionBinding.from(
            "getPort_url", URI.class, u -> u.getPort() < 0 ? "" : String.valueOf(u.getPort())));
    b.add(
        CelFunctionBinding.from(
            "getEscapedPath_url", URI.class, u -> Objects.toString(u.getRawPath(), "")));
    b.add(CelFunctionBinding.from("getQuery_url", URI.class, KubernetesCelExtras::query));
    return b;
  }

  private static String find(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    return m.find() ? m.group() : "";
  }

  private static List<String> findAll(String s, String regex, long limit) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(s);
    while ((limit < 0 || found.size() < limit) && m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static int indexOf(List<?> list, Object element, boolean last) {
    int found = -1;
    for (int i = 0; i < list.size(); i++) {
      if (CelEquality.equal(list.get(i), element)) {
        found = i;
        if (!last) {
          break;
        }
      }
    }
    return found;
  }

  /** Go's url.Parse as Kubernetes requires it: absolute URI or absolute path. */
  private static URI url(String s) {
    try {
      URI uri = new URI(s);
      if (!uri.isAbsolute() && !s.startsWith("/")) {
        throw new IllegalArgumentException("URL must be absolute or an absolute path: " + s);
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL parse error: " + e.getMessage(), e);
    }
  }

  private static boolean isUrl(String s) {
    try {
      url(s);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String host(URI u) {
    String authority = u.getRawAuthority();
    if (authority == null) {
      return "";
    }
    int at = authority.lastIndexOf('@');
    return at >= 0 ? authority.substring(at + 1) : authority;
  }

  private static String hostname(URI u) {
    String host = Objects.toString(u.getHost(), "");
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static Map<String, List<String>> query(URI u) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    String raw = u.getQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      query.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return query;
  }
}
