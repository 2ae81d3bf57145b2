package com.recruitdesk.server.platform.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.recruitdesk.protocol.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PGobject;

/**
 * Plain JDBC in few words, on the caller's connection (so inside the caller's transaction).
 * Parameters bind by position; an {@link Instant} binds as {@code timestamptz}, a {@link #jsonb}
 * value as {@code jsonb}, an enum by its name; everything else as JDBC binds it.
 */
public final class Sql {
    private static final ObjectMapper JSON = Json.newMapper();

    private Sql() {}

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    public static boolean exists(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The first row, read by {@code reader}, if there is one. */
    public static <T> Optional<T> one(Connection c, String sql, RowReader<T> reader, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(reader.read(rs)) : Optional.empty();
        }
    }

    public static <T> List<T> list(Connection c, String sql, RowReader<T> reader, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params);
                ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(reader.read(rs));
            }
            return rows;
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                bind(ps, i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    /** Binds {@code params} from index {@code first} on; returns the next free index. */
    public static int bindAll(PreparedStatement ps, int first, Object... params) throws SQLException {
        int i = first;
        for (Object param : params) {
            bind(ps, i++, param);
        }
        return i;
    }

    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        switch (value) {
            case Instant instant -> ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            case Enum<?> e -> ps.setString(index, e.name());
            case null, default -> ps.setObject(index, value);
        }
    }

    /**
     * {@code values} as one {@code text[]} parameter (nulls kept), for a statement that takes a whole
     * batch's rows as arrays ({@code unnest(?::text[]::uuid[], …)}): one statement, one plan, any count.
     */
    public static java.sql.Array texts(Connection c, java.util.stream.Stream<String> values) throws SQLException {
        return array(c, "text", values);
    }

    /** {@code values} as one SQL array parameter of {@code type} (nulls kept), as {@link #texts} for any type. */
    public static java.sql.Array array(Connection c, String type, java.util.stream.Stream<?> values)
            throws SQLException {
        return c.createArrayOf(type, values.toArray());
    }

    /** {@code value} as a {@code jsonb} parameter: a Jackson tree, or a map, list, string or number written as JSON. */
    public static PGobject jsonb(Object value) {
        if (value == null) {
            return null;
        }
        try {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(JSON.writeValueAsString(value));
            return json;
        } catch (JsonProcessingException | SQLException e) {
            throw new IllegalArgumentException(
                    "not writable as JSON: " + value.getClass().getName(), e);
        }
    }
}
