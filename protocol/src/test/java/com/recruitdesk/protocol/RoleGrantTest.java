package com.recruitdesk.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoleGrantTest {
    @Test
    void institutionAdminMustNameItsInstitution() {
        assertThatThrownBy(() -> RoleGrant.of(Role.INSTITUTION_ADMIN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherRolesMustNotNameAnInstitution() {
        assertThatThrownBy(() -> new RoleGrant(Role.RECRUITER, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void institutionAdminWithItsInstitutionIsAccepted() {
        UUID institution = UUID.randomUUID();
        assertThat(new RoleGrant(Role.INSTITUTION_ADMIN, institution).institutionId())
                .isEqualTo(institution);
    }
}
