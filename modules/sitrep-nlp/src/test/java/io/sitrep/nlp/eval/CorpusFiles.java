package io.sitrep.nlp.eval;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds data/corpus/dev.jsonl from the repo root Maven passes as {@code sitrep.root} (or by walking up from here). */
final class CorpusFiles {
    private CorpusFiles() {}

    static Path devCorpus() {
        String root = System.getProperty("sitrep.root");
        if (root != null && !root.isBlank()) return Path.of(root, "data", "corpus", "dev.jsonl");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/corpus/dev.jsonl");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("cannot find data/corpus/dev.jsonl: set -Dsitrep.root to the repository root");
    }
}
