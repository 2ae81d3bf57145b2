package com.recruitdesk.server.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the person a WhatsApp user is, by whichever ids Meta sent (decision 0015): the
 * business-scoped user id first, then the phone number. It fills in the id a person lacked, keeps
 * the profile name and username current, and never makes a second person for one WhatsApp user:
 *
 * <ul>
 *   <li>nobody holds either id: a new person with both;
 *   <li>one person holds one id, nobody the other: that person, with the other id added (a number
 *       Meta now pairs with their user id replaces the one on file);
 *   <li>the phone's holder has no user id yet, the user id's holder is someone else: they are one
 *       WhatsApp user recorded twice (before and after user ids, or while the number was hidden);
 *       the younger record is merged into the older ({@link PersonMerge});
 *   <li>the phone's holder has another user id: the number now belongs to another WhatsApp user
 *       (Meta gives a new user id with a new number), so it moves from the old holder to this one.
 * </ul>
 *
 * All on the caller's connection and transaction; rows are locked (in id order) only when
 * something changes, so the usual case costs one read.
 */
public final class People {
    private static final int ATTEMPTS = 3;

    private People() {}

    /** A person as far as WhatsApp identity goes. */
    record Person(
            UUID id,
            String whatsappId,
            String userId,
            String parentUserId,
            String username,
            String name,
            Instant createdAt) {
        boolean holdsEvery(WhatsAppIdentity who) {
            return (who.userId() == null || who.userId().equals(userId))
                    && (who.phone() == null || who.phone().equals(whatsappId));
        }
    }

    /** The person found; {@code created} when made by this call (they have no conversation yet). */
    public record Found(UUID id, boolean created) {}

    /** The person {@code who} is, found or made; empty when Meta named them by no usable id. */
    public static Optional<Found> resolve(Connection c, UUID organization, WhatsAppIdentity who) throws SQLException {
        return resolve(c, organization, who, true);
    }

    /**
     * What a status teaches about the person a message went to: their missing id, their username.
     * Never makes a person (a status names someone we wrote to, who exists).
     */
    public static void learn(Connection c, UUID organization, WhatsAppIdentity who) throws SQLException {
        if (who.userId() != null || who.username() != null) {
            resolve(c, organization, who, false);
        }
    }

    private static Optional<Found> resolve(Connection c, UUID organization, WhatsAppIdentity who, boolean mayCreate)
            throws SQLException {
        if (!who.attributable()) {
            return Optional.empty();
        }
        for (int attempt = 1; ; attempt++) {
            List<Person> found = find(c, organization, who, false);
            if (found.size() == 1 && found.getFirst().holdsEvery(who)) {
                Person p = found.getFirst();
                refresh(c, p, who);
                return Optional.of(new Found(p.id(), false));
            }
            if (found.isEmpty() && !mayCreate) {
                return Optional.empty();
            }
            Optional<Found> id = found.isEmpty()
                    ? create(c, organization, who).map(made -> new Found(made, true))
                    : reconcile(c, organization, who, mayCreate);
            if (id.isPresent() || !mayCreate) {
                return id;
            }
            if (attempt == ATTEMPTS) {
                // Only a storm of concurrent changes to the same ids gets here; the webhook is retried.
                throw new SQLException("could not settle the WhatsApp identity " + who, "40001");
            }
        }
    }

    /** Decides on locked rows; empty when they changed under us and the caller should look again. */
    private static Optional<Found> reconcile(Connection c, UUID organization, WhatsAppIdentity who, boolean mayCreate)
            throws SQLException {
        List<Person> locked = find(c, organization, who, true);
        Person byUserId = holding(locked, who.userId(), true);
        Person byPhone = holding(locked, who.phone(), false);
        if (byUserId == null && byPhone == null) {
            return Optional.empty();
        }
        if (byUserId != null && byPhone != null && !byUserId.id().equals(byPhone.id())) {
            if (byPhone.userId() == null) {
                boolean phoneIsOlder = byPhone.createdAt().isBefore(byUserId.createdAt());
                Person survivor = phoneIsOlder ? byPhone : byUserId;
                Person absorbed = phoneIsOlder ? byUserId : byPhone;
                PersonMerge.merge(c, organization, survivor, absorbed, who);
                return Optional.of(new Found(survivor.id(), false));
            }
            takeNumber(c, byPhone);
            update(c, byUserId, who);
            numberMoved(c, organization, byPhone, byUserId.id());
            return Optional.of(new Found(byUserId.id(), false));
        }
        if (byUserId != null) {
            update(c, byUserId, who);
            return Optional.of(new Found(byUserId.id(), false));
        }
        if (who.userId() == null || byPhone.userId() == null) {
            update(c, byPhone, who);
            return Optional.of(new Found(byPhone.id(), false));
        }
        // The number's holder is another WhatsApp user: the number moves to a new person.
        if (!mayCreate) {
            return Optional.empty();
        }
        takeNumber(c, byPhone);
        Optional<UUID> created = create(c, organization, who);
        if (created.isPresent()) {
            numberMoved(c, organization, byPhone, created.get());
        }
        return created.map(made -> new Found(made, true));
    }

