package dev.smtpd4c.auth.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SenderDomainRepository implements PanacheRepositoryBase<SenderDomain, String> {

    /**
     * The domain row locked until the transaction ends, so a scheduled check and a requested
     * report of the same domain compare and store their snapshots one after the other.
     */
    public Optional<SenderDomain> lock(String domain) {
        return findByIdOptional(domain, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<String> allDomains() {
        return getEntityManager().createQuery("select d.domain from SenderDomain d order by d.domain", String.class)
                .getResultList();
    }

    public Optional<DomainSnapshot> latestSnapshot(String domain) {
        return getEntityManager().createQuery("from DomainSnapshot s where s.domain = ?1 order by s.id desc",
                DomainSnapshot.class).setParameter(1, domain).setMaxResults(1).getResultStream().findFirst();
    }

    public void addSnapshot(DomainSnapshot snapshot) {
        getEntityManager().persist(snapshot);
    }
}
