using BenchmarkDotNet.Running;

// `dotnet run -c Release -- --filter '*'` runs all; add `--job short` for a quick pass (docs/performance.md).
BenchmarkSwitcher.FromAssembly(typeof(CallCenter.Benchmarks.WebhookForms).Assembly).Run(args);
