package com.procura.suppliers;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.procura.platform.db.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Companies: the buyer and its suppliers. The supplier drop-down list is a hot, cached lookup. */
public final class SupplierService {
    private final Database database;
    private final LoadingCache<String, List<SupplierOption>> options;

    public SupplierService(Database database) {
        this.database = database;
        this.options = Caffeine.newBuilder()
                .maximumSize(1)
                .expireAfterWrite(Duration.ofSeconds(30))
                .build(key -> loadOptions());
    }

    public Company create(Company company) {
        Company saved = database.transaction(em -> {
            em.persist(company);
            return company;
        });
        options.invalidateAll();
        return saved;
    }

    public Optional<Company> find(long id) {
        return Optional.ofNullable(database.read(em -> em.find(Company.class, id)));
    }

    public Optional<Company> buyer() {
        return database.read(em -> em.createQuery("select c from Company c where c.kind = :kind order by c.id",
                Company.class).setParameter("kind", Company.Kind.BUYER).setMaxResults(1).getResultStream().findFirst());
    }

    public List<SupplierOption> options() {
        return options.get("all");
    }

    private List<SupplierOption> loadOptions() {
        return database.read(em -> em.createQuery("select new com.procura.suppliers.SupplierOption("
                        + "c.id, c.name) from Company c where c.kind = :kind order by c.name", SupplierOption.class)
                .setParameter("kind", Company.Kind.SUPPLIER).getResultList());
    }

    public List<Company> suppliers() {
        return database.read(em -> em.createQuery("select c from Company c where c.kind = :kind order by c.name",
                Company.class).setParameter("kind", Company.Kind.SUPPLIER).getResultList());
    }
}
