package io.sitrep.nlp;

public enum EntityType { PERSON, ORGANIZATION, ARMED_GROUP, COUNTRY }
