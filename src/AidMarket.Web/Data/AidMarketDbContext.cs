using AidMarket.Domain.Catalog;
using AidMarket.Domain.Organizations;
using AidMarket.Domain.Producers;
using AidMarket.Domain.Regions;
using AidMarket.Web.Auditing;
using AidMarket.Web.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace AidMarket.Web.Data;

public class AidMarketDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    /// <summary>
    /// SaveChanges inside an explicit transaction takes no savepoint (two more round trips each time): every caller that
    /// catches a failed SaveChanges abandons its transaction, none goes on with it (note 017).
    /// </summary>
    public AidMarketDbContext(DbContextOptions<AidMarketDbContext> options) : base(options) => Database.AutoSavepointsEnabled = false;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<County> Counties => Set<County>();
    public DbSet<PartnerPairing> PartnerPairings => Set<PartnerPairing>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<Household> Households => Set<Household>();
    public DbSet<BenefitLink> BenefitLinks => Set<BenefitLink>();
    public DbSet<BenefitPlan> BenefitPlans => Set<BenefitPlan>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductLot> ProductLots => Set<ProductLot>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CertificateSequence> CertificateSequences => Set<CertificateSequence>();
    public DbSet<Imports.ImportJob> ImportJobs => Set<Imports.ImportJob>();
    public DbSet<AidMarket.Domain.Procurement.PurchaseOrder> PurchaseOrders => Set<AidMarket.Domain.Procurement.PurchaseOrder>();
    public DbSet<AidMarket.Domain.Procurement.SupplierOrder> SupplierOrders => Set<AidMarket.Domain.Procurement.SupplierOrder>();
    public DbSet<Procurement.CartLine> CartLines => Set<Procurement.CartLine>();
    public DbSet<AidMarket.Domain.Procurement.Shipment> Shipments => Set<AidMarket.Domain.Procurement.Shipment>();
    public DbSet<AidMarket.Domain.Procurement.AcceptanceRecord> AcceptanceRecords => Set<AidMarket.Domain.Procurement.AcceptanceRecord>();
    public DbSet<AidMarket.Domain.Procurement.StandingAgreement> StandingAgreements => Set<AidMarket.Domain.Procurement.StandingAgreement>();
    public DbSet<AidMarket.Domain.Procurement.StandingOrderRun> StandingOrderRuns => Set<AidMarket.Domain.Procurement.StandingOrderRun>();
    public DbSet<AidMarket.Domain.Ledger.JournalEntry> JournalEntries => Set<AidMarket.Domain.Ledger.JournalEntry>();
    public DbSet<AidMarket.Domain.Payments.Invoice> Invoices => Set<AidMarket.Domain.Payments.Invoice>();
    public DbSet<Ledger.SettlementRecord> Settlements => Set<Ledger.SettlementRecord>();
    public DbSet<Payments.BankTransferRecord> BankTransfers => Set<Payments.BankTransferRecord>();
    public DbSet<AidMarket.Domain.Payments.DisbursementBatch> DisbursementBatches => Set<AidMarket.Domain.Payments.DisbursementBatch>();
    public DbSet<AidMarket.Domain.Payments.SupplierPayoutBatch> SupplierPayoutBatches => Set<AidMarket.Domain.Payments.SupplierPayoutBatch>();
    public DbSet<AidMarket.Domain.Payments.SupplierPayout> SupplierPayouts => Set<AidMarket.Domain.Payments.SupplierPayout>();
    public DbSet<Statements.StatementLookup> StatementLookups => Set<Statements.StatementLookup>();
    public DbSet<Payments.StripeEventRecord> StripeEvents => Set<Payments.StripeEventRecord>();
    public DbSet<Api.ApiKey> ApiKeys => Set<Api.ApiKey>();
    public DbSet<Api.ApiIdempotency> ApiIdempotencies => Set<Api.ApiIdempotency>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Stores an event in the outbox: it is committed with this context's next SaveChanges, or not at all.</summary>
    public void Publish<T>(T message) where T : class
    {
        OutboxMessages.Add(OutboxMessage.From(message));
        OutboxPending = true;
    }

    /// <summary>
    /// Announces an event whose outbox row the caller writes itself in this context's transaction (see RowInsert); its commit
    /// wakes the dispatcher as <see cref="Publish{T}"/> does.
    /// </summary>
    public OutboxMessage PublishRow<T>(T message) where T : class
    {
        OutboxPending = true;
        return OutboxMessage.From(message);
    }

    /// <summary>Something was published since the dispatcher was last woken for this context (see OutboxSignalInterceptor).</summary>
    public bool OutboxPending { get; internal set; }

    /// <summary>Records an audit entry; it commits with this context's next SaveChanges, like the change it describes.</summary>
    public void Audit(AuditEntry entry) => AuditEntries.Add(entry);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AidMarketDbContext).Assembly);
        builder.HasSequence<long>("order_numbers");
        builder.HasSequence<long>("invoice_references");
        // Domain objects make their own ids (Guid v7): a new child with an id is new, not an existing row to update.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
            if (entity.FindPrimaryKey() is { Properties: [{ Name: "Id", ClrType: var type }] } && type == typeof(Guid))
                builder.Entity(entity.ClrType).Property("Id").ValueGeneratedNever();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        configurationBuilder.Conventions.Add(_ => new MoneyColumnConvention());
    }
}
