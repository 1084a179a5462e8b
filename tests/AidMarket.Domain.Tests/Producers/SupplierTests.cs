using AidMarket.Domain.Common;
using AidMarket.Domain.Producers;
using Shouldly;

namespace AidMarket.Domain.Tests.Producers;

public class SupplierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static SupplierDetails Details(string name = "田林县姬松茸种植专业合作社") => new(SupplierKind.Cooperative, name,
        UnifiedSocialCreditCode.Parse("91350100M000100Y43"), "451029", "八渡村", "黄建国", "13807710001", "农业银行", "622848000001", "种植姬松茸");

    private static Supplier NewSupplier(decimal share = 10m) =>
        new(Guid.NewGuid(), Details(), new BenefitPlanTerms(share, LinkKind.ProduceSupply, "按收购额分红"), T0);

    [Fact]
    public void Approval_puts_the_declared_plan_in_force_and_allows_selling()
    {
        var supplier = NewSupplier();
        supplier.CanSell.ShouldBeFalse();
        supplier.CurrentPlan.ShouldBeNull();
        supplier.Approve(T0.AddDays(1));
        supplier.CanSell.ShouldBeTrue();
        supplier.CurrentPlan!.HouseholdSharePercent.ShouldBe(10m);
        supplier.CurrentPlan.InForceFrom.ShouldBe(T0.AddDays(1));
        Should.Throw<DomainException>(() => supplier.Approve(T0)).Code.ShouldBe("Supplier.NotPending");
    }

    [Fact]
    public void Rejection_needs_a_reason_and_the_supplier_can_correct_and_resubmit()
    {
        var supplier = NewSupplier();
        Should.Throw<DomainException>(() => supplier.Reject("", T0)).Code.ShouldBe("Review.ReasonRequired");
        supplier.Reject("信用代码与营业执照不符", T0);
        supplier.Status.ShouldBe(SupplierStatus.Rejected);
        supplier.Plans.Single().Status.ShouldBe(BenefitPlanStatus.Rejected);

        supplier.Resubmit(Details("田林县姬松茸合作社"), new BenefitPlanTerms(12m, LinkKind.Dividend, "入股分红"), T0.AddDays(2));
        supplier.Status.ShouldBe(SupplierStatus.Pending);
        supplier.LegalName.ShouldBe("田林县姬松茸合作社");
        supplier.Approve(T0.AddDays(3));
        supplier.CurrentPlan!.Version.ShouldBe(2);
    }

    [Fact]
    public void Suspension_stops_selling_until_reinstated()
    {
        var supplier = NewSupplier();
        Should.Throw<DomainException>(() => supplier.Suspend("x", T0)).Code.ShouldBe("Supplier.NotApproved");
        supplier.Approve(T0);
        supplier.Suspend("产品抽检不合格", T0.AddDays(5));
        supplier.CanSell.ShouldBeFalse();
        supplier.StatusReason.ShouldBe("产品抽检不合格");
        supplier.Reinstate(T0.AddDays(9));
        supplier.CanSell.ShouldBeTrue();
        Should.Throw<DomainException>(() => supplier.Reinstate(T0)).Code.ShouldBe("Supplier.NotSuspended");
    }

    [Fact]
    public void A_changed_plan_waits_for_approval_and_history_tells_which_plan_was_in_force_when()
    {
        var supplier = NewSupplier(10m);
        supplier.Approve(T0);
        var first = supplier.CurrentPlan!;

        var proposed = supplier.ProposePlan(new BenefitPlanTerms(15m, LinkKind.Employment, "车间务工"), T0.AddDays(10));
        supplier.CurrentPlan.ShouldBe(first); // still the old one until approved
        Should.Throw<DomainException>(() => supplier.ProposePlan(new BenefitPlanTerms(20m, LinkKind.Dividend, "x"), T0.AddDays(11)))
            .Code.ShouldBe("Plan.AlreadyPending");

        supplier.ApprovePlan(proposed.Id, T0.AddDays(20));
        supplier.CurrentPlan!.HouseholdSharePercent.ShouldBe(15m);
        first.Status.ShouldBe(BenefitPlanStatus.Superseded);
        first.InForceUntil.ShouldBe(T0.AddDays(20));

        supplier.PlanInForceAt(T0.AddDays(19))!.HouseholdSharePercent.ShouldBe(10m);
        supplier.PlanInForceAt(T0.AddDays(20))!.HouseholdSharePercent.ShouldBe(15m);
        supplier.PlanInForceAt(T0.AddDays(-1)).ShouldBeNull();

        var third = supplier.ProposePlan(new BenefitPlanTerms(30m, LinkKind.Dividend, "分红"), T0.AddDays(30));
        supplier.RejectPlan(third.Id, "比例不可持续");
        supplier.CurrentPlan!.HouseholdSharePercent.ShouldBe(15m);
        supplier.Plans.Select(p => p.Version).ShouldBe([1, 2, 3]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    [InlineData(12.345)]
    public void A_plan_share_is_a_percentage_with_two_decimals_at_most(decimal share) =>
        Should.Throw<DomainException>(() => NewSupplier(share)).Code.ShouldBe("Plan.SharePercent");

    [Fact]
    public void A_link_is_proposed_then_confirmed_or_rejected_once_and_active_between_its_dates()
    {
        var link = new BenefitLink(Guid.NewGuid(), Guid.NewGuid(), LinkKind.Employment, 3, new DateOnly(2026, 1, 1), null, T0);
        link.IsActiveOn(new DateOnly(2026, 2, 1)).ShouldBeFalse();
        link.Confirm(T0);
        link.IsActiveOn(new DateOnly(2026, 2, 1)).ShouldBeTrue();
        link.IsActiveOn(new DateOnly(2025, 12, 31)).ShouldBeFalse();
        Should.Throw<DomainException>(() => link.Reject("x", T0)).Code.ShouldBe("BenefitLink.NotProposed");
        link.End(new DateOnly(2026, 6, 30), T0);
        link.IsActiveOn(new DateOnly(2026, 6, 30)).ShouldBeTrue();
        link.IsActiveOn(new DateOnly(2026, 7, 1)).ShouldBeFalse();

        Should.Throw<DomainException>(() => new BenefitLink(Guid.NewGuid(), Guid.NewGuid(), LinkKind.Dividend, 0, default, null, T0)).Code.ShouldBe("BenefitLink.Weight");
        Should.Throw<DomainException>(() => new BenefitLink(Guid.NewGuid(), Guid.NewGuid(), LinkKind.Dividend, 1,
            new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), T0)).Code.ShouldBe("BenefitLink.Dates");
    }

    [Theory]
    [InlineData("acct_1Nv0FGQ9RKHgCVdK", "acct_1Nv0FGQ9RKHgCVdK")]
    [InlineData("  acct_1Nv0FGQ9RKHgCVdK ", "acct_1Nv0FGQ9RKHgCVdK")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_stripe_connected_account_is_set_trimmed_or_removed(string? typed, string? stored)
    {
        var supplier = NewSupplier();
        supplier.ConnectStripeAccount("acct_0000000000000000");
        supplier.ConnectStripeAccount(typed);
        supplier.StripeAccountId.ShouldBe(stored);
    }

    [Theory]
    [InlineData("1Nv0FGQ9RKHgCVdK")]
    [InlineData("acct_")]
    [InlineData("acct_1Nv0-FGQ9")]
    [InlineData("cus_1Nv0FGQ9RKHgCVdK")]
    [InlineData("acct_1Nv0FGQ9RKHgCVdK; DROP")]
    public void A_malformed_stripe_account_id_is_refused_and_changes_nothing(string typed)
    {
        var supplier = NewSupplier();
        supplier.ConnectStripeAccount("acct_0000000000000000");
        Should.Throw<DomainException>(() => supplier.ConnectStripeAccount(typed)).Code.ShouldBe("Supplier.StripeAccount");
        supplier.StripeAccountId.ShouldBe("acct_0000000000000000");
        Should.Throw<DomainException>(() => supplier.ConnectStripeAccount("acct_" + new string('a', Supplier.StripeAccountIdMaxLength))).Code.ShouldBe("Supplier.StripeAccount");
    }
}
