package com.recruitdesk.app.pane;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.Feature;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How the main window gets a pane: its title in the navigation, the roles whose users see it, the
 * feature whose mutations' rejections it shows (none for a pane that changes nothing), and how it
 * is made. Each feature package declares its own (e.g. {@code ConversationsPane.FACTORY}); the app
 * lists them in the order the navigation shows them.
 */
public record PaneFactory(
        String title, Set<Role> roles, Optional<Feature> feature, Function<PaneContext, ? extends Pane> create) {
    /** Every role: a pane everyone sees. */
    public static final Set<Role> EVERYONE = Set.copyOf(EnumSet.allOf(Role.class));

    public PaneFactory {
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException(title + " is shown to nobody");
        }
    }

    public static PaneFactory of(
            String title, Set<Role> roles, Feature feature, Function<PaneContext, ? extends Pane> create) {
        return new PaneFactory(title, roles, Optional.of(feature), create);
    }

    /** A pane that owns no mutations. */
    public static PaneFactory readOnly(String title, Set<Role> roles, Function<PaneContext, ? extends Pane> create) {
        return new PaneFactory(title, roles, Optional.empty(), create);
    }

    /** True when someone holding {@code held} uses this pane (one for {@link #EVERYONE} also without a role). */
    public boolean shownTo(Set<Role> held) {
        return roles.equals(EVERYONE) || held.stream().anyMatch(roles::contains);
    }

    /** The id of its navigation button: "Synced data" → {@code nav-synced-data}. */
    public String navigationId() {
        return "nav-" + title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /** The panes of {@code all} that someone holding {@code held} uses, in order. */
    public static List<PaneFactory> forRoles(List<PaneFactory> all, Set<Role> held) {
        return all.stream().filter(f -> f.shownTo(held)).toList();
    }
}
