package io.sitrep.streams.rules;

import io.sitrep.nlp.event.EventRule;
import io.sitrep.nlp.event.RulePack;
import io.sitrep.nlp.place.Governorate;
import io.sitrep.nlp.place.Governorates;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What operator rules may name: the event types of the default rule pack and the governorates (any of their
 * spellings, folded). Loaded once from the jar.
 */
public record RuleVocabulary(Set<String> eventTypes, Map<String, String> governorateKeys) {
    /** The type of the alerts operator rules raise. */
    public static final String WATCH = "WATCH";

    public RuleVocabulary {
        eventTypes = Collections.unmodifiableSortedSet(new TreeSet<>(eventTypes));
        governorateKeys = Map.copyOf(governorateKeys);
    }

    private static final class Holder {
        static final RuleVocabulary STANDARD = load();
    }

    public static RuleVocabulary standard() {
        return Holder.STANDARD;
    }

    private static RuleVocabulary load() {
        Set<String> types = new TreeSet<>();
        for (EventRule r : RulePack.loadDefault().rules()) types.add(r.type());
        Map<String, String> keys = new HashMap<>();
        for (Governorate g : Governorates.standard().all()) {
            String canonical = key(g.name());
            keys.put(canonical, canonical);
            for (String n : g.names()) keys.putIfAbsent(key(n), canonical);
        }
        return new RuleVocabulary(types, keys);
    }

    /** The canonical key of a governorate written any known way. */
    Optional<String> governorate(String written) {
        return Optional.ofNullable(governorateKeys.get(key(written)));
    }

    /** The canonical key of a place's admin1 as found in events (unknown names fold to themselves). */
    String governorateKeyOf(String admin1) {
        String k = key(admin1);
        return governorateKeys.getOrDefault(k, k);
    }

    static String key(String name) {
        return FoldedText.of(name).glued();
    }
}
