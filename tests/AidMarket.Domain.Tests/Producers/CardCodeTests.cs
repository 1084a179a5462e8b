using AidMarket.Domain.Producers;
using Shouldly;

namespace AidMarket.Domain.Tests.Producers;

public class CardCodeTests
{
    [Fact]
    public void A_card_code_is_twelve_characters_without_look_alikes()
    {
        foreach (var code in Enumerable.Range(0, 500).Select(_ => Household.NewCardCode()))
        {
            code.Length.ShouldBe(12);
            code.ShouldAllBe(c => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".Contains(c));
        }
    }

    [Fact]
    public void Card_codes_are_not_repeated() =>
        Enumerable.Range(0, 1000).Select(_ => Household.NewCardCode()).Distinct().Count().ShouldBe(1000);
}
