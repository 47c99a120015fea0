// expect: TM0007
using TypedMail;

// Two base interfaces both declare Name: C# cannot read customer.Name (CS0229), so the path stays unknown.
[MailMessage(From = "shop@example.com", Subject = "Shipped")]
[TextBody("Dear {{Customer.Name}}")]
public partial class Shipped
{
    [To] public required string Email { get; init; }
    public required ICustomer Customer { get; init; }
}

public interface IPerson { string Name { get; } }
public interface ICompany { string Name { get; } }
public interface ICustomer : IPerson, ICompany { }

static class Caller
{
    static Shipped Use(ICustomer customer) => Shipped.Create().Email("a@example.com").Customer(customer).Build();
}
