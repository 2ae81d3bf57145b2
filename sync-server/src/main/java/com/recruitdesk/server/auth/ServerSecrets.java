package com.recruitdesk.server.auth;

import com.recruitdesk.server.platform.db.Database;
import com.recruitdesk.server.platform.db.Sql;
import java.security.SecureRandom;

/** Secrets made once per deployment and shared by every server instance through the database. */
public final class ServerSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public ServerSecrets(Database db) {
        this.db = db;
    }

    /** The secret named {@code name}, made of {@code length} random bytes the first time it is asked for. */
    public byte[] getOrCreate(String name, int length) {
        byte[] candidate = new byte[length];
        RANDOM.nextBytes(candidate);
        return db.inTransaction(c -> {
            Sql.update(
                    c,
                    "insert into server_secrets (name, value) values (?, ?) on conflict (name) do nothing",
                    name,
                    candidate);
            return Sql.one(c, "select value from server_secrets where name = ?", rs -> rs.getBytes(1), name)
                    .orElseThrow();
        });
    }
}
