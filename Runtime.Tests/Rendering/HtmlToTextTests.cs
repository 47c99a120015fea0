namespace TypedMail.Runtime.Tests.Rendering;

/// <summary>The converter's single rules, and markup it must survive.</summary>
public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<p>Call <a href=\"https://wkrp.com/\">us</a></p>", "Call us (https://wkrp.com/)\n")]
    [InlineData("<a href=\"https://wkrp.com/\">https://wkrp.com/</a>", "https://wkrp.com/\n")]
    [InlineData("<a href=\"https://wkrp.com/\"><img src=\"x.png\"></a>", "https://wkrp.com/\n")]
    [InlineData("<a href=\"#top\">Top</a>", "Top\n")]
    [InlineData("<a href=\"javascript:void(0)\">Menu</a>", "Menu\n")]
    [InlineData("Fish &amp; chips &lt;3 &#169; &#xE9;t&eacute;", "Fish & chips <3 © été\n")]
    [InlineData("<script>alert('x')</script><style>p{}</style>Visible", "Visible\n")]
    [InlineData("<p>one</p><p></p><div></div><p>two</p>", "one\n\ntwo\n")]
    [InlineData("<span hidden>preview</span>Shown", "Shown\n")]
    [InlineData("<div style=\"DISPLAY: NONE\"><div>a</div>b</div>c", "c\n")]
    [InlineData("a<br>b<br/>c", "a\nb\nc\n")]
    [InlineData("<ul><li>x</li><li>y</li></ul>", "- x\n- y\n")]
    public void Rules(string html, string text) => Assert.Equal(text, HtmlToText.Convert(html));

    [Theory]
    [InlineData("")]
    [InlineData("<html><head><title>only a title</title></head><body> &nbsp; </body></html>")]
    [InlineData("<img src=\"pixel.gif\" alt=\"\">")]
    public void NothingVisible_GivesEmptyText(string html) => Assert.Equal(string.Empty, HtmlToText.Convert(html));

    [Theory]
    [InlineData("<p>unclosed <b>bold <a href=\"https://x.example/\">link", "unclosed bold link\n")]
    [InlineData("1 < 2 and 3 > 2", "1 < 2 and 3 > 2\n")]
    [InlineData("<p class=\"a>b\">text</p>", "text\n")]
    [InlineData("</li></ul></a>stray ends<", "stray ends<\n")]
    [InlineData("<!-- never closed", "")]
    [InlineData("<div", "")]
    public void MalformedMarkup_IsReadForgivingly(string html, string text) => Assert.Equal(text, HtmlToText.Convert(html));
}
