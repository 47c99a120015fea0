using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Fluid;
using HandlebarsDotNet;
using RazorLight;
using TypedMail.Benchmarks.Templates;

namespace TypedMail.Benchmarks;

/// <summary>
/// Rendering the same order confirmation (20 lines, the same HTML) with TypedMail's generated code, hand-written
/// StringBuilder code, Fluid (Liquid, FluentEmail's engine), Handlebars.Net and RazorLight. Parsing and compiling
/// happen once in setup (warm engines); each benchmark is one render to a string.
/// </summary>
[MemoryDiagnoser]
public partial class TemplateEngineBenchmarks
{
    private OrderConfirmationMail _order = null!;
    private HandlebarsTemplate<object, object> _handlebars = null!;
    private IFluidTemplate _fluid = null!;
    private TemplateOptions _fluidOptions = null!;
    private RazorLightEngine _razor = null!;
    private RazorLight.ITemplatePage _razorPage = null!;

    [Params(20)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Every engine formats numbers with the current culture unless told otherwise: make them agree with TypedMail's invariant default.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        _order = OrderConfirmationMail.Sample(Lines);
        _handlebars = Handlebars.Create().Compile(OrderTemplates.Handlebars);
        _fluidOptions = new TemplateOptionsBuilder().WithCultureInfo(CultureInfo.InvariantCulture).Build();
        if (!new FluidParser().TryParse(OrderTemplates.Liquid, out _fluid, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _razor = new RazorLightEngineBuilder().UseNoProject().UseMemoryCachingProvider().Build();
        _razor.CompileRenderStringAsync("order", OrderTemplates.Razor, _order).GetAwaiter().GetResult();
        _razorPage = _razor.Handler.Cache.RetrieveTemplate("order").Template.TemplatePageFactory();
        CheckSameHtml();
    }

    [Benchmark(Baseline = true)]
    public string HandWrittenStringBuilder() => HandWrittenOrder.Render(_order);

    [Benchmark]
    public string TypedMailGenerated() => _order.RenderHtml();

    [Benchmark]
    public string HandlebarsNet() => _handlebars(_order);

    [Benchmark]
    public string FluidLiquid() => _fluid.Render(new TemplateContext(_order, _fluidOptions), System.Text.Encodings.Web.HtmlEncoder.Default);

    [Benchmark]
    public Task<string> RazorLightRazor() => _razor.RenderTemplateAsync(_razor.Handler.Cache.RetrieveTemplate("order").Template.TemplatePageFactory(), _order);

    /// <summary>A benchmark of engines that render different things would mean nothing: refuse to run then.</summary>
    private void CheckSameHtml()
    {
        var expected = HandWrittenStringBuilder();
        var rendered = new Dictionary<string, string>
        {
            ["TypedMail"] = TypedMailGenerated(),
            ["Handlebars.Net"] = HandlebarsNet(),
            ["Fluid"] = FluidLiquid(),
            ["RazorLight"] = RazorLightRazor().GetAwaiter().GetResult(),
        };
        foreach (var (engine, html) in rendered)
        {
            if (Normalize(html) != Normalize(expected))
            {
                throw new InvalidOperationException($"{engine} renders other HTML than the hand-written code:\n{html}\n---- expected:\n{expected}");
            }
        }
    }

    /// <summary>Engines encode the same characters with different entities (&#39; or &#x27;) and differ in blank lines.</summary>
    private static string Normalize(string html) =>
        WhiteSpace().Replace(System.Net.WebUtility.HtmlDecode(html), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
