package io.sitrep.nlp.clean;

import java.util.List;

/** A news outlet: its canonical name, the other names it goes by, and whether it only re-publishes others. */
public record Outlet(String name, List<String> aliases, boolean aggregator) {}
