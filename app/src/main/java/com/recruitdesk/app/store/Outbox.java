package com.recruitdesk.app.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.sync.Mutation;
import com.recruitdesk.protocol.sync.MutationResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The mutations not yet confirmed, in the order they were made ({@code outbox}), the optimistic
 * rows each implies ({@code overlay}), the files each needs on the server first
 * ({@code mutation_uploads}), and the rejections kept to tell the user ({@code rejections}).
 */
final class Outbox {
    private final Writer writer;
    private final CurrentRows current;

    Outbox(Writer writer, CurrentRows current) {
        this.writer = writer;
        this.current = current;
    }

    /** Adds a mutation with its optimistic rows and the uploads it names, in one transaction. */
    void enqueue(Mutation mutation, List<LocalStore.Optimistic> rows, List<UUID> uploads, Set<String> touched) {
        writer.inTransaction(() -> {
            String id = mutation.id().toString();
            writer.update(
                    "insert into outbox (id, name, args, client_time) values (?, ?, ?, ?)",
                    id,
                    mutation.name(),
                    writer.json(mutation.args()),
                    mutation.clientTime().toString());
            for (UUID blob : uploads) {
                writer.update("insert into mutation_uploads (mutation_id, blob_id) values (?, ?)", id, blob.toString());
            }
            for (LocalStore.Optimistic row : rows) {
                boolean deleted = row.data() == null;
                writer.update(
                        "insert into overlay (mutation_id, entity, id, data, deleted) values (?, ?, ?, ?, ?)",
                        id,
                        row.entity(),
                        row.id().toString(),
                        deleted ? "{}" : writer.json(row.data()),
                        deleted ? 1 : 0);
                if (deleted) {
                    current.remove(row.entity(), row.id().toString());
                } else {
                    current.put(row.entity(), row.id().toString(), row.data(), true);
                }
                touched.add(row.entity());
            }
        });
    }

    List<Mutation> pending(int limit) {
        return writer.read(() -> {
            PreparedStatement ps = writer.statement(
                    "select id, name, args, client_time from outbox where state = 'pending' order by seq limit ?");
            ps.setInt(1, limit);
            List<Mutation> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode args = writer.parse(rs.getString(3));
                    result.add(new Mutation(
                            UUID.fromString(rs.getString(1)), rs.getString(2), args, Instant.parse(rs.getString(4))));
                }
            }
            return result;
        });
    }

    int pendingCount() {
        return writer.read(() -> writer.count("select count(*) from outbox where state = 'pending'"));
    }

    /** Records the server's answers; returns the rejections (their rows are already taken back). */
    List<LocalStore.Rejection> record(List<Mutation> sent, List<MutationResult> results, Set<String> touched) {
        Map<UUID, Mutation> byId = new LinkedHashMap<>();
        sent.forEach(m -> byId.put(m.id(), m));
        List<LocalStore.Rejection> rejected = new ArrayList<>();
        writer.inTransaction(() -> {
            for (MutationResult result : results) {
                Mutation m = byId.get(result.id());
                if (m == null) {
                    continue;
                }
                if (result.isApplied()) {
                    writer.update("update outbox set state = 'applied' where id = ?", m.id().toString());
                } else {
                    rejected.add(reject(
                            new LocalStore.Rejection(
                                    m.id(),
                                    m.name(),
                                    result.code(),
                                    result.message(),
                                    Instant.now(),
                                    m.args(),
                                    result.current()),
                            touched));
                }
            }
        });
        return rejected;
    }

    /** Drops applied mutations and their overlays: the pull just done holds the server's rows. */
    void completeApplied(Set<String> touched) {
        writer.inTransaction(() -> {
            List<String[]> keys =
                    current.overlayKeys("where mutation_id in (select id from outbox where state = 'applied')");
            writer.update("delete from outbox where state = 'applied'");
            current.refreshAll(keys, touched);
        });
    }

    /** The pending mutations that need {@code blobId} uploaded first: id and name. */
    List<String[]> needing(UUID blobId) throws SQLException {
        return current.keys("""
                select o.id, o.name from outbox o join mutation_uploads u on u.mutation_id = o.id
                 where o.state = 'pending' and u.blob_id = ? order by o.seq""", blobId.toString());
    }

    /**
     * Takes a rejected mutation out of the outbox, its optimistic rows back off the screen (their
     * entities go into {@code touched}), and records the rejection to show. Runs inside a transaction.
     */
    LocalStore.Rejection reject(LocalStore.Rejection r, Set<String> touched) throws SQLException {
        List<String[]> keys =
                current.overlayKeys("where mutation_id = ?", r.mutationId().toString());
        writer.update("delete from outbox where id = ?", r.mutationId().toString());
        current.refreshAll(keys, touched);
        writer.update(
                "insert or replace into rejections (mutation_id, name, code, message, at, args, current)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                r.mutationId().toString(),
                r.name(),
                r.code(),
                r.message(),
                r.at().toString(),
                r.args() == null ? null : writer.json(r.args()),
                r.current() == null ? null : writer.json(r.current()));
        return r;
    }

    /**
     * Takes a mutation that was never sent back out of the outbox with its optimistic rows, as if it had
     * not been made; false when it is no longer pending (sent, answered or unknown).
     */
    boolean withdraw(UUID mutationId, Set<String> touched) {
        boolean[] done = {false};
        writer.inTransaction(() -> {
            if (writer.count("select count(*) from outbox where id = ? and state = 'pending'", mutationId.toString())
                    == 0) {
                return;
            }
            List<String[]> keys = current.overlayKeys("where mutation_id = ?", mutationId.toString());
            writer.update("delete from mutation_uploads where mutation_id = ?", mutationId.toString());
            writer.update("delete from outbox where id = ?", mutationId.toString());
            current.refreshAll(keys, touched);
            done[0] = true;
        });
        return done[0];
    }

    List<LocalStore.Rejection> rejections() {
        return writer.read(() -> {
            List<LocalStore.Rejection> result = new ArrayList<>();
            try (ResultSet rs = writer.statement(
                            "select mutation_id, name, code, message, at, args, current from rejections order by at")
                    .executeQuery()) {
                while (rs.next()) {
                    result.add(new LocalStore.Rejection(
                            UUID.fromString(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            Instant.parse(rs.getString(5)),
                            rs.getString(6) == null ? null : writer.parse(rs.getString(6)),
                            rs.getString(7) == null ? null : writer.parse(rs.getString(7))));
                }
            }
            return result;
        });
    }
}
