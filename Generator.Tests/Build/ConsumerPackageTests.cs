using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedMail.Mailbox;
using Xunit.Abstractions;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// The package as a user meets it: a project outside the repository references <c>TypedMail</c> by version from a
/// folder feed; a definition with a mistake fails its build with the right ID, file and line; the corrected program
/// builds, runs and sends through a real SMTP server; the code-fix assembly in the package loads.
/// </summary>
[Collection(DotnetCli.Collection)]
public sealed class ConsumerPackageTests(PackedFeed feed, ITestOutputHelper output)
{
    /// <summary>Analyzer load failures a user would see as warnings (and then get no diagnostics at all).</summary>
    private static readonly string[] LoadFailures = ["AD0001", "CS8032", "CS8784", "CS8785", "CS9057"];

    private const string Message = """
        using TypedMail;

        namespace Consumer;

        [MailMessage(From = "shop@example.org", Subject = "Welcome, {{Name}}")]
        [TextBody("Hello {{Name}}, your order {{OrderId}} is confirmed.")]
        public partial class Welcome
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }
            public required int OrderId { get; init; }
        }
        """;

    // Line 6 holds the mistake: STARTTLS on port 25 (TM0002).
    private const string BrokenRelay = """
        using TypedMail;

        namespace Consumer;

        [SmtpServer("smtp.example.org", Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login,
                    Port = 25)]
        public partial class Relay;
        """;

    private const string CorrectedRelay = """
        using TypedMail;

        namespace Consumer;

        [SmtpServer("smtp.example.org", Mode = SessionMode.RequireStartTls, Auth = AuthMode.Login,
                    Port = 587)]
        public partial class Relay;
        """;

    private const string Program = """
        using Consumer;
        using TypedMail;

        var (host, port, thumbprint) = (args[0], int.Parse(args[1]), args[2]);
        await using var relay = new Relay(
            Environment.GetEnvironmentVariable("RELAY_USER") ?? "",
            Environment.GetEnvironmentVariable("RELAY_PASSWORD") ?? "",
            settings =>
            {
                settings.Host = host;
                settings.Port = port;
                settings.ServerCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString() == thumbprint;
            });
        var result = await relay.SendAsync(Welcome.Create().Email("ann@example.org").Name("Ann").OrderId(42).Build());
        Console.WriteLine("result: " + result);
        return result.Succeeded ? 0 : 1;
        """;

