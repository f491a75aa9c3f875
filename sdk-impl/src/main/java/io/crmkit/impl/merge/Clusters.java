package io.crmkit.impl.merge;

import io.crmkit.api.merge.DuplicateCandidate;
import io.crmkit.api.merge.DuplicateCluster;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Joins candidate pairs that share a customer into clusters (union-find). */
final class Clusters {

    private static final Comparator<DuplicateCluster> ORDER = Comparator.comparingInt(DuplicateCluster::score)
            .reversed().thenComparingLong(cluster -> cluster.customerIds().get(0));

    private Clusters() {
    }

    /**
     * @param candidates the pairs, best first
     * @param limit      most clusters returned
     * @return the clusters, best score first, then by smallest id; each cluster's pairs best first
     */
    static List<DuplicateCluster> of(List<DuplicateCandidate> candidates, int limit) {
        Map<Long, Long> parent = new HashMap<>();
        for (DuplicateCandidate pair : candidates) {
            long a = root(parent, pair.customerId());
            long b = root(parent, pair.otherId());
            if (a != b) {
                parent.put(Math.max(a, b), Math.min(a, b));
            }
        }
        Map<Long, List<DuplicateCandidate>> byRoot = new LinkedHashMap<>();
        for (DuplicateCandidate pair : candidates) {
            byRoot.computeIfAbsent(root(parent, pair.customerId()), root -> new ArrayList<>()).add(pair);
        }
        List<DuplicateCluster> clusters = new ArrayList<>(byRoot.size());
        for (List<DuplicateCandidate> pairs : byRoot.values()) {
            TreeSet<Long> ids = new TreeSet<>();
            for (DuplicateCandidate pair : pairs) {
                ids.add(pair.customerId());
                ids.add(pair.otherId());
            }
            clusters.add(new DuplicateCluster(List.copyOf(ids), pairs.get(0).score(), pairs));
        }
        clusters.sort(ORDER);
        return clusters.size() > limit ? List.copyOf(clusters.subList(0, limit)) : clusters;
    }

    private static long root(Map<Long, Long> parent, long id) {
        long root = id;
        for (Long up = parent.get(root); up != null; up = parent.get(root)) {
            root = up;
        }
        for (long node = id; node != root; ) {
            long up = parent.get(node);
            parent.put(node, root);
            node = up;
        }
        return root;
    }
}
