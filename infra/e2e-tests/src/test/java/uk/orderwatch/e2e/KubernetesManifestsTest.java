package uk.orderwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;
import uk.orderwatch.localstack.ServiceName;
import uk.orderwatch.schemas.Topics;

/**
 * The Kubernetes deployment under {@code infra/kubernetes} without a cluster: the Kustomize base rendered (its
 * resources, with its namespace and labels applied) and each manifest checked against the Kubernetes API's schema,
 * as the Kubernetes Java client's models (generated from the API's OpenAPI document) validate it: an unknown field or
 * a missing required one is refused. Then the rules a deployment of orderwatch keeps, and the operators' Kafka and
 * MongoDB resources against the topic registry.
 */
class KubernetesManifestsTest {

    static final Path K8S = ComposeFileTest.ROOT.resolve("infra/kubernetes");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The checks of the Kubernetes API's schema, by kind. */
    static final Map<String, Validator> SCHEMAS = Map.of(
            "Deployment", V1Deployment::validateJsonElement,
            "Service", V1Service::validateJsonElement,
            "PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "ConfigMap", V1ConfigMap::validateJsonElement);
    /** An environment variable whose value must come from a Secret, never be written in a manifest. */
    static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|MONGODB_URI).*");

    interface Validator {
        void validate(com.google.gson.JsonElement json) throws IOException;
    }

