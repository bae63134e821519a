package io.sitrep.nlp.place;

import java.util.List;

/** Finds place names in a text and resolves them to coordinates, governorate and country. */
public final class PlaceResolver {
    public static PlaceResolver standard() { return new PlaceResolver(); }

    public List<PlaceMention> find(String text) { return List.of(); }
}
