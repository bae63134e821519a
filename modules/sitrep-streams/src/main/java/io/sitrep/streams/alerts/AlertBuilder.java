package io.sitrep.streams.alerts;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.EventStatus;
import io.sitrep.model.avro.Report;
import io.sitrep.model.avro.Severity;
import io.sitrep.model.avro.Story;
import io.sitrep.model.avro.StoryReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** The alert a story shows, and what changed since its previous version. */
public final class AlertBuilder {
    private static final int MAX_EVIDENCE = 5;

    private AlertBuilder() {}

    /** @param previous the alert's last version, or null for a new alert */
    public static Alert build(Story story, Alert previous) {
        List<StoryReport> originals = story.getReports().stream().filter(r -> r.getDuplicateOf() == null).toList();
        List<StoryReport> basis = originals.isEmpty() ? story.getReports() : originals;
        StoryReport best = basis.stream()
                .min(Comparator.comparing((StoryReport r) -> r.getEventStatus().ordinal())
                        .thenComparing(r -> -r.getConfidence())
                        .thenComparing(StoryReport::getPublishedAt))
                .orElseThrow();
        Severity severity = basis.stream().map(StoryReport::getSeverity)
                .min(Comparator.comparing(Severity::ordinal)).orElse(Severity.INFO);
        Set<String> evidence = new LinkedHashSet<>();
        for (StoryReport r : basis) if (evidence.size() < MAX_EVIDENCE) evidence.add(r.getEvidence());
        double miss = 1;
        for (StoryReport r : basis) miss *= 1 - Math.min(0.99, r.getConfidence());
        List<Report> reports = story.getReports().stream().map(r -> Report.newBuilder()
                .setArticleId(r.getArticleId()).setOutlet(r.getOutlet() != null ? r.getOutlet() : r.getSource())
                .setUrl(r.getUrl()).setPublishedAt(r.getPublishedAt()).setDuplicateOf(r.getDuplicateOf()).build()).toList();

        Alert.Builder a = Alert.newBuilder()
                .setId(story.getId())
                .setType(story.getType())
                .setSeverity(severity)
                .setStatus(previous == null ? AlertStatus.OPEN : previous.getStatus())
                .setHeadline(headline(story, best))
                .setSummary(best.getEvidence())
                .setEventStatus(best.getEventStatus())
                .setConfidence(Math.round((1 - miss) * 1000) / 1000.0)
                .setPlace(story.getPlace())
                .setActors(story.getActors())
                .setEvidence(new ArrayList<>(evidence))
                .setReports(reports)
                .setIndependentOutlets(story.getIndependentOutlets())
                .setFirstSeen(story.getFirstSeen())
                .setLastSeen(story.getLastSeen())
                .setAssignee(previous == null ? null : previous.getAssignee());
        if (previous == null) {
            return a.setVersion(1).setChanges(List.of("NEW")).build();
        }
        List<String> changes = changes(previous, a.build());
        return a.setVersion(previous.getVersion() + 1).setChanges(changes).build();
    }

    /** Whether a new version says anything the previous one did not. */
    public static boolean differs(Alert previous, Alert next) {
        return previous == null || !changes(previous, next).isEmpty();
    }

    private static List<String> changes(Alert p, Alert n) {
        List<String> out = new ArrayList<>();
        if (n.getReports().size() != p.getReports().size()) {
            Set<String> before = new LinkedHashSet<>();
            p.getReports().forEach(r -> before.add(r.getArticleId() + "|" + r.getOutlet()));
            for (Report r : n.getReports()) {
                if (!before.contains(r.getArticleId() + "|" + r.getOutlet())) {
                    out.add((r.getDuplicateOf() != null ? "DUPLICATE_REPORT " : "REPORT ") + r.getOutlet());
                }
            }
            if (out.isEmpty()) out.add("REPORTS " + n.getReports().size());
        }
        if (n.getIndependentOutlets() != p.getIndependentOutlets()) out.add("INDEPENDENT_OUTLETS " + n.getIndependentOutlets());
        if (n.getSeverity() != p.getSeverity()) out.add("SEVERITY " + n.getSeverity());
        if (n.getEventStatus() != p.getEventStatus()) out.add("EVENT_STATUS " + n.getEventStatus());
        if (!Objects.equals(n.getPlace(), p.getPlace())) out.add("PLACE");
        if (!n.getActors().equals(p.getActors())) out.add("ACTORS");
        return out;
    }

    static String headline(Story story, StoryReport best) {
        StringBuilder h = new StringBuilder(title(story.getType()));
        if (best.getEventStatus() == EventStatus.PLANNED) h.append(" (planned)");
        if (story.getPlace() != null) h.append(" — ").append(story.getPlace().getName());
        String text = best.getHeadline() != null && !best.getHeadline().isBlank() ? best.getHeadline() : best.getEvidence();
        h.append(": ").append(shorten(text.strip(), 140));
        return h.toString();
    }

    static String title(String type) {
        String t = type.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    private static String shorten(String s, int max) {
        if (s.length() <= max) return s;
        int cut = s.lastIndexOf(' ', max - 1);
        return s.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
