using System.Threading.Tasks;

namespace TypedMail.Generator.Tests.Analyzers;

/// <summary>TM0011 on the class and on nested and generic containing types.</summary>
public sealed class PartialTypeTests
{
    [Fact]
    public Task MessageClassNotPartial_ReportsTM0011OnItsName() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
        public class {|TM0011:Offer|};
        """);

    [Fact]
    public Task ContainingTypeNotPartial_ReportsTM0011OnTheContainer() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public static class {|TM0011:Mails|}
        {
            [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
            public partial class Offer;
        }
        """);

    [Fact]
    public Task GenericContainers_ReportEachNonPartialType() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        public class {|TM0011:Outer|}<T>
        {
            public partial class Middle<U> where U : struct
            {
                internal struct {|TM0011:Inner|}
                {
                    [SmtpServer("localhost", Port = 2525)]
                    private class {|TM0011:Relay|};
                }
            }
        }
        """);

    [Fact]
    public Task AllPartial_IsSilent() => AnalyzerTest.VerifyAsync("""
        using TypedMail;

        namespace Shop.Mail;

        public static partial class Mails<T>
        {
            internal partial record struct Holder
            {
                [MailMessage(From = "herb@wkrp.com", To = "a@example.com", Subject = "Hi")]
                public partial class Offer;
            }
        }
        """);

    [Fact]
    public Task ClassWithoutTypedMailAttributes_IsSilent() => AnalyzerTest.VerifyAsync("""
        public class Plain
        {
            public class Nested;
        }
        """);
}
