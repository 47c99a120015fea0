using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TypedMail.Benchmarks -- --filter '*Rendering*' '*Sending*' --launchCount 1 --warmupCount 5 --iterationCount 30
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
