using System;
using System.Collections.Generic;
using TypedMail;

namespace TypedMail.Mailbox.Tests.Previews;

/// <summary>A message type with an HTML body, previewed by <see cref="PreviewedMessages"/>.</summary>
[MailMessage(From = "andy.travis@wkrp.com", Subject = "Welcome, {{Name}}")]
[TextBody("Welcome to WKRP, {{Name}}!")]
[HtmlBody("<p>Welcome to <b>WKRP</b>, {{Name}}!</p>")]
public partial class WelcomeNote
{
    /// <summary>The new colleague's address.</summary>
    [To]
    public required string Email { get; init; }

    /// <summary>The new colleague's name.</summary>
    public required string Name { get; init; }
}

/// <summary>A message type that no [PreviewData] member returns: the Previews page lists it as missing a preview.</summary>
[MailMessage(From = "andy.travis@wkrp.com", Subject = "Reminder")]
[TextBody("Staff meeting at {{Hour}}.")]
public partial class MeetingReminder
{
    /// <summary>Who is reminded.</summary>
    [To]
    public required string Email { get; init; }

    /// <summary>When the meeting starts.</summary>
    public required string Hour { get; init; }
}

/// <summary>Previews of every shape the catalog accepts and refuses.</summary>
public static class PreviewedMessages
{
    /// <summary>One sample from a method, named by the attribute.</summary>
    [PreviewData("For Bailey")]
    public static WelcomeNote ForBailey() => Welcome("bailey.quarters@wkrp.com", "Bailey");

    /// <summary>Several samples from a property, named after it.</summary>
    [PreviewData]
    public static IEnumerable<WelcomeNote> NightShift =>
    [
        Welcome("johnny.caravella@wkrp.com", "Johnny <Dr. Fever>"),
        Welcome("venus.flytrap@wkrp.com", "Venus"),
    ];

    /// <summary>A sample whose code throws: the page says so instead of failing.</summary>
    [PreviewData("Broken sample")]
    public static WelcomeNote Broken() => throw new InvalidOperationException("the sample database is offline");

    /// <summary>Not a message at all.</summary>
    [PreviewData("Not a message")]
    public static string NotAMessage => "hello";

    private static WelcomeNote Welcome(string email, string name) => WelcomeNote.Create().Email(email).Name(name).Build();
}
