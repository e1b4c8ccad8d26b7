package io.lifeboat.testing;

import java.nio.file.Path;

/**
 * A CA with a server certificate for 127.0.0.1 and a client certificate whose key is in kubeadm's
 * PKCS#1 form ({@code BEGIN RSA PRIVATE KEY}), made by the real openssl.
 */
public record TestPki(
    Path caCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

  public static TestPki generate(Path dir) {
    String d = dir.toString();
    Shell.run(
        "set -e; cd "
            + d
            + ";"
            + " openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 2 -subj /CN=lifeboat-test-ca 2>/dev/null;"
            + " openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=etcd 2>/dev/null;"
            + " printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth,clientAuth\\n' > server.ext;"
            + " openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out server.crt -days 2 -extfile server.ext 2>/dev/null;"
            + " openssl genrsa -traditional -out client.key 2048 2>/dev/null;"
            + " openssl req -new -key client.key -out client.csr -subj /CN=healthcheck-client 2>/dev/null;"
            + " printf 'extendedKeyUsage=clientAuth\\n' > client.ext;"
            + " openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt -days 2 -extfile client.ext 2>/dev/null;"
            + " grep -q 'BEGIN RSA PRIVATE KEY' client.key");
    return new TestPki(
        dir.resolve("ca.crt"),
        dir.resolve("server.crt"),
        dir.resolve("server.key"),
        dir.resolve("client.crt"),
        dir.resolve("client.key"));
  }

  public EtcdServer.Tls serverTls() {
    return new EtcdServer.Tls(caCert, serverCert, serverKey);
  }
}
