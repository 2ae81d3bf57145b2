package com.recruitdesk.server.platform.config;

import java.security.KeyStore;

/**
 * The server's certificate and key, read at start from PEM files or a PKCS#12 keystore
 * ({@link TlsKeys}); present means the API is served over HTTPS only.
 *
 * @param keyStore holds the one private key and its certificate chain
 * @param password opens {@code keyStore} and its key
 * @param source what it was read from, for the start-up log
 */
public record TlsSettings(KeyStore keyStore, String password, String source) {
    @Override
    public String toString() {
        return "TlsSettings[" + source + "]";
    }
}
