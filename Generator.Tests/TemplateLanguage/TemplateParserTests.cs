using System.Linq;
using TypedMail.Definitions.TemplateLanguage;

namespace TypedMail.Generator.Tests.TemplateLanguage;

public class TemplateParserTests
{
    [Theory]
    [InlineData("Dear {{Name}},", "'Dear ' value(Name) ','")]
    [InlineData("{{ Customer.Name }}", "value(Customer.Name)")]
    [InlineData("{{Order.Total:C}} {{Date:dd MMM yyyy}}", "value(Order.Total:C) ' ' value(Date:dd MMM yyyy)")]
    [InlineData("{{{Signature}}}", "raw(Signature)")]
    [InlineData("{{#each Lines}}{{Product}} {{this}} {{this.Sku}} {{../Name}} {{@index}}{{/each}}", "each(Lines)[value(Product) ' ' value(this) ' ' value(this.Sku) ' ' value(../Name) ' ' value(@index)]")]
    [InlineData("{{#if HasDiscount}}-{{Discount}}{{else}}none{{/if}}", "if(HasDiscount)['-' value(Discount)]else['none']")]
    [InlineData("{{#unless Paid}}due{{/unless}}", "unless(Paid)['due']")]
    [InlineData("{{#each A}}{{#each B}}{{@first}}{{../../X}}{{/each}}{{/each}}", "each(A)[each(B)[value(@first) value(../../X)]]")]
    [InlineData("a{{> Mail/_Footer.html}}b", "'a' partial(Mail/_Footer.html) 'b'")]
    [InlineData("a{{! a comment }}b{{!-- {{not}} a tag --}}c", "'abc'")]
    [InlineData(@"\{{Name}} and \\{{Name}}", @"'{{Name}} and \' value(Name)")]
    [InlineData("no tags at all", "'no tags at all'")]
    public void Parses_every_construct(string template, string expected) =>
        Assert.Equal(expected, SyntaxDump.Of(template));

    [Fact]
    public void A_block_tag_alone_on_its_line_takes_the_line_with_it()
    {
        const string template = "<ul>\n  {{#each Lines}}\n  <li>{{Product}}</li>\n  {{/each}}\n</ul>\n{{#if X}}\r\nyes\r\n{{else}}\r\nno\r\n{{/if}}";
        Assert.Equal("'<ul>\\n' each(Lines)['  <li>' value(Product) '</li>\\n'] '</ul>\\n' if(X)['yes\r\\n']else['no\r\\n']", SyntaxDump.Of(template));
    }

    [Fact]
    public void Values_and_tags_sharing_a_line_keep_it()
    {
        Assert.Equal("'<p>' if(X)['yes'] '</p>\\n' value(A) '\\n'", SyntaxDump.Of("<p>{{#if X}}yes{{/if}}</p>\n{{A}}\n"));
        Assert.Equal("'  ' value(A) ' ' each(L)['\\n'] ' x\\n'", SyntaxDump.Of("  {{A}} {{#each L}}\n{{/each}} x\n"));
    }

    [Fact]
    public void Spans_point_at_the_names_as_written()
    {
        const string template = "Hi {{ Customer.Nmae }}!";
        var value = Assert.IsType<ValueNode>(TemplateSyntax.Parse(template).Nodes[1]);
        Assert.Equal("{{ Customer.Nmae }}", Slice(template, value.Span));
        Assert.Equal("Customer.Nmae", Slice(template, value.Path.Span));
        Assert.Equal("Nmae", Slice(template, value.Path.Segments[1].Span));

        const string each = "{{#each  Order.Lines}}{{Qty:N0}}{{/each}}";
        var loop = Assert.IsType<EachNode>(TemplateSyntax.Parse(each).Nodes.Single());
        Assert.Equal("{{#each  Order.Lines}}", Slice(each, loop.Span));
        Assert.Equal("Lines", Slice(each, loop.Sequence.Segments[1].Span));
        var qty = Assert.IsType<ValueNode>(loop.Body.Single());
        Assert.Equal("N0", Slice(each, qty.FormatSpan));

        const string partial = "x {{>  Mail/_Footer.html }}";
        var node = Assert.IsType<PartialNode>(TemplateSyntax.Parse(partial).Nodes[1]);
        Assert.Equal("Mail/_Footer.html", Slice(partial, node.NameSpan));
    }

