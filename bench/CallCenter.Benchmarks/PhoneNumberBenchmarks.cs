using BenchmarkDotNet.Attributes;
using CallCenter.Core.Common;
using Microsoft.Extensions.Options;

namespace CallCenter.Benchmarks;

/// <summary>Normalising the caller's number to E.164 (libphonenumber), done to match the caller to a patient.</summary>
[MemoryDiagnoser]
public class PhoneNumberBenchmarks
{
    private readonly PhoneNumberNormalizer _normalizer = new(Options.Create(new PhoneOptions()));

    [Params("+8613812345678", "138 1234 5678", "021-6123-4567", "not a number")]
    public string Input { get; set; } = string.Empty;

    [Benchmark]
    public bool TryNormalize() => _normalizer.TryNormalize(Input, out _, out _);
}
