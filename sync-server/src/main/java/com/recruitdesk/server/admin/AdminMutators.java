package com.recruitdesk.server.admin;

import com.recruitdesk.protocol.admin.AdminMutations;
import com.recruitdesk.server.auth.PasswordHasher;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.whatsapp.MetaBusiness;
import java.util.List;

/**
 * The Administration feature's mutators, one per type of {@link AdminMutations}: passwords are hashed
 * with {@code hasher}, numbers and templates checked and submitted with {@code meta}.
 */
public final class AdminMutators {
    private AdminMutators() {}

    public static List<Mutator<?>> all(PasswordHasher hasher, MetaBusiness meta) {
        return List.of(
                new InviteUser(hasher),
                new SetUserRoles(),
                new SetUserActive(),
                new ResetUserPassword(hasher),
                new SaveWhatsAppAccount(meta),
                new SetWhatsAppAccountStatus(),
                new CreateTemplate(meta),
                new DeleteTemplate(meta),
                new SaveSetting());
    }
}
