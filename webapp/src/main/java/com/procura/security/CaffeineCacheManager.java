package com.procura.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.shiro.cache.Cache;
import org.apache.shiro.cache.CacheManager;

/** Shiro's caches (permission lookups) kept in Caffeine, bounded in size and age. */
final class CaffeineCacheManager implements CacheManager {
    private final ConcurrentMap<String, Cache<?, ?>> caches = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getCache(String name) {
        return (Cache<K, V>) caches.computeIfAbsent(name, n -> new CaffeineCache<>());
    }

    private static final class CaffeineCache<K, V> implements Cache<K, V> {
        private final com.github.benmanes.caffeine.cache.Cache<K, V> cache = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(Duration.ofMinutes(10))
                .build();

        @Override public V get(K key) { return cache.getIfPresent(key); }

        @Override
        public V put(K key, V value) {
            V previous = cache.getIfPresent(key);
            cache.put(key, value);
            return previous;
        }

        @Override
        public V remove(K key) {
            V previous = cache.getIfPresent(key);
            cache.invalidate(key);
            return previous;
        }

        @Override public void clear() { cache.invalidateAll(); }
        @Override public int size() { return (int) cache.estimatedSize(); }
        @Override public Set<K> keys() { return Set.copyOf(cache.asMap().keySet()); }
        @Override public Collection<V> values() { return java.util.List.copyOf(cache.asMap().values()); }
    }
}
