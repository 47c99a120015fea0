using System;
using System.Collections.Generic;
using System.Linq;
using TypedMail.Tests.Addresses;
using Xunit.Abstractions;

namespace TypedMail.Runtime.Tests.Addresses;

/// <summary>
/// The isemail suite against the runtime: the shared grammar (<see cref="AddressSyntax"/>) and the message reference's
/// single-address path (<see cref="SmtpMessage.SetSender"/>, which also converts to a MimeKit mailbox and renders it).
/// </summary>
public sealed class IsEmailSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void The_suite_is_complete()
    {
        Assert.Equal(164, IsEmailSuite.Cases.Count);
        Assert.Equal(66, IsEmailSuite.Cases.Count(c => c.Category == "ISEMAIL_ERR"));
        Assert.Contains(IsEmailSuite.Cases, c => c.Address.Contains('\0', StringComparison.Ordinal));
        Assert.Contains(IsEmailSuite.Cases, c => c.Address.Contains('\r', StringComparison.Ordinal));
    }

    [Fact]
    public void No_error_is_accepted_and_no_valid_address_is_refused_by_the_grammar()
    {
        var wrong = IsEmailSuite.Cases.Where(c => Accepts(c.Address) != c.ExpectedAccepted).Select(Describe).ToList();
        Report(c => Accepts(c.Address));

        Assert.True(wrong.Count == 0, "Against the policy:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void No_error_is_accepted_and_no_valid_address_is_refused_by_the_message_reference()
    {
        var wrong = IsEmailSuite.Cases.Where(c => c.Address.Length > 0 && RuntimeAccepts(c.Address) != c.ExpectedAccepted).Select(Describe).ToList();
        Report(c => c.Address.Length > 0 && RuntimeAccepts(c.Address));

        Assert.True(wrong.Count == 0, "Against the policy:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("\"test\\\u0000\"@iana.org", "cannot be quoted")]
    [InlineData("\"te\u0007st\"@iana.org", "control character")]
    [InlineData("\"a\rb\"@iana.org", "line break")]
    [InlineData("test@iana.org\n", "line break")]
    [InlineData("test@[1.2.3.4", "unbalanced brackets")]
    [InlineData("test@[RFC-5322-domain-literal]", "domain literal")]
    [InlineData("test@[IPv6:1111:2222:3333:4444:5555:6666::8888]", "domain literal")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklmn@iana.org", "longer than 64 octets")]
    [InlineData("(comment)test@iana.org", "'(' in its local part")]
    [InlineData("\"Herb\u0000\" <herb@wkrp.com>", "display name")]
    [InlineData("Herb\u2028Bcc <herb@wkrp.com>", "line break")]
    public void Refusals_say_what_is_wrong(string address, string reason)
    {
        Assert.False(AddressSyntax.TryParseMailbox(address, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\0', error!);
        Assert.DoesNotContain('\r', error!);
    }

    private static bool Accepts(string address) => AddressSyntax.TryParseMailbox(address, out _, out _);

    private static bool RuntimeAccepts(string address)
    {
        using var message = new SmtpMessage();
        try
        {
            message.SetSender(address);
        }
        catch (TypedMailException ex) when (ex.Code is ErrorCodes.InvalidAddress or ErrorCodes.HeaderInjection)
        {
            return false;
        }

        // Accepted: MimeKit must carry it to the wire as the one Sender.
        message.SetFrom("from@example.com");
        using var mime = message.ToMimeMessage();
        Assert.NotNull(mime.Sender);
        return true;
    }

    private static string Describe(IsEmailCase c) => $"{c} expected {(c.ExpectedAccepted ? "accepted" : "refused")}";

    private void Report(Func<IsEmailCase, bool> accepts)
    {
        foreach (var category in IsEmailSuite.Categories)
        {
            var cases = IsEmailSuite.Cases.Where(c => c.Category == category).ToList();
            output.WriteLine($"{category}: {cases.Count(accepts)} accepted, {cases.Count(c => !accepts(c))} refused of {cases.Count}");
        }
    }
}
