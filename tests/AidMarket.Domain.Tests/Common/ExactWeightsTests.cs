using AidMarket.Domain.Common;
using Shouldly;

namespace AidMarket.Domain.Tests.Common;

public class ExactWeightsTests
{
    [Fact]
    public void Decimal_quantities_become_whole_weights_with_the_same_ratios()
    {
        ExactWeights.Of([1.5m, 2.25m]).ShouldBe([2, 3]);
        ExactWeights.Of([1.50m, 0.500m, 0m]).ShouldBe([3, 1, 0]);
        ExactWeights.Of([12.125m, 3m]).ShouldBe([97, 24]);
    }

    [Fact]
    public void Negative_or_impossibly_precise_quantities_are_refused()
    {
        Should.Throw<DomainException>(() => ExactWeights.Of([1m, -1m])).Code.ShouldBe("Split.Weights");
        Should.Throw<DomainException>(() => ExactWeights.Of([9_000_000_000m, 0.0000000001m])).Code.ShouldBe("Split.WeightsTooLarge");
    }
}
