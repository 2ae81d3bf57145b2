package com.recruitdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.pane.PaneFactory;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.protocol.sync.MutationTypes;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which panes each role gets, and in which order: the first one is open when the window shows. */
class FeaturesTest {
    private static List<String> titles(Set<Role> roles) {
        return PaneFactory.forRoles(Features.PANES, roles).stream()
                .map(PaneFactory::title)
                .toList();
    }

    @ParameterizedTest(name = "{0} sees {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RECRUITER                    | Conversations, Pipelines, Interviews, Synced data
            MANAGER                      | Conversations, Pipelines, Interviews, Administration, Synced data
            ADMIN                        | Conversations, Pipelines, Interviews, Cohorts, Administration, Synced data
            INTERVIEWER                  | Interviews, Synced data
            INSTITUTION_ADMIN            | Cohorts, Synced data
            SALES                        | Sales, Synced data
            INTERVIEWER RECRUITER        | Conversations, Pipelines, Interviews, Synced data
            """)
    void eachRoleSeesThePanesItUsesTheFirstOneOpen(String roles, String panes) {
        Set<Role> held = Arrays.stream(roles.split(" "))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));

        assertThat(titles(held)).containsExactly(panes.split(", "));
    }

    @Test
    void someoneWithoutARoleStillSeesWhatThisComputerHolds() {
        assertThat(titles(Set.of())).containsExactly("Synced data");
    }

    @Test
    void everyFeatureWithMutationsHasAtMostOnePaneThatShowsItsRejections() {
        for (MutationType<?> type : MutationTypes.ALL) {
            assertThat(Features.PANES.stream().filter(p -> p.feature().equals(java.util.Optional.of(type.feature()))))
                    .as(type.name())
                    .hasSizeLessThanOrEqualTo(1);
        }
        assertThat(Features.PANES.stream().map(PaneFactory::navigationId).distinct())
                .hasSize(Features.PANES.size());
    }
}
