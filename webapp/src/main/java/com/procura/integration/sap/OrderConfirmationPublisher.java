package com.procura.integration.sap;

import com.procura.orders.OrderEvents;
import com.procura.orders.PurchaseOrder;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A supplier's confirmation becomes an ORDRSP IDoc in the outbox, in the confirmation's own transaction. */
final class OrderConfirmationPublisher implements OrderEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OrderConfirmationPublisher.class);

    private final PartnerProfiles partners;
    private final Clock clock;

    OrderConfirmationPublisher(PartnerProfiles partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    @Override
    public void confirmed(EntityManager em, PurchaseOrder order) {
        Optional<SapPartner> partner = partners.forSender(order.getSapSender() == null ? "" : order.getSapSender());
        if (partner.isEmpty()) {
            LOG.warn("Order {} confirmed, but no SAP partner profile exists: no ORDRSP sent", order.getOrderNumber());
            return;
        }
        String docnum = IdocText.nextDocnum();
        String content = IdocText.write(OrderResponses.ordrsp(order, partner.get(), docnum, clock), partner.get());
        Outbox.enqueue(em, new Outbox.Outgoing(partner.get().id(), Outbox.Kind.ORDRSP, "order:" + order.getOrderNumber(),
                docnum, order.getOrderNumber(), content));
    }
}
