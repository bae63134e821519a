package io.sitrep.nlp.place;

import java.util.List;

/**
 * Very common English words of news texts: function words, days, months and the commonest words of reports. They
 * are no gazetteer words, yet many start a sentence ("He", "The", "There") or follow a name ("said", "and"), and
 * several fold to the start of some name's key ("he" is "ha", as "Hama" begins), so each would be folded and walked
 * through the trie. Made {@link KnownSpellings} at load, their keys and trie nodes are computed once, from the
 * gazetteer, with the folder itself; what a text's words mean does not change.
 */
final class CommonWords {
    static final List<String> WORDS = List.of(
            // articles, pronouns, determiners
            "a", "an", "the", "he", "she", "it", "we", "they", "you", "i", "him", "her", "his", "hers", "its", "our",
            "their", "them", "us", "me", "my", "your", "this", "that", "these", "those", "there", "here", "who",
            "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "both", "each", "every",
            "few", "many", "more", "most", "much", "no", "not", "none", "other", "others", "some", "such", "one",
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
            "last", "next", "new", "own", "same",
            // prepositions, conjunctions, adverbs
            "about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before",
            "behind", "below", "between", "beyond", "by", "despite", "during", "for", "from", "in", "inside", "into",
            "near", "of", "off", "on", "onto", "out", "outside", "over", "since", "through", "to", "toward",
            "towards", "under", "until", "up", "upon", "with", "within", "without", "and", "but", "or", "nor", "so",
            "yet", "if", "than", "then", "while", "because", "although", "though", "also", "already", "again",
            "still", "only", "even", "just", "now", "later", "earlier", "meanwhile", "however", "moreover",
            "according", "overnight", "today", "yesterday", "tomorrow",
            // verbs
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
            "would", "can", "could", "may", "might", "must", "shall", "should", "said", "says", "say", "told",
            "added", "noted", "stated", "reported", "announced", "confirmed", "denied", "killed", "wounded",
            "injured", "arrested", "read", "live", "see",
            // days and months
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "june", "july", "august", "september", "october", "november", "december",
            // words of reports
            "head", "security", "media", "cell", "forces", "force", "ministry", "minister", "defence", "defense",
            "interior", "government", "president", "prime", "official", "officials", "source", "sources", "police",
            "army", "military", "troops", "fighters", "militants", "group", "groups", "state", "states", "united",
            "nations", "international", "national", "joint", "operations", "command", "council", "committee",
            "spokesperson", "spokesman", "statement", "news", "agency", "radio", "popular", "mobilization",
            "people", "week", "year", "years", "day", "days", "month", "months", "hours", "attack", "attacks",
            // the group most reports of the theatre name, in its usual spellings
            "isis", "isil", "daesh");

    private CommonWords() {}
}
