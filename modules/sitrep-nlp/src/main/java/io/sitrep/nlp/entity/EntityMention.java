package io.sitrep.nlp.entity;

import io.sitrep.nlp.EntityType;

/** One mention of an entity in a text, with its character offsets [start, end). */
public record EntityMention(String id, EntityType type, String name, String surface, int start, int end, String role) {}
