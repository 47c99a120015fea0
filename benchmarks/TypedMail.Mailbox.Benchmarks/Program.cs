using System.Globalization;
using BenchmarkDotNet.Running;
using TypedMail.Mailbox.Benchmarks;

// docs/mailbox.md's figures:
//   dotnet run -c Release --project benchmarks/TypedMail.Mailbox.Benchmarks -- merge 100000
//   dotnet run -c Release --project benchmarks/TypedMail.Mailbox.Benchmarks -- --filter '*InboxList*' --job short
if (args is ["merge", var count])
{
    return await MergeIntoTheTool.RunAsync(int.Parse(count, CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(MergeSender).Assembly).Run(args);
return 0;
