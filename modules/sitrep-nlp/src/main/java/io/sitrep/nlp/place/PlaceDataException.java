package io.sitrep.nlp.place;

/** A place data file (gazetteer, supplement, polygons, stop list) is malformed; the message names file and line. */
public final class PlaceDataException extends RuntimeException {
    public PlaceDataException(String message) {
        super(message);
    }

    public PlaceDataException(String message, Throwable cause) {
        super(message, cause);
    }

    static PlaceDataException at(String source, int line, String problem) {
        return new PlaceDataException(source + ":" + line + ": " + problem);
    }
}