    /** The base as {@code kubectl kustomize} renders it: each resource, in the namespace, with the common labels. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> rendered() throws IOException {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("base/kustomization.yaml")));
        String namespace = (String) kustomization.get("namespace");
        Map<String, String> labels = new LinkedHashMap<>();
        for (var l : (List<Map<String, Object>>) kustomization.get("labels")) {
            labels.putAll((Map<String, String>) l.get("pairs"));
        }
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (String file : (List<String>) kustomization.get("resources")) {
            for (Object doc : new Yaml().loadAll(Files.readString(K8S.resolve("base").resolve(file)))) {
                var manifest = (Map<String, Object>) doc;
                var metadata = (Map<String, Object>) manifest.get("metadata");
                metadata.put("namespace", namespace);
                ((Map<String, Object>) metadata.computeIfAbsent("labels", k -> new LinkedHashMap<>()))
                        .putAll(labels);
                manifests.add(manifest);
            }
        }
        return manifests;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> manifests, String kind) {
        return manifests.stream().filter(m -> kind.equals(m.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object at = node;
        for (String p : path) {
            at = at instanceof Map<?, ?> map ? map.get(p) : null;
        }
        return (T) at;
    }

    static void validate(Map<String, Object> manifest) throws IOException {
        var schema = SCHEMAS.get((String) manifest.get("kind"));
        assertThat(schema).as("a kind the base may hold: " + manifest.get("kind")).isNotNull();
        schema.validate(JsonParser.parseString(JSON.writeValueAsString(manifest)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBaseListsEveryFileAndEveryManifestIsValidAgainstTheKubernetesApi() throws Exception {
        Map<String, Object> kustomization = new Yaml().load(Files.readString(K8S.resolve("base/kustomization.yaml")));
        Set<String> files = new HashSet<>();
        try (var listing = Files.list(K8S.resolve("base"))) {
            listing.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".yaml")
                    && !f.equals("kustomization.yaml")).forEach(files::add);
        }
        assertThat((List<String>) kustomization.get("resources")).containsExactlyInAnyOrderElementsOf(files);

        var manifests = rendered();
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(13);
        for (var manifest : manifests) {
            validate(manifest);
        }

        // the check can fail: a misspelt field and a missing required one are refused
        var deployment = ofKind(manifests, "Deployment").get(0);
        Map<String, Object> misspelt = JSON.readValue(JSON.writeValueAsString(deployment), Map.class);
        ((Map<String, Object>) misspelt.get("spec")).put("replica", 2);
        assertThatThrownBy(() -> validate(misspelt)).hasMessageContaining("replica");
        Map<String, Object> noSelector = JSON.readValue(JSON.writeValueAsString(deployment), Map.class);
        ((Map<String, Object>) noSelector.get("spec")).remove("selector");
        assertThatThrownBy(() -> validate(noSelector)).hasMessageContaining("selector");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachProcessRunsTwiceWithProbesResourcesABudgetAndAService() throws Exception {
        var manifests = rendered();
        var deployments = ofKind(manifests, "Deployment");
        assertThat(deployments).extracting(d -> (String) at(d, "metadata", "name"))
                .containsExactlyInAnyOrder(ServiceName.ORDER_REGISTRY.id(), ServiceName.BREACH_REPORT.id(),
                        ServiceName.NOTIFICATION.id(), ServiceName.PORTAL.id());
        for (var d : deployments) {
            String name = at(d, "metadata", "name");
            assertThat((Integer) at(d, "spec", "replicas")).as(name + " replicas").isGreaterThanOrEqualTo(2);
            Map<String, Object> podLabels = at(d, "spec", "template", "metadata", "labels");
            assertThat(podLabels).containsAllEntriesOf(at(d, "spec", "selector", "matchLabels"));
            for (var c : (List<Map<String, Object>>) at(d, "spec", "template", "spec", "containers")) {
                assertThat((String) at(c, "readinessProbe", "httpGet", "path")).as(name)
                        .isEqualTo("/actuator/health/readiness");
                assertThat((String) at(c, "livenessProbe", "httpGet", "path")).as(name)
                        .isEqualTo("/actuator/health/liveness");
                assertThat((Map<String, Object>) at(c, "resources", "requests")).as(name)
                        .containsKeys("cpu", "memory");
                assertThat((Map<String, Object>) at(c, "resources", "limits")).as(name).containsKey("memory");
                assertThat((Boolean) at(c, "securityContext", "readOnlyRootFilesystem")).as(name).isTrue();
            }
            assertThat(ofKind(manifests, "PodDisruptionBudget")).as(name + "'s disruption budget")
                    .anySatisfy(p -> {
                        assertThat(podLabels).containsAllEntriesOf(at(p, "spec", "selector", "matchLabels"));
                        assertThat((Integer) at(p, "spec", "minAvailable")).isGreaterThanOrEqualTo(1);
                    });
            assertThat(ofKind(manifests, "Service")).as(name + "'s service")
                    .anySatisfy(s -> assertThat(podLabels).containsAllEntriesOf(at(s, "spec", "selector")));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSecretIsWrittenInAManifestEachIsAReferenceToASecretTheReadmeNames() throws Exception {
        var manifests = rendered();
        assertThat(manifests).noneMatch(m -> "Secret".equals(m.get("kind")));
        String readme = Files.readString(K8S.resolve("README.md"));
        List<String> referenced = new ArrayList<>();
        for (var d : ofKind(manifests, "Deployment")) {
            for (var c : (List<Map<String, Object>>) at(d, "spec", "template", "spec", "containers")) {
                for (var env : (List<Map<String, Object>>) c.get("env")) {
                    String name = (String) env.get("name");
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(env).as(name + " in " + at(d, "metadata", "name")).doesNotContainKey("value");
                        String secret = at(env, "valueFrom", "secretKeyRef", "name");
                        assertThat(secret).as(name + " comes from a Secret").isNotNull();
                    }
                    String secret = at(env, "valueFrom", "secretKeyRef", "name");
                    if (secret != null) {
                        referenced.add(secret);
                    }
                }
            }
            for (var v : (List<Map<String, Object>>) at(d, "spec", "template", "spec", "volumes")) {
                String secret = at(v, "secret", "secretName");
                if (secret != null) {
                    referenced.add(secret);
                }
            }
        }
        assertThat(referenced).isNotEmpty().allSatisfy(secret -> assertThat(readme).as("README names " + secret)
                .contains(secret.startsWith("orderwatch-mongodb-orderwatch-")
                        ? "orderwatch-mongodb-orderwatch-<service>-<service>" : "`" + secret + "`"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> operators(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        new Yaml().loadAll(Files.readString(K8S.resolve("operators").resolve(file)))
                .forEach(d -> docs.add((Map<String, Object>) d));
        return docs;
    }

    @Test
    @SuppressWarnings("unchecked")
    void strimzisKafkaHasThreeKraftNodesReplicationThreeAndTheTopicsAndAclsOfTheRegistry() throws Exception {
        var kafka = operators("kafka.yaml");
        var pool = ofKind(kafka, "KafkaNodePool").get(0);
        assertThat((Integer) at(pool, "spec", "replicas")).isEqualTo(3);
        assertThat((List<String>) at(pool, "spec", "roles")).containsExactlyInAnyOrder("controller", "broker");
        var cluster = ofKind(kafka, "Kafka").get(0);
        assertThat((Map<String, Object>) at(cluster, "metadata", "annotations"))
                .containsEntry("strimzi.io/kraft", "enabled");
        Map<String, Object> config = at(cluster, "spec", "kafka", "config");
        assertThat(config).containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2)
                .containsEntry("unclean.leader.election.enable", false);

        var topics = ofKind(kafka, "KafkaTopic");
        assertThat(topics).extracting(t -> (String) at(t, "spec", "topicName"))
                .containsExactlyInAnyOrderElementsOf(Topics.allTopics());
        assertThat(topics).allSatisfy(t -> {
            assertThat((Integer) at(t, "spec", "replicas")).isEqualTo(3);
            assertThat((Integer) at(t, "spec", "config", "min.insync.replicas")).isEqualTo(2);
        });

        var users = ofKind(kafka, "KafkaUser");
        assertThat(users).extracting(u -> (String) at(u, "metadata", "name"))
                .containsExactlyInAnyOrderElementsOf(Topics.SERVICES);
        for (var user : users) {
            String service = at(user, "metadata", "name");
            List<String> writes = new ArrayList<>();
            List<String> reads = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (var acl : (List<Map<String, Object>>) at(user, "spec", "authorization", "acls")) {
                List<String> ops = (List<String>) acl.get("operations");
                String type = at(acl, "resource", "type");
                String name = at(acl, "resource", "name");
                if ("topic".equals(type) && ops.contains("Write")) {
                    writes.add(name);
                } else if ("topic".equals(type) && ops.contains("Read")) {
                    reads.add(name);
                } else if ("group".equals(type)) {
                    assertThat((String) at(acl, "resource", "patternType")).isEqualTo("prefix");
                    groups.add(name);
                }
            }
            assertThat(writes).as(service + " writes").containsExactlyInAnyOrderElementsOf(Topics.writtenBy(service));
            assertThat(reads).as(service + " reads").containsExactlyInAnyOrderElementsOf(Topics.readBy(service));
            assertThat(groups).containsExactly(service);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void mongodbIsAReplicaSetOfThreeWithAUserPerProcessOnItsOwnDatabase() throws Exception {
        var mongo = operators("mongodb.yaml").get(0);
        assertThat((Integer) at(mongo, "spec", "members")).isEqualTo(3);
        var users = (List<Map<String, Object>>) at(mongo, "spec", "users");
        assertThat(users).extracting(u -> (String) u.get("name")).containsExactlyInAnyOrder(
                ServiceName.ORDER_REGISTRY.id(), ServiceName.BREACH_REPORT.id(), ServiceName.NOTIFICATION.id(),
                ServiceName.PORTAL.id());
        for (var user : users) {
            String database = "orderwatch-" + user.get("name");
            assertThat(user.get("db")).isEqualTo(database);
            assertThat((List<Map<String, Object>>) user.get("roles")).containsExactly(
                    Map.of("name", "readWrite", "db", database));
        }
    }
}
