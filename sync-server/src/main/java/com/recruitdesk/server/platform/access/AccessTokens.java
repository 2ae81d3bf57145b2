package com.recruitdesk.server.platform.access;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.recruitdesk.protocol.ErrorCodes;
import com.recruitdesk.protocol.auth.Role;
import com.recruitdesk.protocol.auth.RoleGrant;
import com.recruitdesk.server.platform.http.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Short-lived access tokens: JWTs signed with HMAC-SHA256 under a key that all server instances
 * share through the database. Roles ride in the token, so a role change takes effect at the next
 * refresh, at most {@link #TTL} later.
 */
public final class AccessTokens {
    public static final Duration TTL = Duration.ofMinutes(15);
    private static final String ISSUER = "recruitdesk";

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Clock clock;

    public AccessTokens(byte[] key, Clock clock) {
        this.algorithm = Algorithm.HMAC256(key);
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)).build(clock);
    }

    public record Issued(String token, Instant expiresAt) {}

    /** A token proving {@code who} until {@link #TTL} from now. */
    public Issued issue(Principal who) {
        return issue(who, clock.instant(), UUID.randomUUID());
    }

    /** A token issued at {@code at} with id {@code jti}: the same inputs sign the same token. */
    public Issued issue(Principal who, Instant at, UUID jti) {
        Instant now = at;
        Instant expires = now.plus(TTL);
        String token = JWT.create()
                .withIssuer(ISSUER)
                .withSubject(who.userId().toString())
                .withClaim("org", who.organizationId().toString())
                .withClaim(
                        "roles", who.roles().stream().map(AccessTokens::encode).toList())
                .withIssuedAt(now)
                .withExpiresAt(expires)
                .withJWTId(jti.toString())
                .sign(algorithm);
        return new Issued(token, expires);
    }

    /** The caller proven by {@code token}; a 401 for anything expired, forged or malformed. */
    public Principal verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            List<RoleGrant> roles = jwt.getClaim("roles").asList(String.class).stream()
                    .map(AccessTokens::decode)
                    .toList();
            return new Principal(
                    UUID.fromString(jwt.getSubject()),
                    UUID.fromString(jwt.getClaim("org").asString()),
                    roles);
        } catch (TokenExpiredException e) {
            throw new ApiException(401, ErrorCodes.TOKEN_EXPIRED, "The access token has expired; refresh it.");
        } catch (JWTVerificationException | IllegalArgumentException | NullPointerException e) {
            throw new ApiException(401, ErrorCodes.UNAUTHORIZED, "The access token is not valid.");
        }
    }

    private static String encode(RoleGrant grant) {
        return grant.institutionId() == null
                ? grant.role().name()
                : grant.role().name() + ":" + grant.institutionId();
    }

    private static RoleGrant decode(String text) {
        int colon = text.indexOf(':');
        return colon < 0
                ? RoleGrant.of(Role.valueOf(text))
                : new RoleGrant(Role.valueOf(text.substring(0, colon)), UUID.fromString(text.substring(colon + 1)));
    }
}
