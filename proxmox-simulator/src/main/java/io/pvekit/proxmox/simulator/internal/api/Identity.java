package io.pvekit.proxmox.simulator.internal.api;

/**
 * Who is calling.
 *
 * @param subject the user ({@code root@pam}) or token ({@code root@pam!ci}) privileges are computed
 *     for
 * @param ticket the ticket used, or null for API tokens
 */
public record Identity(String subject, String ticket) {
  /** The user behind the subject. */
  public String user() {
    int bang = subject.indexOf('!');
    return bang < 0 ? subject : subject.substring(0, bang);
  }

  /** Whether the caller used an API token. */
  public boolean isToken() {
    return subject.indexOf('!') >= 0;
  }
}
