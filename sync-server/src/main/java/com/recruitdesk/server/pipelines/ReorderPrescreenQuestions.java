package com.recruitdesk.server.pipelines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.db.Sql;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rejection;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The order a job's prescreen questions are asked in. Only the order changes, so no score is worked
 * out again; the questions are numbered 1, 2, 3... in the new order, and only those whose number
 * moved are written. The job is locked, so two reorders of one job apply one after the other.
 */
final class ReorderPrescreenQuestions implements Mutator<PipelineMutations.ReorderPrescreenQuestions> {
    @Override
    public MutationType<PipelineMutations.ReorderPrescreenQuestions> type() {
        return PipelineMutations.REORDER_PRESCREEN_QUESTIONS;
    }

    @Override
    public Access<PipelineMutations.ReorderPrescreenQuestions> access() {
        return RecruitingStaff.only();
    }

    @Override
    public void apply(MutationContext ctx, PipelineMutations.ReorderPrescreenQuestions args) throws SQLException {
        List<UUID> listed = args.questionIds();
        if (listed == null) {
            throw Rejection.invalid("A new order needs the job's questions in order (questionIds).");
        }
        if (listed.size() > PipelineMutations.MAX_PRESCREEN_QUESTIONS) {
            throw Rejection.invalid("A job has at most " + PipelineMutations.MAX_PRESCREEN_QUESTIONS
                    + " prescreen questions to order.");
        }
        if (listed.contains(null) || new HashSet<>(listed).size() != listed.size()) {
            throw Rejection.invalid("Each question is listed once in the new order.");
        }
        Rows.require(ctx, "jobs", args.jobId(), "The job");
        record Held(UUID id, int sortOrder, String qid) {}
        Map<UUID, Held> held = new LinkedHashMap<>(); // the job's questions in their order now
        for (Held h : Sql.list(
                ctx.connection(),
                "select id, sort_order, qid from prescreen_questions where job_id = ? order by sort_order, created_at, id",
                rs -> new Held(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)),
                args.jobId())) {
            held.put(h.id(), h);
        }
        List<UUID> order = new ArrayList<>();
        Set<UUID> placed = new HashSet<>();
        for (UUID id : listed) {
            if (held.containsKey(id) && placed.add(id)) {
                order.add(id);
            }
        }
        for (UUID id : held.keySet()) {
            if (placed.add(id)) {
                order.add(id);
            }
        }
        for (int i = 0; i < order.size(); i++) {
            if (held.get(order.get(i)).sortOrder() != i + 1) {
                Rows.update(ctx, "update prescreen_questions set sort_order = ? where id = ?", i + 1, order.get(i));
            }
        }
        ObjectNode details = ctx.mapper().createObjectNode();
        var qids = details.putArray("order");
        order.forEach(id -> qids.add(held.get(id).qid()));
        ctx.logActivity(Entities.JOB, args.jobId(), "Put the prescreen questions in a new order", details);
    }
}
