package com.recruitdesk.app.admin;

import com.recruitdesk.app.admin.data.AdminDirectory;
import com.recruitdesk.app.common.Refresher;
import com.recruitdesk.app.common.TaskExecutor;
import com.recruitdesk.app.store.LocalStore;
import com.recruitdesk.app.sync.RejectionText;
import com.recruitdesk.protocol.sync.Entities;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Administration pane as a whole: its tabs' view models kept in step with the local store (users,
 * institutions, numbers, templates and settings are re-read when one of them changes), and the
 * server's rejections of the pane's changes said in a banner.
 */
public final class AdminViewModel {
    private static final Set<String> READ = Set.of(
            Entities.USER,
            Entities.INSTITUTION,
            Entities.WHATSAPP_ACCOUNT,
            Entities.MESSAGE_TEMPLATE,
            Entities.SYSTEM_SETTING);

    private final UsersViewModel users;
    private final NumbersViewModel numbers;
    private final TemplatesViewModel templates;
    private final SettingsViewModel settings;
    private final ActivityViewModel activity;
    private final TaskExecutor tasks;
    private final Refresher<AdminDirectory> directory;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public AdminViewModel(
            LocalStore store,
            UsersViewModel users,
            NumbersViewModel numbers,
            TemplatesViewModel templates,
            SettingsViewModel settings,
            ActivityViewModel activity,
            TaskExecutor tasks) {
        this.users = users;
        this.numbers = numbers;
        this.templates = templates;
        this.settings = settings;
        this.activity = activity;
        this.tasks = tasks;
        this.directory = new Refresher<>(
                tasks,
                () -> AdminDirectory.load(store),
                this::setDirectory,
                e -> notice.set("Could not read the organization's users and numbers: " + e.getMessage()));
        store.addChangeListener(entities -> {
            if (entities.stream().anyMatch(READ::contains)) {
                directory.request();
            }
        });
    }

    /** Reads everything once (when the pane is made); the server's reads wait until their tab shows. */
    public void start() {
        directory.request();
    }

    private void setDirectory(AdminDirectory d) {
        users.setDirectory(d);
        numbers.setDirectory(d);
        templates.setDirectory(d);
        settings.setDirectory(d);
        activity.setDirectory(d);
    }

    /** Told by the sync engine (on its thread) that the server refused a change of this pane. */
    public void rejected(LocalStore.Rejection r) {
        String text = RejectionText.of(r);
        tasks.onUi(() -> notice.set(text));
    }

    public void dismissNotice() {
        notice.set("");
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public UsersViewModel users() {
        return users;
    }

    public NumbersViewModel numbers() {
        return numbers;
    }

    public TemplatesViewModel templates() {
        return templates;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public ActivityViewModel activity() {
        return activity;
    }
}
