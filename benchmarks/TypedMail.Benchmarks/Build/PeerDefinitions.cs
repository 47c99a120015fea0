namespace TypedMail.Benchmarks.Build;

/// <summary>
/// The same shape of work for TypedMail's generator and for the runtime's LoggerMessage generator: one definition per
/// class, each with three values to format into text, a thousand of them in their own namespaces.
/// </summary>
internal static class PeerDefinitions
{
    public const int Count = 1000;

    public static string TypedMail(int i) => $$$"""
        using TypedMail;

        namespace Shop.Mail{{{i}}};

        [MailMessage(From = "orders@shop.example", Subject = "Order {{OrderNumber}} shipped")]
        [TextBody("Dear {{Name}},\nyour order {{OrderNumber}} left on {{Shipped:yyyy-MM-dd}}.")]
        public partial class OrderShipped
        {
            [To] public required string Email { get; init; }
            public required string Name { get; init; }
            public int OrderNumber { get; init; }
            public System.DateTime Shipped { get; init; }
        }
        """;

    public static string LoggerMessage(int i) => $$"""
        using Microsoft.Extensions.Logging;

        namespace Shop.Logs{{i}};

        public static partial class OrderLog
        {
            [LoggerMessage(EventId = {{i}}, Level = LogLevel.Information, Message = "Order {OrderNumber} for {Name} shipped on {Shipped}")]
            public static partial void OrderShipped(ILogger logger, string name, int orderNumber, System.DateTime shipped);
        }
        """;

    /// <summary>An edit inside one definition: its text template changes.</summary>
    public static string TypedMailEdited(int i) => TypedMail(i).Replace("left on", "was shipped on", StringComparison.Ordinal);

    /// <summary>The same kind of edit for LoggerMessage: its message template changes.</summary>
    public static string LoggerMessageEdited(int i) => LoggerMessage(i).Replace("shipped on", "was shipped on", StringComparison.Ordinal);

    public const string Unrelated = "namespace Shop; public class Inventory { public int Count() => 1; }";
    public const string UnrelatedEdited = "namespace Shop; public class Inventory { public int Count() => 2; }";
}
