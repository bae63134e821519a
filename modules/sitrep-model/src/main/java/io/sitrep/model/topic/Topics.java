package io.sitrep.model.topic;

import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.ActorActivity;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.Article;
import io.sitrep.model.avro.EnrichedArticle;
import io.sitrep.model.avro.RegionStatus;
import io.sitrep.model.avro.Rule;
import io.sitrep.model.avro.RuleStatus;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.avro.Story;
import io.sitrep.model.serde.AvroSerde;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;

/** The typed topic registry. Names follow {@code sitrep.<noun>[.<qualifier>]}, dots only. */
public final class Topics {
    private Topics() {}

    public static final Topic<String, Article> ARTICLES_RAW = new Topic<>("sitrep.articles.raw",
            Serdes.String(), AvroSerde.of(Article.class), false,
            "Article events from every producer; key = article id");
    public static final Topic<String, EnrichedArticle> ARTICLES_ENRICHED = new Topic<>("sitrep.articles.enriched",
            Serdes.String(), AvroSerde.of(EnrichedArticle.class), false,
            "one record per article segment with entities, places and events; key = segment id");
    public static final Topic<String, Story> STORIES = new Topic<>("sitrep.stories",
            Serdes.String(), AvroSerde.of(Story.class), true,
            "reports of one event joined across outlets (compacted: the latest state per story); key = story id");
    public static final Topic<String, Alert> ALERTS = new Topic<>("sitrep.alerts",
            Serdes.String(), AvroSerde.of(Alert.class), true,
            "every version of every alert (compacted: the latest version per alert id); key = alert id");
    public static final Topic<String, AlertAction> ALERT_ACTIONS = new Topic<>("sitrep.alert-actions",
            Serdes.String(), AvroSerde.of(AlertAction.class), false,
            "operator actions on alerts; key = alert id");
    public static final Topic<String, Silence> SILENCES = new Topic<>("sitrep.silences",
            Serdes.String(), AvroSerde.of(Silence.class), true,
            "silences by matchers with an expiry, as in Alertmanager (compacted); key = silence id");
    public static final Topic<String, Rule> RULES = new Topic<>("sitrep.rules",
            Serdes.String(), AvroSerde.of(Rule.class), true,
            "operator rules (compacted: the latest version per rule; a tombstone deletes); key = rule id");
    public static final Topic<String, RuleStatus> RULES_STATUS = new Topic<>("sitrep.rules-status",
            Serdes.String(), AvroSerde.of(RuleStatus.class), true,
            "ACCEPTED or REJECTED with the reason, per operator rule, and the rule in force (compacted); key = rule id");
    public static final Topic<String, RegionStatus> SITUATION_REGIONS = new Topic<>("sitrep.situation.regions",
            Serdes.String(), AvroSerde.of(RegionStatus.class), true,
            "the situation per governorate: its open and recent alerts (compacted: the latest per region); key = governorate");
    public static final Topic<String, ActorActivity> SITUATION_ACTORS = new Topic<>("sitrep.situation.actors",
            Serdes.String(), AvroSerde.of(ActorActivity.class), true,
            "the recent alerts naming each actor (compacted: the latest per actor); key = actor");
    public static final Topic<byte[], byte[]> DLQ = new Topic<>("sitrep.dlq",
            Serdes.ByteArray(), Serdes.ByteArray(), false,
            "records that could not be processed, unchanged, with the reason in __streams.errors.* headers");

    public static final List<Topic<?, ?>> ALL = List.of(ARTICLES_RAW, ARTICLES_ENRICHED, STORIES, ALERTS, ALERT_ACTIONS, SILENCES, RULES, RULES_STATUS, SITUATION_REGIONS, SITUATION_ACTORS, DLQ);

    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
