package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.ApplicationFields;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's detail edited: follow-up, approval, submitted to client, match score and
 * summary, merged field by field; each changed field is an entry of the application's timeline.
 */
final class UpdateApplication implements Mutator<PipelineMutations.UpdateApplication> {
    @Override
    public MutationType<PipelineMutations.UpdateApplication> type() {
        return PipelineMutations.UPDATE_APPLICATION;
    }

    @Override
    public Access<PipelineMutations.UpdateApplication> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.UpdateApplication args) throws SQLException {
        FieldEdit edit = FieldEdit.read(args.changes(), ApplicationFields.ALL);
        ObjectNode application = Rows.require(ctx, "applications", args.applicationId(), "The application");
        edit.checkConflicts(ctx, Entities.APPLICATION, application, args.baseVersion());
        List<FieldSpec> changed = edit.changedFrom(application);
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        if (changed.stream().anyMatch(f -> f.name().equals("submittedToClient"))) {
            boolean submitted = edit.changes().path("submittedToClient").asBoolean(false);
            extra.put("submitted_to_client_at", submitted ? OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC) : null);
        }
        edit.write(ctx, "applications", args.applicationId(), extra);
        for (FieldSpec spec : changed) {
            new Timeline(
                            null,
                            ctx.organizationId(),
                            args.applicationId(),
                            spec.column(),
                            FieldEdit.text(application.get(spec.column())),
                            FieldEdit.text(edit.changes().get(spec.name())),
                            ctx.userId(),
                            null,
                            null)
                    .append(ctx.connection(), ctx.now());
        }
        ctx.logActivity(
                Entities.APPLICATION,
                args.applicationId(),
                "Changed "
                        + String.join(
                                ", ", changed.stream().map(FieldSpec::label).toList()),
                edit.details(ctx, application.path("version").asLong() + 1));
    }
}
