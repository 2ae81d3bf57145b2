package com.recruitdesk.server.platform.config;

/** A configuration value the server cannot start with; the message is one sentence for the operator. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
