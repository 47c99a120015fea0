using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>
/// Broken input never throws and never gives CS8785. What cannot be generated gets no file (the analyzers report
/// TM0011/TM0018); what has an error the generated code can live with is still generated, and compiles.
/// </summary>
public sealed class BrokenInputTests
{
    public static TheoryData<string, string> CannotBeGenerated => new()
    {
        { "not partial", """[MailMessage(From = "a@b.example")] [TextBody("x")] public class M { [To] public string? E { get; set; } }""" },
        { "containing type not partial", """public class Outer { [MailMessage(From = "a@b.example")] public partial class M { [To] public string? E { get; set; } } }""" },
        { "generic class", """[MailMessage(From = "a@b.example")] public partial class M<T> { [To] public string? E { get; set; } }""" },
        { "abstract class", """[MailMessage(From = "a@b.example")] public abstract partial class M { [To] public string? E { get; set; } }""" },
        { "struct", """[MailMessage(From = "a@b.example")] public partial struct M { [To] public string? E { get; set; } }""" },
        { "member named like generated code", """[MailMessage(From = "a@b.example")] public partial class M { [To] public string? Create { get; set; } }""" },
        { "no parameterless constructor", """[MailMessage(From = "a@b.example")] public partial class M { public M(int x) { } [To] public string? E { get; set; } }""" },
        { "template and file both", """[MailMessage(From = "a@b.example")] [TextBody("x", File = "Mail/none.txt")] public partial class M { [To] public string? E { get; set; } }""" },
        { "server with a constructor", """[SmtpServer("h.example")] public partial class Relay { public Relay(int x) { } }""" },
        { "server with a Dispose method", """[SmtpServer("h.example")] public partial class Relay { public void Dispose() { } }""" },
        { "server not partial", """[SmtpServer("h.example")] public class Relay { }""" },
        { "server with a null host", """[SmtpServer(null!)] public partial class Relay { }""" },
        { "header with a null name", """[MailMessage(From = "a@b.example")] [Header(null!, "v")] public partial class M { [To] public string? E { get; set; } }""" },
    };

    public static TheoryData<string, string> GeneratedDespiteErrors => new()
    {
        { "unknown placeholder", """[MailMessage(From = "a@b.example")] [TextBody("Hi {{Nobody}}")] public partial class M { [To] public string? E { get; set; } }""" },
        { "unknown placeholder in subject", """[MailMessage(From = "a@b.example", Subject = "{{Nobody}}")] public partial class M { [To] public string? E { get; set; } }""" },
        { "unknown placeholder in header", """[MailMessage(From = "a@b.example")] [Header("X-A", "{{Nobody}}")] public partial class M { [To] public string? E { get; set; } }""" },
        { "unclosed placeholder", """[MailMessage(From = "a@b.example")] [TextBody("Hi {{E")] public partial class M { [To] public string? E { get; set; } }""" },
        { "format on a string", """[MailMessage(From = "a@b.example")] [TextBody("Hi {{E:N2}}")] public partial class M { [To] public string? E { get; set; } }""" },
        { "invalid date format", """[MailMessage(From = "a@b.example")] [TextBody("{{When:Q}}")] public partial class M { [To] public string? E { get; set; } public System.DateTime When { get; set; } }""" },
        { "recipient of a wrong type", """[MailMessage(From = "a@b.example")] public partial class M { [To] public int E { get; set; } }""" },
        { "attachment of a wrong type", """[MailMessage(From = "a@b.example", To = "c@d.example")] public partial class M { [Attachment] public int File { get; set; } }""" },
        { "missing template file", """[MailMessage(From = "a@b.example")] [TextBody(File = "Mail/none.txt")] public partial class M { [To] public string? E { get; set; } }""" },
        { "bad address literal", """[MailMessage(From = "not an address")] public partial class M { [To] public string? E { get; set; } }""" },
        { "unknown culture", """[MailMessage(From = "a@b.example", Culture = "xx-XX")] [TextBody("{{N:N2}}")] public partial class M { [To] public string? E { get; set; } public decimal N { get; set; } }""" },
    };

    [Theory]
    [MemberData(nameof(CannotBeGenerated))]
    public void WhatCannotBeGeneratedGetsNoFileAndNoException(string what, string source)
    {
        var result = Run(source, out _);

        Assert.True(result.GeneratedSources.IsEmpty, $"{what}: generated {string.Join(", ", result.GeneratedSources.Select(s => s.HintName))}");
    }

    [Theory]
    [MemberData(nameof(GeneratedDespiteErrors))]
    public void AnErrorTheGeneratedCodeCanLiveWithIsStillGeneratedAndCompiles(string what, string source)
    {
        // A call site of the builder: it must compile, whatever the definition's own mistake.
        var result = Run(source + "\nstatic class Caller { static object Use() => M.Create(); }", out var output);

        Assert.False(result.GeneratedSources.IsEmpty, $"{what}: nothing generated");
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{what}: {string.Join(Environment.NewLine, errors)}");
    }

    [Theory]
    [InlineData("""[MailMessage(From = ] public partial class M { [To] public string? E { get; """)]
    [InlineData("""[MailMessage(From = "a@b.example", Subject = "{{E}}")] [TextBody("{{E:")] public partial class M { [To] public required string E""")]
    [InlineData("""[SmtpServer("h", Port = , Mode = (SessionMode)99)] public partial class Relay""")]
    [InlineData("""[MailMessage] [HtmlBody(File = null)] public partial class M { [Attachment(ContentId = "x")] public System.IO.Stream S""")]
    [InlineData("""[MailMessage(From = "a@b.example")] [TextBody(42)] public partial class M { [To] public string? E { get; set; } }""")]
    [InlineData("""[SmtpServer] public partial class Relay { }""")]
    public void UnfinishedCodeNeverThrows(string source)
    {
        var (driver, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation("using TypedMail;\n" + source));

        Assert.Null(driver.GetRunResult().Results[0].Exception);
        Assert.DoesNotContain(diagnostics.Concat(output.GetDiagnostics()), d => d.Id is "CS8784" or "CS8785" or "TM0099");
    }

    [Fact]
    public void AValidClassBesideOneThatCannotBeGeneratedIsStillGenerated()
    {
        var compilation = GeneratorHarness.Compilation(
            Inputs.Minimal,
            """using TypedMail; [MailMessage(From = "a@b.example")] public partial class Broken<T> { [To] public string? E { get; set; } }""");
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        var generated = Assert.Single(driver.GetRunResult().Results[0].GeneratedSources);
        Assert.Equal("Shop.Mail.DiscountOffer.TypedMail.g.cs", generated.HintName);
    }

    private static GeneratorRunResult Run(string source, out Compilation output)
    {
        var (driver, compiled, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compilation("using TypedMail;\n" + source));
        output = compiled;
        var result = driver.GetRunResult().Results[0];
        Assert.Null(result.Exception);
        Assert.DoesNotContain(diagnostics.Concat(output.GetDiagnostics()), d => d.Id is "CS8784" or "CS8785" or "TM0099");
        return result;
    }
}
