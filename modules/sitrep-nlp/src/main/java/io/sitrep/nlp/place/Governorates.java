package io.sitrep.nlp.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Governorate and country of a point, by point-in-polygon on the Natural Earth admin-1 polygons of Iraq and Syria
 * (geo/ne_admin1_*.geojson), named by geo/governorates.tsv. Loaded once; an envelope index (STR tree) picks the few
 * polygons worth testing. Thread-safe after construction.
 */
public final class Governorates {
    private static final String NAMES_FILE = "geo/governorates.tsv";
    private static final List<String> POLYGON_FILES = List.of("geo/ne_admin1_irq.geojson", "geo/ne_admin1_syr.geojson");
    private static final double KM_PER_DEGREE = 111.2;

    private record Area(Governorate governorate, Geometry geometry, PreparedGeometry prepared) {}

    private final GeometryFactory geometries = new GeometryFactory();
    private final List<Area> areas;
    private final STRtree index = new STRtree();
    private final Map<String, Governorate> byName;

    private Governorates(List<Area> areas) {
        this.areas = List.copyOf(areas);
        Map<String, Governorate> names = new LinkedHashMap<>();
        for (Area a : areas) {
            index.insert(a.geometry().getEnvelopeInternal(), a);
            names.putIfAbsent(a.governorate().name(), a.governorate());
        }
        index.build();
        this.byName = Map.copyOf(names);
    }

    private static final class Holder {
        static final Governorates STANDARD = load(NAMES_FILE, POLYGON_FILES);
    }

    /** The governorates of Iraq and Syria shipped in the jar; loaded on first use, then shared. */
    public static Governorates standard() {
        return Holder.STANDARD;
    }

    /** Canonical governorate name at a point, empty outside Iraq and Syria. */
    public Optional<String> admin1At(double lat, double lon) {
        return at(lat, lon).map(Governorate::name);
    }

    /** ISO alpha-2 country at a point, for points in Iraq or Syria; empty elsewhere. */
    public Optional<String> countryAt(double lat, double lon) {
        return at(lat, lon).map(Governorate::country);
    }

    /** The governorate whose polygon covers the point. */
    public Optional<Governorate> at(double lat, double lon) {
        Point p = geometries.createPoint(new Coordinate(lon, lat));
        for (Object o : index.query(p.getEnvelopeInternal())) {
            Area a = (Area) o;
            if (a.prepared().covers(p)) return Optional.of(a.governorate());
        }
        return Optional.empty();
    }

    /**
     * The governorate of {@code country} nearest to a point, when within {@code maxKm}: for sites on a border that
     * the coarse polygons put a few kilometres on the wrong side.
     */
    public Optional<Governorate> nearest(double lat, double lon, String country, double maxKm) {
        Point p = geometries.createPoint(new Coordinate(lon, lat));
        Governorate best = null;
        double bestKm = Double.MAX_VALUE;
        for (Area a : areas) {
            if (!a.governorate().country().equals(country)) continue;
            double km = a.geometry().distance(p) * KM_PER_DEGREE;
            if (km < bestKm) {
                bestKm = km;
                best = a.governorate();
            }
        }
        return bestKm <= maxKm ? Optional.ofNullable(best) : Optional.empty();
    }

    /** Distance in km from a point to the nearest polygon of Iraq or Syria (0 inside). */
    double kmToTheatre(double lat, double lon) {
        Point p = geometries.createPoint(new Coordinate(lon, lat));
        double best = Double.MAX_VALUE;
        for (Area a : areas) best = Math.min(best, a.geometry().distance(p) * KM_PER_DEGREE);
        return best;
    }

    /** The governorate of that canonical name. */
    public Optional<Governorate> byName(String canonicalName) {
        return Optional.ofNullable(byName.get(canonicalName));
    }

    /** Every governorate, once each, in file order. */
    public List<Governorate> all() {
        return new ArrayList<>(new LinkedHashSet<>(areas.stream().map(Area::governorate).toList()));
    }

    // ---- loading -------------------------------------------------------------------------------------------------

    private record Naming(String name, String country, List<String> extraNames, Set<String> notNames, int line) {}

