package io.sitrep.sinks.auth;

import io.sitrep.sinks.http.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Users and service tokens by name, as written in config ({@code auth.users.<name>=<role>:<hash>},
 * {@code auth.tokens.<name>=<role>:<sha256>}) or in the users file (the same keys without {@code auth.}).
 */
public record Accounts(Map<String, UserAccount> users, Map<String, ServiceToken> tokens) {
    public static final String USERS = "users.";
    public static final String TOKENS = "tokens.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    public static final Accounts EMPTY = new Accounts(Map.of(), Map.of());

    public Accounts {
        users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
        tokens = Collections.unmodifiableMap(new LinkedHashMap<>(tokens));
    }

    /**
     * Reads every {@code <prefix>users.*} and {@code <prefix>tokens.*} entry; other keys are ignored.
     *
     * @param source where the entries came from, for error messages (e.g. the file's path)
     * @throws IllegalArgumentException naming the key and the source
     */
    public static Accounts parse(Map<String, String> entries, String prefix, String source) {
        Map<String, UserAccount> users = new LinkedHashMap<>();
        Map<String, ServiceToken> tokens = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) continue;
            String rest = key.substring(prefix.length());
            boolean user = rest.startsWith(USERS);
            if (!user && !rest.startsWith(TOKENS)) continue;
            String name = rest.substring(user ? USERS.length() : TOKENS.length());
            try {
                String value = e.getValue() == null ? "" : e.getValue().strip();
                int colon = value.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("expected <role>:<" + (user ? "password hash" : "token sha256") + ">");
                }
                Role role = role(value.substring(0, colon));
                String secret = value.substring(colon + 1);
                if (user) users.put(name, new UserAccount(name, role, secret));
                else tokens.put(name, new ServiceToken(name, role, secret));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(key + " in " + source + ": " + ex.getMessage(), ex);
            }
        }
        return new Accounts(users, tokens);
    }

    /** These accounts, then {@code overrides} on top (same name: the override wins). */
    public Accounts overriddenBy(Accounts overrides) {
        Map<String, UserAccount> u = new LinkedHashMap<>(users);
        u.putAll(overrides.users);
        Map<String, ServiceToken> t = new LinkedHashMap<>(tokens);
        t.putAll(overrides.tokens);
        return new Accounts(u, t);
    }

    public Accounts withUser(UserAccount account) {
        Map<String, UserAccount> u = new LinkedHashMap<>(users);
        u.put(account.name(), account);
        return new Accounts(u, tokens);
    }

    public Accounts withToken(ServiceToken token) {
        Map<String, ServiceToken> t = new LinkedHashMap<>(tokens);
        t.put(token.name(), token);
        return new Accounts(users, t);
    }

    /** Without the user and the token of that name. */
    public Accounts without(String name) {
        Map<String, UserAccount> u = new LinkedHashMap<>(users);
        u.remove(name);
        Map<String, ServiceToken> t = new LinkedHashMap<>(tokens);
        t.remove(name);
        return new Accounts(u, t);
    }

    /** {@code viewer}, {@code operator} or {@code admin}, in any case. */
    public static Role role(String text) {
        try {
            return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + text + "': one of viewer, operator, admin");
        }
    }

    static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad name '" + name + "': 1-64 letters, digits, '.', '_', '@', '-',"
                    + " starting with a letter or digit");
        }
    }
}
