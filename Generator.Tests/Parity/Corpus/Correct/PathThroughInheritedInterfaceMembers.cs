using System.Collections.Generic;
using TypedMail;

// A path binds through members an interface inherits from its base interfaces, at any depth and inside a loop.
[MailMessage(From = "shop@example.com", Subject = "Order for {{Customer.Name}}")]
[TextBody("Dear {{Customer.Name}} ({{Customer.Id}}), {{Customer.Address.City}}{{#each Lines}} {{Product}} x{{Quantity}}{{/each}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required ICustomer Customer { get; init; }
    public required IReadOnlyList<ILine> Lines { get; init; }
}

public interface IIdentified { int Id { get; } }
public interface INamed : IIdentified { string Name { get; } }
public interface IAddress { string City { get; } }
public interface ILocated { IAddress Address { get; } }
public interface ICustomer : INamed, ILocated { }
public interface IProduct { string Product { get; } }
public interface ILine : IProduct { int Quantity { get; } }

static class Caller
{
    static Shipped Use(ICustomer customer, IReadOnlyList<ILine> lines) =>
        Shipped.Create().Email("a@example.com").Customer(customer).Lines(lines).Build();
}