    [Fact]
    public async Task PackageFromAFeed_ReportsTheMistakeAtItsLine_ThenTheCorrectedProgramSendsThroughAMailbox()
    {
        feed.PackageOf("TypedMail");
        using var consumer = new ConsumerProject(feed);
        consumer.Write("Welcome.cs", Message);
        consumer.Write("Relay.cs", BrokenRelay);
        consumer.Write("Program.cs", Program);
        var clock = Stopwatch.StartNew();

        // (a) The mistake fails the build, at Relay.cs line 6, with TM0002.
        var (brokenExit, brokenLog) = consumer.Dotnet(null, "build", "--disable-build-servers", "-tl:off", "-nologo", "-p:UseSharedCompilation=false");
        output.WriteLine($"restore + build of the broken project: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(brokenExit != 0, "the build should fail:\n" + brokenLog);
        Assert.Matches(new Regex(@"Relay\.cs\(6,\d+\): error TM0002\b"), brokenLog);
        AssertNoLoadFailure(brokenLog);

        // (b) Corrected, it builds and sends through a real STARTTLS server with AUTH LOGIN.
        consumer.Write("Relay.cs", CorrectedRelay);
        clock.Restart();
        var (buildExit, buildLog) = consumer.Dotnet(null, "build", "--disable-build-servers", "-tl:off", "-nologo", "-p:UseSharedCompilation=false");
        output.WriteLine($"build of the corrected project: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(buildExit == 0, buildLog);
        Assert.DoesNotMatch(new Regex(@"\berror\b"), buildLog);
        AssertNoLoadFailure(buildLog);

        var options = new MailboxOptions { Security = MailboxSecurity.StartTls };
        options.Users["ann-shop"] = "s3cret";
        await using var mailbox = await MailboxServer.StartAsync(options);
        var environment = new Dictionary<string, string> { ["RELAY_USER"] = "ann-shop", ["RELAY_PASSWORD"] = "s3cret" };
        clock.Restart();
        var (runExit, runLog) = await Task.Run(() => consumer.Dotnet(environment, "run", "--no-build", "--",
            mailbox.Host, mailbox.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), mailbox.Certificate.Thumbprint));
        output.WriteLine($"run: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(runExit == 0, runLog);
        Assert.Contains("result: 0: sent", runLog, StringComparison.Ordinal);

        var received = Assert.Single(mailbox.Messages);
        Assert.Equal("Welcome, Ann", received.Message.Subject);
        Assert.Contains("your order 42 is confirmed", received.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal(["ann@example.org"], received.Recipients);
    }

    [Fact]
    public void PackageFromAFeed_MakesTheProjectsSettingsFilesAnalyzerInputs_UnlessTurnedOff()
    {
        feed.PackageOf("TypedMail");
        using var consumer = new ConsumerProject(feed);
        consumer.Write("Program.cs", "System.Console.WriteLine();\n");
        consumer.Write("appsettings.json", "{ \"TypedMail\": { \"Port\": 25 } }\n");
        consumer.Write("appsettings.Production.json", "{ \"TypedMail\": { \"Port\": 587 } }\n");
        consumer.Write("other.json", "{}\n");
        var (restoreExit, restoreLog) = consumer.Dotnet(null, "restore", "--disable-build-servers", "-tl:off", "-nologo");
        Assert.True(restoreExit == 0, restoreLog);

        var (onExit, on) = consumer.Dotnet(null, "msbuild", "-nologo", "-getItem:AdditionalFiles");
        Assert.True(onExit == 0, on);
        Assert.Contains(consumer.PathOf("appsettings.json").Replace("\\", "\\\\", StringComparison.Ordinal), on, StringComparison.Ordinal);
        Assert.Contains(consumer.PathOf("appsettings.Production.json").Replace("\\", "\\\\", StringComparison.Ordinal), on, StringComparison.Ordinal);
        Assert.DoesNotContain("other.json", on, StringComparison.Ordinal);

        var (offExit, off) = consumer.Dotnet(null, "msbuild", "-nologo", "-getItem:AdditionalFiles", "-p:TypedMailCheckSettingsFiles=false");
        Assert.True(offExit == 0, off);
        Assert.DoesNotContain("appsettings", off, StringComparison.Ordinal);
    }

    [Fact]
    public void CodeFixAssemblyInThePackage_LoadsAndCreatesItsProviders()
    {
        var folder = Directory.CreateTempSubdirectory("typedmail-codefixes-");
        var context = new AnalyzerFolderContext(folder.FullName);
        try
        {
            using (var archive = ZipFile.OpenRead(feed.PackageOf("TypedMail")))
            {
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/roslyn4.14/cs/", StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(Path.Combine(folder.FullName, entry.Name));
                }
            }

            var assembly = context.LoadFromAssemblyPath(Path.Combine(folder.FullName, "TypedMail.Analyzers.CodeFixes.dll"));
            var providers = assembly.GetTypes()
                .Where(t => !t.IsAbstract && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToList();

            Assert.NotEmpty(providers);
            var fixable = providers.SelectMany(p => p.FixableDiagnosticIds).ToList();
            Assert.All(fixable, id => Assert.Matches("^TM00[0-9]{2}$", id));
            Assert.Contains("TM0002", fixable);
        }
        finally
        {
            context.Unload();
            try
            {
                folder.Delete(recursive: true);
            }
            catch (UnauthorizedAccessException)
            {
                // The unloading context may still map the files for a moment.
            }
        }
    }

    private static void AssertNoLoadFailure(string log)
    {
        foreach (var id in LoadFailures)
        {
            Assert.DoesNotContain(id, log, StringComparison.Ordinal);
        }
    }

    /// <summary>Loads the package's analyzer folder on its own, as the compiler does; Roslyn itself comes from the host.</summary>
    private sealed class AnalyzerFolderContext(string folder) : AssemblyLoadContext("typedmail-package-analyzers", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(folder, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
