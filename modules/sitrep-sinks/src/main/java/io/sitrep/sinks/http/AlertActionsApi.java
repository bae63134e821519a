package io.sitrep.sinks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.sitrep.model.avro.ActionType;
import io.sitrep.model.avro.Alert;
import io.sitrep.model.avro.AlertAction;
import io.sitrep.model.avro.AlertStatus;
import io.sitrep.model.avro.Matcher;
import io.sitrep.model.avro.Silence;
import io.sitrep.model.command.CommandPublisher;
import io.sitrep.model.json.AvroJson;
import io.sitrep.model.query.AlertFilter;
import io.sitrep.model.query.AlertQueries;
import io.sitrep.model.silence.SilenceMatcher;
import io.sitrep.sinks.auth.AuthAccessControl;
import io.sitrep.sinks.auth.AuthenticatedUser;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side for operators: {@code POST /api/alerts/{id}/actions} and silences ({@code GET/POST /api/silences},
 * {@code DELETE /api/silences/{id}}). Requests become records on sitrep.alert-actions / sitrep.silences, which the
 * topologies apply; the answer is 202 once the record is durably written. Every write names who did it.
 */
public final class AlertActionsApi implements HttpFeature {
    private static final Logger log = LoggerFactory.getLogger(AlertActionsApi.class);
    private static final Set<String> ACTION_FIELDS = Set.of("action", "assignee", "comment", "until");

    private final AlertQueries queries;
    private final CommandPublisher publisher;
    private final Clock clock;

    public AlertActionsApi(AlertQueries queries, CommandPublisher publisher, Clock clock) {
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public void register(JavalinConfig cfg) {
        cfg.routes.post("/api/alerts/{id}/actions", this::act, Role.OPERATOR);
        cfg.routes.get("/api/silences", this::listSilences, Role.VIEWER);
        cfg.routes.post("/api/silences", this::silence, Role.OPERATOR);
        cfg.routes.delete("/api/silences/{id}", this::expireSilence, Role.OPERATOR);
    }

    private void act(Context ctx) {
        String alertId = ctx.pathParam("id");
        JsonNode body = body(ctx);
        for (var it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ACTION_FIELDS.contains(f)) throw new ApiServer.BadRequest("unknown field '" + f + "': allowed " + ACTION_FIELDS);
        }
        ActionType type = actionType(text(body, "action"));
        String assignee = text(body, "assignee");
        String comment = text(body, "comment");
        Instant until = instant(text(body, "until"), "until");
        Instant now = clock.instant();
        if (type == ActionType.ASSIGN && blank(assignee)) throw new ApiServer.BadRequest("ASSIGN needs an \"assignee\"");
        if (type == ActionType.COMMENT && blank(comment)) throw new ApiServer.BadRequest("COMMENT needs a \"comment\"");
        if (type == ActionType.SILENCE && until != null && !until.isAfter(now)) {
            throw new ApiServer.BadRequest("\"until\" must be in the future");
        }
        if (comment != null && comment.length() > 4000) throw new ApiServer.BadRequest("comment longer than 4000 characters");
        Alert alert = queries.alert(alertId).orElse(null);
        if (alert == null) {
            ApiServer.error(ctx, 404, "no alert with id " + alertId);
            return;
        }
        AlertAction action = AlertAction.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setAlertId(alertId)
                .setAction(type)
                .setActor(actor(ctx))
                .setAt(now)
                .setAssignee(assignee)
                .setComment(comment)
                .setUntil(until)
                .build();
        publisher.publish(action);
        log.info("{} {} alert {} at {}", action.getActor(), type, alertId, now);
        ApiServer.json(ctx, 202, AvroJson.toJson(action));
    }

    private void listSilences(Context ctx) {
        ArrayNode out = AvroJson.MAPPER.createArrayNode();
        Instant now = clock.instant();
        for (Silence s : queries.silences()) {
            ObjectNode n = AvroJson.toNode(s);
            n.put("state", SilenceMatcher.active(s, now) ? "active" : now.isBefore(s.getStartsAt()) ? "pending" : "expired");
            out.add(n);
        }
        ApiServer.json(ctx, 200, AvroJson.write(out));
    }

