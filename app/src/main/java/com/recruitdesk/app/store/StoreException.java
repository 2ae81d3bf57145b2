package com.recruitdesk.app.store;

import java.sql.SQLException;

/** The local data file could not be read or written. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super("The local data file failed: " + cause.getMessage(), cause);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
