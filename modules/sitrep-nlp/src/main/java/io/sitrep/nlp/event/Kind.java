package io.sitrep.nlp.event;

/** What a lexicon entry stands for. */
enum Kind { TRIGGER, WEAK_TRIGGER, ROLE, EXCLUSION, VETO, CUE, HEDGE, CLAUSE_BREAK, MONTH, YEAR_PREFIX, DATE_IGNORE, NUMBER_WORD, PERSON, QUANTITY_VERB }
