namespace TypedMail;

/// <summary>
/// Defaults written once for every reader of settings: the runtime, the reader of <c>[SmtpServer]</c> classes in the
/// generator and the analyzers (which compile this file).
/// </summary>
internal static class SmtpDefaults
{
    /// <summary>The timeout of the connection and of each server reply when none is given, in seconds (4D's default).</summary>
    public const int TimeoutSeconds = 30;
}
