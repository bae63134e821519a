package io.sitrep.nlp;

public enum Severity { CRITICAL, HIGH, MEDIUM, LOW, INFO }
