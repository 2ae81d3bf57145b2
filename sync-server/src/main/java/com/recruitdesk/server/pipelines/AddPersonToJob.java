package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.NewPerson;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.people.PersonRow;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A person not yet on file, added by hand from the Pipelines pane with their application to a job,
 * in one transaction: the person (source {@code manual}, owned by who added them) and the application
 * in the first stage; the person is written by the table's one writer ({@link PersonRow}). A number or address already on file is refused with whose it is, since the
 * person is then added from their card or conversation instead.
 */
final class AddPersonToJob implements Mutator<PipelineMutations.AddPersonToJob> {
    @Override
    public MutationType<PipelineMutations.AddPersonToJob> type() {
        return PipelineMutations.ADD_PERSON_TO_JOB;
    }

    @Override
    public Access<PipelineMutations.AddPersonToJob> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.AddPersonToJob args) throws SQLException {
        if (args.candidateId() == null || args.applicationId() == null) {
            throw Rejection.invalid("A new person and application need the ids the client made for them.");
        }
        String phone = NewPerson.phone(args.phone());
        String email = NewPerson.email(args.email());
        List<String> problems = NewPerson.problems(args.fullName(), phone, email);
        if (!problems.isEmpty()) {
            throw Rejection.invalid(String.join(" ", problems));
        }
        ObjectNode job = Rows.require(ctx, "jobs", args.jobId(), "The job");
        if (Rows.exists(ctx, "select 1 from candidates where id = ?", args.candidateId())) {
            throw Rejection.invalid("A person with this id exists already.");
        }
        Optional<String> known =
                Sql.one(ctx.connection(), """
                select coalesce(full_name, whatsapp_name, email, whatsapp_id) from candidates
                 where organization_id = ? and (whatsapp_id = ? or email = ?) limit 1
                """, rs -> rs.getString(1), ctx.organizationId(), phone, email);
        if (known.isPresent()) {
            throw Rejection.invalid(known.get() + " is on file with this phone number or email already;"
                    + " add them from their card or conversation.");
        }
        String name = args.fullName().strip();
        new PersonRow()
                .id(args.candidateId())
                .organizationId(ctx.organizationId())
                .ownerUserId(ctx.userId())
                .source("manual")
                .fullName(name)
                .whatsappId(phone)
                .phone(phone)
                .email(email)
                .insert()
                .execute(ctx.connection());
        ctx.logActivity(
                Entities.CANDIDATE,
                args.candidateId(),
                "Added " + name + " by hand",
                ctx.mapper().createObjectNode().put("source", "manual"));
        ObjectNode person = ctx.mapper()
                .createObjectNode()
                .put("id", args.candidateId().toString())
                .put("full_name", name);
        CreateApplication.add(ctx, args.applicationId(), job, person, null);
    }
}
