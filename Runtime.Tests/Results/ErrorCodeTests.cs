using System.Linq;
using System.Net.Sockets;

namespace TypedMail.Runtime.Tests.Results;

/// <summary>The error-code table: 4D's numbers kept, ranges apart, a distinct sentence for each code.</summary>
public sealed class ErrorCodeTests
{
    [Theory]
    [InlineData(ErrorCodes.Cancelled, 10000)]
    [InlineData(ErrorCodes.Unimplemented, 10001)]
    [InlineData(ErrorCodes.NoMoreReferences, 10003)]
    [InlineData(ErrorCodes.InvalidReference, 10004)]
    [InlineData(ErrorCodes.NoHost, 10005)]
    [InlineData(ErrorCodes.NoFrom, 10006)]
    [InlineData(ErrorCodes.NoRecipient, 10007)]
    [InlineData(ErrorCodes.ConnectionLost, 10027)]
    [InlineData(ErrorCodes.ConnectionRefused, -10061)]
    [InlineData(ErrorCodes.TimedOut, -10060)]
    [InlineData(ErrorCodes.HostNotFound, -11001)]
    public void FourDAndNetworkNumbers_AreKeptExactly(int constant, int expected) => Assert.Equal(expected, constant);

    [Fact]
    public void TypedMailCodes_AreIn12001To12099_AndEveryKnownCodeHasItsOwnSentence()
    {
        var own = typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).Where(c => c > 11000).ToList();
        Assert.NotEmpty(own);
        Assert.All(own, c => Assert.InRange(c, 12001, 12099));

        var texts = ErrorCodes.Known.Select(ErrorCodes.Text).ToList();
        Assert.Equal(texts.Count, texts.Distinct().Count());
        Assert.All(typeof(ErrorCodes).GetFields().Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).Where(c => c >= 0),
            c => Assert.Contains(c, ErrorCodes.Known));
    }

    [Fact]
    public void NegativeCodes_NameTheSocketError_ServerCodes_SayTheServerRefused()
    {
        Assert.Contains(nameof(SocketError.AddressAlreadyInUse), ErrorCodes.Text(-(int)SocketError.AddressAlreadyInUse));
        Assert.Contains("Network", ErrorCodes.Text(-1234567));
        Assert.Contains("refused", ErrorCodes.Text(571));
        Assert.Contains("535", ErrorCodes.Text(535));
        Assert.Contains("Unknown", ErrorCodes.Text(42));
    }
}
