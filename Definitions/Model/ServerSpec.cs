namespace TypedMail.Definitions.Model;

/// <summary>The constants of one <c>[SmtpServer]</c> class.</summary>
/// <param name="Type">Where the class lives.</param>
/// <param name="Host">The host.</param>
/// <param name="Port">The port as written (0 = the mode's default).</param>
/// <param name="Mode">The mode's member name (e.g. <c>Upgradable</c>), or its number in parentheses when it has no name (e.g. <c>(-1)</c>).</param>
/// <param name="Auth">The auth mode, written the same way.</param>
/// <param name="AuthGiven">Whether <c>Auth</c> was written: the server then requires credentials.</param>
/// <param name="TimeoutSeconds">The timeout.</param>
internal sealed record ServerSpec(
    TypeIdentity Type,
    string Host,
    int Port,
    string Mode,
    string Auth,
    bool AuthGiven,
    int TimeoutSeconds);
