package com.recruitdesk.server.auth;

import com.recruitdesk.protocol.auth.LoginRequest;
import com.recruitdesk.protocol.auth.PasswordChangeRequest;
import com.recruitdesk.protocol.auth.RefreshRequest;
import com.recruitdesk.server.platform.access.Authenticator;
import com.recruitdesk.server.platform.http.JsonBodies;
import io.javalin.http.Context;

/** The sign-in endpoints: parse, call {@link AuthService}, answer. */
public final class AuthController {
    private final AuthService service;
    private final JsonBodies bodies;

    public AuthController(AuthService service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    public void login(Context ctx) {
        LoginRequest request = bodies.read(ctx, LoginRequest.class);
        String email = JsonBodies.required(request.email(), "email");
        String password = JsonBodies.required(request.password(), "password");
        ctx.json(service.login(email, password, ctx.ip()));
    }

    public void changePassword(Context ctx) {
        PasswordChangeRequest request = bodies.read(ctx, PasswordChangeRequest.class);
        ctx.json(service.changePassword(
                JsonBodies.required(request.email(), "email"),
                JsonBodies.required(request.currentPassword(), "currentPassword"),
                JsonBodies.required(request.newPassword(), "newPassword"),
                ctx.ip()));
    }

    public void refresh(Context ctx) {
        RefreshRequest request = bodies.read(ctx, RefreshRequest.class);
        ctx.json(service.refresh(JsonBodies.required(request.refreshToken(), "refreshToken")));
    }

    public void logout(Context ctx) {
        RefreshRequest request = bodies.read(ctx, RefreshRequest.class);
        service.logout(Authenticator.principal(ctx), JsonBodies.required(request.refreshToken(), "refreshToken"));
        ctx.status(204);
    }

    public void me(Context ctx) {
        ctx.json(service.me(Authenticator.principal(ctx)));
    }
}