    private void silence(Context ctx) {
        JsonNode body = body(ctx);
        Instant now = clock.instant();
        List<Matcher> matchers = new ArrayList<>();
        JsonNode ms = body.path("matchers");
        if (!ms.isArray() || ms.isEmpty()) throw new ApiServer.BadRequest("\"matchers\" must be a non-empty array");
        for (JsonNode m : ms) {
            Matcher matcher = Matcher.newBuilder()
                    .setName(required(m, "name", "matcher"))
                    .setValue(required(m, "value", "matcher"))
                    .setIsRegex(m.path("isRegex").asBoolean(false))
                    .setIsEqual(m.path("isEqual").asBoolean(true))
                    .build();
            String problem = SilenceMatcher.problem(matcher);
            if (problem != null) throw new ApiServer.BadRequest(problem);
            matchers.add(matcher);
        }
        Instant startsAt = instant(text(body, "startsAt"), "startsAt");
        Instant endsAt = instant(required(body, "endsAt", "silence"), "endsAt");
        if (startsAt == null) startsAt = now;
        if (!endsAt.isAfter(startsAt) || !endsAt.isAfter(now)) {
            throw new ApiServer.BadRequest("\"endsAt\" must be after \"startsAt\" and in the future");
        }
        Silence silence = Silence.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setMatchers(matchers)
                .setStartsAt(startsAt)
                .setEndsAt(endsAt)
                .setCreatedBy(actor(ctx))
                .setComment(text(body, "comment"))
                .setCreatedAt(now)
                .build();
        publisher.publish(silence);
        // alerts already open are silenced now; new ones are silenced as they are raised
        List<String> silenced = new ArrayList<>();
        if (SilenceMatcher.active(silence, now)) {
            for (Alert a : queries.alerts(AlertFilter.all().withLimit(Integer.MAX_VALUE))) {
                if ((a.getStatus() == AlertStatus.OPEN || a.getStatus() == AlertStatus.ACKNOWLEDGED)
                        && SilenceMatcher.matches(silence, a, now)) {
                    publisher.publish(AlertAction.newBuilder().setId(UUID.randomUUID().toString()).setAlertId(a.getId())
                            .setAction(ActionType.SILENCE).setActor(silence.getCreatedBy()).setAt(now)
                            .setUntil(endsAt).setComment("silence " + silence.getId()).build());
                    silenced.add(a.getId());
                }
            }
        }
        log.info("{} created silence {} {} until {}; silenced {}", silence.getCreatedBy(), silence.getId(), matchers, endsAt, silenced);
        ObjectNode out = AvroJson.toNode(silence);
        ArrayNode ids = out.putArray("silencedAlerts");
        silenced.forEach(ids::add);
        ApiServer.json(ctx, 201, AvroJson.write(out));
    }

    private void expireSilence(Context ctx) {
        String id = ctx.pathParam("id");
        Silence s = queries.silences().stream().filter(x -> x.getId().equals(id)).findFirst().orElse(null);
        if (s == null) {
            ApiServer.error(ctx, 404, "no silence with id " + id);
            return;
        }
        Instant now = clock.instant();
        Silence expired = Silence.newBuilder(s).setEndsAt(now.isAfter(s.getStartsAt()) ? now : s.getStartsAt()).build();
        publisher.publish(expired);
        log.info("{} expired silence {} at {}", actor(ctx), id, now);
        ApiServer.json(ctx, 200, AvroJson.toJson(expired));
    }

    private static String actor(Context ctx) {
        return AuthAccessControl.user(ctx).map(AuthenticatedUser::name).orElse("anonymous");
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = AvroJson.MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) throw new ApiServer.BadRequest("the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new ApiServer.BadRequest("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static ActionType actionType(String s) {
        if (blank(s)) throw new ApiServer.BadRequest("\"action\" is required: one of " + Arrays.toString(ActionType.values()));
        try {
            return ActionType.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiServer.BadRequest("unknown action '" + s + "': one of " + Arrays.toString(ActionType.values()));
        }
    }

    private static Instant instant(String s, String field) {
        if (blank(s)) return null;
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ApiServer.BadRequest("\"" + field + "\" is not an ISO-8601 time such as 2026-01-22T08:00:00Z: " + s);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new ApiServer.BadRequest("\"" + field + "\" must be a string");
        return v.asText();
    }

    private static String required(JsonNode n, String field, String what) {
        String v = text(n, field);
        if (blank(v)) throw new ApiServer.BadRequest(what + " needs \"" + field + "\"");
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
