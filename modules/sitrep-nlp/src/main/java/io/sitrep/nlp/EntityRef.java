package io.sitrep.nlp;

import java.util.List;

/** One entity of a segment: canonical id and name, its role when stated, and every surface form seen. */
public record EntityRef(String id, EntityType type, String name, String role, List<String> mentions) {}
