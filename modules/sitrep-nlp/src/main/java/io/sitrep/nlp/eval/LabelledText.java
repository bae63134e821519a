package io.sitrep.nlp.eval;

import io.sitrep.nlp.ArticleText;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One text of the dev corpus with its gold labels. {@code alerts} are the types that must raise an alert;
 * {@code events} every event the text reports; {@code line} the 1-based line it came from.
 */
public record LabelledText(String id, String title, String text, Instant publishedAt, Set<String> alerts,
                           List<GoldEvent> events, String note, int line) {

    /** The text as the analyzer reads it: no source and no URL, as a pasted article would arrive. */
    public ArticleText toArticle() {
        return new ArticleText(id, title, text, publishedAt, null, null);
    }
}
