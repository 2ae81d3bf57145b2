package com.recruitdesk.app.conversations;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import com.recruitdesk.app.conversations.data.Directory;
import com.recruitdesk.app.conversations.data.InboxRow;
import com.recruitdesk.app.conversations.data.WhatsAppNumber;
import com.recruitdesk.app.widgets.Avatars;
import com.recruitdesk.app.widgets.Icons;
import com.recruitdesk.app.widgets.Pills;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The inbox column: search, filters, and the list of conversations (virtualised, fixed-height rows). */
final class InboxView {
    static final String SEARCH_ID = "inbox-search";
    static final String LIST_ID = "inbox-list";
    static final String STATUS_ID = "inbox-status";
    static final String NUMBER_ID = "inbox-number";
    static final String TAG_ID = "inbox-tag";
    static final String SUMMARY_ID = "inbox-summary";
    static final double ROW_HEIGHT = 80;

    private InboxView() {}

    static Node create(InboxViewModel vm) {
        CustomTextField search = new CustomTextField();
        search.setId(SEARCH_ID);
        search.setPromptText("Search names, numbers, messages");
        search.setLeft(Icons.SEARCH.node(14));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setMaxWidth(Double.MAX_VALUE);

        ComboBox<StatusChoice> status = new ComboBox<>();
        status.setId(STATUS_ID);
        status.getItems().setAll(StatusChoice.all());
        status.valueProperty().bindBidirectional(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.disableProperty().bind(vm.searchProperty().isNotEmpty()); // a search looks through every status
        status.setTooltip(new javafx.scene.control.Tooltip("Which conversations to list; a search looks through all"));

        HBox scope = new HBox();
        ToggleGroup scopes = new ToggleGroup();
        InboxViewModel.Scope[] values = InboxViewModel.Scope.values();
        for (int i = 0; i < values.length; i++) {
            InboxViewModel.Scope s = values[i];
            ToggleButton b = new ToggleButton(s.label());
            b.setId("inbox-scope-" + s.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(scopes);
            b.getStyleClass()
                    .add(i == 0 ? Styles.LEFT_PILL : i == values.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            b.setFocusTraversable(false);
            b.setSelected(vm.scopeProperty().get() == s);
            b.selectedProperty().subscribe(on -> {
                if (on) {
                    vm.scopeProperty().set(s);
                }
            });
            vm.scopeProperty().subscribe(now -> b.setSelected(now == s));
            scope.getChildren().add(b);
        }
        scopes.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });

        ComboBox<WhatsAppNumber> number = new ComboBox<>();
        number.setId(NUMBER_ID);
        number.setConverter(new StringConverter<>() {
            @Override
            public String toString(WhatsAppNumber n) {
                return n == null ? "All numbers" : n.name();
            }

            @Override
            public WhatsAppNumber fromString(String s) {
                return null;
            }
        });
        number.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> tag = new ComboBox<>();
        tag.setId(TAG_ID);
        tag.setConverter(new StringConverter<>() {
            @Override
            public String toString(String t) {
                return t == null ? "Any tag" : "#" + t;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        tag.setMaxWidth(Double.MAX_VALUE);
        vm.directoryProperty().subscribe(d -> fill(d, number, tag, vm));
        number.valueProperty().subscribe(vm.numberProperty()::set);
        tag.valueProperty().subscribe(vm.tagProperty()::set);
        HBox.setHgrow(number, Priority.ALWAYS);
        HBox.setHgrow(tag, Priority.ALWAYS);
        scope.setMinWidth(Region.USE_PREF_SIZE);
        HBox row1 = new HBox(8, scope, tag);
        row1.setAlignment(Pos.CENTER_LEFT);
        HBox row2 = new HBox(8, status, number);
        row2.setAlignment(Pos.CENTER_LEFT);
        status.setPrefWidth(150);
        number.setPrefWidth(150);
        tag.setPrefWidth(120);
        tag.setMinWidth(105); // "Any tag" stays readable: the column grows instead

        VBox filters = new VBox(8, search, row1, row2);
        filters.getStyleClass().add("inbox-filters");

        Label summary = new Label();
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().addAll("inbox-summary", Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());

        ListView<InboxRow> list = new ListView<>(vm.rows());
        list.setId(LIST_ID);
        list.getStyleClass().add("inbox-list");
        list.setFixedCellSize(ROW_HEIGHT);
        list.setCellFactory(v -> new InboxCell(vm));
        list.setPlaceholder(new Label("No conversation matches."));
        list.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null && row != vm.selectedProperty().get()) {
                vm.selectedProperty().set(row);
            }
        });
        vm.selectedProperty().subscribe(row -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
                return;
            }
            int at = list.getItems().indexOf(row);
            if (at >= 0 && list.getSelectionModel().getSelectedIndex() != at) {
                list.getSelectionModel().select(at);
                list.scrollTo(Math.max(0, at - 3));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox root = new VBox(filters, summary, list);
        root.getStyleClass().add("inbox");
        root.setMinWidth(350); // the scope buttons and a readable tag filter side by side
        root.setPrefWidth(380);
        return root;
    }

    private static void fill(Directory d, ComboBox<WhatsAppNumber> number, ComboBox<String> tag, InboxViewModel vm) {
        WhatsAppNumber n = vm.numberProperty().get();
        List<WhatsAppNumber> numbers = new ArrayList<>();
        numbers.add(null);
        numbers.addAll(d.numbers().values().stream()
                .sorted(java.util.Comparator.comparing(WhatsAppNumber::name))
                .toList());
        number.getItems().setAll(numbers);
        number.setValue(n);
        String t = vm.tagProperty().get();
        List<String> tags = new ArrayList<>();
        tags.add(null);
        tags.addAll(d.tags());
        tag.getItems().setAll(tags);
        tag.setValue(t);
    }

    /** One conversation: avatar, name and time; last message or search hit and unread badge; status, assignee, number. */
    private static final class InboxCell extends ListCell<InboxRow> {
        private final InboxViewModel vm;

        InboxCell(InboxViewModel vm) {
            this.vm = vm;
        }

        @Override
        protected void updateItem(InboxRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Label name = new Label(row.name());
            name.getStyleClass().add("inbox-name");
            name.setMinWidth(0);
            Label time = new Label(vm.time(row));
            time.getStyleClass().add("inbox-time");
            time.setMinWidth(Region.USE_PREF_SIZE);
            Region spring = new Region();
            HBox.setHgrow(spring, Priority.ALWAYS);
            HBox top = new HBox(6, name, spring, time);
            top.setAlignment(Pos.CENTER_LEFT);
            if (row.pending()) {
                Node dot = Icons.CLOCK.node(11);
                HBox wrap = new HBox(dot);
                wrap.getStyleClass().add("pending-dot");
                wrap.setAlignment(Pos.CENTER);
                top.getChildren().add(2, wrap);
            }

            Node preview = secondLine(vm.secondLine(row), row.snippet() != null);
            HBox.setHgrow(preview, Priority.ALWAYS);
            HBox middle = new HBox(6, preview);
            middle.setAlignment(Pos.CENTER_LEFT);
            if (row.unread() > 0) {
                Label badge = new Label(Integer.toString(row.unread()));
                badge.getStyleClass().add("badge");
                badge.setMinWidth(Region.USE_PREF_SIZE);
                middle.getChildren().add(badge);
            }

            String number = vm.numberName(row);
            Label meta = new Label(vm.assignee(row) + (number.isEmpty() ? "" : "  ·  " + number));
            meta.getStyleClass().add("inbox-meta");
            meta.setMinWidth(0);
            Label pill = Pills.of(row.status().label(), "status-" + row.status().wire());
            pill.setMinWidth(Region.USE_PREF_SIZE);
            HBox bottom = new HBox(6, pill, meta);
            bottom.setAlignment(Pos.CENTER_LEFT);

            VBox text = new VBox(2, top, middle, bottom);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            HBox line = new HBox(10, Avatars.of(row.name(), row.candidateId(), false), text);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("inbox-row");
            if (row.unread() > 0) {
                line.getStyleClass().add("unread");
            }
            line.setPadding(new Insets(9, 12, 9, 12));
            line.setMinWidth(0);
            line.prefWidthProperty().bind(getListView().widthProperty().subtract(18));
            setGraphic(line);
            setAccessibleText(row.name() + ", " + row.status().label()
                    + (row.unread() > 0 ? ", " + row.unread() + " unread" : ""));
        }

        /** The preview, one line; a search hit shows the matched words (between [ and ]) in bold. */
        private static Node secondLine(String text, boolean hit) {
            String oneLine = text.replace('\n', ' ');
            if (!hit) {
                return segment(oneLine, "inbox-preview");
            }
            HBox line = new HBox();
            int at = 0;
            while (at < oneLine.length()) {
                int open = oneLine.indexOf('[', at);
                int close = open < 0 ? -1 : oneLine.indexOf(']', open);
                if (open < 0 || close < 0) {
                    line.getChildren().add(segment(oneLine.substring(at), "inbox-preview"));
                    break;
                }
                if (open > at) {
                    line.getChildren().add(segment(oneLine.substring(at, open), "inbox-preview"));
                }
                line.getChildren().add(segment(oneLine.substring(open + 1, close), "search-hit"));
                at = close + 1;
            }
            line.setMinWidth(0);
            line.setMaxWidth(Double.MAX_VALUE);
            return line;
        }

        private static Label segment(String s, String style) {
            Label l = new Label(s);
            l.getStyleClass().add(style);
            // The matched words keep their width; the text around them gives way.
            l.setMinWidth("search-hit".equals(style) ? Region.USE_PREF_SIZE : 0);
            l.setMaxWidth(Region.USE_PREF_SIZE);
            return l;
        }
    }
}
