using System;

namespace TypedMail.Outbox.Tests;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Backoff_Doubles_WithinItsJitter_UpToTheCap()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(1) };
        var low = new RetryPolicy(options, () => 0.0);
        var high = new RetryPolicy(options, () => 1.0);

        Assert.Equal(TimeSpan.FromSeconds(24), low.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(36), high.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(48), low.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(96), low.Backoff(3));
        Assert.Equal(TimeSpan.FromHours(1.2), high.Backoff(20));
    }
}
