package org.circle.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.circle.cluster.launch.ClusterSettings;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * ops/kubernetes cannot run here (no cluster), so what it must say is read from the files
 * kustomization.yaml applies: several pods, the grid's discovery between them (a headless Service
 * that lists pods not ready yet, on the port the pods listen on, and a role to read it), the same
 * data key in every pod, and settings Circle's launcher accepts as a pod would have them.
 */
class KubernetesFilesIT {

    private static final Path DIR = Path.of("ops/kubernetes");

    @Test
    void severalPodsFindEachOtherThroughTheDataGrid() throws Exception {
        Map<String, Map<String, Object>> applied = applied();
        Map<String, Object> deployment = applied.get("Deployment/circle");
        assertNotNull(deployment, applied.keySet().toString());
        assertTrue((Integer) map(deployment, "spec").get("replicas") >= 2, "two pods or more");
        Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
        assertEquals(true, pod.get("automountServiceAccountToken"), "discovery reads the API with the pod's token");
        Map<String, Object> container = list(pod, "containers").get(0);
        Map<String, Map<String, Object>> env = new HashMap<>();
        for (Map<String, Object> e : list(container, "env")) env.put((String) e.get("name"), e);

        assertEquals("metadata.namespace", map(map(env.get("POD_NAMESPACE"), "valueFrom"), "fieldRef").get("fieldPath"));
        assertEquals("status.podIP", map(map(env.get("CIRCLE_CLUSTER_ADDRESS"), "valueFrom"), "fieldRef").get("fieldPath"));
        Map<String, Object> key = map(map(env.get("CIRCLE_DATA_KEY"), "valueFrom"), "secretKeyRef");
        assertEquals(List.of("circle-secrets", "CIRCLE_DATA_KEY"), List.of(key.get("name"), key.get("key")), "the one data key, required");
        String gridPort = (String) env.get("CIRCLE_CLUSTER_PORT").get("value");
        String asked = ((String) env.get("CIRCLE_CLUSTER_KUBERNETES").get("value")).replace("$(POD_NAMESPACE)", "clinic-a");
        var settings = ClusterSettings.from(Map.of("CIRCLE_CLUSTER_KUBERNETES", asked, "CIRCLE_CLUSTER_ADDRESS", "10.42.0.7", "CIRCLE_CLUSTER_PORT", gridPort));
        String service = asked.substring(asked.indexOf('/') + 1);
        assertEquals("kubernetes:clinic-a," + service, settings.bootProperties().get("payaramicro.clusterMode"));
        assertEquals("10.42.0.7", settings.bootProperties().get("payaramicro.interfaces"), "bound to the pod's address");

        Map<String, Object> grid = map(applied.get("Service/" + service), "spec");
        assertEquals("None", grid.get("clusterIP"), "headless: a list of pods, no balancing");
        assertEquals(true, grid.get("publishNotReadyAddresses"), "the grid starts before a pod is ready");
        Map<String, Object> gridPortOfService = list(grid, "ports").get(0);
        assertEquals(Integer.parseInt(gridPort), gridPortOfService.get("port"));
        Map<String, Object> named = list(container, "ports").stream().filter(p -> p.get("name").equals(gridPortOfService.get("targetPort")))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + gridPortOfService.get("targetPort")));
        assertEquals(Integer.parseInt(gridPort), named.get("containerPort"));

        Map<String, Object> binding = applied.get("RoleBinding/circle-grid-discovery");
        assertEquals(pod.get("serviceAccountName"), list(binding, "subjects").get(0).get("name"), "the pod's account is bound");
        Map<String, Object> role = applied.get("Role/" + map(binding, "roleRef").get("name"));
        assertTrue(list(role, "rules").stream().anyMatch(r -> ((List<?>) r.get("resources")).contains("endpoints")
                && ((List<?>) r.get("verbs")).containsAll(List.of("get", "list"))), "the role reads endpoints: " + role);
        assertEquals("/health/ready", map(map(container, "readinessProbe"), "httpGet").get("path"));
    }

    /** Every document of every file kustomization.yaml lists, by kind/name. */
    private static Map<String, Map<String, Object>> applied() throws Exception {
        Yaml yaml = new Yaml();
        Map<String, Map<String, Object>> byName = new HashMap<>();
        Map<String, Object> kustomization = yaml.load(Files.readString(DIR.resolve("kustomization.yaml")));
        for (Object file : (List<?>) kustomization.get("resources")) {
            for (Object doc : yaml.loadAll(Files.readString(DIR.resolve((String) file)))) {
                Map<String, Object> resource = cast(doc);
                byName.put(resource.get("kind") + "/" + map(resource, "metadata").get("name"), resource);
            }
        }
        return byName;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) throw new AssertionError("no " + key + " in " + parent);
        return cast(value);
    }

    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) throw new AssertionError("no " + key + " in " + parent);
        return ((List<?>) value).stream().map(KubernetesFilesIT::cast).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }
}
