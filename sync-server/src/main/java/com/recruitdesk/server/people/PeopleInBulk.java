package com.recruitdesk.server.people;

import com.recruitdesk.server.platform.db.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The people a batch of webhooks names, found in one statement and the new ones made in one more
 * (decision 0051), for the plain cases only: a WhatsApp user whom exactly one person holds by every
 * id Meta sent, names unchanged, or whom nobody holds yet. Anything else (an id to add, a name to
 * keep current, two records to merge, a number that moved) is {@link People#resolve}'s, so the
 * caller then applies its webhooks one by one; so is a new person another transaction made meanwhile.
 */
public final class PeopleInBulk {
    private PeopleInBulk() {}

    /** A person found or made, with their conversation on {@code account} if they have one there. */
    public record Found(UUID id, Optional<UUID> conversation) {}

    /**
     * Every one of {@code who} found or made; empty when one of them is not a plain case (the caller
     * then rolls back whatever this wrote).
     */
    public static Optional<Map<WhatsAppIdentity, Found>> resolve(
            Connection c, UUID organization, UUID account, List<WhatsAppIdentity> who) throws SQLException {
        List<Held> held = find(c, organization, account, who);
        Map<WhatsAppIdentity, Found> found = new LinkedHashMap<>();
        List<WhatsAppIdentity> unknown = new ArrayList<>();
        for (WhatsAppIdentity w : who) {
            List<Held> holders = new ArrayList<>(1);
            for (Held h : held) {
                if ((w.userId() != null && w.userId().equals(h.person().userId()))
                        || (w.phone() != null && w.phone().equals(h.person().whatsappId()))) {
                    holders.add(h);
                }
            }
            if (holders.isEmpty()) {
                unknown.add(w);
            } else if (holders.size() == 1 && plainlyHeldBy(holders.getFirst().person(), w)) {
                found.put(
                        w,
                        new Found(
                                holders.getFirst().person().id(),
                                holders.getFirst().conversation()));
            } else {
                return Optional.empty();
            }
        }
        if (!unknown.isEmpty()) {
            Map<WhatsAppIdentity, UUID> made = create(c, organization, unknown);
            if (made.size() < unknown.size()) {
                return Optional.empty(); // someone made one of them meanwhile: People.resolve settles it
            }
            made.forEach((w, id) -> found.put(w, new Found(id, Optional.empty())));
        }
        return Optional.of(found);
    }

    /** {@code p} holds every id {@code who} carries, and {@link People#resolve} would write nothing to them. */
    private static boolean plainlyHeldBy(People.Person p, WhatsAppIdentity who) {
        return p.holdsEvery(who)
                && unchanged(p.name(), who.profileName())
                && unchanged(p.username(), who.username())
                && unchanged(p.parentUserId(), who.parentUserId());
    }

    private static boolean unchanged(String current, String offered) {
        return offered == null || offered.equals(current);
    }

    private record Held(People.Person person, Optional<UUID> conversation) {}

    private static List<Held> find(Connection c, UUID organization, UUID account, List<WhatsAppIdentity> who)
            throws SQLException {
        // The two unique keys probed with arrays: one plan, whatever the number of people.
        try (PreparedStatement ps = c.prepareStatement("""
                select p.id, p.whatsapp_id, p.whatsapp_user_id, p.whatsapp_parent_user_id, p.whatsapp_username,
                       p.whatsapp_name, p.created_at,
                       (select v.id from conversations v where v.whatsapp_account_id = ? and v.candidate_id = p.id)
                  from candidates p
                 where p.id in (select id from candidates where organization_id = ? and whatsapp_user_id = any(?)
                                union all
                                select id from candidates where organization_id = ? and whatsapp_id = any(?))
                """)) {
            ps.setObject(1, account);
            ps.setObject(2, organization);
            ps.setArray(3, Sql.texts(c, who.stream().map(WhatsAppIdentity::userId)));
            ps.setObject(4, organization);
            ps.setArray(5, Sql.texts(c, who.stream().map(WhatsAppIdentity::phone)));
            List<Held> held = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.add(new Held(People.person(rs), Optional.ofNullable(rs.getObject(8, UUID.class))));
                }
            }
            return held;
        }
    }

    /** New people, as {@link People#resolve} makes one; a person whose ids were taken meanwhile is left out. */
    private static Map<WhatsAppIdentity, UUID> create(Connection c, UUID organization, List<WhatsAppIdentity> who)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into candidates (organization_id, whatsapp_id, whatsapp_user_id, whatsapp_parent_user_id,
                                        whatsapp_username, whatsapp_name, phone, source)
                select ?, u.phone, u.user_id, u.parent_user_id, u.username, u.name, u.phone, 'whatsapp'
                  from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                       with ordinality as u(phone, user_id, parent_user_id, username, name, n)
                 order by u.n
                on conflict do nothing
                returning id, whatsapp_id, whatsapp_user_id
                """)) {
            ps.setObject(1, organization);
            ps.setArray(2, Sql.texts(c, who.stream().map(WhatsAppIdentity::phone)));
            ps.setArray(3, Sql.texts(c, who.stream().map(WhatsAppIdentity::userId)));
            ps.setArray(4, Sql.texts(c, who.stream().map(WhatsAppIdentity::parentUserId)));
            ps.setArray(5, Sql.texts(c, who.stream().map(WhatsAppIdentity::username)));
            ps.setArray(6, Sql.texts(c, who.stream().map(WhatsAppIdentity::profileName)));
            Map<String, UUID> byKey = new HashMap<>();
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    UUID id = rs.getObject(1, UUID.class);
                    String userId = rs.getString(3);
                    byKey.put(userId != null ? "u" + userId : "p" + rs.getString(2), id);
                }
            }
            Map<WhatsAppIdentity, UUID> made = new LinkedHashMap<>();
            if (rows < who.size()) {
                return made; // two of them name one person, or one was made meanwhile
            }
            for (WhatsAppIdentity w : who) {
                UUID id = byKey.get(w.userId() != null ? "u" + w.userId() : "p" + w.phone());
                if (id != null) {
                    made.put(w, id);
                }
            }
            return made;
        }
    }
}
