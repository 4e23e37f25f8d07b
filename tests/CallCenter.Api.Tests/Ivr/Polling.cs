namespace CallCenter.Api.Tests.Ivr;

/// <summary>Reads until a condition holds or a deadline passes: the hub and the simulator work asynchronously.</summary>
internal static class Polling
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{what} not reached within {Patience}; last read: {value}");
            await Task.Delay(100);
        }
    }
}
