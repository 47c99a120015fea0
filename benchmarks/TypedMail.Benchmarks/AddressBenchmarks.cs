using BenchmarkDotNet.Attributes;

namespace TypedMail.Benchmarks;

/// <summary>The shared RFC 5322 parser, which runs on every address at send time and in the analyzers.</summary>
[MemoryDiagnoser]
public class AddressBenchmarks
{
    private const string Single = "herb_tarlick@wkrp.com";
    private const string Named = "\"Tarlick, Herb\" <herb_tarlick@wkrp.com>";
    private const string List = "a@wkrp.com, \"Doe, John\" <john@wkrp.com>; b@wkrp.com\rc@wkrp.com\nBig Guy <bigguy@wkrp.com>";

    [Benchmark(Baseline = true)]
    public bool PlainAddress() => AddressSyntax.TryParseMailbox(Single, out _, out _);

    [Benchmark]
    public bool QuotedDisplayName() => AddressSyntax.TryParseMailbox(Named, out _, out _);

    [Benchmark]
    public int FiveAddressList() => AddressSyntax.TryParseList(List, out var mailboxes, out _) ? mailboxes.Count : -1;

    [Benchmark]
    public int SmtpRulesVerdict() => SmtpRules.Check(587, SessionMode.Upgradable, authenticationConfigured: true, timeoutSeconds: 30).Count;
}
