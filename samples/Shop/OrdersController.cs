// readme:controller
using Microsoft.AspNetCore.Mvc;
using TypedMail;

namespace Shop;

[ApiController]
[Route("orders")]
public sealed class OrdersController(ISmtpSender mail) : ControllerBase
{
    [HttpPost("{orderId:int}/shipped")]
    public async Task<IActionResult> Shipped(int orderId, string email, string name, CancellationToken cancellationToken)
    {
        var message = OrderShipped.Create().Email(email).Name(name).OrderId(orderId).Build();
        SendResult result = await mail.SendAsync(message, cancellationToken);
        return result.Succeeded ? Ok() : Problem(result.ErrorText, statusCode: 502);
    }
}
// end
