namespace AidMarket.Domain.Common;

/// <summary>A business rule was broken; <see cref="Code"/> is a resource key for the user's message, <see cref="Arguments"/> fill it in.</summary>
public sealed class DomainException(string code, string message, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;
    public object[] Arguments { get; } = arguments;
}

public static class SplitMustAllocateEveryFen
{
    public static void CheckWeights(IReadOnlyList<long> weights)
    {
        if (weights.Count == 0 || weights.Any(w => w < 0) || weights.Sum() <= 0)
            throw new DomainException("Split.Weights", "A split needs at least one positive weight and none negative.");
    }

    public static void Check(Money whole, IReadOnlyList<Money> parts)
    {
        if (parts.Aggregate(Money.Zero, (a, b) => a + b) != whole)
            throw new DomainException("Split.Unallocated", $"The parts of a split must sum to {whole}.");
    }
}
