using System;
using System.Collections.Generic;
using System.IO;

namespace TypedMail.Generator.Tests.Build;

/// <summary>
/// A console application outside the repository that references <c>TypedMail</c> by version from a folder feed, as a
/// user's would: its own nuget.config (the feed first, then the usual sources) and its own packages folder.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    public ConsumerProject(PackedFeed feed)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("typedmail-consumer-");
        // The machine's package cache serves everything but TypedMail (whose version exists only in the feed): no network needed.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <add key="typedmail-feed" value="{feed.Directory.FullName}" />
                <add key="machine-cache" value="{cache}" />
              </packageSources>
            </configuration>
            """);
        Write("Consumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TypedMail" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
    }

    public DirectoryInfo Directory { get; }

    public string PathOf(string name) => Path.Combine(Directory.FullName, name);

    public void Write(string name, string text) => File.WriteAllText(PathOf(name), text.ReplaceLineEndings("\n"));

    public (int ExitCode, string Output) Dotnet(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        DotnetCli.RunIn(Directory.FullName, TimeSpan.FromMinutes(8), environment, arguments);

    public void Dispose()
    {
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the temp folder is cleaned by the system.
        }
    }
}