    static Governorates load(String namesFile, List<String> polygonFiles) {
        Map<String, Naming> naming = readNaming(namesFile);
        ObjectMapper json = new ObjectMapper();
        GeometryFactory factory = new GeometryFactory();
        Map<String, Governorate> governorates = new LinkedHashMap<>();
        List<Area> areas = new ArrayList<>();
        Set<String> seenCodes = new HashSet<>();
        for (String file : polygonFiles) {
            JsonNode root = readJson(json, file);
            int featureNo = 0;
            for (JsonNode feature : root.path("features")) {
                featureNo++;
                JsonNode props = feature.path("properties");
                String code = props.path("code_hasc").asText("");
                String where = file + " feature " + featureNo + " (" + props.path("name").asText("?") + ")";
                Naming n = naming.get(code);
                if (n == null) throw new PlaceDataException(where + ": code_hasc '" + code + "' has no line in " + namesFile);
                seenCodes.add(code);
                Geometry geometry = geometry(factory, feature.path("geometry"), where);
                Governorate g = governorates.get(n.name());
                if (g == null) {
                    Set<String> names = new LinkedHashSet<>();
                    names.add(n.name());
                    names.add(props.path("name").asText());
                    for (String alt : props.path("name_alt").asText("").split("\\|")) {
                        if (!alt.isBlank() && !n.notNames().contains(alt.strip())) names.add(alt.strip());
                    }
                    names.addAll(n.extraNames());
                    Point label = labelPoint(factory, props, geometry);
                    g = new Governorate(n.name(), n.country(), code, label.getY(), label.getX(), new ArrayList<>(names));
                    governorates.put(n.name(), g);
                }
                areas.add(new Area(g, geometry, PreparedGeometryFactory.prepare(geometry)));
            }
        }
        for (Map.Entry<String, Naming> e : naming.entrySet()) {
            if (!seenCodes.contains(e.getKey())) {
                throw PlaceDataException.at(namesFile, e.getValue().line(), "code '" + e.getKey() + "' matches no polygon");
            }
        }
        return new Governorates(areas);
    }

    private static Map<String, Naming> readNaming(String file) {
        Map<String, Naming> out = new LinkedHashMap<>();
        TsvReader.read(file, (line, f) -> {
            if (f.length != 5) throw PlaceDataException.at(file, line, "expected 5 tab-separated columns, found " + f.length);
            String code = f[0].strip();
            String name = f[1].strip();
            String country = f[2].strip();
            if (code.isEmpty() || name.isEmpty()) throw PlaceDataException.at(file, line, "code and name are required");
            if (!country.equals("IQ") && !country.equals("SY")) {
                throw PlaceDataException.at(file, line, "country must be IQ or SY, was '" + country + "'");
            }
            if (out.containsKey(code)) throw PlaceDataException.at(file, line, "code '" + code + "' appears twice");
            out.put(code, new Naming(name, country, TsvReader.names(f[3]), new HashSet<>(TsvReader.names(f[4])), line));
        });
        return out;
    }

    private static JsonNode readJson(ObjectMapper json, String file) {
        try (InputStream in = Governorates.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) throw new PlaceDataException(file + ": not found on the class path");
            return json.readTree(in);
        } catch (IOException e) {
            throw new PlaceDataException(file + ": unreadable GeoJSON: " + e.getMessage(), e);
        }
    }

    private static Geometry geometry(GeometryFactory factory, JsonNode geometry, String where) {
        String type = geometry.path("type").asText();
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(factory, coordinates, where);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) parts[i] = polygon(factory, coordinates.get(i), where);
                yield factory.createMultiPolygon(parts);
            }
            default -> throw new PlaceDataException(where + ": geometry type '" + type + "' is not a polygon");
        };
    }

    private static Polygon polygon(GeometryFactory factory, JsonNode rings, String where) {
        if (rings.size() == 0) throw new PlaceDataException(where + ": polygon without rings");
        LinearRing shell = ring(factory, rings.get(0), where);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(factory, rings.get(i), where);
        Polygon p = factory.createPolygon(shell, holes);
        if (!p.isValid()) {
            // a self-touching ring in coarse data: buffer(0) repairs it without moving the outline
            Geometry repaired = p.buffer(0);
            if (repaired instanceof Polygon rp) return rp;
        }
        return p;
    }

    private static LinearRing ring(GeometryFactory factory, JsonNode points, String where) {
        Coordinate[] cs = new Coordinate[points.size()];
        for (int i = 0; i < cs.length; i++) {
            JsonNode pt = points.get(i);
            if (pt.size() < 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                throw new PlaceDataException(where + ": coordinate " + i + " is not [lon, lat]");
            }
            cs[i] = new Coordinate(pt.get(0).asDouble(), pt.get(1).asDouble());
        }
        if (cs.length > 0 && !cs[0].equals2D(cs[cs.length - 1])) {
            cs = Arrays.copyOf(cs, cs.length + 1);
            cs[cs.length - 1] = new Coordinate(cs[0]);
        }
        if (cs.length < 4) throw new PlaceDataException(where + ": ring with fewer than 4 points");
        return factory.createLinearRing(cs);
    }

    /** Natural Earth's label point when it lies inside, else an interior point. */
    private static Point labelPoint(GeometryFactory factory, JsonNode props, Geometry geometry) {
        JsonNode lat = props.path("latitude");
        JsonNode lon = props.path("longitude");
        if (lat.isNumber() && lon.isNumber()) {
            Point p = factory.createPoint(new Coordinate(lon.asDouble(), lat.asDouble()));
            if (geometry.covers(p)) return p;
        }
        return geometry.getInteriorPoint();
    }
}
