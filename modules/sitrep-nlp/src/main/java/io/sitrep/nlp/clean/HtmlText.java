package io.sitrep.nlp.clean;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** HTML to lines of text: page furniture elements removed, one line per block element. */
final class HtmlText {
    private static final String FURNITURE = "script,style,noscript,template,nav,aside,footer,form,button,iframe,svg,"
            + "canvas,select,input,[aria-hidden=true],[hidden]";
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "article", "section", "header", "main", "blockquote", "figure", "figcaption", "time", "tr", "td", "th",
            "table", "pre", "dd", "dt", "hr", "title");

    record Page(String title, String text) {}

    private HtmlText() {}

    private static final String[] TAGS = {"<html", "<body", "<p>", "<p ", "<div", "<article", "<!doctype html", "<br", "<h1"};

    /** Whether a captured body is HTML rather than text: a known tag (any case) in its first 4,000 chars. */
    static boolean looksLikeHtml(String body) {
        int n = Math.min(body.length(), 4_000);
        for (int i = body.indexOf('<'); i >= 0 && i < n; i = body.indexOf('<', i + 1)) {
            for (String tag : TAGS) if (lowerCaseStarts(body, i, n, tag)) return true;
        }
        return false;
    }

    /** Whether text[at, limit) starts with {@code lower} once lower-cased ('İ' lower-cases to two chars: no match). */
    private static boolean lowerCaseStarts(String text, int at, int limit, String lower) {
        if (at + lower.length() > limit) return false;
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(at + k);
            char l = lower.charAt(k);
            if (c != l && (c == '\u0130' || Character.toLowerCase(c) != l)) return false;
        }
        return true;
    }

    static Page toText(String html) {
        Document doc = Jsoup.parse(html);
        doc.select(FURNITURE).remove();
        Element h1 = doc.selectFirst("h1");
        String title = h1 != null && !h1.text().isBlank() ? h1.text() : doc.title();
        StringBuilder out = new StringBuilder(html.length() / 2);
        doc.body().traverse(new NodeVisitor() {
            @Override public void head(Node node, int depth) {
                if (node instanceof TextNode t) out.append(t.text());
                else if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append('\n');
            }

            @Override public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) out.append('\n');
            }
        });
        return new Page(title == null || title.isBlank() ? null : title.strip(), out.toString());
    }
}
