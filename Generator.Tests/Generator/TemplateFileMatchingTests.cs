using TypedMail.Generator.Parsing;

namespace TypedMail.Generator.Tests.Generator;

/// <summary>Which AdditionalFiles item a <c>File =</c> template names (the analyzers' TM0015 matches the same way).</summary>
public sealed class TemplateFileMatchingTests
{
    [Theory]
    [InlineData("/project/Mail/discount.txt", "Mail/discount.txt", true)]
    [InlineData(@"C:\project\Mail\discount.txt", "Mail/discount.txt", true)]
    [InlineData("/project/Mail/discount.txt", @"Mail\discount.txt", true)]
    [InlineData("/project/Mail/discount.txt", "./Mail/discount.txt", true)]
    [InlineData("Mail/discount.txt", "Mail/discount.txt", true)]
    [InlineData("/project/OtherMail/discount.txt", "Mail/discount.txt", false)]
    [InlineData("/project/Mail/Discount.txt", "Mail/discount.txt", false)]
    [InlineData("/project/Mail/discount.txt", "", false)]
    public void TheItemWhosePathEndsWithTheTemplatePathMatches(string additionalPath, string templatePath, bool matches) =>
        Assert.Equal(matches, TemplateResolver.Matches(additionalPath, templatePath));
}
