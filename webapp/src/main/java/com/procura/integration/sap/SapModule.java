package com.procura.integration.sap;

import com.procura.orders.OrderService;
import com.procura.platform.StartupException;
import com.procura.platform.db.Database;
import com.procura.platform.web.Views;
import com.procura.platform.web.WebServer;
import com.procura.security.SecurityModule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SAP integration: XML-HTTP port and file port in, durable inbound queue, order import,
 * durable outbox with STATUS and ORDRSP IDocs out, and the admin pages for queues and partners.
 */
public final class SapModule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SapModule.class);

    private final InboundQueue inbound;
    private final Outbox outbox;
    private final PartnerProfiles partners;
    private final InboundProcessor processor;
    private final OutboxSender sender;
    private final FilePort filePort;
    private final Path sapFolder;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(3,
            Thread.ofPlatform().name("sap-worker-", 1).daemon(true).factory());

    public SapModule(Database database, OrderService orders, Path dataDir, Clock clock) {
        this.sapFolder = dataDir.resolve("sap");
        this.inbound = new InboundQueue(database.dataSource());
        this.outbox = new Outbox(database.dataSource());
        this.partners = new PartnerProfiles(database.dataSource());
        this.processor = new InboundProcessor(database, inbound, partners, orders, clock);
        this.sender = new OutboxSender(outbox, partners, new OutboundPort(sapFolder.resolve("out")));
        this.filePort = new FilePort(sapFolder, inbound);
        orders.addListener(new OrderConfirmationPublisher(partners, clock));
        try {
            filePort.createFolders();
        } catch (IOException e) {
            throw new StartupException("Cannot create the SAP folders under " + sapFolder + ": " + e.getMessage(), e);
        }
    }

    public void install(WebServer web, Views views, SecurityModule security) {
        web.addServlet("sap-idoc", new SapIdocServlet(security, inbound), "/sap/idoc");
        web.addServlet("sap-queues", new TransferQueuePages(views, inbound, outbox, partners),
                "/admin/sap/queues", "/admin/sap/queues/*");
        web.addServlet("sap-partners", new PartnerPages(views, partners), "/admin/sap/partners", "/admin/sap/partners/*");
    }

    /** Starts the workers: the queues are in the database, so they continue where the last run stopped. */
    public void start() {
        schedule(filePort, 250);
        schedule(processor, 100);
        schedule(sender, 250);
    }

    private void schedule(Runnable task, long delayMillis) {
        workers.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{} failed; it runs again shortly", task.getClass().getSimpleName(), e);
            }
        }, delayMillis, delayMillis, TimeUnit.MILLISECONDS);
    }

    public InboundQueue inbound() { return inbound; }
    public Outbox outbox() { return outbox; }
    public PartnerProfiles partners() { return partners; }
    public Path folder() { return sapFolder; }

    @Override
    public void close() {
        workers.shutdown();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
