package com.recruitdesk.server.platform.db;

import com.recruitdesk.protocol.audit.ChainHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A tamper-evident chain of rows in one table: each row of a chain (the rows sharing
 * {@link Spec#chainColumn}) keeps its place ({@code chain_seq}, from 1), the previous row's hash
 * ({@code previous_hash}, empty for the first) and its own ({@code entry_hash}), the
 * {@link ChainHash} of the previous hash and the row's content columns. A row changed, removed or
 * put in another place behind the product's back breaks the chain from there on, and
 * {@link #verify} names the first row that no longer matches.
 *
 * <p>Any feature may chain a table of its own with it: the application timeline does (decision
 * 0025), and a document verification trail can. The writer must hold a lock that serialises the
 * chain's appends (the application's row, say) so two appends never take the same place.
 */
public final class HashChain {
    /**
     * A chained table: its name, the column naming the chain, and the content columns in the order
     * they are hashed (a timestamp column among them is hashed as epoch microseconds).
     */
    public record Spec(String table, String chainColumn, List<String> contentColumns) {
        public Spec {
            contentColumns = List.copyOf(contentColumns);
        }
    }

    /** The result of a check: the entries read, and the first that does not verify, if any. */
    public record Verification(int entries, Optional<UUID> firstBroken, String reason) {
        public boolean verified() {
            return firstBroken.isEmpty();
        }
    }

    private HashChain() {}

    /**
     * Writes {@code row} (which sets {@code id}, the chain column and the content columns; a missing
     * {@code created_at} is set to {@code now}) as the next entry of its chain. Returns 0 without
     * writing when a row with its id exists already (loading the same rows twice changes nothing).
     */
    public static int append(Connection c, Spec spec, Insert row, Instant now) throws SQLException {
        Object id = row.get("id");
        if (id != null && Sql.exists(c, "select 1 from " + spec.table() + " where id = ?", id)) {
            return 0;
        }
        return link(c, spec, row, now).execute(c);
    }

    /** Sets {@code row}'s place in its chain and its hashes (not written yet); see {@link #append}. */
    public static Insert link(Connection c, Spec spec, Insert row, Instant now) throws SQLException {
        if (row.get("created_at") == null) {
            row.set("created_at", now.truncatedTo(ChronoUnit.MICROS));
            row.set("updated_at", now.truncatedTo(ChronoUnit.MICROS));
        } else if (row.get("created_at") instanceof Instant at) {
            row.set("created_at", at.truncatedTo(ChronoUnit.MICROS));
        }
        Object chain = row.get(spec.chainColumn());
        Optional<Last> last = Sql.one(
                c,
                "select chain_seq, entry_hash from " + spec.table() + " where " + spec.chainColumn()
                        + " = ? order by chain_seq desc limit 1",
                rs -> new Last(rs.getInt(1), rs.getString(2)),
                chain);
        int seq = last.map(l -> l.seq() + 1).orElse(1);
        String previous = last.map(Last::hash).orElse(ChainHash.GENESIS);
        row.set("chain_seq", seq);
        List<Object> content = new ArrayList<>();
        for (String column : spec.contentColumns()) {
            content.add(canonical(row.get(column)));
        }
        row.set("previous_hash", previous);
        row.set("entry_hash", ChainHash.link(previous, content));
        return row;
    }

    /** Reads the chain {@code chainId} in order and recomputes every hash. */
    public static Verification verify(Connection c, Spec spec, UUID chainId) throws SQLException {
        String sql = "select id, chain_seq, previous_hash, entry_hash, " + String.join(", ", spec.contentColumns())
                + " from " + spec.table() + " where " + spec.chainColumn() + " = ? order by chain_seq, created_at, id";
        try (PreparedStatement ps = Sql.prepare(c, sql, chainId);
                ResultSet rs = ps.executeQuery()) {
            String previous = ChainHash.GENESIS;
            int expected = 1;
            int entries = 0;
            while (rs.next()) {
                entries++;
                UUID id = rs.getObject(1, UUID.class);
                if (rs.getInt(2) != expected) {
                    return broken(entries, id, "entry " + expected + " is missing or out of place");
                }
                if (!previous.equals(rs.getString(3))) {
                    return broken(entries, id, "it does not follow the entry before it");
                }
                List<Object> content = new ArrayList<>();
                for (int i = 0; i < spec.contentColumns().size(); i++) {
                    content.add(canonical(rs.getObject(5 + i)));
                }
                String hash = ChainHash.link(previous, content);
                if (!hash.equals(rs.getString(4))) {
                    return broken(entries, id, "its content was changed after it was written");
                }
                previous = hash;
                expected++;
            }
            return new Verification(entries, Optional.empty(), "");
        }
    }

    private static Verification broken(int entries, UUID id, String reason) {
        return new Verification(entries, Optional.of(id), reason);
    }

    /** The value as {@link ChainHash} hashes it, the same whether it came from Java or from the database. */
    private static Object canonical(Object value) {
        return switch (value) {
            case OffsetDateTime t -> t.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case null, default -> value;
        };
    }

    private record Last(int seq, String hash) {}
}
