using System;
using System.Linq;

namespace TypedMail.Runtime.Tests.Addresses;

public sealed class AddressSyntaxTests
{
    [Theory]
    [InlineData("herb_tarlick@wkrp.com", null, "herb_tarlick", "wkrp.com")]
    [InlineData("  herb@wkrp.com  ", null, "herb", "wkrp.com")]
    [InlineData("Herb Tarlick <herb@wkrp.com>", "Herb Tarlick", "herb", "wkrp.com")]
    [InlineData("\"Tarlick, Herb\" <herb@wkrp.com>", "Tarlick, Herb", "herb", "wkrp.com")]
    [InlineData("\"herb tarlick\"@wkrp.com", null, "\"herb tarlick\"", "wkrp.com")]
    [InlineData("\"a\\\"b\"@wkrp.com", null, "\"a\\\"b\"", "wkrp.com")]
    [InlineData("josé@bücher.example", null, "josé", "bücher.example")]
    [InlineData("<herb@wkrp.com>", null, "herb", "wkrp.com")]
    [InlineData("first.last+tag@sub.wkrp.com", null, "first.last+tag", "sub.wkrp.com")]
    [InlineData("user@[127.0.0.1]", null, "user", "[127.0.0.1]")]
    [InlineData("user@localhost", null, "user", "localhost")]
    public void Accepts_valid_mailboxes(string text, string? displayName, string local, string domain)
    {
        Assert.True(AddressSyntax.TryParseMailbox(text, out var mailbox, out var error), error);
        Assert.Equal(displayName, mailbox!.DisplayName);
        Assert.Equal(local, mailbox.LocalPart);
        Assert.Equal(domain, mailbox.Domain);
        Assert.Equal(local + "@" + domain, mailbox.Address);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("herb.wkrp.com", "no '@'")]
    [InlineData("herb@@wkrp.com", "more than one '@'")]
    [InlineData("herb@wkrp@com", "more than one '@'")]
    [InlineData("herb tarlick@wkrp.com", "unquoted space")]
    [InlineData("\"herb@wkrp.com", "unclosed quote")]
    [InlineData("Herb <herb@wkrp.com", "unbalanced angle brackets")]
    [InlineData("Herb herb@wkrp.com>", "unbalanced angle brackets")]
    [InlineData("user@[127.0.0.1", "unbalanced brackets")]
    [InlineData("herb@wkrp.com.", "starts or ends with a dot")]
    [InlineData("herb.@wkrp.com", "starts or ends with a dot")]
    [InlineData("he..rb@wkrp.com", "two dots in a row")]
    [InlineData("herb@", "no domain")]
    [InlineData("@wkrp.com", "empty local part")]
    [InlineData("herb@-wkrp.com", "invalid domain label")]
    [InlineData("Herb, Tarlick <herb@wkrp.com>", "contains ','")]
    [InlineData("Herb <herb@wkrp.com> extra", "text after the closing '>'")]
    [InlineData("Herb\r\nBcc: evil@x.com <herb@wkrp.com>", "line break")]
    public void Refuses_invalid_mailboxes_and_says_why(string text, string reason)
    {
        Assert.False(AddressSyntax.TryParseMailbox(text, out var mailbox, out var error));
        Assert.Null(mailbox);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Splits_lists_on_commas_semicolons_and_line_breaks_outside_quotes_and_brackets()
    {
        const string list = "a@x.com, \"Doe, John\" <john@x.com>;b@x.com\rc@x.com\nd@x.com,\r\n";

        Assert.True(AddressSyntax.TryParseList(list, out var mailboxes, out var error), error);

        Assert.Equal(["a@x.com", "john@x.com", "b@x.com", "c@x.com", "d@x.com"], mailboxes.Select(m => m.Address));
        Assert.Equal("Doe, John", mailboxes[1].DisplayName);
    }

    [Fact]
    public void A_list_with_one_bad_item_names_that_item()
    {
        Assert.False(AddressSyntax.TryParseList("a@x.com, not-an-address, b@x.com", out _, out var error));
        Assert.Contains("not-an-address", error, StringComparison.Ordinal);
    }
}
