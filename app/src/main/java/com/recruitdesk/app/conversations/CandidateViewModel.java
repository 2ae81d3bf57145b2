package com.recruitdesk.app.conversations;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.conversations.data.CandidateProfile;
import com.recruitdesk.app.conversations.data.ConversationCommands;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.People;
import com.recruitdesk.app.pane.Navigator;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The candidate panel beside a thread: profile, tags (add and remove), applications, recent notes. */
public final class CandidateViewModel {
    static final int MAX_TAG = 64;

    private final ReadOnlyObjectWrapper<CandidateProfile> profile = new ReadOnlyObjectWrapper<>();
    private final StringProperty newTag = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> knownTags = FXCollections.observableArrayList();
    private final ObservableList<People.JobChoice> jobs = FXCollections.observableArrayList();
    private final People people;
    private final ConversationCommands commands;
    private final TaskExecutor tasks;
    private final Refresher<Optional<CandidateProfile>> refresher;
    private final boolean mayAddToJob;
    private final Navigator navigator;
    private Directory directory = Directory.EMPTY;
    private UUID candidateId;

    public CandidateViewModel(People people, ConversationCommands commands, TaskExecutor tasks) {
        this(people, commands, tasks, false, Navigator.NONE);
    }

    /**
     * {@code mayAddToJob}: the signed-in user is recruiting staff, who may add people to jobs;
     * {@code navigator} opens the person's master profile when the user has the Pipelines pane.
     */
    public CandidateViewModel(
            People people,
            ConversationCommands commands,
            TaskExecutor tasks,
            boolean mayAddToJob,
            Navigator navigator) {
        this.people = people;
        this.mayAddToJob = mayAddToJob;
        this.navigator = navigator;
        this.commands = commands;
        this.tasks = tasks;
        this.refresher = new Refresher<>(
                tasks,
                () -> {
                    UUID id = candidateId;
                    return id == null ? Optional.empty() : people.profile(id);
                },
                p -> {
                    profile.set(p.filter(x -> x.id().equals(candidateId)).orElse(null));
                    refreshJobs();
                },
                e -> problem.set("Could not read this person: " + e.getMessage()));
    }

    void show(UUID candidate) {
        if (candidate == null || !candidate.equals(candidateId)) {
            newTag.set("");
            problem.set("");
        }
        candidateId = candidate;
        if (candidate == null) {
            profile.set(null);
        } else {
            refresh();
        }
    }

    void refresh() {
        if (candidateId != null) {
            refresher.request();
        }
    }

    void setDirectory(Directory d) {
        directory = d;
        knownTags.setAll(d.tags());
    }

    /** Adds the tag typed (trimmed; at most 64 characters); a tag the person has already changes nothing. */
    public void addTag() {
        String tag = newTag.get() == null ? "" : newTag.get().strip();
        CandidateProfile p = profile.get();
        if (p == null || tag.isEmpty()) {
            return;
        }
        if (tag.length() > MAX_TAG) {
            problem.set("A tag has at most " + MAX_TAG + " characters.");
            return;
        }
        problem.set("");
        newTag.set("");
        if (p.tags().stream().anyMatch(t -> t.tag().equals(tag))) {
            return;
        }
        UUID id = p.id();
        tasks.run(
                () -> {
                    commands.addTag(id, tag);
                    return Boolean.TRUE;
                },
                ok -> {},
                e -> problem.set("Not saved: " + e.getMessage()));
    }

    public void removeTag(CandidateProfile.Tag tag) {
        CandidateProfile p = profile.get();
        if (p == null) {
            return;
        }
        UUID id = p.id();
        tasks.run(
                () -> {
                    commands.removeTag(id, tag);
                    return Boolean.TRUE;
                },
                ok -> {},
                e -> problem.set("Not saved: " + e.getMessage()));
    }

    private void refreshJobs() {
        UUID id = candidateId;
        if (!mayAddToJob || id == null) {
            jobs.clear();
            return;
        }
        tasks.run(
                () -> people.jobsFor(id),
                found -> {
                    // Every change the feed brings refreshes the panel; refilling an unchanged list would
                    // rebuild an open "Add to job" menu under the user's pointer.
                    if (id.equals(candidateId) && !jobs.equals(found)) {
                        jobs.setAll(found);
                    }
                },
                e -> problem.set("Could not read the jobs: " + e.getMessage()));
    }

    /** Adds the person shown to {@code job}; the card shows on the job's board at once. */
    public void addToJob(People.JobChoice job) {
        CandidateProfile p = profile.get();
        if (p == null || job == null) {
            return;
        }
        UUID id = p.id();
        jobs.remove(job);
        tasks.run(() -> commands.addToJob(id, job.id()), ok -> {}, e -> problem.set("Not saved: " + e.getMessage()));
    }

    /** The live jobs the person shown could be added to (empty for who may not add people to jobs). */
    public ObservableList<People.JobChoice> jobs() {
        return jobs;
    }

    /** Whether the panel offers the person's master profile (the user has the Pipelines pane). */
    public boolean opensProfiles() {
        return navigator.opensProfiles();
    }

    /** On the FX thread: opens the master profile of the person shown. */
    void openProfile() {
        CandidateProfile shown = profile.get();
        if (shown != null) {
            navigator.openProfileOf(shown.id());
        }
    }

    public boolean mayAddToJob() {
        return mayAddToJob;
    }

    /** A colleague's name for a note's author. */
    public String author(UUID userId) {
        return directory.colleague(userId).map(c -> c.name()).orElse("A colleague");
    }

    public ReadOnlyObjectProperty<CandidateProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    public StringProperty newTagProperty() {
        return newTag;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Tags used anywhere in the organization, to suggest while typing. */
    public ObservableList<String> knownTags() {
        return knownTags;
    }
}
