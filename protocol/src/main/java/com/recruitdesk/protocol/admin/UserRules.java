package com.recruitdesk.protocol.admin;

import com.recruitdesk.protocol.auth.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of a user both ends apply: the desktop says what is wrong before it queues a change,
 * the server checks again because it decides. Each check answers the sentence a person reads, or
 * nothing when the value is good.
 */
public final class UserRules {
    /** The roles of the seeds, in the order the desktop offers them. */
    public static final List<Role> ROLES = List.of(Role.values());

    /** As long as the first administrator's (RD_ADMIN_PASSWORD). */
    public static final int MIN_PASSWORD = 10;

    public static final int MAX_PASSWORD = 200;
    public static final int MAX_NAME = 200;
    public static final int MAX_EMAIL = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private UserRules() {}

    /** An email as it is stored: trimmed, lower case. */
    public static String normaliseEmail(String typed) {
        return typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<String> emailProblem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("Give the user's email address: they sign in with it.");
        }
        if (normalised.length() > MAX_EMAIL || !EMAIL.matcher(normalised).matches()) {
            return Optional.of("'" + normalised + "' is not an email address.");
        }
        return Optional.empty();
    }

    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("Give the user's full name.");
        }
        if (name.strip().length() > MAX_NAME) {
            return Optional.of("The name is longer than " + MAX_NAME + " characters.");
        }
        return Optional.empty();
    }

    public static Optional<String> passwordProblem(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return Optional.of("A password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > MAX_PASSWORD) {
            return Optional.of("A password has at most " + MAX_PASSWORD + " characters.");
        }
        if (password.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        return Optional.empty();
    }

    /**
     * What is wrong with a set of roles: none, an unknown or repeated role, an institution admin
     * without an institution, or an institution given to another role.
     */
    public static Optional<String> grantsProblem(List<AdminMutations.Grant> grants) {
        if (grants == null || grants.isEmpty()) {
            return Optional.of("Give the user at least one role.");
        }
        Set<Role> seen = EnumSet.noneOf(Role.class);
        for (AdminMutations.Grant g : grants) {
            Optional<Role> role = role(g == null ? null : g.role());
            if (role.isEmpty()) {
                return Optional.of("'" + (g == null ? null : g.role()) + "' is not a role; the roles are "
                        + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")) + ".");
            }
            if (!seen.add(role.get())) {
                return Optional.of("The role " + role.get() + " is given twice.");
            }
            boolean institutional = role.get() == Role.INSTITUTION_ADMIN;
            if (institutional && g.institutionId() == null) {
                return Optional.of("An institution admin needs the institution whose cohorts they manage.");
            }
            if (!institutional && g.institutionId() != null) {
                return Optional.of("Only an institution admin belongs to an institution; " + role.get()
                        + " is for the whole organization.");
            }
        }
        return Optional.empty();
    }

    /** The role named {@code name}, if it is one. */
    public static Optional<Role> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The roles of good {@code grants} (see {@link #grantsProblem}), in the enum's order. */
    public static List<Role> roles(List<AdminMutations.Grant> grants) {
        List<Role> roles = new ArrayList<>();
        for (AdminMutations.Grant g : grants) {
            role(g.role()).ifPresent(roles::add);
        }
        roles.sort(null);
        return roles;
    }

    /** A role as people read it: "Institution admin". */
    public static String label(Role role) {
        String words = role.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
