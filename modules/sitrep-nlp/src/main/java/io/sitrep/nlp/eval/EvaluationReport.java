package io.sitrep.nlp.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The score of an analyzer on a labelled corpus. {@code types} lists every gold type and every type the analyzer
 * raised; the macro-F1 averages only the types present in gold. Micro scores pool all types.
 */
public record EvaluationReport(String corpus, int texts, List<TypeScore> types, int exactMatches,
                               List<StatusAgreement> statuses, List<Mismatch> mismatches) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        types = List.copyOf(types);
        statuses = List.copyOf(statuses);
        mismatches = List.copyOf(mismatches);
    }

    /** The mean F1 over the types that some gold text raises. */
    public double macroF1() {
        return types.stream().filter(t -> t.support() > 0).mapToDouble(TypeScore::f1).average().orElse(0);
    }

    public double microPrecision() {
        return TypeScore.ratio(sum(TypeScore::tp), sum(TypeScore::tp) + sum(TypeScore::fp));
    }

    public double microRecall() {
        return TypeScore.ratio(sum(TypeScore::tp), sum(TypeScore::tp) + sum(TypeScore::fn));
    }

    public double microF1() {
        double p = microPrecision(), r = microRecall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Correct statuses over gold events whose type was found, all statuses together. */
    public double statusAccuracy() {
        return TypeScore.ratio(statuses.stream().mapToInt(StatusAgreement::correct).sum(),
                statuses.stream().mapToInt(StatusAgreement::found).sum());
    }

    public Optional<TypeScore> type(String type) {
        return types.stream().filter(t -> t.type().equals(type)).findFirst();
    }

    /** The scores of the types present in gold whose F1 is under {@code minF1}. */
    public List<TypeScore> typesBelow(double minF1) {
        return types.stream().filter(t -> t.support() > 0 && t.f1() < minF1).toList();
    }

    private int sum(ToIntFunction<TypeScore> f) {
        return types.stream().mapToInt(f).sum();
    }

    /** A plain-text table for a terminal. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Evaluation of ").append(corpus).append(": ").append(texts).append(" texts, ")
                .append(exactMatches).append(" with exactly the gold alerts\n\n");
        b.append(String.format(Locale.ROOT, "%-22s %7s %5s %5s %5s %9s %7s %6s%n",
                "type", "support", "tp", "fp", "fn", "precision", "recall", "f1"));
        for (TypeScore t : types) {
            b.append(String.format(Locale.ROOT, "%-22s %7d %5d %5d %5d %9.3f %7.3f %6.3f%s%n", t.type(), t.support(),
                    t.tp(), t.fp(), t.fn(), t.precision(), t.recall(), t.f1(), t.support() == 0 ? "  (not in gold)" : ""));
        }
        b.append(String.format(Locale.ROOT, "%n%-22s %6.3f%n", "macro-F1", macroF1()));
        b.append(String.format(Locale.ROOT, "%-22s P %.3f  R %.3f  F1 %.3f%n", "micro", microPrecision(), microRecall(), microF1()));
        b.append(String.format(Locale.ROOT, "%-22s %6.3f", "status accuracy", statusAccuracy()));
        b.append("  (");
        for (int i = 0; i < statuses.size(); i++) {
            StatusAgreement s = statuses.get(i);
            if (i > 0) b.append(", ");
            b.append(s.status().name().toLowerCase(Locale.ROOT)).append(' ').append(s.correct()).append('/').append(s.found());
        }
        b.append(")\n");
        return b.toString();
    }

    /** The mismatching texts, one block each, for debugging rules. */
    public String mismatchesText() {
        StringBuilder b = new StringBuilder();
        b.append(mismatches.size()).append(" text(s) with other alerts than gold\n");
        for (Mismatch m : mismatches) {
            b.append(m.id()).append(" (line ").append(m.line()).append(") expected ").append(m.expected())
                    .append(" got ").append(m.got()).append('\n');
            m.details().forEach(d -> b.append("    ").append(d).append('\n'));
        }
        return b.toString();
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("corpus", corpus);
        root.put("texts", texts);
        root.put("exactMatches", exactMatches);
        root.put("macroF1", macroF1());
        ObjectNode micro = root.putObject("micro");
        micro.put("precision", microPrecision());
        micro.put("recall", microRecall());
        micro.put("f1", microF1());
        ArrayNode ts = root.putArray("types");
        for (TypeScore t : types) {
            ts.addObject().put("type", t.type()).put("support", t.support()).put("tp", t.tp()).put("fp", t.fp())
                    .put("fn", t.fn()).put("precision", t.precision()).put("recall", t.recall()).put("f1", t.f1());
        }
        ObjectNode st = root.putObject("status");
        st.put("accuracy", statusAccuracy());
        ArrayNode by = st.putArray("byStatus");
        for (StatusAgreement s : statuses) {
            by.addObject().put("status", s.status().name().toLowerCase(Locale.ROOT)).put("found", s.found())
                    .put("correct", s.correct());
        }
        ArrayNode ms = root.putArray("mismatches");
        for (Mismatch m : mismatches) {
            ObjectNode o = ms.addObject().put("id", m.id()).put("line", m.line());
            ArrayNode expected = o.putArray("expected");
            m.expected().forEach(expected::add);
            ArrayNode got = o.putArray("got");
            m.got().forEach(got::add);
            ArrayNode details = o.putArray("details");
            m.details().forEach(details::add);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
