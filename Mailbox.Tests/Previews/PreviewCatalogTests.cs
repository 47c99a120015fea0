using System.Linq;
using TypedMail.Mailbox.Previews;

namespace TypedMail.Mailbox.Tests.Previews;

/// <summary>The catalog built from this assembly's <c>[MailMessage]</c> classes and <c>[PreviewData]</c> members.</summary>
public sealed class PreviewCatalogTests
{
    private static readonly PreviewCatalog Catalog = PreviewCatalog.Build([typeof(PreviewedMessages).Assembly]);

    [Fact]
    public void Each_sample_is_rendered_through_its_generated_ToMimeMessage()
    {
        var welcome = Catalog.Types.Single(type => type.MessageType == typeof(WelcomeNote).FullName);
        var forBailey = welcome.Previews.Single(preview => preview.Name == "For Bailey");

        Assert.Null(forBailey.Error);
        var message = forBailey.Document!.Message;
        Assert.Equal("Welcome, Bailey", message.Subject);
        Assert.Equal("bailey.quarters@wkrp.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("<p>Welcome to <b>WKRP</b>, Bailey!</p>", message.HtmlBody?.Trim());
        Assert.Equal($"{typeof(PreviewedMessages).FullName}.ForBailey", forBailey.Member);
    }

    [Fact]
    public void A_sequence_gives_one_numbered_preview_per_item()
    {
        var nightShift = Catalog.Types.SelectMany(type => type.Previews).Where(preview => preview.Member.EndsWith(".NightShift", System.StringComparison.Ordinal)).ToArray();

        Assert.Equal(["NightShift #1", "NightShift #2"], nightShift.Select(preview => preview.Name).ToArray());
        Assert.Equal("Welcome, Johnny <Dr. Fever>", nightShift[0].Document!.Message.Subject);
        Assert.Contains("Johnny &lt;Dr. Fever&gt;", nightShift[0].Document!.Message.HtmlBody, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_sample_that_throws_or_is_no_message_is_listed_with_the_reason()
    {
        var previews = Catalog.Types.SelectMany(type => type.Previews).ToArray();

        var broken = previews.Single(preview => preview.Name == "Broken sample");
        Assert.Null(broken.Document);
        Assert.Equal(typeof(WelcomeNote).FullName, broken.MessageType);
        Assert.Equal($"{typeof(PreviewedMessages).FullName}.Broken threw InvalidOperationException: the sample database is offline", broken.Error);

        var notAMessage = previews.Single(preview => preview.Name == "Not a message");
        Assert.Null(notAMessage.Document);
        Assert.Contains("returns System.String, which is not a [MailMessage] class", notAMessage.Error, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_type_without_a_preview_is_listed_with_none()
    {
        var reminder = Catalog.Types.Single(type => type.MessageType == typeof(MeetingReminder).FullName);

        Assert.Empty(reminder.Previews);
        Assert.Equal("TypedMail.Mailbox.Tests", reminder.Assembly);
    }

    [Fact]
    public void Preview_ids_are_unique_and_findable()
    {
        var previews = Catalog.Types.SelectMany(type => type.Previews).ToArray();

        Assert.Equal(previews.Length, previews.Select(preview => preview.Id).Distinct().Count());
        Assert.All(previews, preview => Assert.Same(preview, Catalog.Find(preview.Id)));
        Assert.Null(Catalog.Find("999"));
    }
}
