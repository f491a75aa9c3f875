package io.crmkit.testing;

import io.crmkit.CrmKit;
import io.crmkit.api.Actor;
import io.crmkit.api.Permission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A test-only program: the second kit of {@link SharedTenantWork}. Builds a kit with its own node id, warms up (on
 * a tenant of its own), says {@code ready}, waits for the start file to appear (so that both kits start together), runs the work and prints each outcome as a line
 * {@code outcome <line>}, then {@code finished}. Arguments: JDBC URL (user and password in it), table prefix, tenant,
 * node id, start file, import file, the ids to tag (comma-separated), the pairs to merge
 * ({@code survivor:merged,...}).
 */
public final class SharedTenantWorkInChildJvm {

    private SharedTenantWorkInChildJvm() {
    }

    public static void main(String[] args) {
        try {
            work(args);
        } catch (Throwable e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.exit(0); // whatever thread the kit left behind
    }

    private static void work(String[] args) throws Exception {
        List<Long> tagged = Arrays.stream(args[6].split(",")).map(Long::valueOf).toList();
        List<long[]> pairs = new ArrayList<>();
        for (String pair : args[7].split(",")) {
            String[] ids = pair.split(":");
            pairs.add(new long[] {Long.parseLong(ids[0]), Long.parseLong(ids[1])});
        }
        try (CrmKit kit = CrmKit.builder().jdbcUrl(args[0], null, null).tablePrefix(args[1])
                .nodeId(Integer.parseInt(args[3])).defaultPhoneRegion("VN").build()) {
            SharedTenantWork.warmUp(kit.as(Actor.of(args[2] + "-warm-child", "child", Permission.ALL)),
                    Path.of(args[5]));
            System.out.println("ready");
            Path start = Path.of(args[4]);
            while (!Files.exists(start)) {
                Thread.sleep(5);
            }
            SharedTenantWork.run(kit.as(Actor.of(args[2], "child", Permission.ALL)), "child", Path.of(args[5]),
                    tagged, pairs, true, SharedTenantWork.meet(start.getParent(), "child", "parent", "import")).forEach(line -> System.out.println("outcome " + line));
            System.out.println("finished");
        }
    }
}
