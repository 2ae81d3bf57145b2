package com.recruitdesk.server.cohorts;

import com.recruitdesk.protocol.cohorts.CohortMutations;
import com.recruitdesk.protocol.cohorts.StudentData;
import com.recruitdesk.protocol.sync.Entities;
import com.recruitdesk.protocol.sync.MutationType;
import com.recruitdesk.server.platform.sync.Access;
import com.recruitdesk.server.platform.sync.MutationContext;
import com.recruitdesk.server.platform.sync.Mutator;
import com.recruitdesk.server.platform.sync.Rows;
import java.sql.SQLException;

/**
 * Replaces an enrolled student's demographics (seed 004's student data), checked by {@link StudentData}
 * as the desktop checked them. The activity log says that they changed, not what they are: they reach
 * only administrators and the institution's admins.
 */
final class SaveStudentData implements Mutator<CohortMutations.SaveStudentData> {
    @Override
    public MutationType<CohortMutations.SaveStudentData> type() {
        return CohortMutations.SAVE_STUDENT_DATA;
    }

    @Override
    public Access<CohortMutations.SaveStudentData> access() {
        return Access.anyOf(
                Access.administrators(),
                Access.institutionAdminOf(
                        "cohort_enrollments", "The enrollment", CohortMutations.SaveStudentData::enrollmentId));
    }

    @Override
    public void apply(MutationContext ctx, CohortMutations.SaveStudentData a) throws SQLException {
        var data = Checks.studentData(a.studentData());
        Rows.require(ctx, "cohort_enrollments", a.enrollmentId(), "The enrollment");
        Rows.update(
                ctx,
                "update cohort_enrollments set student_data = ?::jsonb where id = ?",
                ctx.mapper().valueToTree(data).toString(),
                a.enrollmentId());
        ctx.logActivity(
                Entities.COHORT_ENROLLMENT,
                a.enrollmentId(),
                "Updated the student's details",
                ctx.mapper().createObjectNode().set("fields", ctx.mapper().valueToTree(data.keySet())));
    }
}
