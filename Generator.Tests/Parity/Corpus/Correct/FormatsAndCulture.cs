using System;
using TypedMail;

public enum OrderStatus { Pending = 1, Shipped = 2 }

[MailMessage(From = "shop@example.com", Subject = "Order {{Number:D6}} of {{Placed:yyyy-MM-dd}}", Culture = "fr-FR")]
[TextBody("{{Total:C}} {{Total:N2}} {{Rate:P1}} {{At:O}} {{Wait:c}} {{Id:N}} {{Status:D}} {{Status}} {{Big:X8}} {{Ratio:0.###}} {{Note}}")]
public partial class Order
{
    [To] public required string Email { get; init; }
    public int Number { get; init; }
    public DateTime Placed { get; init; }
    public decimal Total { get; init; }
    public double Rate { get; init; }
    public DateTimeOffset At { get; init; }
    public TimeSpan Wait { get; init; }
    public Guid Id { get; init; }
    public OrderStatus Status { get; init; }
    public long Big { get; init; }
    public float Ratio { get; init; }
    public int? Note { get; init; }
}

static class Caller
{
    static Order Use() => Order.Create().Email("a@example.com").Build();
}
