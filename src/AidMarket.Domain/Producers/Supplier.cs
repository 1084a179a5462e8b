using AidMarket.Domain.Common;

namespace AidMarket.Domain.Producers;

public enum SupplierKind { Cooperative, Workshop, LeadingEnterprise, FamilyFarm }

public enum SupplierStatus { Pending, Approved, Rejected, Suspended }

public sealed record SupplierDetails(
    SupplierKind Kind, string LegalName, UnifiedSocialCreditCode CreditCode, string CountyCode, string Address,
    string ContactName, string ContactPhone, string BankName, string BankAccount, string Description);

/// <summary>帮扶主体: who may sell, reviewed by the officers of its county, with its benefit plans (带贫方案) over time.</summary>
public partial class Supplier
{
    private readonly List<BenefitPlan> _plans = [];

    private Supplier() { LegalName = CountyCode = CreditCode = Address = ContactName = ContactPhone = BankName = BankAccount = Description = ""; }

    public Supplier(Guid organizationId, SupplierDetails details, BenefitPlanTerms plan, DateTimeOffset now) : this()
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organizationId;
        Apply(details);
        Status = SupplierStatus.Pending;
        RegisteredAt = now;
        _plans.Add(new BenefitPlan(Id, 1, plan, now));
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public SupplierKind Kind { get; private set; }
    public string LegalName { get; private set; }
    public string CreditCode { get; private set; }
    public string CountyCode { get; private set; }
    public string Address { get; private set; }
    public string ContactName { get; private set; }
    public string ContactPhone { get; private set; }
    public string BankName { get; private set; }
    public string BankAccount { get; private set; }
    /// <summary>Its Stripe connected account (acct_...): when Stripe is on, payouts go there by transfer instead of to the bank.</summary>
    public string? StripeAccountId { get; private set; }
    public string Description { get; private set; }
    public SupplierStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    /// <summary>The approved plan in force now: every sale freezes this one.</summary>
    public Guid? CurrentPlanId { get; private set; }
    public IReadOnlyList<BenefitPlan> Plans => _plans;

    public bool CanSell => Status == SupplierStatus.Approved;

    public BenefitPlan? CurrentPlan => _plans.SingleOrDefault(p => p.Id == CurrentPlanId);
    public BenefitPlan? PendingPlan => _plans.SingleOrDefault(p => p.Status == BenefitPlanStatus.Pending);

