package com.recruitdesk.app.interviews;

import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.interviews.data.Scorecards;
import com.recruitdesk.app.interviews.data.Scorecards.Subject;
import com.recruitdesk.app.interviews.data.WhoSaidWhat;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * For recruiters and managers: the applications that have submitted scorecards, and for the
 * selected one every interviewer's recommendation and ratings side by side.
 */
public final class WhoSaidWhatViewModel {
    private final Scorecards scorecards;
    private final ObservableList<Subject> subjects = FXCollections.observableArrayList();
    private final ObjectProperty<Subject> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<WhoSaidWhat> table = new ReadOnlyObjectWrapper<>();
    private final Refresher<List<Subject>> list;
    private final Refresher<WhoSaidWhat> compare;
    private volatile Subject asked;

    WhoSaidWhatViewModel(Scorecards scorecards, TaskExecutor tasks) {
        this.scorecards = scorecards;
        this.list = new Refresher<>(tasks, scorecards::subjects, this::show, e -> {});
        this.compare = new Refresher<>(
                tasks, () -> asked == null ? null : scorecards.compare(asked), table::set, e -> table.set(null));
        selected.addListener((o, was, now) -> {
            asked = now;
            compare.request();
        });
    }

    public void refresh() {
        list.request();
        compare.request();
    }

    private void show(List<Subject> all) {
        Subject keep = selected.get();
        subjects.setAll(all);
        Subject again = keep == null
                ? null
                : all.stream()
                        .filter(s ->
                                s.candidateId().equals(keep.candidateId()) && Objects.equals(s.jobId(), keep.jobId()))
                        .findFirst()
                        .orElse(null);
        selected.set(again != null ? again : all.isEmpty() ? null : all.getFirst());
    }

    public ObservableList<Subject> subjects() {
        return subjects;
    }

    public ObjectProperty<Subject> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<WhoSaidWhat> tableProperty() {
        return table.getReadOnlyProperty();
    }
}
