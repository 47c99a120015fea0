using TypedMail.Definitions.Templates;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>Which AdditionalFiles item a <c>File =</c> template names: one rule (Definitions/Templates/TemplateFiles) for generator and analyzers.</summary>
public sealed class TemplateFileMatchingTests
{
    [Theory]
    [InlineData("/project/Mail/discount.txt", "Mail/discount.txt", true)]
    [InlineData(@"C:\project\Mail\discount.txt", "Mail/discount.txt", true)]
    [InlineData("/project/Mail/discount.txt", @"Mail\discount.txt", true)]
    [InlineData("/project/Mail/discount.txt", "./Mail/discount.txt", true)]
    [InlineData("/project/Mail/discount.txt", "/Mail/discount.txt", true)]
    [InlineData("Mail/discount.txt", "Mail/discount.txt", true)]
    [InlineData("/project/Mail/Discount.txt", "mail/discount.TXT", true)]
    [InlineData("/project/OtherMail/discount.txt", "Mail/discount.txt", false)]
    [InlineData("/project/Mail/discount.txt", "", false)]
    [InlineData("/project/Mail/discount.txt", "/", false)]
    public void TheItemWhosePathEndsWithTheTemplatePathMatches(string additionalPath, string templatePath, bool matches) =>
        Assert.Equal(matches, TemplateFiles.Matches(additionalPath, templatePath));

    [Fact]
    public void AnItemWhoseCaseMatchesExactlyWinsOverOneThatMatchesIgnoringCase() =>
        Assert.Equal("/b/Mail/offer.txt", TemplateFiles.Find(["/a/MAIL/offer.txt", "/b/Mail/offer.txt"], "Mail/offer.txt"));
}
