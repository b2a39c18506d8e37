package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console session's wire form against a scripted server (WireMock has no WebSockets): the
 * upgrade request's query, credentials and subprotocol, termproxy's login line and framing, and the
 * mapping of refusals to the client's exceptions.
 */
class ConsoleWireTest {
  private static final String TICKET = "PVEVNC:6B16F862::c2lnbmF0dXJl";
  private static final String TOKEN_SECRET = "5f0c7a52-3c1e-4b4e-9a0e-4b7f2d3c9e11";
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** What the scripted server does after the upgrade request arrived. */
  private enum Script {
    SHELL,
    REFUSE_LOGIN,
    REFUSE_UPGRADE
  }

  private Server server;

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void terminal_sendsTicketInQuery_tokenHeader_binaryProtocol_loginLine_andFramedInput()
      throws Exception {
    server = new Server(Script.SHELL);
    try (ProxmoxClient client = client();
        ConsoleSession shell = client.node("pve1").lxc().container(200).openTerminal()) {
      assertThat(shell.readUntil("# ", WAIT)).isEqualTo("root@ct:~# ");
      shell.send("hostname\r");
      shell.resize(120, 40);
      assertThat(shell.readUntil("\n", WAIT)).isEqualTo("got 2\n");
      assertThat(shell.toString()).doesNotContain(TICKET).doesNotContain("c2lnbmF0dXJl");
    }
    String upgrade = server.requests.get(1);
    assertThat(upgrade)
        .startsWith(
            "GET /api2/json/nodes/pve1/lxc/200/vncwebsocket?port=5900&vncticket="
                + "PVEVNC%3A6B16F862%3A%3Ac2lnbmF0dXJl HTTP/1.1\r\n")
        .contains("Authorization: PVEAPIToken=root@pam!ci=" + TOKEN_SECRET + "\r\n")
        .contains("Sec-WebSocket-Protocol: binary\r\n")
        .contains("Sec-WebSocket-Version: 13\r\n");
    assertThat(server.frames)
        .containsExactly("root@pam!ci:" + TICKET + "\n", "0:9:hostname\r", "1:120:40:");
  }

  @Test
  void loginRefusedByTermproxy_isAnAuthenticationException_withoutTheTicket() throws Exception {
    server = new Server(Script.REFUSE_LOGIN);
    try (ProxmoxClient client = client()) {
      assertThatThrownBy(() -> client.node("pve1").lxc().container(200).openTerminal())
          .isInstanceOf(ProxmoxAuthenticationException.class)
          .hasMessageContaining("refused the console ticket of root@pam!ci")
          .hasMessageNotContaining(TICKET)
          .hasMessageNotContaining("c2lnbmF0dXJl");
    }
  }

  @Test
  void upgradeRefusedWith401_isAnAuthenticationException_namingPathNotUrl() throws Exception {
    server = new Server(Script.REFUSE_UPGRADE);
    try (ProxmoxClient client = client()) {
      assertThatThrownBy(() -> client.node("pve1").lxc().container(200).openTerminal())
          .isInstanceOf(ProxmoxAuthenticationException.class)
          .hasMessageContaining(
              "GET /nodes/pve1/lxc/200/vncwebsocket: 401 permission denied - invalid PVEVNC ticket")
          .hasMessageNotContaining("vncticket")
          .hasMessageNotContaining("c2lnbmF0dXJl");
    }
  }

  private ProxmoxClient client() {
    return ProxmoxClient.builder()
        .baseUrl(server.baseUrl())
        .authentication(Authentication.apiToken("root@pam!ci", Secret.of(TOKEN_SECRET)))
        .build();
  }

  /** One connection at a time: the termproxy call, then the upgrade. */
  private static final class Server implements AutoCloseable {
    private final ServerSocket socket;
    private final Script script;
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> frames = new CopyOnWriteArrayList<>();

    Server(Script script) throws IOException {
      this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.script = script;
      Thread t = new Thread(this::serve, "console-wire-test");
      t.setDaemon(true);
      t.start();
    }

    String baseUrl() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try {
          Socket c = socket.accept();
          Thread t = new Thread(() -> connection(c), "console-wire-test-conn");
          t.setDaemon(true);
          t.start();
        } catch (IOException e) {
          return; // the test closed the server
        }
      }
    }

    private void connection(Socket connection) {
      try (Socket c = connection) {
        InputStream in = c.getInputStream();
        OutputStream out = c.getOutputStream();
        String head;
        while ((head = head(in)) != null) {
          requests.add(head);
          if (head.startsWith("POST ")) {
            in.readNBytes(contentLength(head));
            json(out, TERMPROXY_ANSWER);
          } else {
            upgrade(head, in, out);
            break;
          }
        }
      } catch (IOException e) {
        // the client hung up, or the test closed the server
      }
    }

    private static final String TERMPROXY_ANSWER =
        "{\"data\":{\"user\":\"root@pam!ci\",\"port\":\"5900\",\"ticket\":\""
            + TICKET
            + "\",\"upid\":\"UPID:pve1:00001234:00005678:6B16F862:vncproxy:200:root@pam!ci:\"}}";

    private void upgrade(String head, InputStream in, OutputStream out) throws IOException {
      if (script == Script.REFUSE_UPGRADE) {
        String body = "{\"data\":null}";
        write(
            out,
            "HTTP/1.1 401 permission denied - invalid PVEVNC ticket\r\nContent-Length: "
                + body.length()
                + "\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                + body);
        return;
      }
      String key = header(head, "Sec-WebSocket-Key");
      write(
          out,
          "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n"
              + "Sec-WebSocket-Accept: "
              + accept(key)
              + "\r\nSec-WebSocket-Protocol: binary\r\n\r\n");
      frames.add(readFrame(in));
      if (script == Script.REFUSE_LOGIN) {
        send(out, "NO");
        out.write(new byte[] {(byte) 0x88, 2, 3, (byte) 232});
        out.flush();
        return;
      }
      send(out, "OK");
      send(out, "root@ct:~# ");
      frames.add(readFrame(in));
      frames.add(readFrame(in));
      send(out, "got " + (frames.size() - 1) + "\n");
      readFrame(in); // the client's close
    }

    private static String readFrame(InputStream in) throws IOException {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        throw new IOException("closed");
      }
      int length = b1 & 0x7F;
      if (length == 126) {
        length = (in.read() << 8) | in.read();
      }
      byte[] mask = in.readNBytes(4);
      byte[] payload = in.readNBytes(length);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
      return new String(payload, StandardCharsets.UTF_8);
    }

    private static void send(OutputStream out, String text) throws IOException {
      byte[] data = text.getBytes(StandardCharsets.UTF_8);
      out.write(0x82);
      out.write(data.length);
      out.write(data);
      out.flush();
    }

    private static void json(OutputStream out, String body) throws IOException {
      byte[] data = body.getBytes(StandardCharsets.UTF_8);
      write(
          out,
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
              + data.length
              + "\r\n\r\n"
              + body);
    }

    private static void write(OutputStream out, String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    private static String accept(String key) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-1")
                .digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
                        .getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String header(String head, String name) {
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
          return line.substring(name.length() + 1).trim();
        }
      }
      throw new AssertionError("no " + name + " in " + head);
    }

    private static int contentLength(String head) {
      for (String line : head.split("\r\n")) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          return Integer.parseInt(line.substring(15).trim());
        }
      }
      return 0;
    }

    private static String head(InputStream in) throws IOException {
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

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
