package com.recruitdesk.protocol.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.recruitdesk.protocol.auth.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The user, number and settings rules both ends apply. */
class RulesTest {
    @Test
    void emailsAreStoredTrimmedInLowerCase() {
        assertThat(UserRules.normaliseEmail("  Nomsa@Agency.Test ")).isEqualTo("nomsa@agency.test");
        assertThat(UserRules.emailProblem("nomsa@agency")).isPresent();
        assertThat(UserRules.emailProblem("nomsa@agency.test")).isEmpty();
    }

    @Test
    void rolesAreNamedInAnyCaseAndSortedInTheEnumsOrder() {
        var grants = List.of(AdminMutations.Grant.of("interviewer"), AdminMutations.Grant.of("ADMIN"));

        assertThat(UserRules.grantsProblem(grants)).isEmpty();
        assertThat(UserRules.roles(grants)).containsExactly(Role.ADMIN, Role.INTERVIEWER);
        assertThat(UserRules.label(Role.INSTITUTION_ADMIN)).isEqualTo("Institution admin");
    }

    @Test
    void aPhoneIsStoredAsE164() {
        assertThat(NumberRules.normalisePhone(" +27 (21) 555-0100 ")).isEqualTo("+27215550100");
        assertThat(NumberRules.normalisePhone("0027 21 555 0100")).isEqualTo("+27215550100");
        assertThat(NumberRules.problem(new AdminMutations.SaveWhatsAppAccount(
                        UUID.randomUUID(), "Line", "+27 21 555 0100", "simulator", null, null)))
                .isEmpty();
    }

    @Test
    void everySettingHasADefaultItsOwnRulesAccept() {
        for (String key : Settings.KEYS) {
            assertThat(Settings.problem(key, Settings.defaultValue(key)))
                    .as(key)
                    .isEmpty();
            assertThat(Settings.title(key)).as(key).isNotEqualTo(key);
        }
        assertThat(Settings.describe(Settings.FEED_RETENTION_DAYS, JsonNodeFactory.instance.numberNode(30)))
                .isEqualTo("30 days");
    }

    @Test
    void aPublicPageAddressIsASchemeAHostAndAPortWithNothingAfter() {
        assertThat(PageAddress.normalized(" HTTPS://recruit.example.org/ ")).contains("https://recruit.example.org");
        assertThat(PageAddress.normalized("http://10.0.0.5:8080")).contains("http://10.0.0.5:8080");
        assertThat(PageAddress.normalized("https://[::1]:8443")).contains("https://[::1]:8443");
        for (String wrong : new String[] {
            "recruit.example.org",
            "ftp://recruit.example.org",
            "https://recruit.example.org/jobs",
            "https://user:pw@recruit.example.org",
            "https://recruit.example.org/?a=1",
            "https://",
            "http://exa mple.org"
        }) {
            assertThat(PageAddress.normalized(wrong)).as(wrong).isEmpty();
        }
        var json = JsonNodeFactory.instance;
        assertThat(Settings.problem(Settings.PUBLIC_ADDRESS, json.textNode(""))).isEmpty();
        assertThat(Settings.problem(Settings.PUBLIC_ADDRESS, json.textNode("https://jobs.example.org")))
                .isEmpty();
        assertThat(Settings.problem(Settings.PUBLIC_ADDRESS, json.textNode("jobs.example.org")))
                .hasValueSatisfying(p -> assertThat(p).contains("such as https://"));
        assertThat(Settings.problem(Settings.PUBLIC_ADDRESS, json.numberNode(80)))
                .isPresent();
    }
}
