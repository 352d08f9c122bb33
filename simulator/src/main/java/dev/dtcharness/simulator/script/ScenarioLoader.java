package dev.dtcharness.simulator.script;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a {@link Scenario} from a {@code .yaml}, {@code .yml} or {@code .json} file, with errors that name the place. */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = configure(YAMLMapper.builder(new YAMLFactory()));
    private static final ObjectMapper JSON = configure(JsonMapper.builder());

    private ScenarioLoader() {
    }

    private static ObjectMapper configure(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder) {
        return builder.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public static Scenario load(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            String text = Files.readString(file);
            return name.endsWith(".json") ? parseJson(text) : parseYaml(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scenario " + file + ": " + e.getMessage(), e);
        }
    }

    /** The starter scenarios, resources under {@link #STARTER_RESOURCES} ({@code NAME.yaml} or {@code NAME.json}). */
    public static final List<String> STARTERS = List.of("fill-all", "partial-fills", "reject-all", "slow-fills",
            "rest-then-disconnect");
    static final String STARTER_RESOURCES = "/dev/dtcharness/simulator/scenarios/";

    /** A file path, or the name of a starter scenario shipped in the jar (one of {@link #STARTERS}). */
    public static Scenario load(String fileOrStarterName) {
        Path file = Path.of(fileOrStarterName);
        if (Files.exists(file)) {
            return load(file);
        }
        for (String ext : new String[] {".yaml", ".json"}) {
            String resource = STARTER_RESOURCES + fileOrStarterName + ext;
            try (var in = ScenarioLoader.class.getResourceAsStream(resource)) {
                if (in != null) {
                    String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    return ext.equals(".json") ? parseJson(text) : parseYaml(text);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalArgumentException("no scenario file " + file.toAbsolutePath() + " and no starter scenario '"
                + fileOrStarterName + "' (starters: " + String.join(", ", STARTERS) + ")");
    }

    public static Scenario parseYaml(String yaml) {
        return parse(YAML, yaml);
    }

    public static Scenario parseJson(String json) {
        return parse(JSON, json);
    }

    /** The scenario as JSON, the form the admin API and journal print. */
    public static String toJson(Scenario scenario) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(scenario);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Scenario parse(ObjectMapper mapper, String text) {
        try {
            return mapper.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            // Jackson's own words plus where: "at rules[0] -> replies[1]".
            String cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                    : e.getOriginalMessage();
            throw new IllegalArgumentException(cause + " (at " + path(e) + ")", e);
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return e.getLocation() == null ? "?" : "line " + e.getLocation().getLineNr();
    }
}
