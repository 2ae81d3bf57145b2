package com.recruitdesk.server.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.protocol.Paths;
import com.recruitdesk.server.platform.config.ConfigException;
import com.recruitdesk.server.platform.config.ConfigLoader;
import com.recruitdesk.server.support.TempDirs;
import com.recruitdesk.server.support.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The server speaks HTTPS with a certificate from PEM files or a PKCS#12 keystore, as configured. */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsTest {
    private final Path dir = TempDirs.create("recruitdesk-tls");
    private final HeldCertificate certificate = new HeldCertificate.Builder()
            .rsa2048() // its key can be written in both PKCS#8 and PKCS#1 (RSA) PEM forms
            .commonName("localhost")
            .addSubjectAlternativeName("localhost")
            .addSubjectAlternativeName("127.0.0.1")
            .build();
    private final OkHttpClient trusting;

    TlsTest() {
        HandshakeCertificates trust = new HandshakeCertificates.Builder()
                .addTrustedCertificate(certificate.certificate())
                .build();
        trusting = new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .build();
    }

    @BeforeAll
    void files() throws Exception {
        Files.writeString(dir.resolve("cert.pem"), certificate.certificatePem());
        Files.writeString(dir.resolve("key.pem"), certificate.privateKeyPkcs8Pem());
        Files.writeString(dir.resolve("rsa-key.pem"), certificate.privateKeyPkcs1Pem());
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry(
                "server",
                certificate.keyPair().getPrivate(),
                "store-secret".toCharArray(),
                new java.security.cert.Certificate[] {certificate.certificate()});
        try (var out = Files.newOutputStream(dir.resolve("server.p12"))) {
            p12.store(out, "store-secret".toCharArray());
        }
    }

    @AfterAll
    void clean() {
        TempDirs.delete(dir);
    }

    private int health(TestServer server, String scheme) throws IOException {
        Request request = new Request.Builder()
                .url(scheme + "://localhost:" + server.server.port() + Paths.HEALTH_LIVE)
                .build();
        try (Response r = trusting.newCall(request).execute()) {
            return r.code();
        }
    }

    @Test
    void aPemCertificateAndKeyServeHttpsAndNothingPlain() throws Exception {
        try (TestServer server = TestServer.withoutDemo(Map.of(
                "RD_TLS_CERT", dir.resolve("cert.pem").toString(),
                "RD_TLS_KEY", dir.resolve("key.pem").toString()))) {
            assertThat(health(server, "https")).isEqualTo(200);
            assertThatThrownBy(() -> health(server, "http")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void anRsaKeyInItsOwnPemFormWorksToo() throws Exception {
        try (TestServer server = TestServer.withoutDemo(Map.of(
                "RD_TLS_CERT", dir.resolve("cert.pem").toString(),
                "RD_TLS_KEY", dir.resolve("rsa-key.pem").toString()))) {
            assertThat(health(server, "https")).isEqualTo(200);
        }
    }

    @Test
    void aPkcs12KeystoreServesHttps() throws Exception {
        try (TestServer server = TestServer.withoutDemo(Map.of(
                "RD_TLS_KEYSTORE", dir.resolve("server.p12").toString(), "RD_TLS_KEYSTORE_PASSWORD", "store-secret"))) {
            assertThat(health(server, "https")).isEqualTo(200);
        }
    }

    @Test
    void aHalfOrUnreadableTlsSettingStopsStartUpWithOneSentence() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        Map.of("RD_TLS_CERT", dir.resolve("cert.pem").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("RD_TLS_KEY");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "RD_TLS_CERT", dir.resolve("missing.pem").toString(),
                        "RD_TLS_KEY", dir.resolve("key.pem").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("missing.pem");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of(
                        "RD_TLS_KEYSTORE", dir.resolve("server.p12").toString(),
                        "RD_TLS_CERT", dir.resolve("cert.pem").toString(),
                        "RD_TLS_KEY", dir.resolve("key.pem").toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("either");
    }
}
