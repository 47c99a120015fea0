using System.Collections.Generic;

namespace TypedMail.Generator.Tests.Templates;

// Public model types the compiled test messages use, so that tests (and Handlebars.Net) build inputs directly.

public sealed class TestAddress
{
    public string City { get; set; } = "";
}

public sealed class TestCustomer
{
    public string? Name { get; set; }

    public TestAddress? Address { get; set; }
}

public sealed class TestLine
{
    public string Product { get; set; } = "";

    public int Quantity { get; set; }

    public decimal Price { get; set; }

    public bool Gift { get; set; }

    public List<string> Options { get; set; } = new();
}

/// <summary>The members of every parity case: each case is a message class deriving from this one.</summary>
public class ParityModel
{
    [To] public string Email { get; set; } = "ann@example.com";

    public string? Name { get; set; }

    public TestCustomer? Customer { get; set; }

    public List<TestLine>? Lines { get; set; }

    public string[]? Tags { get; set; }

    public bool Express { get; set; }

    public bool? Gift { get; set; }

    public string? Note { get; set; }

    public HtmlString? Signature { get; set; }
}