    [Theory]
    [InlineData("a {{#each Lines}}x", "{{#each Lines}}", "'{{#each}}' is not closed: add '{{/each}}'")]
    [InlineData("{{#if A}}x{{/each}}", "{{/each}}", "'{{/each}}' does not close '{{#if}}': write '{{/if}}'")]
    [InlineData("x{{/if}}", "{{/if}}", "'{{/if}}' closes no section")]
    [InlineData("a{{else}}b", "{{else}}", "'{{else}}' is outside '{{#if}}' and '{{#unless}}'")]
    [InlineData("{{#each L}}a{{else}}b{{/each}}", "{{else}}", "'{{else}}' is outside '{{#if}}' and '{{#unless}}'")]
    [InlineData("{{#if A}}1{{else}}2{{else}}3{{/if}}", "{{else}}", "'{{#if}}' has a second '{{else}}'")]
    [InlineData("Hello {{}}!", "{{}}", "'{{}}' is an empty placeholder: name a member")]
    [InlineData("Hello {{  }}!", "{{  }}", "'{{  }}' is an empty placeholder: name a member")]
    [InlineData("Hello {{{ }}}!", "{{{ }}}", "'{{{ }}}' is an empty placeholder: name a member")]
    [InlineData("Hello {{Name", "{{Name", "'{{' has no closing '}}'")]
    [InlineData("Hello {{{Name}}", "{{{Name}}", "'{{{' has no closing '}}}'")]
    [InlineData("{{!-- x }}", "{{!-- x }}", "'{{!--' has no closing '--}}'")]
    [InlineData("{{Name:}}", "{{Name:}}", "'{{Name:}}' has an empty format after ':'")]
    [InlineData("{{{Name:C}}}", "{{{Name:C}}}", "'{{{Name:C}}}' takes no format: an HtmlString is written as it is")]
    [InlineData("{{#with Customer}}x", "{{#with Customer}}", "'{{#with}}' is not a section: the sections are #each, #if and #unless")]
    [InlineData("{{#each}}{{/each}}", "{{#each}}", "'{{#each}}' names no member: write '{{#each Member}}'")]
    [InlineData("{{format Date \"d\"}}", "{{format Date \"d\"}}", "'{{format Date \"d\"}}': 'format Date \"d\"' is not a member path: helpers with arguments are not supported, a path is names joined by '.'")]
    [InlineData("{{Customer..Name}}", "{{Customer..Name}}", "'{{Customer..Name}}': 'Customer..Name' is not a member path: a path is names joined by '.'")]
    [InlineData("{{@index}}", "@index", "'@index' is outside '{{#each}}'")]
    [InlineData("{{#each L}}{{@key}}{{/each}}", "{{@key}}", "'{{@key}}': '@key' is not a loop variable: the loop variables are @index, @first and @last")]
    [InlineData("{{#each L}}{{../../Name}}{{/each}}", "../../Name", "'../../Name' goes above the message: only 1 '{{#each}}' surround it")]
    [InlineData("{{#if A}}{{/if B}}", "{{/if B}}", "'{{/if}}' takes no member: write '{{/if}}'")]
    [InlineData("{{#if A}}{{else if B}}{{/if}}", "{{else if B}}", "'{{else if B}}' is not supported: nest an '{{#if}}' inside '{{else}}'")]
    [InlineData("{{> }}", "{{> }}", "'{{>}}' names no partial: write '{{> Mail/_Footer.html}}'")]
    [InlineData("a {{> body}}", "{{> body}}", "'{{> body}}' belongs only in a layout")]
    public void Syntax_errors_name_the_construct_and_point_at_it(string template, string at, string message)
    {
        var error = Assert.Single(TemplateSyntax.Parse(template).Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(at, Slice(template, error.Span));
    }

    [Fact]
    public void A_layout_has_exactly_one_body_outside_sections()
    {
        Assert.Equal("'<html>' partial(body) '</html>'", SyntaxDump.Of("<html>{{> body}}</html>", TemplateRole.Layout));

        var missing = Assert.Single(TemplateSyntax.Parse("<html></html>", TemplateRole.Layout).Errors);
        Assert.Equal("the layout has no '{{> body}}': write it where the message's body goes", missing.Message);
        Assert.Equal(new SourceSpan(0, 0), missing.Span);

        const string twice = "{{> body}}<hr>{{> body}}";
        var second = Assert.Single(TemplateSyntax.Parse(twice, TemplateRole.Layout).Errors);
        Assert.Equal("'{{> body}}' appears more than once in the layout", second.Message);
        Assert.Equal(14, second.Span.Start);

        var inside = Assert.Single(TemplateSyntax.Parse("{{#if A}}{{> body}}{{/if}}", TemplateRole.Layout).Errors);
        Assert.Equal("'{{> body}}' must be outside any section of the layout", inside.Message);

        var inPartial = Assert.Single(TemplateSyntax.Parse("{{> body}}", TemplateRole.Partial).Errors);
        Assert.Equal("'{{> body}}' belongs only in a layout", inPartial.Message);
    }

    [Fact]
    public void Several_errors_are_all_reported_in_order()
    {
        var errors = TemplateSyntax.Parse("{{}} {{else}} {{#each L}}").Errors;
        Assert.Equal(new[] { 0, 5, 14 }, errors.Select(e => e.Span.Start));
    }

    private static string Slice(string text, SourceSpan span) => text.Substring(span.Start, span.Length);
}
