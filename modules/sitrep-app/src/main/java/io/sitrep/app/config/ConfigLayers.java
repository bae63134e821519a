package io.sitrep.app.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The layers a setting's value can come from, highest first: command line, environment, file, default. A blank
 * value means "not set here" at every layer, so {@code SITREP_HTTP_PORT=} does not hide the file's value.
 */
final class ConfigLayers {
    static final String AUTH_PREFIX = "auth.";

    private record Raw(String value, String source) {}

    private final Map<Setting, Raw> chosen = new EnumMap<>(Setting.class);
    /** auth.* keys of the file, passed whole to the authentication settings, which validate them. */
    private final Map<String, String> auth = new TreeMap<>();

    private ConfigLayers() {}

    static ConfigLayers resolve(Path configFileOrNull, Map<String, String> env, Map<String, String> cli,
                                Map<Setting, String> computedDefaults) {
        ConfigLayers layers = new ConfigLayers();
        for (Setting setting : Setting.values()) {
            String fallback = setting.defaultValue != null ? setting.defaultValue : computedDefaults.get(setting);
            layers.chosen.put(setting, new Raw(fallback, "default"));
        }
        layers.overlay(readFile(configFileOrNull), "file ");
        for (Setting setting : Setting.values()) {
            layers.offer(setting, env.get(setting.environmentVariable()), "environment variable " + setting.environmentVariable());
        }
        for (Map.Entry<String, String> override : cli.entrySet()) {
            Setting setting = Setting.byKey(override.getKey());
            if (setting == null) {
                throw new IllegalArgumentException("unknown configuration key from the command line: " + override.getKey());
            }
            layers.offer(setting, override.getValue(), "command line");
        }
        return layers;
    }

    /** The parsed value of {@code setting}, or an {@link InvalidConfigException} naming key, value and layer. */
    <T> T get(Setting setting, Function<String, T> parser) {
        Raw raw = chosen.get(setting);
        try {
            return parser.apply(raw.value);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(setting.key, raw.source, "invalid " + setting.key + " '" + raw.value
                    + "' (from " + raw.source + "): " + e.getMessage());
        }
    }

    Map<String, String> auth() {
        return Map.copyOf(auth);
    }

    private void offer(Setting setting, String value, String source) {
        if (value != null && !value.isBlank()) {
            chosen.put(setting, new Raw(value.strip(), source));
        }
    }

    private void overlay(FileLayer file, String sourcePrefix) {
        if (file == null) {
            return;
        }
        for (String key : file.properties.stringPropertyNames()) {
            if (key.startsWith(AUTH_PREFIX)) {
                auth.put(key, file.properties.getProperty(key));
                continue;
            }
            Setting setting = Setting.byKey(key);
            if (setting == null) {
                TreeSet<String> known = new TreeSet<>();
                for (Setting s : Setting.values()) {
                    known.add(s.key);
                }
                throw new InvalidConfigException(key, sourcePrefix + file.path, "unknown key '" + key + "' in "
                        + file.path + "; known keys: " + String.join(", ", known) + ", auth.* (docs/SECURITY.md)");
            }
            offer(setting, file.properties.getProperty(key), sourcePrefix + file.path);
        }
    }

    private record FileLayer(Path path, Properties properties) {}

    /** The file given by {@code --config} (which must exist), else {@code ./sitrep.properties} when present. */
    private static FileLayer readFile(Path configFileOrNull) {
        Path path = configFileOrNull != null ? configFileOrNull : Path.of(SitrepConfig.FILE_NAME);
        if (!Files.isRegularFile(path)) {
            if (configFileOrNull != null) {
                throw new InvalidConfigException("", "command line", "configuration file " + path + " not found");
            }
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + path, e);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("", "file " + path, "malformed configuration file " + path + ": " + e.getMessage());
        }
        return new FileLayer(path, properties);
    }
}
