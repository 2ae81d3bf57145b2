package com.recruitdesk.server.platform.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.Json;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.server.platform.access.Principal;
import com.recruitdesk.server.support.SyncFixture;
import com.recruitdesk.server.support.TestPostgres;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reads sent behind a savepoint's statements in one round trip are answered, in order, once each;
 * a run's reads of one shape go as one statement and answer as each query on its own (decision 0050).
 */
@Tag("database")
class ReadsAheadTest {
    @Test
    void readsBehindTheSavepointAreAnsweredOnceAndTheRestReadAsBefore() throws Exception {
        try (Connection c = SyncFixture.connect(TestPostgres.migratedDatabase())) {
            c.setAutoCommit(false);
            ReadsAhead ahead = new ReadsAhead();
            ahead.add("select 'first'");
            ahead.add("select 'none' where false");
            ahead.add("select null::text");
            ahead.runAfter(c, "savepoint a; release savepoint a; savepoint b");
            MutationContext ctx = context(c, UUID.randomUUID(), ahead);

            assertThat(ReadsAhead.take(ctx, "select 'first'")).hasValue(Optional.of("first"));
            assertThat(ReadsAhead.take(ctx, "select 'first'")).as("taken once").isEmpty();
            assertThat(ReadsAhead.take(ctx, "select 'none' where false")).hasValue(Optional.empty());
            assertThat(ReadsAhead.take(ctx, "select null::text")).hasValue(Optional.empty());
            assertThat(ReadsAhead.take(ctx, "select 'never read ahead'")).isEmpty();
            // The savepoint was opened before the reads: rolling back to it works.
            c.createStatement().execute("rollback to savepoint b");
            c.rollback();
        }
    }

    /** A mutation's context in {@code organization} with what was read ahead for it. */
    private static MutationContext context(Connection c, UUID organization, ReadsAhead ahead) {
        return new MutationContext(
                c,
                new Principal(UUID.randomUUID(), organization, List.of()),
                UUID.randomUUID(),
                ConversationMutations.MARK_READ,
                Json.newMapper(),
                Instant.now(),
                null,
                null,
                ahead);
    }

    /** A connection that keeps the text of every statement executed on it. */
    private static Connection recording(Connection c, List<String> executed) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(method, c, args);
                    if (!method.getName().equals("createStatement")) {
                        return result;
                    }
                    java.sql.Statement statement = (java.sql.Statement) result;
                    return java.lang.reflect.Proxy.newProxyInstance(
                            Connection.class.getClassLoader(), new Class<?>[] {java.sql.Statement.class}, (p, m, a) -> {
                                if (m.getName().equals("execute")) {
                                    executed.add((String) a[0]);
                                }
                                return invoke(m, statement, a);
                            });
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Optional<String> alone(Connection c, String query) throws java.sql.SQLException {
        try (var s = c.createStatement();
                var rs = s.executeQuery(query)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    @Test
    void aRunsReadsOfOneShapeAreOneStatementAndAnswerAsEachOnItsOwn() throws Exception {
        try (Connection c = SyncFixture.connect(TestPostgres.migratedDatabase())) {
            c.setAutoCommit(false);
            UUID ours = SyncFixture.insert(c, "insert into organizations (name) values ('Ours') returning id");
            UUID theirs = SyncFixture.insert(c, "insert into organizations (name) values ('Theirs') returning id");
            String line =
                    "insert into whatsapp_accounts (organization_id, display_name, phone) values (?, 'Line', ?) returning id";
            UUID first = SyncFixture.insert(c, line, ours, "+27110000001");
            UUID second = SyncFixture.insert(c, line, ours, "+27110000002");
            UUID theirLine = SyncFixture.insert(c, line, theirs, "+27110000003");
            UUID missing = UUID.randomUUID();
            c.createStatement()
                    .execute("update whatsapp_accounts set connection_status = 'disconnected' where id = '" + second
                            + "'");
            // A shape of two keys: is the line of that organization, and how is it connected?
            String together = "select k.n, (select connection_status from whatsapp_accounts where id = k.k1"
                    + " and organization_id = k.k2) from " + FirstRead.KEYS;
            java.util.function.BiFunction<UUID, UUID, FirstRead> status = (id, org) -> FirstRead.together(
                    "select connection_status from whatsapp_accounts where id = " + ReadsAhead.literal(id)
                            + " and organization_id = " + ReadsAhead.literal(org),
                    together,
                    id,
                    org);
            List<List<FirstRead>> mutations = List.of(
                    List.of(Rows.lockRead("whatsapp_accounts", first, ours), status.apply(first, ours)),
                    List.of(Rows.lockRead("whatsapp_accounts", theirLine, ours), status.apply(theirLine, ours)),
                    List.of(Rows.lockRead("whatsapp_accounts", missing, ours), status.apply(missing, ours)),
                    List.of(Rows.lockRead("whatsapp_accounts", second, ours), status.apply(second, ours)),
                    List.of(Rows.lockRead("whatsapp_accounts", first, ours), FirstRead.of("select 'on its own'")));
            List<ReadsAhead> owners = new java.util.ArrayList<>();
            for (List<FirstRead> reads : mutations) {
                ReadsAhead ahead = new ReadsAhead();
                reads.forEach(ahead::add);
                owners.add(ahead);
            }
            List<String> executed = new java.util.ArrayList<>();

            ReadsAhead.runAll(recording(c, executed), "savepoint a", owners);

            assertThat(executed).hasSize(1);
            assertThat(executed.getFirst().split("; "))
                    .as("the savepoint, the locks together, the statuses together, the query on its own")
                    .hasSize(4);
            List<Optional<String>> locks = new java.util.ArrayList<>();
            for (int i = 0; i < mutations.size(); i++) {
                MutationContext ctx = context(c, ours, owners.get(i));
                for (FirstRead read : mutations.get(i)) {
                    Optional<Optional<String>> answer = ReadsAhead.take(ctx, read.query());
                    assertThat(answer).as(read.query()).hasValue(alone(c, read.query()));
                    if (read.together() != null && read.query().startsWith("select to_jsonb")) {
                        locks.add(answer.get());
                    }
                }
            }
            assertThat(locks.stream().map(Optional::isPresent))
                    .as("our lines are found, theirs and a missing one are not")
                    .containsExactly(true, false, false, true, true);
            assertThat(locks.get(0).orElseThrow()).contains(first.toString());
            c.rollback();
        }
    }
}
