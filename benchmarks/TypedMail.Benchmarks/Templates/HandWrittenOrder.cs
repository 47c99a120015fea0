using System.Globalization;
using System.Net;
using System.Text;

namespace TypedMail.Benchmarks.Templates;

/// <summary>What a careful developer writes by hand: one StringBuilder, WebUtility.HtmlEncode on every string.</summary>
public static class HandWrittenOrder
{
    public static string Render(OrderConfirmationMail order)
    {
        var culture = CultureInfo.InvariantCulture;
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>Order ").Append(order.Number.ToString(culture))
            .Append("</title></head>\n<body style=\"font-family: sans-serif\">\n<h1>Thank you for your order, ").Append(WebUtility.HtmlEncode(order.Customer.Name))
            .Append("!</h1>\n<p>Order <b>").Append(order.Number.ToString(culture)).Append("</b> goes to ").Append(WebUtility.HtmlEncode(order.Customer.Street))
            .Append(", ").Append(WebUtility.HtmlEncode(order.Customer.City))
            .Append(".</p>\n<table>\n<tr><th>#</th><th>Product</th><th>Quantity</th><th>Price</th></tr>\n");
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            html.Append("<tr><td>").Append(i.ToString(culture)).Append("</td><td>").Append(WebUtility.HtmlEncode(line.Product))
                .Append("</td><td>").Append(line.Quantity.ToString(culture)).Append("</td><td>").Append(line.Price.ToString(culture)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (order.HasDiscount)
        {
            html.Append("<p>Discount: ").Append(order.Discount.ToString(culture)).Append("</p>\n");
        }

        html.Append("<p>Total: <b>").Append(order.Total.ToString(culture)).Append("</b></p>\n<p>").Append(WebUtility.HtmlEncode(order.Shop))
            .Append(": ").Append(WebUtility.HtmlEncode(order.Note)).Append("</p>\n</body>\n</html>");
        return html.ToString();
    }
}
