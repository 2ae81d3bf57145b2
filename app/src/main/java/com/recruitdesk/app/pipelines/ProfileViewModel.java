package com.recruitdesk.app.pipelines;

import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.format.Times;
import com.recruitdesk.app.pipelines.data.JobForm;
import com.recruitdesk.app.pipelines.data.PipelineCommands;
import com.recruitdesk.app.pipelines.data.Profile;
import com.recruitdesk.app.pipelines.data.ProfileForm;
import com.recruitdesk.app.store.RowValues;
import com.recruitdesk.protocol.pipelines.FieldSpec;
import com.recruitdesk.protocol.pipelines.PipelineMutations;
import com.recruitdesk.protocol.pipelines.ProfileFields;
import com.recruitdesk.protocol.pipelines.WorkHistory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The master profile editor's state and commands: the person's profile read off the UI thread, each
 * stamped field's age ("updated 3 months ago"), the form checked by the server's rules, and one
 * {@code candidate.updateProfile} of the fields changed, on the version the editor opened on.
 */
public final class ProfileViewModel {
    private final Profile profiles;
    private final PipelineCommands commands;
    private final TaskExecutor tasks;
    private final Times times;
    private final Consumer<Throwable> failed;

    ProfileViewModel(
            Profile profiles, PipelineCommands commands, TaskExecutor tasks, Times times, Consumer<Throwable> failed) {
        this.profiles = profiles;
        this.commands = commands;
        this.tasks = tasks;
        this.times = times;
        this.failed = failed;
    }

    /** Reads the person's profile and hands it to {@code then} on the UI thread (nothing if the row is gone). */
    public void open(UUID candidateId, Consumer<Profile.View> then) {
        tasks.run(() -> profiles.of(candidateId), found -> found.ifPresent(then), failed);
    }

    /** How old the field's value is, for a field whose freshness is stamped; empty for the others. */
    public Optional<String> freshness(Profile.View v, FieldSpec field) {
        return Optional.ofNullable(ProfileFields.FRESHNESS.get(field.name()))
                .map(stamp -> times.updatedAgo(RowValues.instant(v.person(), stamp)));
    }

    /** The form as typed against the profile as opened: what would be sent, and what is wrong. */
    public JobForm.Checked check(Profile.View v, Map<String, String> typed) {
        return ProfileForm.check(v.person(), typed);
    }

    /**
     * Sends the changed fields as one mutation when nothing is wrong; false (and nothing sent) when
     * something is. True also when nothing changed: there is nothing to send.
     */
    public boolean save(Profile.View v, Map<String, String> typed) {
        JobForm.Checked c = check(v, typed);
        if (!c.problems().isEmpty()) {
            return false;
        }
        if (!c.changes().isEmpty()) {
            tasks.run(
                    () -> {
                        commands.updateProfile(v.id(), c.changes(), v.baseVersion());
                        return null;
                    },
                    ok -> {},
                    failed);
        }
        return true;
    }

    /**
     * Adds a role to the person's work history ({@code roleId} null), or changes role {@code roleId},
     * when {@link WorkHistory} finds nothing wrong, then hands the history as it now shows to
     * {@code then}; the problems otherwise, and nothing is sent.
     */
    public List<String> saveRole(
            Profile.View v,
            UUID roleId,
            String company,
            String title,
            String start,
            String end,
            boolean current,
            Consumer<List<Profile.Role>> then) {
        var role = new PipelineMutations.SaveWorkHistory(
                roleId == null ? UUID.randomUUID() : roleId, v.id(), company, title, start, end, current);
        List<String> problems = WorkHistory.problems(role);
        if (problems.isEmpty()) {
            tasks.run(
                    () -> {
                        commands.saveRole(role);
                        return profiles.history(v.id());
                    },
                    then,
                    failed);
        }
        return problems;
    }

    /** Takes the role off the work history and hands the history as it now shows to {@code then}. */
    public void removeRole(Profile.View v, UUID roleId, Consumer<List<Profile.Role>> then) {
        tasks.run(
                () -> {
                    commands.deleteRole(roleId);
                    return profiles.history(v.id());
                },
                then,
                failed);
    }

    public Times times() {
        return times;
    }
}
