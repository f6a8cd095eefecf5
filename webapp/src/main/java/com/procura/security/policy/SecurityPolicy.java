package com.procura.security.policy;

import com.procura.security.Role;
import java.util.Map;

/**
 * The security policy an admin edits at {@code /admin/security}. Idle timeouts are in seconds;
 * the effective one for an account is the shortest of the default, its role's and its company's.
 */
public record SecurityPolicy(
        boolean lockoutEnabled,
        int pairFailures,
        int accountFailures,
        int accountAddresses,
        int addressFailures,
        int lockSeconds,
        int maxLockSeconds,
        int failureWindowMinutes,
        int idleSeconds,
        Map<Role, Integer> roleIdleSeconds,
        Map<Long, Integer> companyIdleSeconds,
        int passwordExpiryDays) {

    public SecurityPolicy {
        roleIdleSeconds = Map.copyOf(roleIdleSeconds);
        companyIdleSeconds = Map.copyOf(companyIdleSeconds);
    }

    public static SecurityPolicy defaults(int idleMinutes) {
        return new SecurityPolicy(true, 5, 20, 3, 30, 60, 3600, 15, idleMinutes * 60, Map.of(), Map.of(), 0);
    }

    public int idleSecondsFor(Role role, Long companyId) {
        int seconds = idleSeconds;
        seconds = Math.min(seconds, roleIdleSeconds.getOrDefault(role, Integer.MAX_VALUE));
        if (companyId != null) {
            seconds = Math.min(seconds, companyIdleSeconds.getOrDefault(companyId, Integer.MAX_VALUE));
        }
        return seconds;
    }

    /** Lock duration after the {@code level}-th lock: doubling from {@link #lockSeconds}, capped. */
    public long lockSecondsAt(int level) {
        long seconds = (long) lockSeconds << Math.min(Math.max(level - 1, 0), 30);
        return Math.min(seconds, maxLockSeconds);
    }
}
