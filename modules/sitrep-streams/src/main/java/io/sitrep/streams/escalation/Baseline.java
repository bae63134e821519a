package io.sitrep.streams.escalation;

/**
 * The usual rate of one kind of event in one region: mean and (population) standard deviation of the counts of
 * the previous windows, a window without events counting as zero.
 */
public record Baseline(double mean, double deviation, int windows) {

    public static Baseline of(long[] counts) {
        if (counts.length == 0) return new Baseline(0, 0, 0);
        double sum = 0;
        for (long c : counts) sum += c;
        double mean = sum / counts.length;
        double squares = 0;
        for (long c : counts) squares += (c - mean) * (c - mean);
        return new Baseline(mean, Math.sqrt(squares / counts.length), counts.length);
    }

    /** How many (floored) deviations above the mean a count is. */
    public double score(long count, double minDeviation) {
        return (count - mean) / Math.max(deviation, minDeviation);
    }
}
