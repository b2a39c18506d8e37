package io.pvekit.proxmox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain-socket HTTP/1.1 server on 127.0.0.1 that answers every request with a scripted, usually
 * hostile, response: headers dripped line by line, bodies that never end, gzip bombs. WireMock and
 * MockWebServer cannot write a response this badly. Every connection runs on a daemon thread;
 * {@link #close()} closes the sockets, which ends any behaviour that is still writing.
 */
final class HostileServer implements AutoCloseable {
  /** Writes the response to one request (the request head has been read). */
  @FunctionalInterface
  interface Behaviour {
    void respond(String requestHead, OutputStream out) throws IOException, InterruptedException;
  }

  private final ServerSocket server;
  private final Behaviour behaviour;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> connections = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  HostileServer(Behaviour behaviour) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.behaviour = behaviour;
    Thread acceptor = new Thread(this::accept, "hostile-server-accept");
    acceptor.setDaemon(true);
    threads.add(acceptor);
    acceptor.start();
  }

  /** The base URL for the client. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** The request heads received so far (request line first). */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket socket;
      try {
        socket = server.accept();
      } catch (IOException closed) {
        return;
      }
      connections.add(socket);
      Thread worker = new Thread(() -> serve(socket), "hostile-server-conn");
      worker.setDaemon(true);
      threads.add(worker);
      worker.start();
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        skipBody(in, head);
        requests.add(head);
        behaviour.respond(head, out);
        out.flush();
      }
    } catch (SocketException | InterruptedException gone) {
      // the client hung up or the server closed: the usual end of a hostile answer
    } catch (IOException e) {
      // as above, reported differently by the platform
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static void skipBody(InputStream in, String head) throws IOException {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        long left = Long.parseLong(line.substring("content-length:".length()).trim());
        while (left > 0) {
          long skipped = in.skip(left);
          if (skipped <= 0) {
            if (in.read() < 0) {
              return;
            }
            skipped = 1;
          }
          left -= skipped;
        }
      }
    }
  }

  /** Writes ASCII text. */
  static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : connections) {
      socket.close();
    }
    for (Thread thread : threads) {
      thread.interrupt();
    }
  }
}
