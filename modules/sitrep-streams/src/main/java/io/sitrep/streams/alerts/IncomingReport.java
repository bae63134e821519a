package io.sitrep.streams.alerts;

import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.Event;
import io.sitrep.model.avro.Place;
import io.sitrep.model.avro.StoryReport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Set;

/** One alert-raising event of one segment, as the story book sees it. */
public record IncomingReport(String type, StoryReport report, Place place, List<String> actors, Set<String> keywords) {

    public static IncomingReport of(EnrichedArticle segment, Event event) {
        StoryReport r = StoryReport.newBuilder()
                .setSegmentId(segment.getId())
                .setArticleId(segment.getArticleId())
                .setOutlet(segment.getOutlet())
                .setSource(segment.getSource())
                .setAggregator(segment.getSourceIsAggregator())
                .setUrl(segment.getUrl())
                .setPublishedAt(segment.getPublishedAt())
                .setContentHash(segment.getContentHash())
                .setSimhash(TextFingerprints.simhash(segment.getText()))
                .setHeadline(segment.getHeadline())
                .setEvidence(event.getEvidence())
                .setEventStatus(event.getStatus())
                .setSeverity(event.getSeverity())
                .setConfidence(event.getConfidence())
                .setQuantities(new HashMap<>(event.getQuantities()))
                .build();
        String keyText = (segment.getHeadline() == null ? "" : segment.getHeadline() + " ") + event.getEvidence();
        return new IncomingReport(event.getType(), r, event.getPlace(), event.getActors(),
                TextFingerprints.keywords(keyText));
    }

    public Instant time() { return report.getPublishedAt(); }
}
