using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using TypedMail.Generator.Tests.Analyzers;

namespace TypedMail.Generator.Tests.Build;

/// <summary>Runs the real <c>dotnet</c> CLI from the repository root, bounded in time.</summary>
internal static class DotnetCli
{
    /// <summary>Tests that run the CLI build the same projects: they run one at a time.</summary>
    public const string Collection = "dotnet CLI";

#if DEBUG
    public const string Configuration = "Debug";
#else
    public const string Configuration = "Release";
#endif

    public static (int ExitCode, string Output) Run(TimeSpan timeout, params string[] arguments) =>
        RunIn(RepositoryFiles.Root, timeout, null, arguments);

    /// <summary>Runs <c>dotnet</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static (int ExitCode, string Output) RunIn(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may inherit MSBuild's own variables from `dotnet test`; a child build must not.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit();   // flushes the asynchronous output readers
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
