using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedMail.Outbox.Tests;

/// <summary>
/// samples/MailMerge <c>--outbox</c>, run as a process: a merge interrupted halfway (its outbox left with half the
/// entries Sent and the rest Pending, as a stop leaves it) and run again enqueues nothing twice and sends only the rest.
/// </summary>
public sealed class MailMergeRerunTests
{
    [Fact]
    public async Task RunAgainAfterAStop_SendsOnlyTheRest()
    {
        var work = Directory.CreateTempSubdirectory("typedmail-mailmerge-test-").FullName;
        try
        {
            var first = await RunMergeAsync(work);
            Assert.True(first.ExitCode == 0, first.Output);
            var firstMessages = EmlMessageIds(work);
            var people = firstMessages.Length;
            Assert.True(people >= 4, first.Output);

            // As a stop leaves it: the first half Sent, the rest Pending (nothing of the rest reached the server).
            var rest = people / 2;
            await using (var connection = new SqliteConnection($"Data Source={Path.Combine(work, "outbox.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "UPDATE typedmail_outbox SET state = 0, attempts = 0 WHERE id > (SELECT MAX(id) FROM typedmail_outbox) - $rest; SELECT message_id FROM typedmail_outbox WHERE state = 0;";
                command.Parameters.AddWithValue("$rest", rest);
                await using var reader = await command.ExecuteReaderAsync();
                var pending = new System.Collections.Generic.List<string>();
                while (await reader.ReadAsync())
                {
                    pending.Add(reader.GetString(0));
                }

                Assert.Equal(rest, pending.Count);
            }

            foreach (var eml in Directory.GetDirectories(Path.Combine(work, "eml")))
            {
                Directory.Delete(eml, recursive: true);
            }

            var second = await RunMergeAsync(work);
            Assert.True(second.ExitCode == 0, second.Output);
            Assert.Contains($"0 enqueued now, {people} already there from an earlier run; {people - rest} of them already sent, {rest} to send.", second.Output);
            Assert.Contains($"This run's embedded Mailbox received {rest} messages.", second.Output);
            var secondMessages = EmlMessageIds(work);
            Assert.Equal(rest, secondMessages.Length);
            Assert.Equal(rest, secondMessages.Distinct().Count());
            Assert.Subset(firstMessages.ToHashSet(), secondMessages.ToHashSet());   // the same Message-IDs, fixed at enqueue
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static string[] EmlMessageIds(string work) =>
        Directory.GetFiles(Path.Combine(work, "eml"), "*.eml", SearchOption.AllDirectories)
            .Select(file => File.ReadLines(file).First(line => line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase))["Message-ID:".Length..].Trim())
            .ToArray();

    private static async Task<(int ExitCode, string Output)> RunMergeAsync(string work)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(MailMergeAssembly);
        start.ArgumentList.Add("--outbox");
        start.Environment["TYPEDMAIL_MAILMERGE_DIR"] = work;
        foreach (var name in new[] { "TYPEDMAIL_HOST", "TYPEDMAIL_PORT", "TYPEDMAIL_USER", "TYPEDMAIL_PASSWORD", "TYPEDMAIL_TO" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string MailMergeAssembly
    {
        get
        {
            // .../Outbox.Tests/bin/<Configuration>/net10.0/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var repository = output.Parent!.Parent!.Parent!.Parent!.FullName;
            var path = Path.Combine(repository, "samples", "MailMerge", "bin", output.Parent.Name, output.Name, "MailMerge.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"MailMerge.dll is not built at {path}.", path);
        }
    }
}
