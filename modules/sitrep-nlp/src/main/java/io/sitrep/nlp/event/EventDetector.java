package io.sitrep.nlp.event;

import io.sitrep.nlp.DetectedEvent;
import io.sitrep.nlp.clean.Segment;
import io.sitrep.nlp.entity.EntityMention;
import io.sitrep.nlp.place.PlaceMention;
import java.util.List;

/** Finds events sentence by sentence from the rule packs under rules/. */
public final class EventDetector {
    public static EventDetector standard() { return new EventDetector(); }

    /** Offsets of the mentions are offsets into {@code segment.body()}. */
    public List<DetectedEvent> detect(Segment segment, List<EntityMention> entities, List<PlaceMention> places) {
        return List.of();
    }
}