    private void Apply(SupplierDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.LegalName)) throw new DomainException("Supplier.NameRequired", "A supplier needs its legal name.");
        if (string.IsNullOrWhiteSpace(d.CountyCode)) throw new DomainException("Organization.CountyRequired", "A supplier belongs to a county.");
        Kind = d.Kind;
        LegalName = d.LegalName.Trim();
        CreditCode = d.CreditCode.Value;
        CountyCode = d.CountyCode;
        Address = d.Address.Trim();
        ContactName = d.ContactName.Trim();
        ContactPhone = d.ContactPhone.Trim();
        BankName = d.BankName.Trim();
        BankAccount = d.BankAccount.Trim();
        Description = d.Description.Trim();
    }

    public const int StripeAccountIdMaxLength = 100;

    /// <summary>Sets or (with an empty value) removes the Stripe connected account payouts go to.</summary>
    public void ConnectStripeAccount(string? accountId)
    {
        var id = accountId?.Trim();
        if (string.IsNullOrEmpty(id))
        {
            StripeAccountId = null;
            return;
        }
        if (id.Length > StripeAccountIdMaxLength || !StripeAccountIdPattern().IsMatch(id))
            throw new DomainException("Supplier.StripeAccount", "A Stripe connected account id is acct_ followed by letters and digits, such as acct_1Nv0FGQ9RKHgCVdK.");
        StripeAccountId = id;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^acct_[A-Za-z0-9]{6,}$")]
    private static partial System.Text.RegularExpressions.Regex StripeAccountIdPattern();

    /// <summary>Approves a pending registration together with the benefit plan it declared.</summary>
    public void Approve(DateTimeOffset now)
    {
        if (Status != SupplierStatus.Pending)
            throw new DomainException("Supplier.NotPending", "Only a supplier waiting for review can be approved or rejected.");
        Status = SupplierStatus.Approved;
        StatusReason = null;
        DecidedAt = now;
        if (PendingPlan is { } plan) PutInForce(plan, now);
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        if (Status != SupplierStatus.Pending)
            throw new DomainException("Supplier.NotPending", "Only a supplier waiting for review can be approved or rejected.");
        var why = RequireReason(reason);
        Status = SupplierStatus.Rejected;
        StatusReason = why;
        DecidedAt = now;
        PendingPlan?.Reject(why);
    }

    /// <summary>After a rejection the supplier corrects its details and asks again.</summary>
    public void Resubmit(SupplierDetails details, BenefitPlanTerms plan, DateTimeOffset now)
    {
        if (Status != SupplierStatus.Rejected)
            throw new DomainException("Supplier.NotRejected", "Only a rejected registration can be submitted again.");
        Apply(details);
        Status = SupplierStatus.Pending;
        StatusReason = null;
        _plans.Add(new BenefitPlan(Id, NextVersion, plan, now));
    }

    public void Suspend(string reason, DateTimeOffset now)
    {
        if (Status != SupplierStatus.Approved)
            throw new DomainException("Supplier.NotApproved", "Only an approved supplier can be suspended.");
        var why = RequireReason(reason);
        Status = SupplierStatus.Suspended;
        StatusReason = why;
        DecidedAt = now;
    }

    public void Reinstate(DateTimeOffset now)
    {
        if (Status != SupplierStatus.Suspended)
            throw new DomainException("Supplier.NotSuspended", "Only a suspended supplier can be reinstated.");
        Status = SupplierStatus.Approved;
        StatusReason = null;
        DecidedAt = now;
    }

    /// <summary>A changed plan waits for the county's approval; until then the current plan stays in force.</summary>
    public BenefitPlan ProposePlan(BenefitPlanTerms terms, DateTimeOffset now)
    {
        if (Status is SupplierStatus.Rejected or SupplierStatus.Pending)
            throw new DomainException("Plan.SupplierNotApproved", "Change the plan after the supplier has been approved.");
        if (PendingPlan is not null)
            throw new DomainException("Plan.AlreadyPending", "A changed plan is already waiting for approval.");
        var plan = new BenefitPlan(Id, NextVersion, terms, now);
        _plans.Add(plan);
        return plan;
    }

    public void ApprovePlan(Guid planId, DateTimeOffset now)
    {
        var plan = PendingPlanWithId(planId);
        if (Status == SupplierStatus.Pending)
            throw new DomainException("Plan.SupplierNotApproved", "A new supplier's plan is approved with the supplier.");
        PutInForce(plan, now);
    }

    public void RejectPlan(Guid planId, string reason) => PendingPlanWithId(planId).Reject(RequireReason(reason));

    /// <summary>The plan that was in force at <paramref name="at"/>: a sale uses the plan of the moment it was placed.</summary>
    public BenefitPlan? PlanInForceAt(DateTimeOffset at) =>
        _plans.SingleOrDefault(p => p.InForceFrom <= at && (p.InForceUntil is null || at < p.InForceUntil));

    private void PutInForce(BenefitPlan plan, DateTimeOffset now)
    {
        CurrentPlan?.Supersede(now);
        plan.Approve(now);
        CurrentPlanId = plan.Id;
    }

    private BenefitPlan PendingPlanWithId(Guid planId) =>
        _plans.SingleOrDefault(p => p.Id == planId && p.Status == BenefitPlanStatus.Pending)
        ?? throw new DomainException("Plan.NotPending", "This plan is not waiting for approval.");

    private int NextVersion => _plans.Count == 0 ? 1 : _plans.Max(p => p.Version) + 1;

    internal static string RequireReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("Review.ReasonRequired", "Please give a reason.") : reason.Trim();
}
