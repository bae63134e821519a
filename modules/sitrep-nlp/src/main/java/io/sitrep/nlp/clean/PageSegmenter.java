package io.sitrep.nlp.clean;

import io.sitrep.nlp.ArticleText;
import java.util.List;

/** Cleans a captured page and cuts it into the articles it holds. (First cut: one segment, text as given.) */
public final class PageSegmenter {
    public static PageSegmenter standard() { return new PageSegmenter(); }

    public List<Segment> segment(ArticleText article) {
        String body = article.body() == null ? "" : article.body();
        return List.of(new Segment(0, article.title(), body, article.publishedAt(), article.source(), null));
    }
}
