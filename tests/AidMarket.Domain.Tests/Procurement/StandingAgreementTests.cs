using AidMarket.Domain.Common;
using AidMarket.Domain.Procurement;
using Shouldly;

namespace AidMarket.Domain.Tests.Procurement;

public class StandingAgreementTests
{
    private static readonly DateOnly Today = new(2026, 11, 23); // a Monday

    private static StandingAgreement Agreement(AgreementFrequency frequency, int day, DateOnly? starts = null, DateOnly? ends = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "u", [new AgreementItem(Guid.NewGuid(), "瓮安红茶", "斤", 10)], frequency, day,
            starts ?? Today, ends ?? Today.AddMonths(3), "海珠区", Today);

    [Fact]
    public void Weekly_dates_fall_on_the_agreed_weekday_from_the_start()
    {
        var a = Agreement(AgreementFrequency.Weekly, 3); // Wednesday
        a.Accept(Today);
        a.Status.ShouldBe(AgreementStatus.Active);
        a.NextDueOn.ShouldBe(new DateOnly(2026, 11, 25));
        a.Advance();
        a.NextDueOn.ShouldBe(new DateOnly(2026, 12, 2));
        Agreement(AgreementFrequency.Weekly, 7).DueOnOrAfter(Today).ShouldBe(new DateOnly(2026, 11, 29)); // Sunday
        Agreement(AgreementFrequency.Weekly, 1).DueOnOrAfter(Today).ShouldBe(Today);
    }

    [Fact]
    public void Monthly_dates_fall_on_the_agreed_day_and_the_term_ends_the_agreement()
    {
        var a = Agreement(AgreementFrequency.Monthly, 5, ends: new DateOnly(2027, 1, 10));
        a.Accept(Today);
        a.NextDueOn.ShouldBe(new DateOnly(2026, 12, 5));
        a.Advance();
        a.NextDueOn.ShouldBe(new DateOnly(2027, 1, 5));
        a.Advance();
        a.Status.ShouldBe(AgreementStatus.Ended);
        a.NextDueOn.ShouldBeNull();
    }

    [Fact]
    public void Paused_agreements_skip_the_dates_they_missed()
    {
        var a = Agreement(AgreementFrequency.Weekly, 1);
        a.Accept(Today);
        a.Pause();
        Should.Throw<DomainException>(() => a.Pause()).Code.ShouldBe("Agreement.NotActive");
        a.Resume(new DateOnly(2026, 12, 15));
        a.NextDueOn.ShouldBe(new DateOnly(2026, 12, 21));
        a.End();
        Should.Throw<DomainException>(() => a.End()).Code.ShouldBe("Agreement.Ended");
    }

    [Fact]
    public void Accepted_after_its_start_an_agreement_falls_due_from_today_not_in_the_past()
    {
        var a = Agreement(AgreementFrequency.Weekly, 1);
        a.Accept(Today.AddDays(10)); // accepted on a Thursday, ten days in
        a.NextDueOn.ShouldBe(Today.AddDays(14));
    }

    [Theory]
    [InlineData(AgreementFrequency.Weekly, 8)]
    [InlineData(AgreementFrequency.Monthly, 29)]
    [InlineData(AgreementFrequency.Monthly, 0)]
    public void The_day_must_exist_in_every_week_or_month(AgreementFrequency frequency, int day) =>
        Should.Throw<DomainException>(() => Agreement(frequency, day)).Code.ShouldBe("Agreement.Day");

    [Fact]
    public void The_term_starts_today_or_later_and_ends_after_it_starts()
    {
        Should.Throw<DomainException>(() => Agreement(AgreementFrequency.Weekly, 1, starts: Today.AddDays(-1))).Code.ShouldBe("Agreement.StartInPast");
        Should.Throw<DomainException>(() => Agreement(AgreementFrequency.Weekly, 1, ends: Today)).Code.ShouldBe("Agreement.Term");
    }
}
