package dev.smtpd4c.optin.subscription;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    public Optional<Subscription> findByAddressAndList(String address, String list) {
        return find("address = ?1 and list = ?2", address, list).firstResultOptional();
    }
}
