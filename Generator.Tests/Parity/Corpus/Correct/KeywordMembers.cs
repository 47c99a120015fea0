using TypedMail;

[MailMessage(From = "shop@example.com", Subject = "{{event}}")]
[TextBody("{{class}} at {{event}}")]
public partial class Invitation
{
    [To] public required string @return { get; init; }
    public required string @event { get; init; }
    public string @class { get; init; } = "";
}

static class Caller
{
    static Invitation Use() => Invitation.Create().@return("a@example.com").@event("party").@class("VIP").Build();
}
