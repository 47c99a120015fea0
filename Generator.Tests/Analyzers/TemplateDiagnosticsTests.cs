using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>TM0007, TM0008, TM0015, TM0021 and TM0022 for the template language, at the exact span.</summary>
public sealed class TemplateDiagnosticsTests
{
    private const string Types = """

        public sealed class Address { public string City { get; set; } = ""; }
        public sealed class Customer { public string Name { get; set; } = ""; public Address? Address { get; set; } }
        public sealed class Line { public string Product { get; set; } = ""; public int Quantity { get; set; } }
        """;

    // The messages name the type with the right article: "an Address", "a Customer".
    [Fact]
    public async Task FormatOnAnObject_SaysWhichTypeTakesNoFormat()
    {
        var diagnostics = await Compiled.AnalyzeAsync("""
            using TypedMail;

            [MailMessage(From = "shop@example.com", Subject = "Hi")]
            [TextBody("{{Customer.Address:N2}} {{Customer:N2}} {{Home:N2}}")]
            public partial class Shipped
            {
                [To] public string Email { get; init; } = "";
                public Customer? Customer { get; init; }
                public Address? Home { get; init; }
            }
            """ + Types);

        var messages = diagnostics.Where(d => d.Id == "TM0020").OrderBy(d => d.Location.SourceSpan.Start).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("an Address takes no format", messages[0], System.StringComparison.Ordinal);
        Assert.Contains("'Customer' is a Customer?, which takes no format", messages[1], System.StringComparison.Ordinal);
        Assert.Contains("'Home' is an Address?, which takes no format", messages[2], System.StringComparison.Ordinal);
    }

    // 'en_US' used to pass and render '¤' instead of '$': a POSIX locale name is not a language tag.
    [Theory]
    [InlineData("en_US", "did you mean 'en-US'?")]
    [InlineData("fr_CA", "did you mean 'fr-CA'?")]
    [InlineData("french", "no such culture is known")]
    [InlineData("en_", "not a language tag such as 'fr-FR'")]
    public async Task CultureThatIsNotALanguageTag_IsTM0019WithTheTagItProbablyMeant(string culture, string expected)
    {
        var diagnostics = await Compiled.AnalyzeAsync($$$"""
            using TypedMail;

            [MailMessage(From = "shop@example.com", Subject = "Hi", Culture = "{{{culture}}}")]
            [TextBody("{{Total:C}}")]
            public partial class Invoice
            {
                [To] public string Email { get; init; } = "";
                public decimal Total { get; init; }
            }
            """);

        var message = Assert.Single(diagnostics, d => d.Id == "TM0019").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(expected, message, System.StringComparison.Ordinal);
    }

    [Fact]
    public Task UnknownNameInAPath_ReportsTM0007OnThatName() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hi")]
        [TextBody("{{Customer.{|TM0007:Nmae|}}} {{Customer.Address.{|TM0007:Cty|}}}")]
        public partial class Shipped
        {
            [To] public string Email { get; init; } = "";
            public Customer? Customer { get; init; }
        }
        """ + Types);

    [Fact]
    public Task UnknownNameInALoop_ReportsTM0007_AndOutwardNamesResolve() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hi")]
        [TextBody("{{#each Lines}}{{Product}} x{{Quantity}} for {{Shop}} {{../Shop}} {{{|TM0007:Prodcut|}}}{{/each}}")]
        public partial class Shipped
        {
            [To] public string Email { get; init; } = "";
            public List<Line> Lines { get; init; } = new();
            public string Shop { get; init; } = "";
        }
        """ + Types);

    [Fact]
    public Task SectionsOnTheWrongType_ReportTM0021() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hi")]
        [HtmlBody("{{#each {|TM0021:Total|}}}x{{/each}}{{#if {|TM0021:Quantity|}}}y{{/if}}{{{{|TM0021:Note|}}}}{{{Signature}}}{{#if Signature}}{{/if}}")]
        public partial class Shipped
        {
            [To] public string Email { get; init; } = "";
            public decimal Total { get; init; }
            public int Quantity { get; init; }
            public string Note { get; init; } = "";
            public HtmlString? Signature { get; init; }
        }
        """);

    [Fact]
    public Task SyntaxErrors_ReportTM0022AtTheSpan() => AnalyzerTest.VerifyAsync("""
        using System.Collections.Generic;
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hi {|TM0022:{{}}|}")]
        [TextBody("{{#each Lines}}{{Product}}{|TM0022:{{else}}|}none{|TM0022:{{/if}}|}")]
        public partial class Shipped
        {
            [To] public string Email { get; init; } = "";
            public List<Line> Lines { get; init; } = new();
        }
        """ + Types);

    [Fact]
    public Task LayoutWithoutBody_ReportsTM0022InTheLayoutFile()
    {
        var test = new AnalyzerTest("""
            using TypedMail;

            [MailMessage(From = "shop@example.com", Subject = "Hi")]
            [HtmlBody("<p>{{Name}}</p>", Layout = "Mail/_Layout.html")]
            public partial class Shipped
            {
                [To] public string Email { get; init; } = "";
                public string Name { get; init; } = "";
            }
            """);
        test.TestState.AdditionalFiles.Add(("/project/Mail/_Layout.html", "{|TM0022:|}<html>{{> {|TM0015:Mail/_Missing.html|}}}</html>"));
        return test.RunAsync();
    }

    [Fact]
    public Task MissingLayoutFile_ReportsTM0015OnTheLayoutArgument() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "shop@example.com", Subject = "Hi")]
        [HtmlBody("<p>{{Name}}</p>", Layout = {|TM0015:"Mail/_Layout.html"|})]
        public partial class Shipped
        {
            [To] public string Email { get; init; } = "";
            public string Name { get; init; } = "";
        }
        """);

    [Fact]
    public Task MembersUsedOnlyInALoopAConditionALayoutOrAPartial_AreUsed()
    {
        var test = new AnalyzerTest("""
            using System.Collections.Generic;
            using TypedMail;

            [MailMessage(From = "shop@example.com", Subject = "Hi")]
            [HtmlBody("{{#each Lines}}{{#if Express}}{{Product}}{{/if}}{{/each}}", Layout = "Mail/_Layout.html")]
            public partial class Shipped
            {
                [To] public string Email { get; init; } = "";
                public List<Line> Lines { get; init; } = new();
                public bool Express { get; init; }
                public string Shop { get; init; } = "";
                public string Footer { get; init; } = "";
                public string {|TM0008:Forgotten|} { get; init; } = "";
            }
            """ + Types);
        test.TestState.AdditionalFiles.Add(("/project/Mail/_Layout.html", "<h1>{{Shop}}</h1>{{> body}}{{> Mail/_Footer.html}}"));
        test.TestState.AdditionalFiles.Add(("/project/Mail/_Footer.html", "<footer>{{Footer}}</footer>"));
        return test.RunAsync();
    }
}
