using System.Linq;

namespace TypedMail.Runtime.Tests.Rules;

/// <summary>SmtpRules' verdicts on (port, mode, authentication, timeout): the same table the analyzers apply.</summary>
public sealed class SmtpRulesTests
{
    [Theory]
    [InlineData(587, SessionMode.Upgradable, true, 30, "TM0005")]
    [InlineData(587, SessionMode.Upgradable, false, 30, "TM0001")]
    [InlineData(25, SessionMode.Upgradable, true, 30, "TM0002,TM0005")]
    [InlineData(0, SessionMode.RequireStartTls, true, 30, "")]
    [InlineData(0, SessionMode.RequireStartTls, false, 30, "TM0001")]
    [InlineData(25, SessionMode.RequireStartTls, true, 30, "TM0002")]
    [InlineData(25, SessionMode.Upgradable, false, 30, "")]
    [InlineData(2525, SessionMode.Upgradable, false, 30, "")]
    [InlineData(465, SessionMode.ImplicitTls, true, 30, "")]
    [InlineData(587, SessionMode.ImplicitTls, true, 30, "TM0003")]
    [InlineData(465, SessionMode.NeverTls, false, 30, "TM0003")]
    [InlineData(25, SessionMode.NeverTls, true, 30, "TM0004")]
    [InlineData(70000, SessionMode.NeverTls, false, 30, "TM0013")]
    [InlineData(25, SessionMode.NeverTls, false, 0, "TM0013")]
    [InlineData(25, SessionMode.NeverTls, false, 128, "TM0013")]
    public void Verdicts(int port, SessionMode mode, bool auth, int timeout, string expected)
    {
        var ids = SmtpRules.Check(port, mode, auth, timeout).Select(v => v.Id).OrderBy(id => id);

        Assert.Equal(expected.Split(',', System.StringSplitOptions.RemoveEmptyEntries), ids);
    }

    [Fact]
    public void Errors_ComeFirst_AndOnlyTM0001_TM0002_TM0013_AreErrors()
    {
        var violations = SmtpRules.Check(25, SessionMode.Upgradable, true, 30);

        Assert.Equal(RuleSeverity.Error, violations[0].Severity);
        Assert.Equal("TM0002", violations[0].Id);
        Assert.Equal(RuleSeverity.Info, violations[^1].Severity);
    }
}
