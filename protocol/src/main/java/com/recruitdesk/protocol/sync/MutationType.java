package com.recruitdesk.protocol.sync;

import java.util.Objects;

/**
 * A named mutation and the record its arguments travel as, declared once in its feature's contract
 * file ({@code ConversationMutations}, {@code PipelineMutations}, ...). The desktop submits
 * {@code (type, args)} and the server's mutator is registered under the same type, so a misspelt
 * name or a wrong argument record is a compile error, not a rejection.
 *
 * @param name the wire name, {@code entity.verb}
 * @param argsType the record the arguments are read into on the server
 * @param feature the feature that owns it ({@link Feature}): a rejection is shown in that pane
 * @param whenRejected what the desktop says, before the server's reason, when it is refused
 *     ("Your message was not sent")
 */
public record MutationType<A extends Record>(String name, Class<A> argsType, Feature feature, String whenRejected) {
    public MutationType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(argsType, "argsType");
        Objects.requireNonNull(feature, "feature");
        if (!name.matches("[a-z][A-Za-z]*\\.[a-z][A-Za-z]*")) {
            throw new IllegalArgumentException("a mutation is named entity.verb, not " + name);
        }
        if (whenRejected == null || whenRejected.isBlank()) {
            throw new IllegalArgumentException(name + " needs the sentence the desktop shows when it is rejected");
        }
    }

    public static <A extends Record> MutationType<A> of(
            String name, Class<A> argsType, Feature feature, String whenRejected) {
        return new MutationType<>(name, argsType, feature, whenRejected);
    }

    @Override
    public String toString() {
        return name;
    }
}
