package com.recruitdesk.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The same rule as the database's user_roles check: an institution exactly for INSTITUTION_ADMIN. */
class RoleGrantTest {
    private static final UUID INSTITUTION = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @ParameterizedTest
    @CsvSource(textBlock = """
            ADMIN,             false
            MANAGER,           false
            RECRUITER,         false
            INTERVIEWER,       false
            SALES,             false
            INSTITUTION_ADMIN, true
            """)
    void institutionIsRequiredExactlyForInstitutionAdmin(Role role, boolean needsInstitution) {
        assertThat(new RoleGrant(role, needsInstitution ? INSTITUTION : null).institutionId())
                .isEqualTo(needsInstitution ? INSTITUTION : null);
        assertThatThrownBy(() -> new RoleGrant(role, needsInstitution ? null : INSTITUTION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = "INSTITUTION_ADMIN", mode = EnumSource.Mode.EXCLUDE)
    void ofGivesAnOrganizationWideGrant(Role role) {
        assertThat(RoleGrant.of(role)).isEqualTo(new RoleGrant(role, null));
    }

    @org.junit.jupiter.api.Test
    void aGrantWithoutRoleIsRejected() {
        assertThatThrownBy(() -> new RoleGrant(null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
