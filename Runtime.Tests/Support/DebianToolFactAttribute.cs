using System;
using System.IO;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>
/// A test that drives a Debian package (installed by .ci/run's need_deb): skipped, with the package named, only on a
/// machine without it and outside CI; under CI=true it runs, and the test itself fails with a clear message.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DebianToolFactAttribute : FactAttribute
{
    /// <param name="probe">A path that exists once the package is installed.</param>
    /// <param name="package">The Debian package.</param>
    public DebianToolFactAttribute(string probe, string package)
    {
        if (!DebianTool.IsInstalled(probe) && !DebianTool.UnderCi)
        {
            Skip = DebianTool.SkipReason(probe, package);
        }
    }
}

/// <summary>A theory that drives a Debian package: skipped as <see cref="DebianToolFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class DebianToolTheoryAttribute : TheoryAttribute
{
    /// <param name="probe">A path that exists once the package is installed.</param>
    /// <param name="package">The Debian package.</param>
    public DebianToolTheoryAttribute(string probe, string package)
    {
        if (!DebianTool.IsInstalled(probe) && !DebianTool.UnderCi)
        {
            Skip = DebianTool.SkipReason(probe, package);
        }
    }
}

/// <summary>Whether a Debian package a test drives is there, and the failure that names it when it must be.</summary>
internal static class DebianTool
{
    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string SkipReason(string probe, string package) =>
        $"{package} is not installed ({probe} is missing): apt-get install {package}, or run .ci/run, which installs it.";

    public static bool IsInstalled(string probe) => File.Exists(probe) || Directory.Exists(probe);

    /// <summary>Fails the test (never skips) when <paramref name="probe"/> is missing: reached only under CI=true or with the package present.</summary>
    public static void Require(string probe, string package) =>
        Assert.True(IsInstalled(probe), $"{package} is required under CI=true but {probe} is missing: .ci/run's need_deb line for {package} did not install it.");
}
