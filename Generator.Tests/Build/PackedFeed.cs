using System;
using System.IO;
using System.Linq;
using TypedMail.Generator.Tests.Analyzers;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// <c>dotnet pack TypedMail.sln</c> once, into a temporary folder feed. Only the packable projects build (their
/// references were built with the tests: the generator and analyzers are not rebuilt under other tests). The version
/// is unique per run, so that no package cache anywhere can serve a stale copy.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public PackedFeed()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("typedmail-feed-");
        Version = "0.1.0-local." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var (exitCode, log) = DotnetCli.Run(TimeSpan.FromMinutes(5),
            "pack", RepositoryFiles.PathOf("TypedMail.sln"), "-c", DotnetCli.Configuration, "--no-restore", "-p:BuildProjectReferences=false", "-o", Directory.FullName,
            "-p:PackageVersion=" + Version, "--disable-build-servers", "-tl:off", "-nologo");
        ExitCode = exitCode;
        Log = log;
    }

    /// <summary>The feed folder.</summary>
    public DirectoryInfo Directory { get; }

    /// <summary>The version every package of this run has.</summary>
    public string Version { get; }

    public int ExitCode { get; }

    public string Log { get; }

    /// <summary>The .nupkg of <paramref name="id"/>, after asserting that pack succeeded.</summary>
    public string PackageOf(string id)
    {
        Assert.True(ExitCode == 0, Log);
        var path = Path.Combine(Directory.FullName, $"{id}.{Version}.nupkg");
        Assert.True(File.Exists(path), $"{path} was not made; the feed holds: {string.Join(", ", Directory.GetFiles().Select(f => f.Name))}");
        return path;
    }

    public void Dispose() => Directory.Delete(recursive: true);
}

/// <summary>The tests that run the CLI share one packed feed and run one at a time.</summary>
[CollectionDefinition(DotnetCli.Collection)]
public sealed class DotnetCliCollection : ICollectionFixture<PackedFeed>;
