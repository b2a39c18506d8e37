package io.pvekit.proxmox.internal;

import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.ProxmoxTimeoutException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * An OkHttp WebSocket turned into a blocking queue of received messages: opened through the
 * client's {@link Transport}, handshake failures mapped to the client's exceptions (a refused
 * ticket is the server's 401, a network failure "no response", a slow server a timeout).
 *
 * <p>The URL carries the console ticket in its query, so no message here quotes the URL: they name
 * the path only.
 */
public final class ConsoleSocket extends WebSocketListener {
  /** A received message, or the end of the connection. */
  private record Event(byte[] data, String closedBecause) {}

  private static final int MAX_ERROR_BODY = 4096;

  private final String path;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch opened = new CountDownLatch(1);
  private volatile WebSocket socket;
  private volatile boolean open;
  private volatile Throwable openFailure;
  private volatile Response failedResponse;
  private volatile String failedBody;
  private volatile String closedBecause;

  private ConsoleSocket(String path) {
    this.path = path;
  }

  /**
   * Opens the socket and waits for the handshake.
   *
   * @param transport the client's transport
   * @param call the {@code GET .../vncwebsocket} call with its {@code port} and {@code vncticket}
   * @param timeout how long the handshake may take
   */
  public static ConsoleSocket open(Transport transport, ApiCall call, Duration timeout) {
    ConsoleSocket listener = new ConsoleSocket(call.path());
    listener.socket = transport.webSocket(call, "binary", listener);
    boolean answered;
    try {
      answered = listener.opened.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listener.socket.cancel();
      throw new IllegalStateException("interrupted while opening the console", e);
    }
    if (!answered) {
      listener.socket.cancel();
      throw new ProxmoxTimeoutException(
          "GET",
          listener.path,
          timeout,
          1,
          "GET "
              + listener.path
              + ": the console WebSocket did not open within "
              + Limits.duration(timeout)
              + "; is a proxy in between that does not pass WebSocket upgrades?",
          null);
    }
    if (listener.openFailure != null) {
      throw listener.handshakeFailure(transport);
    }
    return listener;
  }

  private ProxmoxException handshakeFailure(Transport transport) {
    Response response = failedResponse;
    if (response != null && response.code() != 101) {
      return ErrorMapping.map(
          transport.json(), "GET", path, response.code(), response.message(), failedBody);
    }
    return new ProxmoxNoResponseException(
        "GET",
        path,
        "GET "
            + path
            + ": the console WebSocket could not be opened: "
            + describe(openFailure)
            + "\nThe proxy waits about 10 seconds for its connection and its ticket is valid 40"
            + " seconds: open the console right after asking for the ticket. See "
            + ErrorMapping.README
            + "#no-response",
        openFailure);
  }

  /** Whether the handshake is done and neither side closed. */
  public boolean isOpen() {
    return open;
  }

  /** Why the connection ended (close code and reason, or the failure), once it did. */
  public String closedBecause() {
    return closedBecause;
  }

  /** The next message, null once the connection is closed, or throws when none came in time. */
  public byte[] next(Duration timeout) {
    Event event;
    try {
      event = events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the console", e);
    }
    if (event == null) {
      throw new ProxmoxTimeoutException(
          "GET",
          path,
          timeout,
          1,
          "GET " + path + ": the console sent nothing within " + Limits.duration(timeout),
          null);
    }
    if (event.data() == null) {
      events.add(event); // later reads see the end too
      return null;
    }
    return event.data();
  }

  /** Sends a text message. */
  public boolean sendText(String text) {
    return socket.send(text);
  }

  /** Sends a binary message. */
  public boolean sendBinary(byte[] data) {
    return socket.send(ByteString.of(data));
  }

  /** Starts the closing handshake. */
  public void close() {
    open = false;
    socket.close(1000, null);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    open = true;
    opened.countDown();
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    events.add(new Event(text.getBytes(StandardCharsets.UTF_8), null));
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    events.add(new Event(bytes.toByteArray(), null));
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    ended("closed by the server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")");
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    ended("closed (" + code + ")");
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    if (opened.getCount() > 0) {
      openFailure = t;
      failedResponse = response;
      failedBody = body(response);
      opened.countDown();
    }
    ended(describe(t));
  }

  private void ended(String why) {
    if (closedBecause == null) {
      closedBecause = why;
    }
    open = false;
    events.add(new Event(null, why));
  }

  private static String describe(Throwable t) {
    return t instanceof IOException io ? Failures.describe(io) : t.toString();
  }

  private static String body(Response response) {
    if (response == null) {
      return null;
    }
    try (ResponseBody body = response.body()) {
      if (body == null) {
        return null;
      }
      String text = body.string();
      return text.length() > MAX_ERROR_BODY ? text.substring(0, MAX_ERROR_BODY) : text;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
