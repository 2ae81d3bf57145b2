package com.recruitdesk.server.platform.sync;

import com.recruitdesk.protocol.sync.MutationTypes;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of named mutations, composed from each feature's {@code XxxMutators.all()} by the
 * server. It refuses, at start, two mutators of one name, a name the protocol does not declare in
 * {@link MutationTypes}, and a mutator without an access rule.
 */
public final class Mutators {
    private final Map<String, Mutator<?>> byName;

    private Mutators(Map<String, Mutator<?>> byName) {
        this.byName = Map.copyOf(byName);
    }

    public static Mutators of(List<? extends List<? extends Mutator<?>>> features) {
        Map<String, Mutator<?>> byName = new LinkedHashMap<>();
        for (List<? extends Mutator<?>> feature : features) {
            for (Mutator<?> m : feature) {
                String name = m.type().name();
                if (MutationTypes.byName(name).filter(t -> t.equals(m.type())).isEmpty()) {
                    throw new IllegalStateException(
                            name + " is not declared in MutationTypes (add it to its feature's contract file)");
                }
                if (m.access() == null) {
                    throw new IllegalStateException(name + " declares no access rule");
                }
                if (byName.putIfAbsent(name, m) != null) {
                    throw new IllegalStateException("two mutators are registered for " + name);
                }
            }
        }
        return new Mutators(byName);
    }

    public Optional<Mutator<?>> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Mutator<?>> all() {
        return byName.values();
    }
}
