package com.recruitdesk.server.persistence;

import java.util.List;

/** Every mapped entity; Hibernate validates each against the migrated schema at start. */
final class Entities {
    static final List<Class<?>> ALL = List.of(
            OrganizationEntity.class,
            UserEntity.class,
            RefreshTokenEntity.class,
            InstitutionEntity.class,
            WhatsAppAccountEntity.class,
            CandidateEntity.class,
            CandidateTagEntity.class,
            ConversationEntity.class,
            MessageEntity.class,
            JobEntity.class,
            PrescreenQuestionEntity.class,
            ApplicationEntity.class,
            ApplicationTimelineEntity.class,
            PrescreenAnswerEntity.class,
            InterviewSessionEntity.class,
            InterviewParticipantEntity.class,
            InterviewFeedbackEntity.class,
            CohortEntity.class,
            CohortEnrollmentEntity.class);

    private Entities() {}
}