    private static Person holding(List<Person> people, String key, boolean userId) {
        if (key == null) {
            return null;
        }
        for (Person p : people) {
            if (key.equals(userId ? p.userId() : p.whatsappId())) {
                return p;
            }
        }
        return null;
    }

    private static List<Person> find(Connection c, UUID organization, WhatsAppIdentity who, boolean lock)
            throws SQLException {
        // Two probes of the two unique keys, not one OR: a prepared statement's generic plan would
        // otherwise filter every person of the organization.
        try (PreparedStatement ps = c.prepareStatement("""
                select id, whatsapp_id, whatsapp_user_id, whatsapp_parent_user_id, whatsapp_username, whatsapp_name,
                       created_at
                  from candidates
                 where id in (select id from candidates where organization_id = ? and whatsapp_user_id = ?
                              union all
                              select id from candidates where organization_id = ? and whatsapp_id = ?)
                 order by id
                """ + (lock ? " for update" : ""))) {
            ps.setObject(1, organization);
            ps.setString(2, who.userId());
            ps.setObject(3, organization);
            ps.setString(4, who.phone());
            List<Person> people = new ArrayList<>(2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    people.add(person(rs));
                }
            }
            return people;
        }
    }

    /** A person from columns 1–7 of {@code rs}: id, the WhatsApp ids and names, created_at. */
    static Person person(ResultSet rs) throws SQLException {
        return new Person(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    /** A new person; empty when another transaction took one of the ids meanwhile. */
    private static Optional<UUID> create(Connection c, UUID organization, WhatsAppIdentity who) throws SQLException {
        return new PersonRow()
                .organizationId(organization)
                .whatsappId(who.phone())
                .whatsappUserId(who.userId())
                .whatsappParentUserId(who.parentUserId())
                .whatsappUsername(who.username())
                .whatsappName(who.profileName())
                .phone(who.phone())
                .source("whatsapp")
                .insert()
                .orSkip()
                .returningId(c);
    }

    /** Keeps the names current; writes only when one changed, so a redelivery changes nothing. */
    private static void refresh(Connection c, Person p, WhatsAppIdentity who) throws SQLException {
        if (changes(p.name(), who.profileName())
                || changes(p.username(), who.username())
                || changes(p.parentUserId(), who.parentUserId())) {
            update(c, p, who);
        }
    }

    private static boolean changes(String current, String offered) {
        return offered != null && !offered.equals(current);
    }

    /** Gives {@code p} every id and name {@code who} carries (ids no one else holds by now). */
    static void update(Connection c, Person p, WhatsAppIdentity who) throws SQLException {
        String whatsappId = who.phone() != null ? who.phone() : p.whatsappId();
        String userId = who.userId() != null ? who.userId() : p.userId();
        String parent = who.parentUserId() != null ? who.parentUserId() : p.parentUserId();
        String username = who.username() != null ? who.username() : p.username();
        String name = who.profileName() != null ? who.profileName() : p.name();
        if (Objects.equals(whatsappId, p.whatsappId())
                && Objects.equals(userId, p.userId())
                && Objects.equals(parent, p.parentUserId())
                && Objects.equals(username, p.username())
                && Objects.equals(name, p.name())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update candidates
                   set whatsapp_id = ?, whatsapp_user_id = ?, whatsapp_parent_user_id = ?, whatsapp_username = ?,
                       whatsapp_name = ?, phone = coalesce(phone, ?)
                 where id = ?
                """)) {
            ps.setString(1, whatsappId);
            ps.setString(2, userId);
            ps.setString(3, parent);
            ps.setString(4, username);
            ps.setString(5, name);
            ps.setString(6, whatsappId);
            ps.setObject(7, p.id());
            ps.executeUpdate();
        }
    }

    /**
     * Takes the number from {@code holder}, whose own user id shows it is another WhatsApp user;
     * they keep their user id, conversations and everything else.
     */
    private static void takeNumber(Connection c, Person holder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update candidates set whatsapp_id = null where id = ?")) {
            ps.setObject(1, holder.id());
            ps.executeUpdate();
        }
    }

    private static void numberMoved(Connection c, UUID organization, Person holder, UUID newHolder)
            throws SQLException {
        IdentityLog.write(
                c,
                organization,
                holder.id(),
                "whatsapp.number_moved",
                "info",
                "WhatsApp now gives " + holder.whatsappId()
                        + " to another WhatsApp user, so the number was taken off this person.",
                "number",
                holder.whatsappId(),
                "newHolderId",
                newHolder.toString());
    }
}
