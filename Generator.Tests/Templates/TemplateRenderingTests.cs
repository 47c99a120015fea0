using System;
using System.Collections.Generic;
using TypedMail.Generator.Tests.Generator;

namespace TypedMail.Generator.Tests.Templates;

/// <summary>The generated rendering methods, compiled and run: what an order confirmation really renders.</summary>
public sealed class TemplateRenderingTests : IDisposable
{
    private readonly CompiledAssembly _compiled = CompiledAssembly.CompileWithTestModels(new[] { TemplateInputs.Order }, TemplateInputs.Files().ToArray());

    [Fact]
    public void AFullOrderRendersPathsLoopsConditionsLayoutAndPartial()
    {
        var order = Order(
            ("Number", 42),
            ("Customer", new TestCustomer { Name = "Ann & Bob", Address = new TestAddress { City = "Cincinnati" } }),
            ("Lines", new List<TestLine> { new() { Product = "Tape", Quantity = 2, Price = 1.5m }, new() { Product = "<Glue>", Quantity = 1, Price = 1234.5m } }),
            ("Tags", Yield("a", "b<", "c")),
            ("Discount", 3m),
            ("Express", (bool?)true),
            ("Note", "Leave at the door"),
            ("Signature", new HtmlString("<b>Herb</b>")),
            ("Shop", "WKRP"));

        Assert.Equal("""
            <html><body>
            <h1>Order 42</h1>
            <p>Dear Ann &amp; Bob from Cincinnati</p>
            <table>
              <tr class="first"><td>0</td><td>Tape</td><td>1,50</td><td>WKRP #42</td></tr>
              <tr class=" last"><td>1</td><td>&lt;Glue&gt;</td><td>1234,50</td><td>WKRP #42</td></tr>
            </table>

            <p>Discount: 3,00</p>
            <p>Express</p>
            <p>Leave at the door</p>
            <p>Tags: a, b&lt;, c</p>
            <b>Herb</b>
            <footer>WKRP &copy; 42</footer>
            </body></html>
            """.ReplaceLineEndings("\n"), CompiledAssembly.Render(order, "TypedMailHtmlBody"));
        Assert.Equal("WKRP\n----\n0. Tape x2\n1. <Glue> x1\n-- \nWKRP, order 42", CompiledAssembly.Render(order, "TypedMailTextBody"));
        Assert.Equal("Order 42 for Ann & Bob", CompiledAssembly.Render(order, "TypedMailSubject"));
    }

    [Fact]
    public void NullsAndEmptyListsRenderNothingAndTakeTheElseBranches()
    {
        var order = Order(("Number", 7), ("Lines", new List<TestLine>()), ("Express", (bool?)false), ("Note", ""), ("Shop", "WKRP"));

        Assert.Equal("""
            <html><body>
            <h1>Order 7</h1>
            <p>Dear  from </p>
            <table>
            </table>
            <p>No lines.</p>
            <p>No discount.</p>


            <p>Tags: </p>

            <footer>WKRP &copy; 7</footer>
            </body></html>
            """.ReplaceLineEndings("\n"), CompiledAssembly.Render(order, "TypedMailHtmlBody"));
        Assert.Equal("Order 7 for ", CompiledAssembly.Render(order, "TypedMailSubject"));
    }

    [Fact]
    public void ALazySequenceIsWalkedOnceWithItsLastElementKnown()
    {
        var walks = 0;
        IEnumerable<string> Tags()
        {
            walks++;
            yield return "one";
            yield return "two";
        }

        var html = CompiledAssembly.Render(Order(("Tags", Tags()), ("Shop", "S")), "TypedMailHtmlBody");

        Assert.Contains("<p>Tags: one, two</p>", html, StringComparison.Ordinal);
        Assert.Equal(1, walks);
    }

    private object Order(params (string Member, object? Value)[] values)
    {
        var order = Activator.CreateInstance(_compiled.Type("Shop.Mail.OrderConfirmation"))!;
        foreach (var (member, value) in values)
        {
            order.GetType().GetProperty(member)!.SetValue(order, value);
        }

        return order;
    }

    private static IEnumerable<string> Yield(params string[] items)
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    public void Dispose() => _compiled.Dispose();
}
