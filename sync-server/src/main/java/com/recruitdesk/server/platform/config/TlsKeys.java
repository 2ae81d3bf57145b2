package com.recruitdesk.server.platform.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Reads the TLS settings: {@code RD_TLS_CERT} + {@code RD_TLS_KEY} (PEM, as certbot and most
 * CAs hand them out; the key unencrypted in PKCS#8, PKCS#1 or EC form) or {@code RD_TLS_KEYSTORE}
 * + {@code RD_TLS_KEYSTORE_PASSWORD} (PKCS#12). Bouncy Castle parses the PEM forms the JDK cannot
 * (decision 0024). Any problem stops start-up with one sentence naming the setting.
 */
final class TlsKeys {
    static final String CERT = "RD_TLS_CERT";
    static final String KEY = "RD_TLS_KEY";
    static final String KEYSTORE = "RD_TLS_KEYSTORE";
    static final String KEYSTORE_PASSWORD = "RD_TLS_KEYSTORE_PASSWORD";

    private TlsKeys() {}

    static Optional<TlsSettings> load(Map<String, String> v) {
        String cert = v.get(CERT);
        String key = v.get(KEY);
        String keystore = v.get(KEYSTORE);
        if (keystore != null && (cert != null || key != null)) {
            throw new ConfigException("Set either " + KEYSTORE + " or " + CERT + " and " + KEY
                    + ", not both: the server has one certificate.");
        }
        if (keystore != null) {
            return Optional.of(keystore(keystore, v.getOrDefault(KEYSTORE_PASSWORD, "")));
        }
        if ((cert == null) != (key == null)) {
            throw new ConfigException("Set both " + CERT + " and " + KEY + " (PEM files), or neither.");
        }
        return cert == null ? Optional.empty() : Optional.of(pem(cert, key));
    }

    private static TlsSettings keystore(String file, String password) {
        try (InputStream in = Files.newInputStream(path(KEYSTORE, file))) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            List<String> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(alias);
                }
            }
            if (keys.size() != 1) {
                throw new ConfigException(KEYSTORE + " must hold exactly one private key with its certificate; " + file
                        + " holds " + keys.size() + ".");
            }
            return new TlsSettings(store, password, "keystore " + file);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot read the PKCS#12 keystore " + file + " named by " + KEYSTORE + " (is "
                    + KEYSTORE_PASSWORD + " right?): " + e.getMessage());
        }
    }

    private static TlsSettings pem(String certFile, String keyFile) {
        List<Certificate> chain = new ArrayList<>();
        for (Object o : pemObjects(CERT, certFile)) {
            if (o instanceof X509CertificateHolder holder) {
                chain.add(certificate(holder, certFile));
            }
        }
        if (chain.isEmpty()) {
            throw new ConfigException(CERT + " names " + certFile + ", which holds no PEM certificate.");
        }
        PrivateKey privateKey = null;
        var converter = new JcaPEMKeyConverter();
        for (Object o : pemObjects(KEY, keyFile)) {
            try {
                if (o instanceof PEMKeyPair pair) {
                    privateKey = converter.getKeyPair(pair).getPrivate();
                } else if (o instanceof PrivateKeyInfo info) {
                    privateKey = converter.getPrivateKey(info);
                }
            } catch (IOException e) {
                throw new ConfigException(
                        "The key in " + keyFile + " named by " + KEY + " cannot be used: " + e.getMessage());
            }
        }
        if (privateKey == null) {
            throw new ConfigException(KEY + " names " + keyFile
                    + ", which holds no unencrypted PEM private key (PKCS#8, RSA or EC); decrypt it first.");
        }
        try {
            // An in-memory store only Jetty reads; its password never leaves this process.
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = Base64.getEncoder().encodeToString(secret);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new TlsSettings(store, password, "certificate " + certFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("The certificate " + certFile + " and key " + keyFile
                    + " do not make a usable pair: " + e.getMessage());
        }
    }

    private static X509Certificate certificate(X509CertificateHolder holder, String file) {
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new ConfigException(
                    "A certificate in " + file + " named by " + CERT + " is damaged: " + e.getMessage());
        }
    }

    private static List<Object> pemObjects(String setting, String file) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(path(setting, file));
                PEMParser parser = new PEMParser(reader)) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                objects.add(o);
            }
            return objects;
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + " named by " + setting + ": " + e.getMessage());
        }
    }

    private static Path path(String setting, String file) {
        try {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                throw new ConfigException(setting + " names " + file + ", which does not exist or cannot be read.");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new ConfigException(setting + " is not a usable path: '" + file + "'.");
        }
    }
}
