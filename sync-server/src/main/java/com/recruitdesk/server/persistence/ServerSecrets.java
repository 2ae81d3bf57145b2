package com.recruitdesk.server.persistence;

import java.security.SecureRandom;

/** Secrets made once per deployment and shared by every server instance through the database. */
public final class ServerSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    ServerSecrets(Database db) {
        this.db = db;
    }

    /** The secret named {@code name}, made of {@code length} random bytes the first time it is asked for. */
    public byte[] getOrCreate(String name, int length) {
        byte[] candidate = new byte[length];
        RANDOM.nextBytes(candidate);
        return db.transaction(s -> {
            s.createNativeMutationQuery(
                            "insert into server_secrets (name, value) values (:n, :v) on conflict (name) do nothing")
                    .setParameter("n", name)
                    .setParameter("v", candidate)
                    .executeUpdate();
            return s.createNativeQuery("select value from server_secrets where name = :n", byte[].class)
                    .setParameter("n", name)
                    .getSingleResult();
        });
    }
}
