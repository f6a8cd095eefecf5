package com.procura.suppliers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

/** A buyer (the customer running Procura) or one of its suppliers. */
@Entity
@Table(name = "company")
public class Company {
    public enum Kind { BUYER, SUPPLIER }

    @Id
    @TableGenerator(name = "company_ids", table = "id_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_count", pkColumnValue = "company", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "company_ids")
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "sap_vendor_number")
    private String sapVendorNumber;

    private String city;
    private String country;
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Company() {
    }

    public Company(String name, Kind kind, String sapVendorNumber, String city, String country, String email) {
        this.name = name;
        this.kind = kind;
        this.sapVendorNumber = sapVendorNumber;
        this.city = city;
        this.country = country;
        this.email = email;
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Kind getKind() { return kind; }
    public String getSapVendorNumber() { return sapVendorNumber; }
    public String getCity() { return city; }
    public String getCountry() { return country; }
    public String getEmail() { return email; }
    public Instant getCreatedAt() { return createdAt; }
}
