package com.recruitdesk.server.persistence;

import java.util.List;

/** Every mapped entity; Hibernate validates each against the migrated schema at start. */
final class Entities {
    static final List<Class<?>> ALL = List.of(OrganizationEntity.class, UserEntity.class, RefreshTokenEntity.class);

    private Entities() {}
}
