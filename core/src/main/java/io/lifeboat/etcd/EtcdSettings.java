package io.lifeboat.etcd;

import io.lifeboat.error.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to reach etcd. {@code member} pins the snapshot to one endpoint; otherwise the healthy
 * endpoint with the highest raft index is chosen, preferring a follower. TLS uses kubeadm's layout
 * ({@code /etc/kubernetes/pki/etcd/{ca.crt,healthcheck-client.crt,healthcheck-client.key}}); keys
 * may be PKCS#1 or PKCS#8.
 */
public record EtcdSettings(
    List<URI> endpoints,
    URI member,
    Path caFile,
    Path certFile,
    Path keyFile,
    String user,
    String password,
    Duration connectTimeout,
    Duration deadline) {

  public EtcdSettings {
    if (endpoints == null || endpoints.isEmpty()) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.endpoints is required (e.g. https://127.0.0.1:2379)");
    }
    for (URI endpoint : endpoints) {
      if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
          || endpoint.getHost() == null
          || endpoint.getPort() < 0) {
        throw new InvalidConfigurationException(
            "lifeboat.etcd.endpoints '"
                + endpoint
                + "': write http(s)://host:port[,...] (the scheme is required)");
      }
    }
    if (member != null && !endpoints.contains(member)) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.member must be one of lifeboat.etcd.endpoints "
              + endpoints
              + ", was '"
              + member
              + "'");
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.cert-file and lifeboat.etcd.key-file must be set together");
    }
    if ((user == null) != (password == null)) {
      throw new InvalidConfigurationException(
          "lifeboat.etcd.user and lifeboat.etcd.password must be set together");
    }
    positive(connectTimeout, "lifeboat.etcd.connect-timeout");
    positive(deadline, "lifeboat.etcd.deadline");
    endpoints = List.copyOf(endpoints);
  }

  private static void positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationException(name + " must be a positive duration, was " + value);
    }
  }

  /**
   * A builder for {@code endpoints}: member, TLS files and credentials stay unset (null) unless the
   * configuration sets them; the timeouts are required.
   */
  public static Builder builder(List<URI> endpoints) {
    return new Builder(endpoints);
  }

  /** Only what the configuration sets. */
  public static final class Builder {
    private final List<URI> endpoints;
    private URI member;
    private Path caFile;
    private Path certFile;
    private Path keyFile;
    private String user;
    private String password;
    private Duration connectTimeout;
    private Duration deadline;

    private Builder(List<URI> endpoints) {
      this.endpoints = endpoints;
    }

    public Builder member(URI value) {
      member = value;
      return this;
    }

    public Builder caFile(Path value) {
      caFile = value;
      return this;
    }

    public Builder certFile(Path value) {
      certFile = value;
      return this;
    }

    public Builder keyFile(Path value) {
      keyFile = value;
      return this;
    }

    public Builder user(String value) {
      user = value;
      return this;
    }

    public Builder password(String value) {
      password = value;
      return this;
    }

    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    public Builder deadline(Duration value) {
      deadline = value;
      return this;
    }

    public EtcdSettings build() {
      return new EtcdSettings(
          endpoints, member, caFile, certFile, keyFile, user, password, connectTimeout, deadline);
    }
  }

  public boolean tls() {
    return caFile != null || certFile != null;
  }

  @Override
  public String toString() {
    return "EtcdSettings[endpoints="
        + endpoints
        + ", member="
        + member
        + ", tls="
        + tls()
        + ", user="
        + user
        + ", password="
        + (password == null ? "unset" : "***")
        + "]";
  }
}
