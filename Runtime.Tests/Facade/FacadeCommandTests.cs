using System;
using System.IO;
using System.Linq;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Facade;

/// <summary>Handles, option numbers and codes of the facade's message commands (nothing here reaches the network).</summary>
public sealed class FacadeCommandTests
{
    [Fact]
    public void New_GivesDistinctHandles_Clear_SetsTheHandleTo0_ThenEveryCallGives10004()
    {
        Assert.Equal(0, SMTP_New(out var first));
        Assert.Equal(0, SMTP_New(out var second));
        Assert.NotEqual(first, second);
        var kept = first;

        Assert.Equal(0, SMTP_Clear(ref first));
        Assert.Equal(0, first);

        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Clear(ref kept));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Host(kept, "127.0.0.1"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_From(kept, "a@wkrp.com"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Subject(kept, "x"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Body(kept, "x"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_AddHeader(kept, "X-A", "x"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Auth(kept, "u", "p"));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Date(kept, DateTime.Today, TimeSpan.Zero, 0, 0));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Send(kept));
        Assert.Equal(ErrorCodes.InvalidReference, SMTP_Send(-42));
        SMTP_Clear(ref second);
    }

    [Fact]
    public void Send_ChecksHostThenFromThenRecipient()
    {
        SMTP_New(out var id);
        Assert.Equal(ErrorCodes.NoHost, SMTP_Send(id));
        SMTP_Host(id, "127.0.0.1");
        Assert.Equal(ErrorCodes.NoFrom, SMTP_Send(id));
        SMTP_From(id, "herb_tarlick@wkrp.com");
        Assert.Equal(ErrorCodes.NoRecipient, SMTP_Send(id));
        SMTP_Clear(ref id);
    }

    [Fact]
    public void OptionNumbers_OutOfRange_Give12010()
    {
        SMTP_New(out var id);
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_To(id, "a@wkrp.com", 3));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Subject(id, "x", -1));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Body(id, "x", 3));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_AddHeader(id, "X-A", "x", 3));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Host(id, "h", 2));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Auth(id, "u", "p", 4));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Send(id, 4));
        SMTP_Clear(ref id);
    }

    [Fact]
    public void InvalidAddressAndInjection_GiveTheirCodes_WithoutThrowing()
    {
        SMTP_New(out var id);
        Assert.Equal(ErrorCodes.InvalidAddress, SMTP_To(id, "not an address"));
        Assert.Equal(ErrorCodes.HeaderInjection, SMTP_Subject(id, "a\r\nBcc: x@evil.example"));
        Assert.Equal(ErrorCodes.HeaderInjection, SMTP_AddHeader(id, "X-A", "a\nb"));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_AddHeader(id, "Content-Type", "not a type"));
        Assert.Equal(0, SMTP_AddHeader(id, "X-Tolerated:", "yes"));
        SMTP_Clear(ref id);
    }

    [Fact]
    public void EveryHeaderCommand_ReachesTheMessage_WithItsOption()
    {
        SMTP_New(out var id);
        Assert.Equal(0, SMTP_From(id, "herb_tarlick@wkrp.com"));
        Assert.Equal(0, SMTP_Sender(id, "jennifer@wkrp.com"));
        Assert.Equal(0, SMTP_ReplyTo(id, "bigguy@wkrp.com, andy@wkrp.com"));
        Assert.Equal(0, SMTP_ReplyTo(id, "andy@wkrp.com", 2));
        Assert.Equal(0, SMTP_To(id, "a@wkrp.com\rb@wkrp.com"));
        Assert.Equal(0, SMTP_Cc(id, "c@wkrp.com;d@wkrp.com"));
        Assert.Equal(0, SMTP_Cc(id, "", 2));
        Assert.Equal(0, SMTP_Bcc(id, "e@wkrp.com"));
        Assert.Equal(0, SMTP_Subject(id, "Subject"));
        Assert.Equal(0, SMTP_Subject(id, ""));
        Assert.Equal(0, SMTP_Comments(id, "Comments"));
        Assert.Equal(0, SMTP_Keywords(id, "Keywords"));
        Assert.Equal(0, SMTP_Keywords(id, "", 1));
        Assert.Equal(0, SMTP_References(id, "<r@wkrp.com>"));
        Assert.Equal(0, SMTP_InReplyTo(id, "<i@wkrp.com>"));
        Assert.Equal(0, SMTP_Encrypted(id, "x"));
        Assert.Equal(0, SMTP_Encrypted(id, "", 2));

        var message = MessageOf(id);
        Assert.Equal("jennifer@wkrp.com", message.Sender!.Address);
        Assert.Equal(new[] { "bigguy@wkrp.com" }, message.ReplyTo.Select(m => m.Address));
        Assert.Equal(new[] { "a@wkrp.com", "b@wkrp.com" }, message.To.Select(m => m.Address));
        Assert.Empty(message.Cc);
        Assert.Equal("e@wkrp.com", Assert.Single(message.Bcc).Address);
        Assert.Equal("Subject", message.Subject);
        Assert.Equal("Comments", message.Text("Comments"));
        Assert.Null(message.Text("Keywords"));
        Assert.Equal("<r@wkrp.com>", message.Text("References"));
        Assert.Equal("<i@wkrp.com>", message.Text("In-Reply-To"));
        Assert.Null(message.Text("Encrypted"));
        SMTP_Clear(ref id);
    }

    [Fact]
    public void Body_IsOneBody_Plus4_MarksItHtml()
    {
        SMTP_New(out var id);
        var message = MessageOf(id);
        Assert.Equal(0, SMTP_Body(id, "plain"));
        Assert.Equal(0, SMTP_Body(id, "<p>html</p>", 5));
        Assert.Null(message.TextBody);
        Assert.Equal("<p>html</p>", message.HtmlBody);
        Assert.Equal(0, SMTP_Body(id, "<p>more</p>", 2));
        Assert.Equal("<p>html</p><p>more</p>", message.HtmlBody);
        Assert.Equal(0, SMTP_Body(id, ""));
        Assert.Equal("<p>html</p><p>more</p>", message.HtmlBody);
        Assert.Equal(0, SMTP_Body(id, "plain again"));
        Assert.Equal(("plain again", (string?)null), (message.TextBody, message.HtmlBody));
        Assert.Equal(0, SMTP_Body(id, "", 4));
        Assert.Equal(((string?)null, "plain again"), (message.TextBody, message.HtmlBody));
        Assert.Equal(0, SMTP_Body(id, "", 1));
        Assert.Equal(((string?)null, (string?)null), (message.TextBody, message.HtmlBody));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Body(id, "x", 3));
        SMTP_Clear(ref id);
    }

    [Fact]
    public void Attachment_MacintoshEncodeTypes_Attach_MissingFile12008()
    {
        var path = Path.GetTempFileName();
        try
        {
            SMTP_New(out var id);
            Assert.Equal(0, SMTP_Attachment(id, path, 1));
            Assert.Equal(0, SMTP_Attachment(id, path, -5));
            Assert.Equal(2, MessageOf(id).AttachmentCount);
            Assert.Equal(ErrorCodes.AttachmentNotFound, SMTP_Attachment(id, path + ".absent", 2));
            Assert.Equal(0, SMTP_Attachment(id, path, 2));
            Assert.Equal(0, SMTP_Attachment(id, path, 2, 2));
            Assert.Equal(0, MessageOf(id).AttachmentCount);
            SMTP_Clear(ref id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Date_Zone0UsesTheOffset_Zone1TheLocalZone_LegacyZones10001_Option1Removes()
    {
        SMTP_New(out var id);
        Assert.Equal(0, SMTP_Date(id, new DateTime(1978, 9, 18), new TimeSpan(20, 0, 0), 0, -5));
        Assert.Equal(new DateTimeOffset(1978, 9, 18, 20, 0, 0, TimeSpan.FromHours(-5)), MessageOf(id).Date);

        Assert.Equal(0, SMTP_Date(id, new DateTime(1978, 9, 18), new TimeSpan(20, 0, 0), 1, 0));
        var local = new DateTime(1978, 9, 18, 20, 0, 0);
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(local), MessageOf(id).Date!.Value.Offset);

        Assert.Equal(ErrorCodes.Unimplemented, SMTP_Date(id, DateTime.Today, TimeSpan.Zero, 3, 0));
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_Date(id, DateTime.Today, TimeSpan.Zero, 0, 20));
        Assert.Equal(0, SMTP_Date(id, default, default, 0, 0, 1));
        Assert.Null(MessageOf(id).Date);
        SMTP_Clear(ref id);
    }

    [Fact]
    public void ErrorText_IsASentenceForEveryCodeTheFacadeReturns()
    {
        foreach (var code in ErrorCodes.Known.Concat(new[] { -10061, -10060, -11001, -99999, 250, 421, 535, 550, 599, 42 }))
        {
            var text = IT_ErrorText(code);
            Assert.False(string.IsNullOrWhiteSpace(text), $"code {code}");
            Assert.EndsWith(".", text);
        }
    }

    private static SmtpMessage MessageOf(int id)
    {
        Assert.True(MessageHandles.TryGet(id, out var message));
        return message;
    }
}
