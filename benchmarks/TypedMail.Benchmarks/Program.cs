using BenchmarkDotNet.Running;

// The README's figures (Speed section):
// dotnet run -c Release --project benchmarks/TypedMail.Benchmarks -- --filter '*Rendering*' '*Sending*' --inProcess --launchCount 1 --warmupCount 5 --iterationCount 40 --iterationTime 250
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
