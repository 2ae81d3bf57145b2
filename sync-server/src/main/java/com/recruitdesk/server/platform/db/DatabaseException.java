package com.recruitdesk.server.platform.db;

import java.sql.SQLException;

/** A database fault where the caller cannot retry by itself; the HTTP layer answers it with a 5xx. */
public final class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
