namespace AidMarket.Web.Tests.Infrastructure;

/// <summary>Waits for asynchronous work (outbox dispatch, consumers) to show its effect, failing after a generous timeout.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Condition not met in time; last value: {value}");
            await Task.Delay(50);
        }
    }

    /// <summary>Lets asynchronous work run for a while, for asserting that something did NOT happen.</summary>
    public static Task SettleAsync(double seconds = 1.5) => Task.Delay(TimeSpan.FromSeconds(seconds));
}
