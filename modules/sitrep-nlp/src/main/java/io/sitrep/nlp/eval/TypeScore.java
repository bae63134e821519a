package io.sitrep.nlp.eval;

/**
 * Text-level scores of one type: a text counts once per type, whatever the number of events. {@code support} is the
 * number of texts whose gold alerts hold the type. A ratio with a zero denominator is 0.
 */
public record TypeScore(String type, int support, int tp, int fp, int fn) {

    public double precision() {
        return ratio(tp, tp + fp);
    }

    public double recall() {
        return ratio(tp, tp + fn);
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
