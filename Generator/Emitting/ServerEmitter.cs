using TypedMail.Definitions.Model;

namespace TypedMail.Generator.Emitting;

/// <summary>
/// Writes the sender of one <c>[SmtpServer]</c> class: host, port, mode, auth and timeout baked in; credentials, an
/// options callback and a logger given at run time; one <c>SmtpSender</c> (one connection) for every message sent.
/// </summary>
internal static class ServerEmitter
{
    public static string HintName(ServerSpec spec) => spec.Type.HintStem + ".TypedMailServer.g.cs";

    public static string Emit(ServerSpec spec)
    {
        var w = new SourceWriter();
        var name = CSharp.Id(spec.Type.Name);
        var open = CSharp.OpenType(w, spec.Type, " : global::System.IDisposable, global::System.IAsyncDisposable");
        const string Configure = "global::System.Action<global::TypedMail.SmtpSettings>? configure = null";
        const string Logger = "global::Microsoft.Extensions.Logging.ILogger? logger = null";
        var where = $"{spec.Host}:{(spec.Port == 0 ? "(the mode's default port)" : spec.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

        w.Line(CSharp.GeneratedCode)
         .Line("private readonly global::TypedMail.ISmtpSender typedMailSender;")
         .Line()
         .Line(CSharp.GeneratedCode)
         .Line("private readonly global::TypedMail.SmtpSender? typedMailOwnedSender;")
         .Line();

        w.Line($"/// <summary>A sender to {Escape(where)} with the constants of <c>[SmtpServer]</c>, authenticating as <paramref name=\"userName\"/>.</summary>")
         .Line("/// <param name=\"userName\">The user name (from configuration or secrets, never a literal).</param>")
         .Line("/// <param name=\"password\">The password (from configuration or secrets, never a literal). Never logged.</param>")
         .Line("/// <param name=\"configure\">Changes the settings after the constants are applied (timeouts, certificate trust, a test server).</param>")
         .Line("/// <param name=\"logger\">Where the sender logs; credentials are never logged.</param>")
         .Line(CSharp.GeneratedCode)
         .Open($"public {name}(string userName, string password, {Configure}, {Logger})")
         .Line("this.typedMailSender = this.typedMailOwnedSender = new global::TypedMail.SmtpSender(CreateSettings(")
         .Line("    userName ?? throw new global::System.ArgumentNullException(nameof(userName)),")
         .Line("    password ?? throw new global::System.ArgumentNullException(nameof(password)),")
         .Line("    configure), logger);")
         .Close()
         .Line();

        w.Line("/// <summary>Sends through <paramref name=\"sender\"/> (a shared sender, or a recording double of <c>TypedMail.Testing</c>); disposing this does not dispose it.</summary>")
         .Line("/// <param name=\"sender\">The sender the messages go through.</param>")
         .Line(CSharp.GeneratedCode)
         .Line($"public {name}(global::TypedMail.ISmtpSender sender) =>")
         .Line("    this.typedMailSender = sender ?? throw new global::System.ArgumentNullException(nameof(sender));")
         .Line();

        if (!spec.AuthGiven)
        {
            w.Line($"/// <summary>A sender to {Escape(where)} with the constants of <c>[SmtpServer]</c>, without authentication.</summary>")
             .Line("/// <param name=\"configure\">Changes the settings after the constants are applied.</param>")
             .Line("/// <param name=\"logger\">Where the sender logs.</param>")
             .Line(CSharp.GeneratedCode)
             .Open($"public {name}({Configure}, {Logger})")
             .Line("this.typedMailSender = this.typedMailOwnedSender = new global::TypedMail.SmtpSender(CreateSettings(null, null, configure), logger);")
             .Close()
             .Line();
        }

        w.Line("/// <summary>The settings the constants of <c>[SmtpServer]</c> give, with optional credentials and changes.</summary>")
         .Line("/// <param name=\"userName\">The user name, or <see langword=\"null\"/>.</param>")
         .Line("/// <param name=\"password\">The password, or <see langword=\"null\"/>.</param>")
         .Line("/// <param name=\"configure\">Changes applied last.</param>")
         .Line(CSharp.GeneratedCode)
         .Open($"public static global::TypedMail.SmtpSettings CreateSettings(string? userName = null, string? password = null, {Configure})")
         .Line("var settings = new global::TypedMail.SmtpSettings")
         .Line("{")
         .Line($"    Host = {CSharp.Literal(spec.Host)},")
         .Line($"    Port = {spec.Port},")
         .Line($"    Mode = {EnumValue("global::TypedMail.SessionMode", spec.Mode)},")
         .Line($"    Auth = {EnumValue("global::TypedMail.AuthMode", spec.Auth)},")
         .Line($"    TimeoutSeconds = {spec.TimeoutSeconds},")
         .Line("    UserName = userName,")
         .Line("    Password = password,")
         .Line("};")
         .Line("configure?.Invoke(settings);")
         .Line("return settings;")
         .Close()
         .Line();

        w.Line("/// <summary>Sends one typed message over this sender's connection (opened on first use, kept open).</summary>")
         .Line("/// <param name=\"message\">A message generated from a <c>[MailMessage]</c> class.</param>")
         .Line("/// <param name=\"cancellationToken\">Cancels the send.</param>")
         .Line("/// <returns>The outcome: code 0 when every recipient accepted the message.</returns>")
         .Line(CSharp.GeneratedCode)
         .Line("public global::System.Threading.Tasks.Task<global::TypedMail.SendResult> SendAsync(global::TypedMail.ITypedMailMessage message, global::System.Threading.CancellationToken cancellationToken = default) =>")
         .Line("    this.typedMailSender.SendAsync(message, cancellationToken);")
         .Line();

        w.Line("/// <summary>")
         .Line("/// Sends many typed messages over one connection (a mail merge): one result per message, in order. A message")
         .Line("/// that is refused, or that cannot be rendered (an invalid address, a line break in a header value), gets a")
         .Line("/// failed result with its code and does not stop the others.")
         .Line("/// </summary>")
         .Line("/// <param name=\"messages\">Messages generated from <c>[MailMessage]</c> classes.</param>")
         .Line("/// <param name=\"progress\">Told after each message.</param>")
         .Line("/// <param name=\"cancellationToken\">Cancels the rest of the merge.</param>")
         .Line("/// <returns>One result per message, in order.</returns>")
         .Line(CSharp.GeneratedCode)
         .Line("public global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::TypedMail.SendResult>> SendManyAsync(global::System.Collections.Generic.IEnumerable<global::TypedMail.ITypedMailMessage> messages, global::System.IProgress<global::TypedMail.SendProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default) =>")
         .Line("    this.typedMailSender.SendManyAsync(messages, progress, cancellationToken);")
         .Line();

        w.Line("/// <summary>Closes the connection this class opened (not a sender it was given).</summary>")
         .Line(CSharp.GeneratedCode)
         .Line("public void Dispose() => this.typedMailOwnedSender?.Dispose();")
         .Line()
         .Line("/// <summary>Closes the connection this class opened (not a sender it was given).</summary>")
         .Line(CSharp.GeneratedCode)
         .Line("public global::System.Threading.Tasks.ValueTask DisposeAsync() => this.typedMailOwnedSender?.DisposeAsync() ?? default;");
        CSharp.CloseAll(w, open);
        return w.Finish();
    }

    /// <summary>A member (<c>SessionMode.Upgradable</c>) or a cast number (<c>((SessionMode)(-1))</c>, parenthesized so a negative one parses).</summary>
    private static string EnumValue(string enumName, string value) =>
        value.StartsWith("(", System.StringComparison.Ordinal) ? $"(({enumName}){value})" : enumName + "." + value;

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
