package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxAuthenticationException;
import io.pvekit.proxmox.ProxmoxTfaRequiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticket authentication: logs in with {@code POST /access/ticket}, sends {@code PVEAuthCookie} on
 * every request and {@code CSRFPreventionToken} on writes, renews the ticket (with the ticket as
 * password) once it is older than {@code renewAfter} (PVE tickets live 2 h), and logs in afresh
 * after a 401.
 */
public final class TicketCredentials implements Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(TicketCredentials.class);
  private static final String LOGIN = "/access/ticket";

  /** One ticket; never printed. */
  private record Ticket(String ticket, String csrf, Instant obtained) {
    @Override
    public String toString() {
      return "Ticket[obtained " + obtained + "]";
    }
  }

  private final Authentication auth;
  private final Function<ApiCall, JsonNode> executor;
  private final Clock clock;
  private final Duration renewAfter;
  private volatile Ticket current;

  public TicketCredentials(
      Authentication auth, Function<ApiCall, JsonNode> executor, Clock clock, Duration renewAfter) {
    this.auth = auth;
    this.executor = executor;
    this.clock = clock;
    this.renewAfter = renewAfter;
  }

  @Override
  public Object apply(Request.Builder request, ApiCall call) {
    Ticket ticket = fresh();
    request.header("Cookie", "PVEAuthCookie=" + ticket.ticket());
    if (call.write()) {
      request.header("CSRFPreventionToken", ticket.csrf());
    }
    return ticket;
  }

  @Override
  public synchronized boolean reauthenticate(Object used) {
    if (current != used) {
      return true; // another thread already logged in again
    }
    LOG.debug("401 with a ticket from {}; logging in again as {}", current.obtained(), auth.user());
    current = login();
    return true;
  }

  private Ticket fresh() {
    Ticket ticket = current;
    if (ticket != null && age(ticket).compareTo(renewAfter) < 0) {
      return ticket;
    }
    synchronized (this) {
      if (current == null) {
        current = login();
      } else if (age(current).compareTo(renewAfter) >= 0) {
        current = renew(current);
      }
      return current;
    }
  }

  private Duration age(Ticket ticket) {
    return Duration.between(ticket.obtained(), clock.instant());
  }

  private Ticket renew(Ticket old) {
    try {
      JsonNode data =
          executor.apply(
              ApiCall.post(LOGIN)
                  .unauthenticated()
                  .param("username", auth.user())
                  .param("password", old.ticket()));
      LOG.debug("renewed the ticket of {}", auth.user());
      return toTicket(data);
    } catch (ProxmoxAuthenticationException expired) {
      LOG.debug("ticket renewal refused for {}; logging in with the password", auth.user());
      return login();
    }
  }

  private Ticket login() {
    JsonNode data =
        executor.apply(
            ApiCall.post(LOGIN)
                .unauthenticated()
                .param("username", auth.user())
                .param("password", auth.secret()));
    if (data.path("NeedTFA").asInt(0) == 1) {
      if (auth.totpCode().isEmpty()) {
        throw new ProxmoxTfaRequiredException(
            "POST",
            LOGIN,
            "POST "
                + LOGIN
                + ": "
                + auth.user()
                + " needs a second factor (TFA) to log in. Use an API token for automation, or"
                + " Authentication.password(user, password, totpCodeSupplier) for TOTP. See "
                + ErrorMapping.README
                + "#tfa-required");
      }
      String code = auth.totpCode().get().get();
      data =
          executor.apply(
              ApiCall.post(LOGIN)
                  .unauthenticated()
                  .param("username", auth.user())
                  .param("tfa-challenge", data.path("ticket").asText())
                  .param("password", io.pvekit.proxmox.Secret.of("totp:" + code)));
    }
    return toTicket(data);
  }

  private Ticket toTicket(JsonNode data) {
    String ticket = data.path("ticket").asText("");
    String csrf = data.path("CSRFPreventionToken").asText("");
    if (ticket.isEmpty() || csrf.isEmpty() || ticket.startsWith("PVE:!tfa!")) {
      throw new ProxmoxAuthenticationException(
          "POST",
          LOGIN,
          200,
          "no ticket",
          java.util.Map.of(),
          null,
          "POST "
              + LOGIN
              + ": the login answer carried no usable ticket and CSRF token; is the base URL a PVE"
              + " API (https://HOST:8006/api2/json)? See "
              + ErrorMapping.README
              + "#401-authentication-failed");
    }
    return new Ticket(ticket, csrf, clock.instant());
  }

  @Override
  public String toString() {
    return "ticket " + auth.user();
  }
}
