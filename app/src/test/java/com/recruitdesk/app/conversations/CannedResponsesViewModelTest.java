package com.recruitdesk.app.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import com.recruitdesk.app.conversations.data.CannedResponse;
import com.recruitdesk.protocol.conversations.ConversationMutations;
import com.recruitdesk.protocol.sync.Mutation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The canned responses dialog's view model on a real store, without a toolkit. */
class CannedResponsesViewModelTest {
    @TempDir
    Path dir;

    PaneFixture f;
    CannedResponsesViewModel canned;
    UUID welcome;

    @BeforeEach
    void open() {
        f = new PaneFixture(dir);
        welcome = UUID.randomUUID();
        f.row(
                "cannedResponse",
                welcome,
                PaneFixture.JSON.objectNode().put("shortcut", "welcome").put("body", "Welcome to the agency!"));
        f.conversation("Ayanda Khumalo", f.now.minus(Duration.ofHours(1)));
        f.pull();
        f.vm.start();
        canned = f.vm.canned();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Mutation last() {
        return f.store.pending(50).getLast();
    }

    @ParameterizedTest(name = "[{0}] / [{1}]: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | Some text     | Type a shortcut
            'two words' | Some text     | A shortcut is 1 to 32 lowercase letters
            '/Welcome'  | Some text     | Another canned response already uses /welcome.
            'photo'     | '   '         | Type the text the shortcut puts in the composer.
            """)
    void whatTheServerWouldRefuseIsSaidBeforeSaving(String shortcut, String body, String problem) {
        canned.open("");
        canned.shortcutProperty().set(shortcut);
        canned.bodyProperty().set(body);

        assertThat(canned.problemProperty().get()).startsWith(problem);
        assertThat(canned.canSaveBinding().get()).isFalse();
    }

    @Test
    void aTextLongerThanTheLimitIsStoppedWithItsLength() {
        canned.open("photo");
        canned.bodyProperty().set("x".repeat(4_097));

        assertThat(canned.problemProperty().get())
                .isEqualTo("A canned response takes at most 4,096 characters; this is 4,097.");
    }

    @Test
    void aNewResponseIsSavedAndTheComposerOffersItAtOnce() {
        canned.open("Photo");
        assertThat(canned.shortcutProperty().get())
                .as("what was typed after /, as it is stored")
                .isEqualTo("photo");
        canned.bodyProperty().set("Please send a recent photo.");
        assertThat(canned.canSaveBinding().get()).isTrue();

        canned.save();

        assertThat(last().name()).isEqualTo(ConversationMutations.SAVE_CANNED_RESPONSE.name());
        assertThat(last().args().path("shortcut").asText()).isEqualTo("photo");
        assertThat(canned.responses()).extracting(CannedResponse::shortcut).containsExactly("photo", "welcome");
        assertThat(canned.editingProperty().get())
                .as("the form now edits what it saved")
                .isTrue();
        f.vm.composer().textProperty().set("/ph");
        assertThat(f.vm.composer().cannedMatches())
                .extracting(CannedResponse::body)
                .containsExactly("Please send a recent photo.");
    }

    @Test
    void theSelectedResponseIsEditedUnderItsIdAndMayKeepItsShortcut() {
        canned.open("");
        canned.selectedProperty().set(canned.responses().getFirst());
        assertThat(canned.bodyProperty().get()).isEqualTo("Welcome to the agency!");
        assertThat(canned.problemProperty().get())
                .as("its own shortcut is not a clash")
                .isEmpty();

        canned.bodyProperty().set("Welcome! We will be in touch today.");
        canned.save();

        assertThat(last().args().path("id").asText()).isEqualTo(welcome.toString());
        assertThat(canned.responses())
                .singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Welcome! We will be in touch today."));
    }

    @Test
    void deletingTakesTheResponseAwayAndEmptiesTheForm() {
        canned.open("");
        canned.selectedProperty().set(canned.responses().getFirst());

        canned.delete();

        assertThat(last().name()).isEqualTo(ConversationMutations.DELETE_CANNED_RESPONSE.name());
        assertThat(canned.responses()).isEmpty();
        assertThat(canned.editingProperty().get()).isFalse();
        assertThat(canned.shortcutProperty().get()).isEmpty();
    }
}
