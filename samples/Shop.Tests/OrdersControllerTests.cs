using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TypedMail;
using TypedMail.Testing;

namespace Shop.Tests;

/// <summary>The shop's controller with the application's own registrations, and the mail swapped for a recording sender.</summary>
public sealed class OrdersControllerTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly RecordingSmtpSender _outbox;

    public OrdersControllerTests()
    {
        // readme:test-setup
        var configuration = new ConfigurationBuilder().AddJsonFile("appsettings.json").Build();
        var services = new ServiceCollection()
            .AddTypedMail(configuration.GetSection("TypedMail"))   // as Program.cs does
            .AddTypedMailTesting()                                 // then swap the sender
            .AddTransient<OrdersController>();
        // end
        _services = services.BuildServiceProvider();
        _outbox = _services.GetRequiredService<RecordingSmtpSender>();
    }

    [Fact]
    public async Task Shipped_SendsOrderShippedToTheCustomer()
    {
        // readme:test
        var controller = _services.GetRequiredService<OrdersController>();

        await controller.Shipped(42, "ann@example.org", "Ann", CancellationToken.None);

        var mail = _outbox.ShouldHaveSentTo<OrderShipped>("ann@example.org", m => m.OrderId == 42);
        Assert.Equal("Ann", mail.Name);
        _outbox.ShouldHaveSentMime(m => m.Subject == "Your order 42 has shipped", "the subject naming order 42");
        _outbox.ShouldHaveSentNothingTo("bob@example.org");
        // end
    }

    [Fact]
    public async Task Shipped_WhenTheServerRefusesTheCustomer_AnswersBadGateway()
    {
        _outbox.RefuseRecipient("ann@example.org");
        var controller = _services.GetRequiredService<OrdersController>();

        var answer = await controller.Shipped(42, "ann@example.org", "Ann", CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(answer);
        Assert.Equal(502, problem.StatusCode);
        _outbox.ShouldHaveSentNothing();
    }

    public void Dispose() => _services.Dispose();
}
