using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using TypedMail.Analyzers.Diagnostics;
using TypedMail.Analyzers.Json;

namespace TypedMail.Analyzers.SettingsFiles;

/// <summary>
/// Judges the <c>TypedMail</c> section of the project's <c>appsettings.json</c> and <c>appsettings.{Environment}.json</c>
/// (AdditionalFiles) with the settings rules of code (TM0001 to TM0005, TM0013, through <see cref="SmtpRules.Check"/>)
/// and TM0012 for a password written in the file, at the key that set the value. Environments layer as at run time:
/// each environment file is judged over <c>appsettings.json</c> and reports only what it makes wrong. A file that is
/// not JSON is TM0024.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The configuration section judged.</summary>
    public const string SectionName = "TypedMail";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.SettingsRules.Add(
        Descriptors.SecretLiteral).Add(Descriptors.InvalidSettingsFile);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(c => Analyze(c.Options.AdditionalFiles, c.ReportDiagnostic, c.CancellationToken));
    }

    private static void Analyze(ImmutableArray<AdditionalText> files, Action<Diagnostic> report, CancellationToken ct)
    {
        var read = new List<SettingsFile>();
        foreach (var file in files)
        {
            var environment = EnvironmentOf(Path.GetFileName(file.Path));
            if (environment is null || file.GetText(ct) is not { } text)
            {
                continue;
            }

            var (root, error) = JsonReader.Read(text.ToString());
            if (error is not null)
            {
                report(Diagnostic.Create(Descriptors.InvalidSettingsFile, LocationOf(file.Path, text, error.Span), Path.GetFileName(file.Path), error.Message));
                continue;
            }

            var section = root!.Kind == JsonKind.Object ? root.Member(SectionName) : null;
            read.Add(new SettingsFile(file.Path, text, environment, section));
        }

        // appsettings.json is the base of every environment, as the host builder layers them (one per directory).
        foreach (var directory in read.GroupBy(f => Path.GetDirectoryName(f.Path) ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            var baseFile = directory.FirstOrDefault(f => f.Environment.Length == 0);
            var baseVerdicts = baseFile is null ? [] : Judge([baseFile], report);
            foreach (var environmentFile in directory.Where(f => f.Environment.Length > 0))
            {
                var layers = baseFile is null ? new[] { environmentFile } : new[] { baseFile, environmentFile };
                Judge(layers, report, alreadyReported: baseVerdicts);
            }
        }
    }

    /// <summary>
    /// Judges the section layered from <paramref name="layers"/> (last wins) and reports in the last layer's file what
    /// <paramref name="alreadyReported"/> does not hold; returns the rule IDs found.
    /// </summary>
    private static HashSet<string> Judge(SettingsFile[] layers, Action<Diagnostic> report, HashSet<string>? alreadyReported = null)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var judged = layers[layers.Length - 1];
        if (judged.Section is not { Value.Kind: JsonKind.Object } judgedSection)
        {
            return found;   // this file sets nothing of the section: it changes nothing
        }

        var values = new Dictionary<string, (JsonMember Member, SettingsFile File)>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            if (layer.Section is { Value.Kind: JsonKind.Object } section)
            {
                foreach (var member in section.Value.Members)
                {
                    values[member.Key] = (member, layer);
                }
            }
        }

        string? Text(string key) => values.TryGetValue(key, out var v) ? v.Member.Value.Text : null;

        // TM0012: a password written in this file.
        if (judged.Section.Value.Member("Password") is { Value: { Kind: JsonKind.String, Text.Length: > 0 } } password)
        {
            report(Diagnostic.Create(Descriptors.SecretLiteral, LocationOf(judged.Path, judged.Text, password.KeySpan), $"SmtpSettings.Password in {Path.GetFileName(judged.Path)}"));
        }

        var mode = SessionMode.Upgradable;
        if (Text("Mode") is { } modeText)
        {
            if (!TryParseEnum(modeText, out mode))
            {
                return found;   // the binder refuses it at run time; nothing to judge here
            }
        }

        var auth = AuthMode.Default;
        if (Text("Auth") is { } authText && !TryParseEnum(authText, out auth))
        {
            return found;
        }

        int? port = 0;
        if (Text("Port") is { } portText)
        {
            port = int.TryParse(portText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : null;
        }

        int? timeout = SmtpDefaults.TimeoutSeconds;
        if (Text("TimeoutSeconds") is { } timeoutText)
        {
            timeout = int.TryParse(timeoutText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : null;
        }

        // A user name (its password from user secrets or the environment) or OAuth2 configures authentication.
        var authenticated = !string.IsNullOrEmpty(Text("UserName")) || auth == AuthMode.OAuth2;

        Location Site(string key) =>
            values.TryGetValue(key, out var v) && ReferenceEquals(v.File, judged)
                ? LocationOf(judged.Path, judged.Text, v.Member.KeySpan)
                : LocationOf(judged.Path, judged.Text, judgedSection.KeySpan);   // the combination comes from two files

        foreach (var verdict in SmtpRules.Check(port, mode, authenticated, timeout))
        {
            var key = verdict.Id switch
            {
                DiagnosticIds.StartTlsOnPort25 => "Port",
                DiagnosticIds.PortModeMismatch => values.ContainsKey("Port") ? "Port" : "Mode",
                DiagnosticIds.OutOfRange => Rules.RuleVerdicts.IsTimeout(verdict) ? "TimeoutSeconds" : "Port",
                DiagnosticIds.StartTlsWithoutAuthentication => values.ContainsKey("Mode") ? "Mode" : "Port",
                _ => "Mode",
            };
            var identity = verdict.Id + ":" + key;
            found.Add(identity);
            if (alreadyReported is null || !alreadyReported.Contains(identity))
            {
                report(Diagnostic.Create(Descriptors.ForRule(verdict.Id), Site(key), verdict.Message));
            }
        }

        return found;
    }

    /// <summary>Parses an enum value as the configuration binder does: a name in any case, or its number.</summary>
    private static bool TryParseEnum<TEnum>(string text, out TEnum value)
        where TEnum : struct =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out value) && Enum.IsDefined(typeof(TEnum), value);

    /// <summary>"" for appsettings.json, the environment for appsettings.{Environment}.json, null for any other file.</summary>
    internal static string? EnvironmentOf(string fileName)
    {
        const string Prefix = "appsettings", Suffix = ".json";
        if (!fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !fileName.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var middle = fileName.Substring(Prefix.Length, fileName.Length - Prefix.Length - Suffix.Length);
        return middle.Length == 0 ? string.Empty
            : middle.Length > 1 && middle[0] == '.' ? middle.Substring(1)
            : null;
    }

    private static Location LocationOf(string path, SourceText text, TextSpan span) =>
        Location.Create(path, span, text.Lines.GetLinePositionSpan(span));

    private sealed record SettingsFile(string Path, SourceText Text, string Environment, JsonMember? Section);
}
