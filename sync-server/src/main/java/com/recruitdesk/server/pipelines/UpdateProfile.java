package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.ProfileFields;
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
 * The candidate's master profile edited (seed 002 sections A–G), merged field by field; a field
 * that has a freshness timestamp (current CTC, notice period, skills, ...) renews it when its value
 * really changes, so the bot and the recruiter know how old each answer is.
 */
final class UpdateProfile implements Mutator<PipelineMutations.UpdateProfile> {
    @Override
    public MutationType<PipelineMutations.UpdateProfile> type() {
        return PipelineMutations.UPDATE_PROFILE;
    }

    @Override
    public Access<PipelineMutations.UpdateProfile> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.UpdateProfile args) throws SQLException {
        FieldEdit edit = FieldEdit.read(args.changes(), ProfileFields.ALL);
        ObjectNode person = Rows.require(ctx, "candidates", args.candidateId(), "The candidate");
        edit.checkConflicts(ctx, Entities.CANDIDATE, person, args.baseVersion());
        List<FieldSpec> changed = edit.changedFrom(person);
        if (changed.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(ctx.now(), ZoneOffset.UTC);
        Map<String, Object> fresh = new LinkedHashMap<>();
        for (FieldSpec spec : changed) {
            String stamp = ProfileFields.FRESHNESS.get(spec.name());
            if (stamp != null) {
                fresh.put(snake(stamp), now);
            }
        }
        edit.write(ctx, "candidates", args.candidateId(), fresh);
        ctx.logActivity(
                Entities.CANDIDATE,
                args.candidateId(),
                "Updated the profile of " + CreateApplication.name(person) + ": "
                        + String.join(
                                ", ", changed.stream().map(FieldSpec::label).toList()),
                edit.details(ctx, person.path("version").asLong() + 1));
    }

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
