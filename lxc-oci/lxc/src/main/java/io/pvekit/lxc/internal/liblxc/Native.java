package io.pvekit.lxc.internal.liblxc;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.LastError;
import com.kenai.jffi.Library;
import com.kenai.jffi.MemoryIO;
import com.kenai.jffi.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The thin layer over jffi, jnr-ffi's call engine. pvekit calls it directly instead of through
 * jnr-ffi's interface loader because the loader generates classes at start-up (about 160 ms per
 * cold process, measured in docs/decisions/004-lxcri-process-model.md) and liblxc's API is mostly
 * function pointers inside {@code struct lxc_container}, which jnr-ffi cannot call anyway.
 */
final class Native {
  static final MemoryIO MEMORY = MemoryIO.getInstance();
  private static final Invoker INVOKER = Invoker.getInstance();

  private Native() {}

  /** C argument and return types the binding uses. */
  enum C {
    POINTER(Type.POINTER),
    INT(Type.SINT32),
    LONG(Type.SINT64),
    BOOL(Type.UINT8),
    VOID(Type.VOID);

    final Type type;

    C(Type type) {
      this.type = type;
    }
  }

  static Library open(String soname) {
    Library library = Library.getCachedInstance(soname, Library.LAZY | Library.LOCAL);
    if (library == null) {
      throw new UnsatisfiedLinkError("cannot load " + soname + ": " + Library.getLastError());
    }
    return library;
  }

  static long symbol(Library library, String name) {
    long address = library.getSymbolAddress(name);
    if (address == 0) {
      throw new UnsatisfiedLinkError("symbol " + name + " not found: " + Library.getLastError());
    }
    return address;
  }

  /** A C function signature: return type and parameter types. */
  static CallContext signature(C returns, C... params) {
    Type[] types = new Type[params.length];
    for (int i = 0; i < params.length; i++) {
      types[i] = params[i].type;
    }
    return CallContext.getCallContext(returns.type, types, CallingConvention.DEFAULT, true);
  }

  /** Calls {@code function} with integer-class arguments (pointers, ints, bools as longs). */
  static long call(CallContext context, long function, long... args) {
    switch (args.length) {
      case 0:
        return INVOKER.invokeN0(context, function);
      case 1:
        return INVOKER.invokeN1(context, function, args[0]);
      case 2:
        return INVOKER.invokeN2(context, function, args[0], args[1]);
      case 3:
        return INVOKER.invokeN3(context, function, args[0], args[1], args[2]);
      case 4:
        return INVOKER.invokeN4(context, function, args[0], args[1], args[2], args[3]);
      case 5:
        return INVOKER.invokeN5(context, function, args[0], args[1], args[2], args[3], args[4]);
      default:
        throw new IllegalArgumentException("more than 5 arguments: " + args.length);
    }
  }

  static int lastErrno() {
    return LastError.getInstance().get();
  }

  static String string(long address) {
    if (address == 0) {
      return null;
    }
    return new String(MEMORY.getZeroTerminatedByteArray(address), StandardCharsets.UTF_8);
  }

  /**
   * Native memory freed all at once: every C string and struct of one call lives exactly as long as
   * the call, so an arena per call keeps ownership obvious.
   */
  static final class Arena implements AutoCloseable {
    private final List<Long> blocks = new ArrayList<>();

    long allocate(long size) {
      long address = MEMORY.allocateMemory(size, true);
      if (address == 0) {
        throw new OutOfMemoryError("native allocation of " + size + " bytes failed");
      }
      blocks.add(address);
      return address;
    }

    /** A NUL-terminated UTF-8 copy of {@code value}, or 0 for null. */
    long string(String value) {
      if (value == null) {
        return 0;
      }
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      long address = allocate(bytes.length + 1L);
      MEMORY.putZeroTerminatedByteArray(address, bytes, 0, bytes.length);
      return address;
    }

    /** A NULL-terminated {@code char *[]} of the values. */
    long stringArray(List<String> values) {
      long array = allocate((values.size() + 1L) * 8);
      for (int i = 0; i < values.size(); i++) {
        MEMORY.putAddress(array + i * 8L, string(values.get(i)));
      }
      return array;
    }

    @Override
    public void close() {
      for (long block : blocks) {
        MEMORY.freeMemory(block);
      }
      blocks.clear();
    }
  }
}
