package io.sitrep.sinks.auth;

import static io.sitrep.sinks.auth.SameOrigin.Verdict.CROSS;
import static io.sitrep.sinks.auth.SameOrigin.Verdict.SAME;
import static io.sitrep.sinks.auth.SameOrigin.Verdict.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SameOriginTest {
    @Test
    void comparesHostAndPortOfOriginElseReferer() {
        assertThat(SameOrigin.check("http://127.0.0.1:8080", null, "127.0.0.1:8080", Set.of())).isEqualTo(SAME);
        assertThat(SameOrigin.check("http://localhost:8080", null, "127.0.0.1:8080", Set.of())).isEqualTo(CROSS);
        assertThat(SameOrigin.check("http://127.0.0.1:9090", null, "127.0.0.1:8080", Set.of())).isEqualTo(CROSS);
        assertThat(SameOrigin.check("https://evil.example", null, "sitrep.example", Set.of())).isEqualTo(CROSS);
        assertThat(SameOrigin.check(null, "http://127.0.0.1:8080/alerts?x=1", "127.0.0.1:8080", Set.of())).isEqualTo(SAME);
        assertThat(SameOrigin.check("null", "https://evil.example/x", "127.0.0.1:8080", Set.of())).isEqualTo(CROSS);
        assertThat(SameOrigin.check("null", null, "127.0.0.1:8080", Set.of())).isEqualTo(UNKNOWN);
        assertThat(SameOrigin.check(null, null, "127.0.0.1:8080", Set.of())).isEqualTo(UNKNOWN);
        assertThat(SameOrigin.check("not a url", null, "127.0.0.1:8080", Set.of())).isEqualTo(CROSS);
    }

    @Test
    void defaultPortsAndTlsProxiesMatchAndExtraOriginsAreAccepted() {
        assertThat(SameOrigin.check("https://sitrep.example", null, "sitrep.example", Set.of())).isEqualTo(SAME);
        assertThat(SameOrigin.check("https://sitrep.example", null, "SITREP.example:443", Set.of())).isEqualTo(SAME);
        Set<String> allowed = Set.of(SameOrigin.normalize("https://ops.example"));
        assertThat(SameOrigin.check("https://ops.example:443", null, "10.0.0.5:8080", allowed)).isEqualTo(SAME);
        assertThat(SameOrigin.check("http://ops.example", null, "10.0.0.5:8080", allowed)).isEqualTo(CROSS);
    }
}
