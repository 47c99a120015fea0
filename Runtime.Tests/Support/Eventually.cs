using System;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>Waits for a condition the code under test makes true by itself (an event, not a clock), failing after a bound.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan bound)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true in time");
            await Task.Delay(20);
        }
    }
}
