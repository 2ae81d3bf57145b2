package com.recruitdesk.server.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.protocol.auth.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's own rules: an entry per user until their access changes, and no stale fill after a change. */
class AccessCacheTest {
    private final AccessCache cache = new AccessCache();
    private final UUID user = UUID.randomUUID();
    private final UUID organization = UUID.randomUUID();

    private CurrentUser as(Role role, long epoch) {
        return new CurrentUser(
                user, organization, true, List.of(new com.recruitdesk.protocol.auth.RoleGrant(role, null)), epoch);
    }

    @Test
    void readsOnceUntilTheUsersAccessChanges() {
        AtomicInteger reads = new AtomicInteger();

        cache.get(user, () -> {
            reads.incrementAndGet();
            return Optional.of(as(Role.RECRUITER, 1));
        });
        Optional<CurrentUser> again = cache.get(user, () -> {
            reads.incrementAndGet();
            return Optional.of(as(Role.RECRUITER, 1));
        });
        cache.forget(user);
        Optional<CurrentUser> after = cache.get(user, () -> {
            reads.incrementAndGet();
            return Optional.of(as(Role.INTERVIEWER, 2));
        });

        assertThat(reads).hasValue(2);
        assertThat(again.orElseThrow().accessEpoch()).isEqualTo(1);
        assertThat(after.orElseThrow().roles()).extracting(g -> g.role()).containsExactly(Role.INTERVIEWER);
    }

    @Test
    void aReadOverlappingAChangeIsAnsweredButNotKept() {
        // The read saw the old roles; the change's notice came while it ran: the next request reads again.
        Optional<CurrentUser> raced = cache.get(user, () -> {
            cache.forget(user);
            return Optional.of(as(Role.RECRUITER, 1));
        });
        Optional<CurrentUser> next = cache.get(user, () -> Optional.of(as(Role.INTERVIEWER, 2)));

        assertThat(raced.orElseThrow().accessEpoch()).isEqualTo(1);
        assertThat(next.orElseThrow().accessEpoch()).isEqualTo(2);
    }

    @Test
    void aMissingUserIsNotKeptAndForgetAllEmptiesIt() {
        assertThat(cache.get(user, Optional::empty)).isEmpty();
        assertThat(cache.size()).isZero();

        cache.get(user, () -> Optional.of(as(Role.RECRUITER, 1)));
        assertThat(cache.size()).isEqualTo(1);
        cache.forgetAll();
        assertThat(cache.size()).isZero();
    }
}
