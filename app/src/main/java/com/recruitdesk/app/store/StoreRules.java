package com.recruitdesk.app.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link EntityIndex} entries the features declare, handed to the store when it opens. The
 * store names no feature's entity itself. Two features may declare the same entity (Conversations
 * and Pipelines both list applications) only with the same entry; a disagreement fails at once.
 */
public final class StoreRules {
    public static final StoreRules NONE = new StoreRules(Map.of());

    private final Map<String, EntityIndex> byEntity;

    private StoreRules(Map<String, EntityIndex> byEntity) {
        this.byEntity = Map.copyOf(byEntity);
    }

    public static StoreRules of(EntityIndex... entries) {
        return NONE.and(List.of(entries));
    }

    /** Every feature's rules together. */
    public static StoreRules merge(Collection<StoreRules> all) {
        StoreRules merged = NONE;
        for (StoreRules r : all) {
            merged = merged.and(r.byEntity.values());
        }
        return merged;
    }

    private StoreRules and(Collection<EntityIndex> entries) {
        Map<String, EntityIndex> next = new LinkedHashMap<>(byEntity);
        for (EntityIndex e : entries) {
            EntityIndex before = next.putIfAbsent(e.entity(), e);
            if (before != null && !before.equals(e)) {
                throw new IllegalArgumentException(
                        "Two declarations of how to file " + e.entity() + " disagree: " + before + " and " + e);
            }
        }
        return new StoreRules(next);
    }

    /** The entry for {@code entity}, if a feature declared one. */
    public Optional<EntityIndex> of(String entity) {
        return Optional.ofNullable(byEntity.get(entity));
    }

    List<TextIndex> textIndexes() {
        Set<TextIndex> indexes = new LinkedHashSet<>();
        byEntity.values().stream().map(EntityIndex::text).filter(t -> t != null).forEach(indexes::add);
        return new ArrayList<>(indexes);
    }

    /** Entity → {@link EntityIndex#fingerprint}, in a stable order. */
    Map<String, String> fingerprints() {
        Map<String, String> result = new TreeMap<>();
        byEntity.forEach((entity, e) -> result.put(entity, e.fingerprint()));
        return result;
    }
}
